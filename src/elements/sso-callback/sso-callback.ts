import { html, nothing, type PropertyValues } from 'lit';
import { property } from 'lit/decorators.js';
import type { HandleOAuthCallbackParams, SessionResource } from '@clerk/shared/types';

type SignUpUnsafeMetadata = NonNullable<HandleOAuthCallbackParams['unsafeMetadata']>;
import { ClerkFlowElement } from '../../base-element.js';
import { CaptchaController } from '../../captcha.js';
import type { ClerkInstance, NavigateHook } from '../../context.js';
import { elementError, isClerkApiError, toElementError, type ElementError } from '../../errors.js';
import { SsoErrorEvent, SsoRedirectEvent } from '../../events.js';
import { loadPage, redirect } from '../../navigation.js';
import { hostStyles } from '../../styles.js';
import {
  checkCallbackUrls,
  firstSafeUrl,
  originOf,
  redirectReason,
  taskUrl,
  type CallbackUrls,
  type SsoCallbackStatus,
  type SsoRedirectReason,
} from './callback-params.js';
import { claimRun, existingRun, type CallbackRun } from './callback-run.js';
import { completesSignUp, nothingToFinish, sessionHandledByClerk, transferOf, verificationError, type Transfer } from './callback-state.js';
import { styles } from './sso-callback.styles.js';

type Target = { allowedOrigins: string[]; navigate?: NavigateHook; signInUrl: string };

/** `transferable` is on unless the attribute says `false`. */
const onUnlessFalse = {
  fromAttribute: (value: string | null) => value === null || value.trim().toLowerCase() !== 'false',
  toAttribute: (value: boolean) => (value ? null : 'false'),
};

const isError = (value: unknown): value is ElementError => typeof (value as ElementError).code === 'string';

/**
 * Finishes the OAuth redirect on the page `redirect-url` points to: calls `clerk.handleRedirectCallback`
 * once per page load and sends the visitor on, announcing every redirect so a framework app can route itself.
 *
 * @tagname sso-callback
 * @summary Finishes Clerk's OAuth redirect and sends the visitor where the flow goes next.
 *
 * @slot - Shown while Clerk is loading and the callback is verified. Default: a spinner and "Verifying your sign-in…".
 * @slot captcha - Holds the `#clerk-captcha` container this element adds when the page has none.
 * @csspart status - The live region with the progress message.
 * @csspart spinner - The default progress indicator.
 * @csspart message - The progress text.
 * @csspart error - The live region that shows a failure.
 * @csspart error-title - The failure's heading line.
 * @csspart error-message - Clerk's (or the element's) message.
 * @csspart back-link - The link back to sign-in.
 * @csspart retry - "Try again": reloads Clerk when it failed to load, or the page when a network or server failure stopped the callback.
 * @cssprop [--clerk-elements-error-color=#b3261e] - Colour of the error (shared by every element).
 * @cssprop [--sso-callback-gap=0.75em] - Space between the spinner and the text, and between error lines.
 * @cssprop [--sso-callback-spinner-size=1.25em] - Size of the default spinner.
 * @cssprop [--sso-callback-spinner-color=currentColor] - Colour of the default spinner.
 * @cssprop [--sso-callback-link-color=inherit] - Colour of the back-to-sign-in link.
 * @fires sso-redirect - Leaving the page. Cancelable: call `preventDefault()` to route yourself. `event.url`, `event.reason` (`complete`, `session-task`, `continue-sign-up`, `verify-email-address`, `verify-phone-number`, `first-factor`, `second-factor`, `reset-password`, `protect-check`, `enterprise-connections`, `sign-in`, `sign-up`, `other`), `event.transfer`.
 * @fires sso-error - The callback failed. `event.code`, `event.message`.
 * @fires oauth-elements-status - `status` changed. `event.status`, `event.previous`.
 */
export class SsoCallbackElement extends ClerkFlowElement<SsoCallbackStatus> {
  static override styles = [hostStyles, styles];

