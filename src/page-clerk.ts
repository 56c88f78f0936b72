import type { ClerkContextValue } from './context.js';
import { onLoadEnd, pageClerk } from './clerk-loader.js';
import { ClerkStore } from './clerk-store.js';
import { elementError } from './errors.js';

/**
 * The Clerk context of an element without a `<clerk-provider>`: the page's own `window.Clerk` once the page
 * has loaded it; until then it waits, and says so when it never comes. Imported by `ClerkController` only when
 * no provider answered, so pages with a provider never download it.
 */
export class PageClerkContext {
  readonly #store: ClerkStore;
  #stopWaiting?: () => void;
  #stopped = false;

  constructor(onChange: (value: ClerkContextValue) => void) {
    this.#store = new ClerkStore(() => ({ localization: {}, urls: { allowedRedirectOrigins: [] }, retry: () => this.#tryPageClerk() }), onChange);
    this.#tryPageClerk();
  }

  get value(): ClerkContextValue {
    return this.#store.value;
  }

  stop(): void {
    this.#stopped = true;
    this.#stopWaiting?.();
    this.#store.detach();
  }

  /** Uses `window.Clerk` once it exists and is loaded; until then waits for it, and says so when it never comes. */
  #tryPageClerk(): void {
    if (this.#stopped) return;
    const store = this.#store;
    this.#stopWaiting?.();
    const clerk = pageClerk();
    if (clerk?.loaded) {
      store.attach(clerk);
      return;
    }
    const check = () => {
      if (this.#stopped) return;
      const current = pageClerk();
      if (current?.loaded) {
        this.#stopWaiting?.();
        store.attach(current);
      }
    };
    // The page's `load()` failed: said, not waited for (Try again looks at `window.Clerk` once more).
    const failed = () => {
      if (!this.#stopped) store.setError(elementError('clerk_load_failed', 'Clerk could not start on this page: its load() failed.'));
    };
    const cleanups: Array<() => void> = [];
    // The end of the page's own `Clerk.load()`; clerk-js without status events: its listeners only.
    if (clerk) cleanups.push(onLoadEnd(clerk, (loadFailed) => (loadFailed ? failed() : check())) ?? clerk.addListener(check));
    // A page's Clerk script may arrive after us: script `load` events reach a capturing window listener.
    const onLoad = () => {
      const current = pageClerk();
      if (current && current !== clerk) this.#tryPageClerk();
      else check();
    };
    window.addEventListener('load', onLoad, true);
    cleanups.push(() => window.removeEventListener('load', onLoad, true));
    // When the whole page has loaded and there is still no Clerk and no provider, say so instead of waiting forever.
    const giveUp = () => {
      if (!this.#stopped && !pageClerk()) {
        store.setError(
          elementError('clerk_not_found', 'Clerk is not on this page. Put this element inside <clerk-provider publishable-key="…">.'),
        );
      }
    };
    if (document.readyState === 'complete') queueMicrotask(giveUp);
    else {
      window.addEventListener('load', giveUp, { once: true });
      cleanups.push(() => window.removeEventListener('load', giveUp));
    }
    this.#stopWaiting = () => {
      cleanups.forEach((cleanup) => cleanup());
      this.#stopWaiting = undefined;
    };
  }
}
