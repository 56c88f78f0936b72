import { html, nothing, type PropertyValues } from 'lit';
import { englishFor } from '../../english.js';
import { OAUTH_BUTTONS_ENGLISH } from './strings.js';
import { property, state } from 'lit/decorators.js';
import { ClerkFlowElement, type ShownError } from '../../base-element.js';
import { CaptchaController } from '../../captcha.js';
import type { ClerkContextValue } from '../../context.js';
import type { ElementError } from '../../errors.js';
import type { OAuthMode } from '../../events.js';
import { announceFailure, chunkFailure, later } from '../../later.js';
import { hostStyles } from '../../styles.js';
import { providerIconStyles, renderProviderIcon } from '../../provider-icon.js';
import type { SocialProvider } from '../../providers.js';
import type { FlowStatus } from '../../status.js';
import { layoutOf, modeOf, parseStrategies, resolveProviders, type Variant } from './oauth-buttons-layout.js';
import { styles } from './oauth-buttons.styles.js';

/**
 * `error` is blocking only: the provider's Clerk failed to load. A failed click is a message while `ready`
 * (or `empty`): the buttons themselves are the way out.
 */
export const OAUTH_BUTTONS_STATUSES = ['loading', 'ready', 'empty', 'redirecting', 'error'] as const satisfies readonly FlowStatus[];
export type OAuthButtonsStatus = (typeof OAUTH_BUTTONS_STATUSES)[number];

/** Starting a flow needs Clerk, so its code comes after the first frame: asked for as soon as Clerk is ready. */
const startModule = later(() => import('./start.js'));

/**
 * Social sign-in (or sign-up) buttons: one per enabled provider, laid out like Clerk's own.
 *
 * @tagname oauth-buttons
 * @summary Social sign-in and sign-up buttons that start Clerk's OAuth redirect flow.
 *
 * @slot icon-<provider> - Replaces one provider's icon, e.g. `slot="icon-google"` or `slot="icon-custom_acme"`.
 * @slot captcha - Where the `#clerk-captcha` container goes when the page has none (added automatically).
 * @csspart list - The list of buttons.
 * @csspart button - Every provider button (also `button-<provider>`, e.g. `button-google`).
 * @csspart icon - A provider's icon image, or its initial letter (then also `initial`). Also `icon-<provider>`, e.g. `icon-github`.
 * @csspart initial - The initial letter shown when a provider has no icon or its icon failed to load.
 * @csspart spinner - The progress indicator in the clicked button.
 * @csspart label - A button's text (visually hidden on icon-only buttons).
 * @csspart badge - The "Last used" badge.
 * @csspart loading - The "Loading sign-in options…" text, shown before Clerk is ready when `strategies` is not set.
 * @csspart empty - The text shown when no provider is enabled.
 * @csspart error - The error block under the buttons (an alert live region, always present, empty when there is nothing to say).
 * @csspart error-title - The error block's heading line (shared block; this element sets none).
 * @csspart error-message - The message: why a click failed, or why Clerk could not load.
 * @csspart actions - The way out under the message (only when Clerk failed to load).
 * @csspart retry - The "Try again" button shown when Clerk itself failed to load.
 * @cssprop [--clerk-elements-radius=6px] - Corner radius of buttons (shared by every element).
 * @cssprop [--clerk-elements-font-family=inherit] - Font (shared by every element).
 * @cssprop [--clerk-elements-color=inherit] - Text colour outside the buttons (shared by every element).
 * @cssprop [--clerk-elements-error-color=light-dark(#b3261e, #ffb4ab)] - Colour of error text (shared by every element).
 * @cssprop [--clerk-elements-focus-color=light-dark(#2f6fde, #8ab4f8)] - Focus ring (shared by every element).
 * @cssprop [--clerk-elements-muted-color=light-dark(#4b5563, #b4b4bb)] - Muted text (shared by every element).
 * @cssprop [--clerk-elements-spinner-size=1.125em] - Size of the spinner in the clicked button (shared by every element).
 * @cssprop [--clerk-elements-spinner-color=currentColor] - Colour of the spinner (shared by every element).
 * @cssprop [--oauth-buttons-gap=0.5rem] - Space between buttons.
 * @cssprop [--oauth-buttons-background=#fff] - Button background (dark scheme: #1f2023).
 * @cssprop [--oauth-buttons-hover-background=#f4f4f5] - Button background on hover (dark scheme: #2a2b2f).
 * @cssprop [--oauth-buttons-color=#212126] - Button text colour (dark scheme: #f4f4f5).
 * @cssprop [--oauth-buttons-border=1px solid #d9d9de] - Button border (dark scheme: 1px solid #3f4046).
 * @cssprop [--oauth-buttons-height=2.5rem] - Minimum button height.
 * @cssprop [--oauth-buttons-icon-size=1.125rem] - Icon size.
 * @cssprop [--oauth-buttons-badge-background=#eef2ff] - "Last used" badge background (dark scheme: #2c2f4a).
 * @cssprop [--oauth-buttons-badge-color=#3730a3] - "Last used" badge text colour (dark scheme: #c7d2fe).
 * @fires oauth-redirect - Cancelable, before leaving for the provider. `event.strategy`, `event.mode`, `event.url` (the absolute `redirect-url`). `preventDefault()` stops the redirect.
 * @fires oauth-error - Starting the flow failed (the element is `ready` again, the message in the error block). `event.strategy`, `event.code`, `event.message`.
 * @fires oauth-elements-status - `status` changed. `event.status`, `event.previous`.
 */
