import { ContextProvider } from '@lit/context';
import { html, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import type { ClerkOptions } from '@clerk/shared/types';
import { ClerkElement } from '../../base-element.js';
import { clerkContext, DEFAULT_TIMEOUT, type ClerkContextValue, type ClerkInstance, type ClerkUrls, type NavigateHook, type ProviderStatus } from '../../context.js';
import { ensureReachable, loadClerkInstance, loadClerkScript, pageClerk, parsePublishableKey } from '../../clerk-loader.js';
import { ClerkStore } from '../../clerk-store.js';
import { toElementError, type ElementError } from '../../errors.js';
import { ClerkErrorEvent, ClerkReadyEvent, ClerkRedirectEvent } from '../../events.js';
import { defaultLocalization, mergeLocalization, type Localization } from '../../localization.js';
import { isRedirectError, leavePage, pageOrigin, parseOrigins, validateRedirectUrl } from '../../navigation.js';
import { hostStyles } from '../../styles.js';
import { styles } from './clerk-provider.styles.js';
import { isTimeout, timeoutOf, withTimeout } from '../../timeout.js';

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
  readonly #store = new ClerkStore(
    () => this.#storeConfig(),
    (value) => this.#publish(value),
  );
  #attempt = 0;
  /** The source (key, URLs, instance) the current load was started for. */
  #source?: readonly unknown[];
  #ready?: ClerkInstance;

  /** The Clerk instance once ready. */
  get instance(): ClerkInstance | undefined {
    return this.#ready;
  }

  constructor() {
    super();
    // Registered after the provider's own listener, so the new subscription is already counted.
    this.addEventListener('context-request', () => queueMicrotask(() => (this.consumers = this.#provider.consumerCount)));
  }

  /** Loads Clerk again after an error. */
  retry(): void {
    void this.#start(true);
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.#provider.setValue(this.#store.value);
    // Moving the provider keeps what it loaded: no second load, no second ready event.
    if (this.#ready && this.#sameSource()) this.#store.attach(this.#ready);
    else void this.#start();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#store.detach();
  }

  protected override updated(changed: PropertyValues<this>): void {
    if (!this.#sameSource()) {
      void this.#start();
      return;
    }
    const config = ['localization', 'navigate', 'timeout', 'allowedRedirectOrigins', 'signInUrl', 'signUpUrl', 'signInFallbackRedirectUrl', 'signUpFallbackRedirectUrl'] as const;
    if (config.some((key) => changed.has(key))) this.#store.refresh();
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

  #currentSource(): readonly unknown[] {
    return [this.clerk, this.publishableKey, this.proxyUrl, this.domain, this.clerkJsUrl, this.clerkJsVersion, this.clerkJsIntegrity];
  }

  #sameSource(): boolean {
    const source = this.#currentSource();
    return this.#source !== undefined && source.every((value, i) => value === this.#source![i]);
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

  #storeConfig() {
    return {
      localization: mergeLocalization(defaultLocalization, this.localization),
      urls: this.#urls(),
      navigate: this.navigate,
      retry: () => this.retry(),
      timeout: timeoutOf(this.timeout),
    };
  }

  #loadOptions(): ClerkOptions {
    const urls = this.#urls();
    // clerk-js's own navigations, announced and cancelable like every element's; a target the page does not
    // allow is refused rather than followed.
    const router = (replace: boolean) => async (to: string) => {
      const outcome = await leavePage(this, {
        url: to,
        allowedOrigins: urls.allowedRedirectOrigins,
        event: (url, cancelable) => new ClerkRedirectEvent(url, cancelable),
        hook: this.navigate,
        replace,
      });
      if (outcome.kind === 'rejected') throw new Error(outcome.error.message);
    };
    const defined = <T extends object>(value: T) =>
      Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined && v !== '')) as T;
    // clerk-js navigates to these by itself: only allowed targets reach it (the elements check them again).
    const allowed = (name: string, value: string | undefined) => {
      if (!value?.trim()) return undefined;
      const checked = validateRedirectUrl(value, urls.allowedRedirectOrigins);
      if (!isRedirectError(checked)) return value.trim();
      console.warn(`<clerk-provider>: ${name} is ignored: ${checked.message}`);
      return undefined;
    };
    return defined({
      signInUrl: allowed('sign-in-url', urls.signInUrl),
      signUpUrl: allowed('sign-up-url', urls.signUpUrl),
      signInFallbackRedirectUrl: allowed('sign-in-fallback-redirect-url', urls.signInFallbackRedirectUrl),
      signUpFallbackRedirectUrl: allowed('sign-up-fallback-redirect-url', urls.signUpFallbackRedirectUrl),
      allowedRedirectOrigins: urls.allowedRedirectOrigins.length ? [pageOrigin(), ...urls.allowedRedirectOrigins] : undefined,
      routerPush: router(false),
      routerReplace: router(true),
      // clerk-js answers a failed request with `null` (no error, nothing changed) when it thinks the browser is
      // offline (`navigator.onLine` false, or an automated browser): a click would then do nothing, silently.
      // Rethrown, it is a `network_error` the elements show with their way out.
      experimental: { rethrowOfflineNetworkErrors: true },
    }) as ClerkOptions;
  }

  async #start(retrying = false): Promise<void> {
    const attempt = ++this.#attempt;
    const current = () => attempt === this.#attempt && this.isConnected;
    this.#source = this.#currentSource();
    this.#ready = undefined;
    this.error = undefined;
    this.setStatus('loading');
    this.#store.setLoading();
    try {
      let clerk = this.clerk;
      if (!clerk) {
        const existing = pageClerk();
        if (existing) clerk = existing;
        else {
          const parsed = parsePublishableKey(this.publishableKey);
          if ('code' in parsed) throw parsed;
          const script = loadClerkScript({
            publishableKey: this.publishableKey!.trim(),
            frontendApi: parsed.frontendApi,
            proxyUrl: this.proxyUrl?.trim() || undefined,
            domain: this.domain?.trim() || undefined,
            clerkJsUrl: this.clerkJsUrl?.trim() || undefined,
            clerkJsVersion: this.clerkJsVersion?.trim() || undefined,
            integrity: this.clerkJsIntegrity?.trim() || undefined,
            nonce: this.nonce || undefined,
          });
          // A script that never answers ends in the timeout error; Try again waits for the same load (never a second tag).
          clerk = await this.#bounded(script, "Clerk's script");
        }
      }
      // load() is shared per instance (a retry waits for the same one), and so is the reload of a degraded start.
      const loaded = await this.#bounded(loadClerkInstance(clerk, this.#loadOptions()), 'Clerk');
      await this.#bounded(ensureReachable(loaded, retrying), "Clerk's Frontend API");
      if (!current()) return;
      this.#ready = loaded;
      this.#store.attach(loaded);
      this.setStatus('ready');
      const ready = new ClerkReadyEvent(loaded);
      this.dispatchEvent(ready);
    } catch (cause) {
      if (!current()) return;
      // The answer may still come after the timeout: then carry on by ourselves (as a Try again would).
      const late = this.#waiting;
      if (isTimeout(cause) && late) late.then(() => current() && this.status === 'error' && void this.#start(true), () => {});
      const error = toElementError(cause, 'clerk_load_failed');
      this.error = error;
      this.#store.setError(error);
      this.setStatus('error');
      const failed = new ClerkErrorEvent(error);
      this.dispatchEvent(failed);
    }
  }

  /** The step under way, bounded by `timeout`; kept so a late answer can still be used. */
  #waiting?: Promise<unknown>;
  #bounded<T>(work: Promise<T>, what: string): Promise<T> {
    this.#waiting = work;
    return withTimeout(work, this.timeout, what);
  }

  #publish(value: ClerkContextValue): void {
    this.#provider.setValue(value);
  }
}