  /** Where sign-in lives. Default: the provider's `sign-in-url`. */
  @property({ attribute: 'sign-in-url' }) signInUrl?: string;
  /** Where sign-up lives. Default: the provider's `sign-up-url`. */
  @property({ attribute: 'sign-up-url' }) signUpUrl?: string;
  /** Where a sign-up with missing requirements is continued (`<continue-signup>`). */
  @property({ attribute: 'continue-sign-up-url' }) continueSignUpUrl?: string;
  /** Always go here after signing in. */
  @property({ attribute: 'sign-in-force-redirect-url' }) signInForceRedirectUrl?: string;
  /** Go here after signing in when nothing else says where. Default: the provider's. */
  @property({ attribute: 'sign-in-fallback-redirect-url' }) signInFallbackRedirectUrl?: string;
  /** Always go here after signing up. */
  @property({ attribute: 'sign-up-force-redirect-url' }) signUpForceRedirectUrl?: string;
  /** Go here after signing up when nothing else says where. Default: the provider's. */
  @property({ attribute: 'sign-up-fallback-redirect-url' }) signUpFallbackRedirectUrl?: string;
  /** Where a sign-in that needs a first factor goes. */
  @property({ attribute: 'first-factor-url' }) firstFactorUrl?: string;
  /** Where a sign-in that needs a second factor goes. */
  @property({ attribute: 'second-factor-url' }) secondFactorUrl?: string;
  /** Where a sign-in that must reset its password goes. */
  @property({ attribute: 'reset-password-url' }) resetPasswordUrl?: string;
  /** Where a sign-up that must verify its email address goes. */
  @property({ attribute: 'verify-email-address-url' }) verifyEmailAddressUrl?: string;
  /** Where a sign-up that must verify its phone number goes. */
  @property({ attribute: 'verify-phone-number-url' }) verifyPhoneNumberUrl?: string;
  /** Lets a new user on sign-in become a sign-up. `transferable="false"` turns it off. Default: on. */
  @property({ converter: onUnlessFalse, reflect: false }) transferable = true;
  /** Copied to the new user's `unsafeMetadata` when the callback creates a sign-up. */
  @property({ attribute: false }) unsafeMetadata?: SignUpUnsafeMetadata;

  #run?: CallbackRun;
  /** A failure before any run: Clerk did not load, or an attribute is not an allowed URL. */
  #localError?: ElementError;
  #reported?: ElementError;
  readonly #sync = () => {
    this.setStatus(this.#run!.state.status);
    this.requestUpdate();
  };

  constructor() {
    super();
    this.status = 'loading';
    // Sign-ups that start here (transfers) need Clerk's bot-protection container.
    new CaptchaController(this);
  }

