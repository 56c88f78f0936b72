import { html, nothing, type PropertyValues } from 'lit';
import { signInTargetOf, type TrustedTarget } from '../../navigation.js';
import { englishFor } from '../../english.js';
import { SSO_CALLBACK_ENGLISH } from './strings.js';
import { property } from 'lit/decorators.js';
import { ClerkFlowElement, type ShownError } from '../../base-element.js';
import { CaptchaController } from '../../captcha.js';
import type { ElementError } from '../../errors.js';
import { SsoErrorEvent } from '../../events.js';
import type { FlowStatus } from '../../status.js';
import { hostStyles } from '../../styles.js';
import { checkCallbackUrls, URL_PARAMS, withProviderUrls, type CallbackUrls } from './callback-urls.js';
import { claimRun, existingRun, type CallbackRun, type SignUpUnsafeMetadata } from './callback-run.js';
import { styles } from './sso-callback.styles.js';

export const SSO_CALLBACK_STATUSES = ['loading', 'verifying', 'redirecting', 'error'] as const satisfies readonly FlowStatus[];
export type SsoCallbackStatus = (typeof SSO_CALLBACK_STATUSES)[number];

/** `transferable` is on unless the attribute says `false`. */
const onUnlessFalse = {
  fromAttribute: (value: string | null) => value === null || value.trim().toLowerCase() !== 'false',
  toAttribute: (value: boolean) => (value ? null : 'false'),
};

/** What a run is started with: a change before it starts is looked at again. */
const INPUTS = new Set<PropertyKey>([...URL_PARAMS, 'transferable', 'unsafeMetadata']);

const isError = (value: unknown): value is ElementError => typeof (value as ElementError).code === 'string';
const sameError = (a?: ElementError, b?: ElementError) => a?.code === b?.code && a?.message === b?.message;

/**
 * Finishes the OAuth redirect on the page `redirect-url` points to: calls `clerk.handleRedirectCallback`
 * once per page load (in a `CallbackRun` every `<sso-callback>` on the page follows) and sends the visitor
 * on, announcing every redirect so a framework app can route itself.
 *
 * @tagname sso-callback
 * @summary Finishes Clerk's OAuth redirect and sends the visitor where the flow goes next.
 *
 * @slot - Shown while Clerk is loading and the callback is verified. Default: a spinner and "Verifying your sign-in…".
 * @slot captcha - Holds the `#clerk-captcha` container this element adds when the page has none.
 * @csspart status - The live region (`role="status"`) with the progress message.
 * @csspart spinner - The default progress indicator.
 * @csspart message - The progress text.
 * @csspart error - The error block (`role="alert"`, always present; empty unless `status` is `error`).
 * @csspart error-title - The failure's heading line ("We could not finish signing you in.").
 * @csspart error-message - Clerk's (or the element's) message.
 * @csspart actions - The way out under the message.
 * @csspart retry - "Try again": reloads Clerk when it failed to load, or the page when a network or server failure stopped the callback.
 * @csspart back-link - "Back to sign in" (always shown with an error).
 * @cssprop [--clerk-elements-error-color=light-dark(#b3261e, #ffb4ab)] - Colour of the error block (shared by every element).
 * @cssprop [--clerk-elements-radius=6px] - Corner radius of the Try again button (shared by every element).
 * @cssprop [--clerk-elements-focus-color=light-dark(#2f6fde, #8ab4f8)] - Focus ring (shared by every element).
 * @cssprop [--clerk-elements-font-family=inherit] - Font (shared by every element).
 * @cssprop [--clerk-elements-color=inherit] - Text colour (shared by every element).
 * @cssprop [--clerk-elements-spinner-size=1.125em] - Size of the default spinner (shared by every element).
 * @cssprop [--clerk-elements-spinner-color=currentColor] - Colour of the default spinner (shared by every element).
 * @cssprop [--sso-callback-gap=0.75em] - Space between the spinner and the text, and between error lines.
 * @cssprop [--sso-callback-link-color=inherit] - Colour of the back-to-sign-in link.
 * @fires sso-redirect - Leaving the page. `event.url`, `event.reason` (`complete`, `session-task`, `continue-sign-up`, `verify-email-address`, `verify-phone-number`, `first-factor`, `second-factor`, `reset-password`, `protect-check`, `enterprise-connections`, `sign-in`, `sign-up`, `retry`, `other`), `event.transfer`. Cancelable (`preventDefault()` and route yourself) unless clerk-js already navigated by itself (`event.cancelable` is then false).
 * @fires sso-error - The callback failed, an attribute is not an allowed URL, or Clerk did not load. `event.code`, `event.message`.
 * @fires oauth-elements-status - `status` changed. `event.status`, `event.previous`.
 */
