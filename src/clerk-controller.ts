import { ContextConsumer, ContextRoot } from '@lit/context';
import { isServer, type ReactiveController, type ReactiveControllerHost } from 'lit';
import { clerkContext, loadingValue, type ClerkContextValue } from './context.js';
import { chunkFailure, later } from './later.js';
import type { PageClerkContext } from './page-clerk.js';

/** Only pages whose elements have no provider download the page-Clerk fallback. */
const pageClerkContext = later(() => import('./page-clerk.js'));

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

/**
 * The root keeps each unanswered request (two weak references) until a provider appears: a page that mounts
 * and removes elements without a provider would pile them up. When one leaves, the root is told a provider
 * came, so it drops the requests of elements gone and asks the connected ones again (still unanswered, they
 * queue again). Nothing answers them: no provider of ours listens at the document element.
 */
function forgetLeftRequests() {
  if (isServer) return;
  const root = document.documentElement;
  // The protocol's `context-provider` event (@lit/context does not export its class): the root reads `context`.
  root.dispatchEvent(Object.assign(new Event('context-provider'), { context: clerkContext, contextTarget: root }));
}

type Host = ReactiveControllerHost & HTMLElement;

/**
 * Gives an element the Clerk context: from the nearest `<clerk-provider>`, or, when there is none,
 * from the page's own `window.Clerk` once the page has loaded it (`page-clerk.ts`, imported only then).
 * The host re-renders on every change.
 */
export class ClerkController implements ReactiveController {
  #provided?: ClerkContextValue;
  #fallback?: PageClerkContext;
  /** The fallback's chunk is on its way. */
  #fallbackWanted = false;
  /** The fallback's chunk could not be fetched. */
  #failed?: ClerkContextValue;
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
    return this.#provided ?? this.#fallback?.value ?? this.#failed ?? LOADING;
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
    const unanswered = !this.#provided;
    this.#stopFallback();
    this.#provided = undefined;
    if (unanswered) forgetLeftRequests();
  }

  #changed(): void {
    this.onValue?.(this.value);
    this.host.requestUpdate();
  }

  #startFallback(): void {
    if (this.#fallback || this.#fallbackWanted) return;
    this.#fallbackWanted = true;
    pageClerkContext().then(
      ({ PageClerkContext }) => {
        if (!this.#fallbackWanted) return;
        this.#fallbackWanted = false;
        this.#fallback = new PageClerkContext(() => this.#changed());
        this.#changed();
      },
      (cause: unknown) => {
        if (!this.#fallbackWanted) return;
        this.#fallbackWanted = false;
        this.#failed = { ...LOADING, status: 'error', ...chunkFailure(cause) };
        this.#changed();
      },
    );
  }

  #stopFallback(): void {
    this.#fallbackWanted = false;
    this.#failed = undefined;
    this.#fallback?.stop();
    this.#fallback = undefined;
  }
}

const LOADING: ClerkContextValue = Object.freeze(loadingValue({ localization: {}, urls: { allowedRedirectOrigins: [] }, retry: () => {} }));
