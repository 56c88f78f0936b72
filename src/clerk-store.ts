import { loadingValue, type ClerkContextValue, type ClerkInstance, type ContextConfig, type ProviderStatus } from './context.js';
import { parseOrigins } from './origins.js';
import type { ElementError } from './errors.js';
import type { EnvironmentLike } from './instance.js';
import { instanceSettingsOf } from './instance-settings.js';

/** clerk-js keeps its environment on an internal property (no public getter in v6): read here, and only here. */
type EnvironmentHolder = { __internal_environment?: EnvironmentLike };

/**
 * Whether clerk-js runs on its empty placeholder environment (its environment request never answered: the
 * display config's id is ''), rather than the instance's.
 */
export function onPlaceholderEnvironment(clerk: ClerkInstance): boolean {
  const display = (clerk as EnvironmentHolder).__internal_environment?.displayConfig as object | undefined;
  return !!display && 'id' in display && (display as { id?: unknown }).id === '';
}

/**
 * Turns a Clerk instance into context values: one new immutable value for every change Clerk reports.
 * Shared by `<clerk-provider>` and by elements that use the page's `window.Clerk` without a provider.
 */
export class ClerkStore {
  value: ClerkContextValue;
  #unsubscribe?: () => void;
  #clerk?: ClerkInstance;

  constructor(
    private readonly config: () => ContextConfig,
    private readonly onChange: (value: ClerkContextValue) => void,
  ) {
    this.value = this.#build('loading');
  }

  get clerk(): ClerkInstance | undefined {
    return this.#clerk;
  }

  // Both let go of the previous Clerk: its later emissions must not turn the value back to `ready`, and
  // attaching the same instance again (a source switched away and back, a retry) must publish `ready` again.
  setLoading(): void {
    this.detach();
    this.#publish(this.#build('loading'));
  }

  setError(error: ElementError): void {
    this.detach();
    this.#publish(this.#build('error', error));
  }

  /** Subscribes to a loaded Clerk; every emission becomes a new value. */
  attach(clerk: ClerkInstance): void {
    if (this.#clerk === clerk && this.#unsubscribe) return;
    this.detach();
    this.#clerk = clerk;
    this.#publish(this.#build('ready'));
    // addListener emits once right away when Clerk has a client; later emissions follow every change.
    this.#unsubscribe = clerk.addListener(() => this.#publish(this.#build('ready')));
  }

  /** Rebuilds the value after the owner's configuration (localization, URLs, router) changed. */
  refresh(): void {
    this.#publish(this.#build(this.value.status, this.value.error));
  }

  detach(): void {
    this.#unsubscribe?.();
    this.#unsubscribe = undefined;
    this.#clerk = undefined;
  }

  #build(status: ProviderStatus, error?: ElementError): ClerkContextValue {
    const clerk = status === 'ready' ? this.#clerk : undefined;
    const value = { ...loadingValue(this.config()), status, error };
    if (!clerk) return value;
    return {
      ...value,
      clerk,
      client: clerk.client,
      session: clerk.session,
      user: clerk.user,
      instance: instanceSettingsOf((clerk as EnvironmentHolder).__internal_environment),
      frontendApiOrigins: frontendApiOrigins(clerk),
    };
  }

  #publish(value: ClerkContextValue): void {
    this.value = value;
    this.onChange(value);
  }
}

/**
 * Where clerk-js's Frontend API lives: its proxy (`clerk.proxyUrl`, absolute) when it has one, and
 * `https://<clerk.frontendApi>`. The cookie refresh (`/v1/client/touch`) of `decorateUrl` is built on it.
 */
export function frontendApiOrigins(clerk: ClerkInstance): string[] {
  const { proxyUrl, frontendApi } = clerk as { proxyUrl?: unknown; frontendApi?: unknown };
  const proxy = typeof proxyUrl === 'string' && /^https?:\/\//i.test(proxyUrl) ? proxyUrl : '';
  const host = typeof frontendApi === 'string' && /^[a-z0-9.-]+(:\d+)?$/i.test(frontendApi) ? `https://${frontendApi}` : '';
  return [...new Set(parseOrigins(`${proxy} ${host}`))];
}
