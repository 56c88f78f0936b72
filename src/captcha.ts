import type { ReactiveController, ReactiveControllerHost } from 'lit';

/** Clerk looks its bot-protection widget container up by this id, so it must live in the light DOM. */
export const CAPTCHA_ID = 'clerk-captcha';

/**
 * Makes sure the document has one `#clerk-captcha`. When it has none, one is added inside `host`
 * (slotted into the element's `captcha` slot) and a function that removes it again is returned.
 */
export function ensureCaptchaContainer(host: HTMLElement): (() => void) | undefined {
  const root = host.getRootNode() as Document | ShadowRoot;
  if (document.getElementById(CAPTCHA_ID) || root.getElementById?.(CAPTCHA_ID)) return undefined;
  const container = document.createElement('div');
  container.id = CAPTCHA_ID;
  // Clerk calls document.getElementById: inside another element's shadow root (a Lit or Stencil app)
  // the host's light DOM is out of its reach, so the container goes to the end of the body instead.
  if (root === document) {
    container.slot = 'captcha';
    host.append(container);
  } else document.body.append(container);
  return () => container.remove();
}

/**
 * Keeps a `#clerk-captcha` in the page while its host is connected (when the page has none of its own).
 * While the page is still parsing it waits for DOMContentLoaded, so a container the page declares after
 * the element is found instead of duplicated. Call `ensure()` again right before work that needs it.
 */
export class CaptchaController implements ReactiveController {
  #remove?: () => void;

  constructor(private readonly host: ReactiveControllerHost & HTMLElement) {
    host.addController(this);
  }

  hostConnected(): void {
    if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', this.ensure, { once: true });
    else this.ensure();
  }

  hostDisconnected(): void {
    document.removeEventListener('DOMContentLoaded', this.ensure);
    this.#remove?.();
    this.#remove = undefined;
  }

  readonly ensure = (): void => {
    if (this.host.isConnected && !this.#remove) this.#remove = ensureCaptchaContainer(this.host);
  };
}
