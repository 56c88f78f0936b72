import type { ClerkOptions } from '@clerk/shared/types';
import type { PropertyValues } from 'lit';
import type { ClerkContextValue, ClerkInstance, ContextConfig, ProviderStatus } from '../../context.js';
import { loadClerkScript, pageClerk, parsePublishableKey } from '../../clerk-loader.js';
import { ensureReachable, loadClerkInstance } from './clerk-load.js';
import { ClerkStore } from '../../clerk-store.js';
import { toElementError, type ElementError } from '../../errors.js';
import { ClerkErrorEvent, ClerkReadyEvent, ClerkRedirectEvent } from '../../events.js';
import { isRedirectError, leavePage, pageOrigin, validateRedirectUrl } from '../../navigation.js';
import { isTimeout, withTimeout } from '../../timeout.js';
import type { ClerkProviderElement } from './clerk-provider.js';

/** What the runtime needs of its element beyond its public properties. */
export interface ProviderPort {
  readonly element: ClerkProviderElement;
  config(): ContextConfig;
  setStatus(status: ProviderStatus, error?: ElementError): void;
  publish(value: ClerkContextValue): void;
}

/** Settings the context carries: a change republishes the value, never loads Clerk again. */
const CONFIG = ['localization', 'navigate', 'timeout', 'allowedRedirectOrigins', 'signInUrl', 'signUpUrl', 'signInFallbackRedirectUrl', 'signUpFallbackRedirectUrl'] as const;

/**
 * What `<clerk-provider>` does after its first frame, in its own chunk: loads clerk-js (or adopts the given
 * instance), calls `Clerk.load()` with the page's URLs and its router, and publishes every change as context.
 */
export class ProviderRuntime {
  readonly #port: ProviderPort;
  readonly #store: ClerkStore;
  #attempt = 0;
  /** The source (key, URLs, instance) the current load was started for. */
  #source?: readonly unknown[];
  /** The Clerk instance once ready. */
  ready?: ClerkInstance;

  constructor(port: ProviderPort) {
    this.#port = port;
    this.#store = new ClerkStore(
      () => port.config(),
      (value) => port.publish(value),
    );
  }

  get value(): ClerkContextValue {
    return this.#store.value;
  }

  /** Connected: moving the provider keeps what it loaded (no second load, no second ready event). */
  connect(): void {
    if (this.ready && this.#sameSource()) this.#store.attach(this.ready);
    else void this.start();
  }

  disconnect(): void {
    this.#store.detach();
  }

  /** After an update of the element: a new source loads again; a settings change republishes. */
  updated(changed: PropertyValues): void {
    if (!this.#sameSource()) void this.start();
    else if (CONFIG.some((key) => changed.has(key))) this.#store.refresh();
  }

  #currentSource(): readonly unknown[] {
    const el = this.#port.element;
    return [el.clerk, el.publishableKey, el.proxyUrl, el.domain, el.clerkJsUrl, el.clerkJsVersion, el.clerkJsIntegrity];
  }

  #sameSource(): boolean {
    const source = this.#currentSource();
    return this.#source !== undefined && source.every((value, i) => value === this.#source![i]);
  }

  #loadOptions(): ClerkOptions {
    const el = this.#port.element;
    const { urls } = this.#port.config();
    // clerk-js's own navigations, announced and cancelable like every element's; a target the page does not
    // allow is refused rather than followed.
    const router = (replace: boolean) => async (to: string) => {
      const outcome = await leavePage(el, {
        url: to,
        allowedOrigins: urls.allowedRedirectOrigins,
        event: (url, cancelable) => new ClerkRedirectEvent(url, cancelable),
        hook: el.navigate,
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

  async start(retrying = false): Promise<void> {
    const el = this.#port.element;
    const attempt = ++this.#attempt;
    const current = () => attempt === this.#attempt && el.isConnected;
    this.#source = this.#currentSource();
    this.ready = undefined;
    this.#port.setStatus('loading');
    this.#store.setLoading();
    try {
      let clerk = el.clerk;
      if (!clerk) {
        const existing = pageClerk();
        if (existing) clerk = existing;
        else {
          const parsed = parsePublishableKey(el.publishableKey);
          if ('code' in parsed) throw parsed;
          const script = loadClerkScript({
            publishableKey: el.publishableKey!.trim(),
            frontendApi: parsed.frontendApi,
            proxyUrl: el.proxyUrl?.trim() || undefined,
            domain: el.domain?.trim() || undefined,
            clerkJsUrl: el.clerkJsUrl?.trim() || undefined,
            clerkJsVersion: el.clerkJsVersion?.trim() || undefined,
            integrity: el.clerkJsIntegrity?.trim() || undefined,
            nonce: el.nonce || undefined,
          });
          // A script that never answers ends in the timeout error; Try again waits for the same load (never a second tag).
          clerk = await this.#bounded(script, "Clerk's script");
        }
      }
      // load() is shared per instance (a retry waits for the same one), and so is the reload of a degraded start.
      const loaded = await this.#bounded(loadClerkInstance(clerk, this.#loadOptions()), 'Clerk');
      await this.#bounded(ensureReachable(loaded, retrying), "Clerk's Frontend API");
      if (!current()) return;
      this.ready = loaded;
      this.#store.attach(loaded);
      this.#port.setStatus('ready');
      const ready = new ClerkReadyEvent(loaded);
      el.dispatchEvent(ready);
    } catch (cause) {
      if (!current()) return;
      // The answer may still come after the timeout: then carry on by ourselves (as a Try again would).
      const late = this.#waiting;
      if (isTimeout(cause) && late) late.then(() => current() && el.status === 'error' && void this.start(true), () => {});
      const error = toElementError(cause, 'clerk_load_failed');
      this.#store.setError(error);
      this.#port.setStatus('error', error);
      const failed = new ClerkErrorEvent(error);
      el.dispatchEvent(failed);
    }
  }

  /** The step under way, bounded by `timeout`; kept so a late answer can still be used. */
  #waiting?: Promise<unknown>;
  #bounded<T>(work: Promise<T>, what: string): Promise<T> {
    this.#waiting = work;
    return withTimeout(work, this.#port.element.timeout, what);
  }
}
