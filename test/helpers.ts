import { LitElement, html } from 'lit';
import { ClerkFlowElement } from '../src/base-element.js';

let counter = 0;

/** Registers a class under a fresh tag (each test gets its own definition) and returns the tag. */
export function freshTag(prefix: string, element: CustomElementConstructor): string {
  const tag = `${prefix}-${++counter}-${Math.random().toString(36).slice(2, 7)}`;
  customElements.define(tag, class extends (element as typeof LitElement) {});
  return tag;
}

/** A minimal element using the shared Clerk context, to test what consumers receive. */
export class TestConsumerElement extends ClerkFlowElement<'loading' | 'ready' | 'error'> {
  received = 0;
  constructor() {
    super();
    this.status = 'loading';
  }
  protected override clerkChanged(): void {
    this.received++;
    this.setStatus(this.ctx.status);
  }
  get value() {
    return this.ctx;
  }
  override render() {
    return html`<p>${this.ctx.status}</p>`;
  }
}

/** Forgets every page-global trace of Clerk between tests. */
export function resetClerkGlobals(): void {
  const w = window as unknown as Record<string | symbol, unknown>;
  delete w.Clerk;
  delete w.clerkScriptRuns;
  delete w[Symbol.for('clerk-oauth-elements/script-loads')];
  delete w[Symbol.for('clerk-oauth-elements/instance-loads')];
  delete w[Symbol.for('clerk-oauth-elements/script-failures')];
  document.querySelectorAll('script[data-clerk-oauth-elements]').forEach((s) => s.remove());
}

/** A well-formed development key for `<host>`. */
export const keyFor = (host: string) => `pk_test_${btoa(`${host}$`)}`;

/** Waits until `predicate` holds (bounded). Polls with timers: animation frames stall in background test pages. */
export async function until(predicate: () => boolean, what: string, timeout = 3000): Promise<void> {
  const start = performance.now();
  while (!predicate()) {
    if (performance.now() - start > timeout) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}