export class SsoCallbackElement extends ClerkFlowElement<SsoCallbackStatus> {
  static override styles = [hostStyles, styles];
  /** @internal */
  protected static override english = englishFor(SSO_CALLBACK_ENGLISH);

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
  #localError?: ShownError;
  #reported?: ElementError;
  readonly #sync = () => {
    this.setStatus(this.#run!.state.status);
    this.requestUpdate();
  };

  constructor() {
    super();
    // Sign-ups that start here (transfers) need Clerk's bot-protection container.
    new CaptchaController(this);
  }

  override connectedCallback(): void {
    super.connectedCallback();
    if (this.#run) this.#follow(this.#run);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    // The run keeps only elements in the document: a removed one must not be held (and is followed again if it returns).
    this.#run?.followers.delete(this);
    this.#run?.removeEventListener('change', this.#sync);
  }

  protected override signInTarget(): TrustedTarget {
    return signInTargetOf(this.ctx, this.signInUrl);
  }

  protected override clerkChanged(): void {
    // After the first update, so attributes and properties a framework sets right after insertion count.
    void this.updateComplete.then(() => this.#evaluate());
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    this.shownError = this.status === 'error' ? this.#shownError() : undefined;
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    // An input changed before the run started (a bad URL fixed): look again.
    if (!this.#run && [...changed.keys()].some((key) => INPUTS.has(key))) void this.updateComplete.then(() => this.#evaluate());
  }

  override render() {
    const busy = this.status === 'loading' || this.status === 'verifying';
    const progress = html`<span part="spinner" aria-hidden="true"></span><span part="message"
        >${this.t(busy ? 'oauthElements.verifying' : 'oauthElements.redirecting')}</span
      >`;
    return html`<div part="status" role="status" ?hidden=${this.status === 'error'}>
        ${busy ? html`<slot>${progress}</slot>` : this.status === 'redirecting' ? progress : nothing}
      </div>
      ${this.renderErrorBlock()}
      <slot name="captcha"></slot>`;
  }

  /** The error block while `status` is `error`: always the title and Back to sign in; Try again when it can help. */
  #shownError(): ShownError | undefined {
    const run = this.#run;
    const shown = run
      ? run.state.error && { error: run.state.error, retry: run.state.retryable ? () => void run.retry() : undefined }
      : this.#localError;
    return shown && { ...shown, signIn: true, title: this.t('oauthElements.ssoCallback.errorTitle') };
  }

  #evaluate(): void {
    if (this.#run || !this.isConnected) return;
    const ctx = this.ctx;
    const providerError = this.providerError();
    if (providerError) return this.#showLocalError(providerError);
    if (ctx.status !== 'ready' || !ctx.clerk) {
      this.#localError = undefined;
      return this.setStatus('loading');
    }
    const running = existingRun(ctx.clerk);
    if (running) return this.#follow(running);
    // The URL properties are named like handleRedirectCallback's parameters.
    const own = Object.fromEntries(URL_PARAMS.map((name) => [name, this[name]])) as CallbackUrls;
    const urls = checkCallbackUrls(withProviderUrls(own, ctx.urls), ctx.urls.allowedRedirectOrigins);
    if (isError(urls)) return this.#showLocalError({ error: urls });
    this.#localError = undefined;
    const run = claimRun(this, {
      clerk: ctx.clerk,
      urls,
      allowedOrigins: ctx.urls.allowedRedirectOrigins,
      hook: ctx.navigate,
      frontendApiOrigins: ctx.frontendApiOrigins,
      signIn: this.signInTarget(),
      transferable: this.transferable,
      unsafeMetadata: this.unsafeMetadata,
      unexpectedError: this.t('oauthElements.ssoCallback.unexpectedError'),
      timeout: ctx.timeout,
    })!;
    this.#follow(run);
    void run.start();
  }

  #follow(run: CallbackRun): void {
    this.#run = run;
    run.followers.add(this);
    run.removeEventListener('change', this.#sync);
    run.addEventListener('change', this.#sync);
    this.#sync();
  }

  #showLocalError(shown: ShownError): void {
    this.#localError = shown;
    this.setStatus('error');
    this.requestUpdate();
    if (sameError(this.#reported, shown.error)) return;
    this.#reported = shown.error;
    this.dispatchEvent(new SsoErrorEvent(shown.error));
  }
}
