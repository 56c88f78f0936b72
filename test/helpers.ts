import { expect, fixture, html } from '@open-wc/testing';
import { LitElement, html as litHtml, render, type TemplateResult } from 'lit';
import { ClerkFlowElement } from '../src/base-element.js';
import { ClerkProviderElement } from '../src/elements/clerk-provider/clerk-provider.js';
import type { ClerkInstance, NavigateHook } from '../src/context.js';
import { EVENT_NAMES, StatusChangeEvent } from '../src/events.js';
import type { Localization } from '../src/localization.js';
import { FakeClerk, asClerk, type FakeClerkOptions } from '../src/testing/index.js';

let counter = 0;

/** Registers a class under a fresh tag (each test gets its own definition) and returns the tag. */
export function freshTag(prefix: string, element: CustomElementConstructor): string {
  const tag = `${prefix}-${++counter}-${Math.random().toString(36).slice(2, 7)}`;
  customElements.define(tag, class extends (element as typeof LitElement) {});
  return tag;
}

const tags = new Map<CustomElementConstructor, string>();
/** One fresh tag per class per test file. */
export function tagOf(element: CustomElementConstructor): string {
  let tag = tags.get(element);
  if (!tag) tags.set(element, (tag = freshTag(`t-${element.name.replace(/Element$/, '').toLowerCase()}`, element)));
  return tag;
}

/** A minimal element using the shared Clerk context, to test what consumers receive. */
export class TestConsumerElement extends ClerkFlowElement<'loading' | 'ready' | 'error'> {
  received = 0;
  protected override clerkChanged(): void {
    this.received++;
    this.setStatus(this.ctx.status);
  }
  get value() {
    return this.ctx;
  }
  override render() {
    return litHtml`<p>${this.ctx.status}</p>`;
  }
}

/** Records every event of this package that reaches the wrapper, in order. */
export class EventRecorder {
  readonly events: Event[] = [];
  constructor(target: EventTarget) {
    for (const name of EVENT_NAMES) target.addEventListener(name, (event) => this.events.push(event));
  }
  /** The events of one type, typed. */
  of<T extends Event>(type: (typeof EVENT_NAMES)[number]): T[] {
    return this.events.filter((e) => e.type === type) as T[];
  }
  /** Every event type, in order (status changes left out). */
  types(): string[] {
    return this.events.filter((e) => e.type !== StatusChangeEvent.eventName).map((e) => e.type);
  }
  /** The status sequence of one element. */
  statuses(el: Element): string[] {
    return this.of<StatusChangeEvent>('oauth-elements-status')
      .filter((e) => e.target === el)
      .map((e) => e.status);
  }
  clear(): void {
    this.events.length = 0;
  }
}

export interface MountOptions {
  /** The fake Clerk, or options for a new one. */
  clerk?: FakeClerk | FakeClerkOptions;
  /** Attributes on the element, set before it is connected (`false` leaves one out, `true` is empty). */
  attrs?: Record<string, string | boolean | undefined>;
  /** Properties on the element, set before it is connected. */
  props?: Record<string, unknown>;
  /** Light-DOM children of the element. */
  children?: TemplateResult;
  localization?: Localization;
  allowedOrigins?: string;
  navigate?: NavigateHook;
  /** Attributes on the provider. */
  providerAttrs?: Record<string, string>;
  /** No provider: the element finds the page's `window.Clerk` (or says it has none). */
  noProvider?: boolean;
  /** Wait until the element leaves `loading` (default true). */
  waitReady?: boolean;
}

export interface Mounted<E extends HTMLElement> {
  el: E;
  root: ShadowRoot;
  fake: FakeClerk;
  provider?: ClerkProviderElement;
  events: EventRecorder;
  /** The element's status sequence so far. */
  statuses(): string[];
}

/**
 * The one way tests mount an element: inside a `<clerk-provider>` given a fake Clerk, attributes and
 * properties set before connection (as a page or framework sets them), every package event recorded.
 */
export async function mount<E extends HTMLElement>(element: CustomElementConstructor, options: MountOptions = {}): Promise<Mounted<E>> {
  const fake = options.clerk instanceof FakeClerk ? options.clerk : new FakeClerk(options.clerk ?? {});
  const wrapper = await fixture<HTMLDivElement>(html`<div></div>`);
  const events = new EventRecorder(wrapper);
  const el = document.createElement(tagOf(element)) as E;
  for (const [name, value] of Object.entries(options.attrs ?? {})) {
    if (value === false || value === undefined) continue;
    el.setAttribute(name, value === true ? '' : value);
  }
  Object.assign(el, options.props ?? {});
  if (options.children) render(options.children, el);
  let provider: ClerkProviderElement | undefined;
  if (options.noProvider) wrapper.append(el);
  else {
    provider = document.createElement(tagOf(ClerkProviderElement)) as ClerkProviderElement;
    for (const [name, value] of Object.entries(options.providerAttrs ?? {})) provider.setAttribute(name, value);
    if (options.allowedOrigins) provider.setAttribute('allowed-redirect-origins', options.allowedOrigins);
    provider.clerk = asClerk<ClerkInstance>(fake);
    provider.localization = options.localization;
    provider.navigate = options.navigate;
    provider.append(el);
    wrapper.append(provider);
  }
  const lit = el as unknown as LitElement;
  if (options.waitReady !== false) await until(() => el.getAttribute('status') !== 'loading', `<${el.localName}> leaves loading`);
  await lit.updateComplete;
  return { el, root: el.shadowRoot!, fake, provider, events, statuses: () => events.statuses(el) };
}

/** Asserts a predicate over a list that must not be empty (an `every` over nothing would pass). */
export function expectEvery<T>(list: readonly T[], predicate: (item: T) => boolean, what: string): void {
  expect(list.length, `${what}: the list is empty`).to.be.greaterThan(0);
  list.forEach((item, i) => expect(predicate(item), `${what}: item ${i}`).to.equal(true));
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