export class OAuthButtonsElement extends ClerkFlowElement<OAuthButtonsStatus> {
  static override styles = [hostStyles, providerIconStyles, styles];
  /** @internal */
  protected static override english = englishFor(OAUTH_BUTTONS_ENGLISH);

  /** `sign-in` (default) or `sign-up`: which Clerk resource starts the flow. Other values count as `sign-in`, with a warning. */
  @property() mode: OAuthMode = 'sign-in';
  /** Comma-separated strategies to show, in this order (`oauth_google, github`). Default: every enabled provider. */
  @property() strategies?: string;
  /** Where the provider sends the visitor back to (the page with `<sso-callback>`). */
  @property({ attribute: 'redirect-url' }) redirectUrl = '/sso-callback';
  /** Where the visitor lands once signed in. */
  @property({ attribute: 'redirect-url-complete' }) redirectUrlComplete = '/';
  /** `mode="sign-up"`: the visitor has accepted the terms (sent as `legalAccepted`). */
  @property({ type: Boolean, attribute: 'legal-accepted' }) legalAccepted = false;
  /** `mode="sign-up"`: metadata stored on the new user (`unsafeMetadata`). */
  @property({ attribute: false }) unsafeMetadata?: Record<string, unknown>;
  /** `auto` (block buttons for two providers or fewer), `block` or `icon`. Other values count as `auto`. */
  @property() variant: Variant = 'auto';
  /** At most this many icon buttons per row (values below 1 or not numbers count as 5). */
  @property({ type: Number }) columns = 5;
  /** Shows the provider this browser used last on its own first row with a "Last used" badge. */
  @property({ type: Boolean, attribute: 'show-last-used' }) showLastUsed = false;
  /** Self-hosted icons for built-in providers: `<icon-base-url>/<provider>.svg`. Default: the instance's logos, then Clerk's. */
  @property({ attribute: 'icon-base-url' }) iconBaseUrl?: string;

  /** Why the last click failed: shown while `ready`, cleared by the next click. */
  @state() private clickError?: ElementError;
  /** Try again for a click error, when clicking again cannot help (the start chunk could not be fetched). */
  #clickRetry?: () => void;
  @state() private brokenIcons: ReadonlySet<string> = new Set();

  /** The strategy clicked: held until Clerk is ready, then redirecting. */
  #pending?: string;
  #inFlight = false;
  #redirecting = false;
  readonly #captcha = new CaptchaController(this);
  readonly #warned = new Set<string>();