  override connectedCallback(): void {
    super.connectedCallback();
    if (this.#run) this.#follow(this.#run);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#run?.removeEventListener('change', this.#sync);
  }

  protected override clerkChanged(): void {
    // After the first update, so attributes and properties a framework sets right after insertion count.
    void this.updateComplete.then(() => this.#evaluate());
  }

  protected override updated(changed: PropertyValues<this>): void {
    if (!this.#run && [...changed.keys()].some((key) => key !== 'status')) void this.updateComplete.then(() => this.#evaluate());
    if (changed.has('status') && this.status === 'error') {
      const active = document.activeElement;
      // Only when nothing else has focus: the error is then what the visitor needs next.
      if (!active || active === document.body) this.renderRoot.querySelector<HTMLElement>('[part=error]')?.focus();
    }
  }

  override render() {
    const error = this.status === 'error' ? (this.#run?.state.error ?? this.#localError) : undefined;
    const busy = this.status === 'loading' || this.status === 'verifying';
    const progress = html`<span part="spinner" aria-hidden="true"></span><span part="message"
        >${this.t(busy ? 'oauthElements.verifying' : 'oauthElements.redirecting')}</span
      >`;
    return html`<div part="status" role="status" ?hidden=${Boolean(error)}>
        ${busy ? html`<slot>${progress}</slot>` : this.status === 'redirecting' ? progress : nothing}
      </div>
      <div part="error" role="alert" tabindex="-1" ?hidden=${!error}>
        ${error
          ? html`<p part="error-title">${this.t('oauthElements.ssoCallback.errorTitle')}</p>
              <p part="error-message">${error.message}</p>
              ${this.ctx.status === 'error' && !this.#run
                ? html`<button part="retry" type="button" @click=${() => this.ctx.retry()}>${this.t('oauthElements.retry')}</button>`
                : this.#run?.state.retryable
                  ? html`<button part="retry" type="button" @click=${this.#reload}>${this.t('oauthElements.retry')}</button>`
                  : nothing}
              <a part="back-link" href=${this.#signInHref()}>${this.t('oauthElements.backToSignIn')}</a>`
          : nothing}
      </div>
      <slot name="captcha"></slot>`;
  }

  /** What the attributes say, with the provider's URLs where they are unset. */
  #urls(): CallbackUrls {
    const provider = this.ctx.urls;
    return {
      signInUrl: this.signInUrl || provider.signInUrl,
      signUpUrl: this.signUpUrl || provider.signUpUrl,
      continueSignUpUrl: this.continueSignUpUrl,
      signInForceRedirectUrl: this.signInForceRedirectUrl,
      signInFallbackRedirectUrl: this.signInFallbackRedirectUrl || provider.signInFallbackRedirectUrl,
      signUpForceRedirectUrl: this.signUpForceRedirectUrl,
      signUpFallbackRedirectUrl: this.signUpFallbackRedirectUrl || provider.signUpFallbackRedirectUrl,
      firstFactorUrl: this.firstFactorUrl,
      secondFactorUrl: this.secondFactorUrl,
      resetPasswordUrl: this.resetPasswordUrl,
      verifyEmailAddressUrl: this.verifyEmailAddressUrl,
      verifyPhoneNumberUrl: this.verifyPhoneNumberUrl,
    };
  }

  /** The back link's target: never a URL that fails validation (an attribute set to `javascript:…` included). */
  #signInHref(): string {
    const allowed = this.ctx.urls.allowedRedirectOrigins;
    const hosted = (this.ctx.clerk as { __internal_environment?: { displayConfig?: { signInUrl?: string } } } | undefined)?.__internal_environment
      ?.displayConfig?.signInUrl;
    // Clerk's own hosted sign-in page (Account Portal) is trusted on its own origin.
    const own = firstSafeUrl([this.signInUrl, this.ctx.urls.signInUrl], allowed);
    return own ?? firstSafeUrl([hosted], originOf(hosted)) ?? '/sign-in';
  }

  #evaluate(): void {
    if (this.#run || !this.isConnected) return;
    const ctx = this.ctx;
    if (ctx.status === 'loading' || (ctx.status === 'ready' && !ctx.clerk)) {
      this.#localError = undefined;
      this.setStatus('loading');
      return;
    }
    if (ctx.status === 'error') {
      this.#showLocalError(ctx.error ?? elementError('clerk_load_failed', this.t('oauthElements.providerError.clerk_load_failed')));
      return;
    }
    const clerk = ctx.clerk!;
    const running = existingRun(clerk);
    if (running) return this.#follow(running);
    const urls = checkCallbackUrls(this.#urls(), ctx.urls.allowedRedirectOrigins);
    if (isError(urls)) return this.#showLocalError(urls);
    this.#localError = undefined;
    const run = claimRun(clerk, this)!;
    this.#follow(run);
    void this.#execute(run, clerk, urls, {
      allowedOrigins: ctx.urls.allowedRedirectOrigins,
      navigate: ctx.navigate,
      signInUrl: urls.signInUrl ?? this.#signInHref(),
    });
  }

  #follow(run: CallbackRun): void {
    this.#run = run;
    run.followers.add(this);
    run.removeEventListener('change', this.#sync);
    run.addEventListener('change', this.#sync);
    this.#sync();
  }

  #showLocalError(error: ElementError): void {
    this.#localError = error;
    this.setStatus('error');
    this.requestUpdate();
    if (this.#reported?.code === error.code && this.#reported.message === error.message) return;
    this.#reported = error;
    const event = new SsoErrorEvent(error);
    this.dispatchEvent(event);
  }

  /** The one `handleRedirectCallback` of this page load. */
  async #execute(run: CallbackRun, clerk: ClerkInstance, urls: CallbackUrls, target: Target): Promise<void> {
    const client = clerk.client;
    const task = clerk.session?.currentTask?.key;
    const transfer = transferOf(client, this.transferable);
    const signUp = completesSignUp(client, transfer);
    const params: HandleOAuthCallbackParams = {
      ...urls,
      transferable: this.transferable,
      ...(this.unsafeMetadata ? { unsafeMetadata: this.unsafeMetadata } : {}),
      // Completion goes through setActive and clerk-js's own navigation, which never reaches `customNavigate`:
      // this hook hands it to us, so completion is announced (and cancelable) like every other redirect.
      __internal_navigateOnSetActive: ({ session, redirectUrl, decorateUrl }) =>
        this.#complete(run, target, transfer, session, redirectUrl, decorateUrl),
    };
    try {
      // A pending session and nothing to finish: clerk-js would go to the task page by itself, unannounced.
      if (task && nothingToFinish(client)) return await this.#go(run, target, taskUrl(target.signInUrl, task), 'session-task', undefined);
      await clerk.handleRedirectCallback(params, (to) => this.#intermediate(run, target, clerk, urls, transfer, to));
      if (run.state.status !== 'verifying') return;
      if (sessionHandledByClerk(clerk)) {
        // clerk-js activated a session and navigated by itself (the page's Clerk has `taskUrls`, or it ignored the hook):
        // the page is already leaving, so only announce where it goes.
        const pending = clerk.session?.currentTask?.key;
        const after = signUp
          ? (urls.signUpForceRedirectUrl ?? urls.signUpFallbackRedirectUrl)
          : (urls.signInForceRedirectUrl ?? urls.signInFallbackRedirectUrl);
        if (pending) return this.#announce(run, clerk.buildTasksUrl?.() || taskUrl(target.signInUrl, pending), 'session-task', transfer);
        return this.#announce(run, after ?? '/', 'complete', transfer);
      }
      // clerk-js found nothing it could do: never leave a spinner behind.
      await this.#go(run, target, target.signInUrl, 'sign-in', transfer);
    } catch (cause) {
      // Only Clerk's API errors carry a message for people; clerk-js's own ("ClerkJS: …", e.g. after a dropped
      // connection) do not. Those and server errors may pass on a fresh page load; a 4xx verdict would not.
      const api = isClerkApiError(cause);
      const status = (cause as { status?: unknown }).status;
      const error = api ? toElementError(cause, 'sso_callback_failed') : elementError('sso_callback_failed', this.t('oauthElements.ssoCallback.unexpectedError'), cause);
      this.#fail(run, error, !api || (typeof status === 'number' && (status >= 500 || status === 429)));
    }
  }

  async #intermediate(run: CallbackRun, target: Target, clerk: ClerkInstance, urls: CallbackUrls, transfer: Transfer, to: string) {
    const reason = redirectReason(to, urls);
    // clerk-js sends failed attempts (denied consent, locked user, disabled transfer) back to sign-in or sign-up
    // and leaves the error on the resource for Clerk's prebuilt pages to show: show it here instead.
    const error = reason === 'sign-in' || reason === 'sign-up' || reason === 'other' ? verificationError(clerk.client) : undefined;
    if (error) return this.#fail(run, error);
    await this.#go(run, target, to, reason, transfer);
  }

  async #complete(
    run: CallbackRun,
    target: Target,
    transfer: Transfer,
    session: SessionResource,
    redirectUrl: string,
    decorateUrl: (url: string) => string,
  ): Promise<void> {
    const task = session?.currentTask?.key;
    if (task) return this.#go(run, target, taskUrl(target.signInUrl, task), 'session-task', transfer);
    const url = new URL(redirectUrl, window.location.href);
    // decorateUrl adds the development browser token to other origins; same-origin targets stay as they are.
    const href = url.origin === window.location.origin ? url.href : decorateUrl(url.href);
    await this.#go(run, target, href, 'complete', transfer);
  }

  async #go(run: CallbackRun, target: Target, url: string, reason: SsoRedirectReason, transfer: Transfer): Promise<void> {
    run.set({ status: 'redirecting' });
    const outcome = await redirect(run.target, {
      url,
      allowedOrigins: target.allowedOrigins,
      event: (href) => new SsoRedirectEvent(href, reason, transfer),
      navigate: target.navigate,
      // The callback URL is spent: Back must not return to it.
      replace: true,
    });
    if (outcome.kind === 'rejected') this.#fail(run, outcome.error);
  }

  /** Announces a navigation clerk-js already started: too late to cancel, but the page still learns where and why. */
  #announce(run: CallbackRun, url: string, reason: SsoRedirectReason, transfer: Transfer): void {
    run.set({ status: 'redirecting' });
    const event = new SsoRedirectEvent(new URL(url, window.location.href).href, reason, transfer);
    run.target.dispatchEvent(event);
  }

  /** A fresh page load is a fresh run: the attempt is still on the client for clerk-js to finish. */
  readonly #reload = () => loadPage(window.location.href, true);

  #fail(run: CallbackRun, error: ElementError, retryable = false): void {
    run.set({ status: 'error', error, retryable });
    const event = new SsoErrorEvent(error);
    run.target.dispatchEvent(event);
  }
}
