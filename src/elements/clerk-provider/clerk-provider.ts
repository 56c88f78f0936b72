import { ContextProvider } from '@lit/context';
import { html, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { ClerkElement } from '../../base-element.js';
import {
  clerkContext,
  DEFAULT_TIMEOUT,
  loadingValue,
  timeoutOf,
  type ClerkInstance,
  type ClerkUrls,
  type ContextConfig,
  type NavigateHook,
  type ProviderStatus,
} from '../../context.js';
import type { ElementError } from '../../errors.js';
import { announceFailure, chunkFailure, later } from '../../later.js';
import type { Localization } from '../../localization.js';
import { parseOrigins } from '../../origins.js';
import { hostStyles } from '../../styles.js';
import { styles } from './clerk-provider.styles.js';
import type { ProviderRuntime } from './provider-runtime.js';

/** Loading Clerk happens after the first frame: the provider's first frame (its slot) needs none of it. */
const runtimeModule = later(() => import('./provider-runtime.js'));

/** Counts who listens, so the provider shows its own errors only when no element inside will. */
class CountingProvider extends ContextProvider<typeof clerkContext> {
  get consumerCount(): number {
    return this.subscriptions.size;
  }
}

/**
 * Loads Clerk (or adopts a Clerk instance) and shares it with every element inside through `@lit/context`.
 *
 * @tagname clerk-provider
 * @summary Loads Clerk once and shares it with the elements inside.
 *
 * @slot - The page content and the Clerk elements that use this provider.
 * @csspart error - The error block (a live region, always present): filled only when no Clerk element inside reports the load error itself.
 * @csspart error-message - The load error's message.
 * @csspart actions - The way out under the message.
 * @csspart retry - The "Try again" button.
 * @cssprop [--clerk-elements-error-color=light-dark(#b3261e, #ffb4ab)] - Colour of error text (shared by every element).
 * @cssprop [--clerk-elements-radius=6px] - Corner radius (shared by every element).
 * @cssprop [--clerk-elements-focus-color=light-dark(#2f6fde, #8ab4f8)] - Focus ring (shared by every element).
 * @fires clerk-ready - Clerk is loaded. `event.clerk` is the instance.
 * @fires clerk-error - Loading failed. `event.code`, `event.message`.
 * @fires clerk-redirect - clerk-js asks its router to navigate. Cancelable: `preventDefault()` and route to `event.url` yourself.
 * @fires oauth-elements-status - `status` changed. `event.status`, `event.previous`.
 */
export class ClerkProviderElement extends ClerkElement<ProviderStatus> {
  static override styles = [hostStyles, styles];

  /** The instance's publishable key (`pk_test_…` or `pk_live_…`). Not needed when `clerk` is set. */
  @property({ attribute: 'publishable-key' }) publishableKey?: string;
  /** Clerk's proxy URL (absolute, or a path on this origin). clerk-js then loads and talks through it. */
  @property({ attribute: 'proxy-url' }) proxyUrl?: string;
  /** The satellite domain, for multi-domain setups. */
  @property() domain?: string;
  /** Loads clerk-js from this URL instead of the Frontend API host. */
  @property({ attribute: 'clerk-js-url' }) clerkJsUrl?: string;
  /** The clerk-js version (or major, or a dist-tag like `latest`) to load. Default: the major this package is tested with. */
  @property({ attribute: 'clerk-js-version' }) clerkJsVersion?: string;
  /**
   * Subresource Integrity for the clerk-js script (`sha384-…`): the browser refuses a script that does not
   * match. Pin `clerk-js-version` (or `clerk-js-url`) to the exact file the hash is of.
   */
  @property({ attribute: 'clerk-js-integrity' }) clerkJsIntegrity?: string;
  /**
   * How long (ms) any step that waits on the network (loading Clerk, and every Clerk call of the elements
   * inside) may take before it stops with the `timeout` error and Try again. Default 30000.
   */
  @property({ type: Number }) timeout = DEFAULT_TIMEOUT;
  // `nonce` (the CSP nonce for the script tag it adds) is the built-in HTMLElement property: browsers hide the
  // attribute's value after parsing, and only the built-in property keeps it.
  /** Where the sign-in page lives. */
  @property({ attribute: 'sign-in-url' }) signInUrl?: string;
  /** Where the sign-up page lives. */
  @property({ attribute: 'sign-up-url' }) signUpUrl?: string;
  /** Where to go after signing in, when nothing more specific is set. */
  @property({ attribute: 'sign-in-fallback-redirect-url' }) signInFallbackRedirectUrl?: string;
  /** Where to go after signing up, when nothing more specific is set. */
  @property({ attribute: 'sign-up-fallback-redirect-url' }) signUpFallbackRedirectUrl?: string;
  /** Other origins that redirect targets may point to (comma or space separated). Default: this origin only. */
  @property({ attribute: 'allowed-redirect-origins' }) allowedRedirectOrigins?: string;

  /** An existing Clerk instance to share instead of loading one. It is loaded if it is not yet. */
  @property({ attribute: false }) clerk?: ClerkInstance;
  /** Label overrides, keyed like `@clerk/localizations` (a Clerk locale object works as is). */
  @property({ attribute: false }) localization?: Localization;
  /** A router hook for framework apps: same-origin navigations go through it instead of a page load. */
  @property({ attribute: false }) navigate?: NavigateHook;

  /** The load error, when `status` is `error`. */
  @state() error?: ElementError;
  @state() private consumers = 0;

  readonly #provider = new CountingProvider(this, { context: clerkContext });
  #runtime?: ProviderRuntime;
  /** Why the runtime chunk could not be fetched, with its way out. */
  #runtimeFailure?: ReturnType<typeof chunkFailure>;

  /** The Clerk instance once ready. */
  get instance(): ClerkInstance | undefined {
    return this.#runtime?.ready;
  }

  constructor() {
    super();
    // Registered after the provider's own listener, so the new subscription is already counted.
    this.addEventListener('context-request', () => queueMicrotask(() => (this.consumers = this.#provider.consumerCount)));
  }

  /** Loads Clerk again after an error. */
  retry(): void {
    if (this.#runtime) void this.#runtime.start(true);
    else this.#runtimeFailure?.retry();
  }

  override connectedCallback(): void {
    super.connectedCallback();
    // The elements inside render at once with this value; the runtime takes over when its chunk has arrived.
    this.#provider.setValue(this.#runtime?.value ?? loadingValue(this.#config()));
    this.#withRuntime();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#runtime?.disconnect();
  }

  protected override updated(changed: PropertyValues<this>): void {
    if (this.#runtime) this.#runtime.updated(changed);
    // Settings given before the runtime is here (a locale set right after insertion) reach the elements at once.
    else if (this.isConnected && !this.#runtimeFailure) this.#provider.setValue(loadingValue(this.#config()));
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    // Shown once: by the elements inside when there are any, else here.
    this.shownError = this.error && this.consumers === 0 ? { error: this.error, retry: () => this.retry() } : undefined;
  }

  override render() {
    return html`${this.renderErrorBlock()}<slot></slot>`;
  }

  protected override get labels(): Localization | undefined {
    return this.localization;
  }

  /** Starts (or, connected again, resumes) the runtime once its chunk is here; a chunk that fails is an error with Try again. */
  #withRuntime(): void {
    runtimeModule().then(
      ({ ProviderRuntime }) => {
        if (!this.isConnected) return;
        if (this.#runtime) return this.#runtime.connect();
        this.#runtime = new ProviderRuntime({
          element: this,
          config: () => this.#config(),
          setStatus: (status, error) => this.#setState(status, error),
          publish: (value) => this.#provider.setValue(value),
        });
        this.#runtime.connect();
      },
      (cause: unknown) => {
        if (!this.isConnected || this.#runtime) return;
        this.#runtimeFailure = chunkFailure(cause);
        const { error } = this.#runtimeFailure;
        this.#setState('error', error);
        this.#provider.setValue({ ...loadingValue(this.#config()), status: 'error', error });
        announceFailure(this, ({ ClerkErrorEvent }) => new ClerkErrorEvent(error));
      },
    );
  }

  #setState(status: ProviderStatus, error?: ElementError): void {
    this.error = error;
    this.setStatus(status);
  }

  #urls(): ClerkUrls {
    return {
      signInUrl: this.signInUrl,
      signUpUrl: this.signUpUrl,
      signInFallbackRedirectUrl: this.signInFallbackRedirectUrl,
      signUpFallbackRedirectUrl: this.signUpFallbackRedirectUrl,
      allowedRedirectOrigins: parseOrigins(this.allowedRedirectOrigins),
    };
  }

  #config(): ContextConfig {
    return {
      localization: this.localization ?? {},
      urls: this.#urls(),
      navigate: this.navigate,
      retry: () => this.retry(),
      timeout: timeoutOf(this.timeout),
    };
  }
}