  /** The error the error block shows: Clerk's load error (status `error`), else why the last click failed. Read-only. */
  get error(): ElementError | undefined {
    return this.#shownError()?.error;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    window.addEventListener('pageshow', this.#onPageShow);
    window.addEventListener('pagehide', this.#onLeave);
    window.addEventListener('beforeunload', this.#onLeave);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    window.removeEventListener('pageshow', this.#onPageShow);
    window.removeEventListener('pagehide', this.#onLeave);
    window.removeEventListener('beforeunload', this.#onLeave);
    clearTimeout(this.#departed);
  }

  protected override clerkChanged(value: ClerkContextValue): void {
    // Clerk's load error replaces whatever a click said; a held click is dropped.
    if (value.status === 'error') this.clickError = undefined;
    if (value.status === 'error' && this.#pending && !this.#inFlight) this.#pending = undefined;
    if (value.status === 'ready') startModule().catch(() => {}); // Reported on the click that needs it.
    if (value.status === 'ready' && this.#pending && !this.#inFlight) void this.#proceed(this.#pending);
    else this.#sync();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    this.setStatus(this.#derivedStatus());
    this.shownError = this.#shownError();
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    // Through the CSSOM, not a style attribute: a strict CSP (no 'unsafe-inline') allows only this.
    const list = this.renderRoot.querySelector<HTMLElement>('[part=list]');
    if (list && list.style.getPropertyValue('--_columns') !== list.dataset.columns) list.style.setProperty('--_columns', list.dataset.columns!);
  }

  /** The providers shown, warning once about requested strategies the instance does not offer. */
  #providers(): SocialProvider[] {
    const ready = this.ctx.status === 'ready';
    const enabledProviders = this.ctx.instance.socialProviders;
    const { providers, skipped } = resolveProviders(parseStrategies(this.strategies), enabledProviders, ready);
    if (skipped.length) {
      const enabled = enabledProviders.map((p) => p.strategy).join(', ') || 'none';
      for (const strategy of skipped) {
        const key = `${strategy}|${enabled}`;
        if (this.#warned.has(key)) continue;
        this.#warned.add(key);
        console.warn(`<oauth-buttons>: "${strategy}" is not an enabled social provider of this Clerk instance, so it is skipped. Enabled: ${enabled}.`);
      }
    }
    return providers;
  }

  /** The mode as Clerk is asked for it, warning once about a value that is neither mode. */
  #mode(): OAuthMode {
    const { mode, known } = modeOf(this.mode);
    if (!known && !this.#warned.has(`mode|${this.mode}`)) {
      this.#warned.add(`mode|${this.mode}`);
      console.warn(`<oauth-buttons>: mode="${this.mode}" is neither "sign-in" nor "sign-up", so it signs in.`);
    }
    return mode;
  }

  #derivedStatus(): OAuthButtonsStatus {
    if (this.#redirecting) return 'redirecting';
    if (this.ctx.status === 'error') return 'error';
    if (this.ctx.status === 'loading' || this.#pending) return 'loading';
    return this.#providers().length ? 'ready' : 'empty';
  }

  /** Blocking when Clerk failed to load (with Try again); otherwise a failed click's message, without a retry. */
  #shownError(): ShownError | undefined {
    return this.providerError() ?? (this.clickError ? { error: this.clickError, retry: this.#clickRetry } : undefined);
  }

  #sync(): void {
    this.setStatus(this.#derivedStatus());
    this.requestUpdate();
  }

  #click(provider: SocialProvider): void {
    // One flow at a time: a second click, or any click while Clerk failed, does nothing.
    if (this.#pending || this.ctx.status === 'error') return;
    this.#pending = provider.strategy;
    this.clickError = undefined;
    if (this.ctx.status === 'ready') void this.#proceed(provider.strategy);
    else this.#sync();
  }

  async #proceed(strategy: string): Promise<void> {
    if (this.#inFlight) return;
    this.#inFlight = true;
    // A click while an earlier start has not answered waits for that one: a late answer takes the page to its
    // provider anyway, and a second start would be a second sign-in attempt.
    const unsettled = this.#unsettled;
    if (unsettled) {
      this.#pending = unsettled.strategy;
      this.#redirecting = true;
      this.#sync();
      return this.#wait(unsettled.strategy, unsettled.pending);
    }
    // Here already (asked for when Clerk became ready): the click goes on in the same task.
    let start = startModule.loaded;
    if (!start) {
      // Its chunk is still on the way: the clicked button shows it is busy meanwhile.
      this.#sync();
      try {
        start = await startModule();
      } catch (cause) {
        // Clicking again cannot help: the way out is the failure's own.
        const failure = chunkFailure(cause);
        this.#reset(failure.error);
        this.#clickRetry = failure.retry;
        announceFailure(this, ({ OAuthErrorEvent }) => new OAuthErrorEvent(strategy, failure.error));
        return;
      }
    }
    const prepared = start.prepareStart({
      strategy,
      provider: this.#providers().find((p) => p.strategy === strategy),
      mode: this.#mode(),
      ctx: this.ctx,
      redirectUrl: this.redirectUrl || '/sso-callback',
      redirectUrlComplete: this.redirectUrlComplete || '/',
      legalAccepted: this.legalAccepted,
      unsafeMetadata: this.unsafeMetadata,
    });
    if ('code' in prepared) return this.#fail(strategy, prepared);
    const { resource, params, event } = prepared;
    this.dispatchEvent(event);
    if (event.defaultPrevented) {
      this.#reset();
      return;
    }
    this.#redirecting = true;
    this.#sync();
    this.#captcha.ensure();
    // Clerk navigates to the provider itself; on success this never settles.
    let pending: Promise<unknown>;
    try {
      pending = resource.authenticateWithRedirect(params);
    } catch (cause) {
      pending = Promise.reject(cause);
    }
    const entry = { strategy, pending };
    this.#unsettled = entry;
    const clear = () => this.#unsettled === entry && (this.#unsettled = undefined);
    pending.then(() => {
      clear();
      this.#departing(strategy);
    }, clear);
    return this.#wait(strategy, pending);
  }

  /** Waits (at most the provider's `timeout`) for Clerk's start of the flow. */
  async #wait(strategy: string, pending: Promise<unknown>): Promise<void> {
    const { waitForStart } = startModule.loaded!;
    // The page is on its way to the provider: a timeout is not a failure then.
    const error = await waitForStart(pending, this.ctx.timeout, () => this.#leaving);
    if (error) this.#fail(strategy, error);
  }

  /**
   * Clerk answered and is taking the page to the provider (also a late answer after a timeout): nothing more to
   * click, or a second click would start a second attempt. A navigation the browser never makes (blocked,
   * cancelled) must not leave dead buttons: after the provider's bounded wait they are usable again.
   */
  #departing(strategy: string): void {
    this.#pending = strategy;
    this.#inFlight = true;
    this.#redirecting = true;
    this.clickError = undefined;
    this.#sync();
    clearTimeout(this.#departed);
    this.#departed = setTimeout(() => {
      if (this.#redirecting && this.#pending === strategy && this.isConnected && !this.#leaving) this.#reset();
    }, this.ctx.timeout);
  }
  #departed?: ReturnType<typeof setTimeout>;

  /** Clerk's start of the flow while it has not answered. */
  #unsettled?: { strategy: string; pending: Promise<unknown> };
  #leaving = false;
  readonly #onLeave = () => {
    this.#leaving = true;
  };

  #fail(strategy: string, error: ElementError): void {
    this.#reset(error);
    const event = new startModule.loaded!.OAuthErrorEvent(strategy, error);
    this.dispatchEvent(event);
  }

  #reset(error?: ElementError): void {
    this.#pending = undefined;
    this.#inFlight = false;
    this.#redirecting = false;
    this.clickError = error;
    this.#clickRetry = undefined;
    this.#sync();
  }

  /** Back from the provider through the browser's back/forward cache: the page is live again. */
  readonly #onPageShow = (event: PageTransitionEvent) => {
    this.#leaving = false;
    if (!event.persisted) return;
    // What was under way belongs to the visit that left: it will not answer now.
    this.#unsettled = undefined;
    if (this.#redirecting) this.#reset();
  };

  #iconFailed(url: string): void {
    this.brokenIcons = new Set([...this.brokenIcons, url]);
  }

  override render() {
    const providers = this.#providers();
    const ctx = this.ctx;
    const lastUsed = this.showLastUsed ? ctx.client?.lastAuthenticationStrategy : undefined;
    const layout = layoutOf(providers, this.variant, this.columns, lastUsed);
    const ordered = layout.lastUsed ? [layout.lastUsed, ...layout.rest] : layout.rest;
    return html`
      ${this.status === 'loading' && !providers.length
        ? html`<p part="loading" role="status">${this.t('oauthElements.loading')}</p>`
        : nothing}
      ${this.status === 'empty' ? html`<p part="empty">${this.t('oauthElements.noProviders')}</p>` : nothing}
      ${providers.length
        ? html`<ul
            part="list"
            role="list"
            class=${layout.block ? 'block' : 'icons'}
            aria-busy=${ctx.status === 'loading' ? 'true' : 'false'}
            data-columns=${layout.perRow}
          >
            ${ordered.map((provider) => this.#button(provider, layout.block, layout.longLabels, provider === layout.lastUsed))}
          </ul>`
        : nothing}
      ${this.renderErrorBlock()}
      <slot name="captcha"></slot>
    `;
  }

  #button(provider: SocialProvider, block: boolean, longLabels: boolean, lastUsed: boolean) {
    const full = this.t('socialButtonsBlockButton', { provider: provider.name });
    const visible = longLabels || lastUsed ? full : this.t('socialButtonsBlockButtonManyInView', { provider: provider.name });
    const asBlock = block || lastUsed;
    const pending = this.#pending === provider.strategy;
    const disabled = Boolean(this.#pending) || this.ctx.status === 'error';
    return html`<li class=${lastUsed ? 'last-used' : nothing}>
      <button
        type="button"
        part="button button-${provider.id}"
        class=${asBlock ? 'block' : 'icon'}
        data-strategy=${provider.strategy}
        aria-disabled=${disabled ? 'true' : 'false'}
        aria-busy=${pending ? 'true' : 'false'}
        @click=${() => this.#click(provider)}
      >
        ${pending ? html`<span part="spinner" aria-hidden="true"></span>` : this.#icon(provider)}
        <span part="label" class=${asBlock ? 'text' : 'visually-hidden'}>${asBlock ? visible : full}</span>
        ${lastUsed ? html`<span part="badge">${this.t('lastAuthenticationStrategy')}</span>` : nothing}
      </button>
    </li>`;
  }

  #icon(provider: SocialProvider) {
    const icon = renderProviderIcon(provider, { iconBaseUrl: this.iconBaseUrl, broken: this.brokenIcons, onError: (url) => this.#iconFailed(url) });
    return html`<slot name="icon-${provider.id}">${icon}</slot>`;
  }

}
