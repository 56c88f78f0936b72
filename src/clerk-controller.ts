import { ContextConsumer, ContextRoot } from '@lit/context';
import { isServer, type ReactiveController, type ReactiveControllerHost } from 'lit';
import { clerkContext, DEFAULT_TIMEOUT, type ClerkContextValue } from './context.js';
import { pageClerk } from './clerk-loader.js';
import { ClerkStore } from './clerk-store.js';
import { elementError } from './errors.js';
import { EMPTY_INSTANCE } from './instance.js';
import { defaultLocalization } from './localization.js';

/**
 * Consumers upgraded before their provider never hear from it unless a context root replays their
 * requests when the provider arrives. One root per page, shared by every copy of this package.
 */
const ROOT_KEY = Symbol.for('clerk-oauth-elements/context-root');
function ensureContextRoot() {
  // Server rendering (`clerk-oauth-elements/ssr`) constructs elements without a document.
  if (isServer) return;
  const holder = document as Document & { [ROOT_KEY]?: ContextRoot };
  if (holder[ROOT_KEY]) return;
  holder[ROOT_KEY] = new ContextRoot();
  holder[ROOT_KEY].attach(document.documentElement);
}

type Host = ReactiveControllerHost & HTMLElement;

/**
 * Gives an element the Clerk context: from the nearest `<clerk-provider>`, or, when there is none,
 * from the page's own `window.Clerk` once the page has loaded it. The host re-renders on every change.
 */
export class ClerkController implements ReactiveController {
  #provided?: ClerkContextValue;
  #fallback?: ClerkStore;
  #stopWaiting?: () => void;
  readonly #consumer: ContextConsumer<typeof clerkContext, Host>;

  constructor(
    private readonly host: Host,
    private readonly onValue?: (value: ClerkContextValue) => void,
  ) {
    ensureContextRoot();
    this.#consumer = new ContextConsumer(host, {
      context: clerkContext,
      subscribe: true,
      callback: (value) => {
        if (!value) return;
        this.#provided = value;
        this.#stopFallback();
        this.#changed();
      },
    });
    host.addController(this);
  }

  /** The current value: never undefined (a `loading` value until something answers). */
  get value(): ClerkContextValue {
    return this.#provided ?? this.#fallback?.value ?? LOADING;
  }

  /** True when the value comes from a `<clerk-provider>`. */
  get hasProvider(): boolean {
    return this.#provided !== undefined;
  }

  hostConnected(): void {
    // The consumer asked synchronously in its own hostConnected (it was added first): no answer means no provider.
    if (!this.#provided && this.#consumer.value === undefined) this.#startFallback();
  }

  hostDisconnected(): void {
    this.#stopFallback();
    this.#provided = undefined;
  }

  #changed(): void {
    this.onValue?.(this.value);
    this.host.requestUpdate();
  }

  #startFallback(): void {
    if (this.#fallback) return;
    const store = new ClerkStore(
      () => ({ localization: defaultLocalization, urls: { allowedRedirectOrigins: [] }, retry: () => this.#tryPageClerk() }),
      () => this.#changed(),
    );
    this.#fallback = store;
    this.#tryPageClerk();
  }

  /** Uses `window.Clerk` once it exists and is loaded; until then waits for it, and says so when it never comes. */
  #tryPageClerk(): void {
    const store = this.#fallback;
    if (!store) return;
    this.#stopWaiting?.();
    const clerk = pageClerk();
    if (clerk?.loaded) {
      store.attach(clerk);
      return;
    }
    const check = () => {
      if (this.#fallback !== store) return;
      const current = pageClerk();
      if (current?.loaded) {
        this.#stopWaiting?.();
        store.attach(current);
      }
    };
    const cleanups: Array<() => void> = [];
    if (clerk) {
      // clerk-js reports load progress through its listeners; the page's own `Clerk.load()` triggers them.
      cleanups.push(clerk.addListener(check));
    }
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
      if (this.#fallback === store && !pageClerk()) {
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

  #stopFallback(): void {
    this.#stopWaiting?.();
    this.#fallback?.detach();
    this.#fallback = undefined;
  }
}

const LOADING: ClerkContextValue = Object.freeze({
  status: 'loading',
  instance: EMPTY_INSTANCE,
  localization: defaultLocalization,
  urls: { allowedRedirectOrigins: [] },
  retry: () => {},
  frontendApiOrigins: [],
  timeout: DEFAULT_TIMEOUT,
}) as ClerkContextValue;
