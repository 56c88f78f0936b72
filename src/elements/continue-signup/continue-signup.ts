import { html, nothing, type PropertyValues } from 'lit';
import { englishFor } from '../../english.js';
import { CONTINUE_SIGNUP_ENGLISH } from './strings.js';
import { property, state } from 'lit/decorators.js';
import type { SignUpResource, SignUpUpdateParams } from '@clerk/shared/types';
import { ClerkFlowElement, type ShownError } from '../../base-element.js';
import { CaptchaController } from '../../captcha.js';
import type { ClerkContextValue, ClerkInstance } from '../../context.js';
import { elementError, toElementErrors, type ElementError } from '../../errors.js';
import { SignUpCompleteEvent, SignUpErrorEvent, SignUpRedirectEvent } from '../../events.js';
import { leavePage, signInTargetOf, type TrustedTarget } from '../../navigation.js';
import { PendingWork, isTimeout, withTimeout } from '../../timeout.js';
import type { FlowStatus } from '../../status.js';
import { hostStyles } from '../../styles.js';
import { styles } from './continue-signup.styles.js';
import { activateSignUp, destinationOf, type Completion } from './completion.js';
import { attemptCode, identifierOf, nextUnverified, prepareCode } from './verification.js';
import { LABELS, checkField, fieldOfError, fieldsFor, snakeToCamel, updateParams, type FieldSpec, type VerifiableField } from './fields.js';
import { codeStepKey, renderCodeStep, renderFormStep, type CodeStepView, type FormStepView } from './render-fields.js';

export const CONTINUE_SIGNUP_STATUSES = ['loading', 'ready', 'submitting', 'redirecting', 'error'] as const satisfies readonly FlowStatus[];
export type ContinueSignUpStatus = (typeof CONTINUE_SIGNUP_STATUSES)[number];

/** Why `signup-redirect` leaves the page. */
export const CONTINUE_SIGNUP_REDIRECT_REASONS = ['complete', 'session-task', 'no-sign-up'] as const;
export type ContinueSignUpRedirectReason = (typeof CONTINUE_SIGNUP_REDIRECT_REASONS)[number];

type Step = { kind: 'form' } | { kind: 'code'; field: VerifiableField; identifier: string };

const C = LABELS;
/** Our own blocking errors: their text follows the localization (also after they are shown). */
const OWN_MESSAGES: Record<string, string> = { sign_up_abandoned: `${C}abandoned`, nothing_to_collect: `${C}nothingToCollect` };

/**
 * The page Clerk sends a new OAuth user to when the instance needs more than the provider gave
 * (`signUp.status === 'missing_requirements'`): one form built from `missingFields`, one-time-code
 * steps for email and phone, then the session is activated and the visitor sent on.
 *
 * @tagname continue-signup
 * @summary Collects what Clerk still needs after OAuth and finishes the sign-up.
 *
 * @slot heading - Replaces the default heading.
 * @slot - Extra content below the form.
 * @slot captcha - Where the element puts `<div id="clerk-captcha">` when the page has none.
 * @csspart heading - The default heading.
 * @csspart subtitle - The line under the heading.
 * @csspart form - The form (the code step's is also `code-form`).
 * @csspart field - One field; also `field-<name>`, e.g. `field-username`, `field-code`.
 * @csspart label - A field's label.
 * @csspart input - A text input (the code input is also `code-input`).
 * @csspart checkbox - The terms checkbox.
 * @csspart checkbox-row - The checkbox and its label.
 * @csspart legal-label - The terms label.
 * @csspart legal-link - A terms or privacy link (opens in a new tab).
 * @csspart hint - A field's hint.
 * @csspart field-error - A field's error message.
 * @csspart submit - The primary button.
 * @csspart resend - The "Resend" button of the code step.
 * @csspart change - The "Use a different …" button of the code step.
 * @csspart message - The status live region for progress (loading, code sent, signed up, redirecting); focusable, the last focus fallback.
 * @csspart error - The error block (alert live region, always present): an error that belongs to no field, or why the flow stopped.
 * @csspart error-message - The error's message.
 * @csspart actions - The way out under a blocking error.
 * @csspart retry - "Try again" (Clerk failed to load, or the session could not be activated).
 * @csspart back-link - "Back to sign in" under a blocking error (expired sign-up, nothing to collect, refused redirect).
 * @csspart footer - The "Already have an account? Sign in" line.
 * @csspart link - The sign-in link in the footer.
 * @cssprop [--clerk-elements-font-family=inherit] - Font (shared by every element).
 * @cssprop [--clerk-elements-color=inherit] - Text colour (shared by every element).
 * @cssprop [--clerk-elements-error-color=light-dark(#b3261e, #ffb4ab)] - Error text and invalid field outlines (shared by every element).
 * @cssprop [--clerk-elements-radius=6px] - Corner radius of inputs and buttons (shared by every element).
 * @cssprop [--clerk-elements-focus-color=light-dark(#2f6fde, #8ab4f8)] - Focus ring of fields, buttons and links (shared by every element).
 * @cssprop [--clerk-elements-muted-color=light-dark(#4b5563, #b4b4bb)] - Hints and subtitle (shared by every element).
 * @cssprop [--continue-signup-gap=1rem] - Space between fields.
 * @cssprop [--continue-signup-border=1px solid light-dark(#6b7280, #9ca3af)] - Input borders (a `border` shorthand, like every element's `--<tag>-border`).
 * @cssprop [--continue-signup-button-background=light-dark(#1f2937, #e5e7eb)] - Primary button background.
 * @cssprop [--continue-signup-button-color=light-dark(#ffffff, #111827)] - Primary button text.
 * @attr {'form' | 'code'} step - Reflected and read-only: which step the visitor acts on (`form` or `code`), absent while nothing waits for the visitor.
 * @fires signup-complete - The sign-up is complete and its session active. `event.sessionId`, `event.task`.
 * @fires signup-error - A step failed. `event.code`, `event.field` (camelCase, when a field is at fault), `event.message`.
 * @fires signup-redirect - About to leave (cancelable). `event.url`, `event.reason`: `complete`, `session-task` or `no-sign-up`.
 * @fires oauth-elements-status - `status` changed. `event.status`, `event.previous`.
 */
export class ContinueSignupElement extends ClerkFlowElement<ContinueSignUpStatus> {
  static override styles = [hostStyles, styles];
  /** @internal */
  protected static override english = englishFor(CONTINUE_SIGNUP_ENGLISH);

  /** Where to go once signed up. Default: the provider's `sign-up-fallback-redirect-url`, else `/`. */
  @property({ attribute: 'redirect-url-complete' }) redirectUrlComplete?: string;
  /** The sign-in page (footer link, "Back to sign in", no sign-up to continue). Default: the provider's `sign-in-url`, else Clerk's. */
  @property({ attribute: 'sign-in-url' }) signInUrl?: string;
  /** Where a pending session task is handled; `{task}` becomes its key. Default: Clerk's task URL. */
  @property({ attribute: 'task-url' }) taskUrl?: string;

  @state() private fields: FieldSpec[] = [];
  @state() private view: Step = { kind: 'form' };
  @state() private fieldErrors: Record<string, string> = {};
  @state() private notice = '';
  @state() private signedUp = false;

  /** What the visitor typed, by field name: kept across errors, steps, context changes and re-renders. */
  private values: Record<string, string> = {};
  private code = '';
  /** The Clerk instance the flow runs on: a different one starts over, the same one (Clerk's echo of our updates) never does. */
  #flowClerk?: ClerkInstance;
  /** What the provider's error (or reload) interrupted, to go back to when the same Clerk is ready again. */
  #interrupted?: { status: ContinueSignUpStatus; shown?: ShownError };
  #busy = false;
  /** The Clerk action under way, kept until it answers (see `#run`). */
  #pendingWork = new PendingWork<void>();
  #warned = new Set<string>();

  constructor() {
    super();
    // Clerk's bot protection looks for #clerk-captcha when the sign-up is updated.
    new CaptchaController(this);
  }

  /** The step on screen (`form` or `code`), reflected as the `step` attribute while it is shown. */
  get step(): 'form' | 'code' | undefined {
    return this.#stepShown() ? this.view.kind : undefined;
  }

  protected override signInTarget(): TrustedTarget {
    return signInTargetOf(this.ctx, this.signInUrl);
  }

  protected override errorText(error: ElementError): string {
    const key = OWN_MESSAGES[error.code];
    return key ? this.t(key) : super.errorText(error);
  }

  protected override clerkChanged(value: ClerkContextValue): void {
    if (value.status !== 'ready') {
      if (this.#flowClerk && !this.#interrupted) this.#interrupted = { status: this.status, shown: this.shownError };
      if (value.status === 'loading') {
        this.shownError = undefined;
        return this.setStatus('loading');
      }
      const { error, ...way } = this.providerError()!;
      return this.#block(error, way);
    }
    const clerk = value.clerk!;
    if (clerk === this.#flowClerk) {
      // The same Clerk: our own updates echoing back, a localization or settings change, or the provider back
      // after an error. Re-render only; resume what the provider interrupted.
      const resume = this.#interrupted;
      this.#interrupted = undefined;
      if (resume) {
        this.shownError = resume.shown;
        this.setStatus(resume.status);
      }
      return;
    }
    this.#start(clerk);
  }

  /** A (new) Clerk instance: the flow starts from its sign-up. What was typed stays for the fields asked again. */
  #start(clerk: ClerkInstance): void {
    this.#flowClerk = clerk;
    this.#interrupted = undefined;
    this.#busy = false;
    this.#pendingWork = new PendingWork<void>();
    this.shownError = undefined;
    this.fieldErrors = {};
    this.view = { kind: 'form' };
    this.signedUp = false;
    this.notice = '';
    this.setStatus('loading');
    const signUp = clerk.client?.signUp;
    if (!signUp?.id) void this.#leaveForSignIn();
    else void this.#run(() => this.#proceed(signUp), false);
  }

  get #clerk(): ClerkInstance {
    return this.#flowClerk!;
  }
  get #signUp(): SignUpResource {
    return this.#clerk.client!.signUp;
  }

  #stepShown(): boolean {
    return this.status === 'ready' || this.status === 'submitting';
  }

  /**
   * Runs one Clerk action at a time; its errors land on the form. No answer within the provider's `timeout`
   * stops with the `timeout` error and Try again, which waits for the same action while it is still unanswered
   * (a sign-up update or a code check is never sent twice).
   */
  async #run(work: () => Promise<void>, submitting = true): Promise<void> {
    if (this.#busy) return;
    this.#busy = true;
    // A retried step starts clean: no old message may stay on screen next to the new outcome.
    this.shownError = undefined;
    this.fieldErrors = {};
    if (submitting) this.setStatus('submitting');
    const pending = this.#pendingWork.run(work);
    // Free again as soon as Clerk answered (not a few ticks later, after the timeout race): the form the
    // answer shows can be submitted at once.
    const release = () => void (this.#busy = false);
    pending.then(release, release);
    try {
      await withTimeout(pending, this.ctx.timeout, 'Clerk');
    } catch (cause) {
      this.#busy = false;
      if (!isTimeout(cause)) {
        const errors = toElementErrors(cause, 'signup_failed');
        // The sign-up was finished meanwhile (another tab): read it again and go on from what it is now.
        if (errors[0]?.code === 'sign_up_cannot_be_updated') return void this.#run(() => this.#finishedElsewhere(errors[0]!), submitting);
        return this.#showErrors(errors);
      }
      this.#block(cause, { retry: () => void this.#run(work, submitting) });
      // A late answer carries on by itself (the action's own next step); the timeout message goes with it.
      void pending.then(
        () => this.shownError?.error === cause && (this.shownError = undefined),
        () => {},
      );
    }
  }

  /** After Clerk refused an update of a sign-up in a terminal state: complete, it is activated; else back to sign-in. */
  async #finishedElsewhere(error: ElementError): Promise<void> {
    const signUp = this.ctx.client?.signUp;
    try {
      await signUp?.reload();
    } catch {
      // Judged below on what is known.
    }
    if (signUp?.status === 'complete') return this.#finish(signUp);
    this.#block(error, { signIn: true });
  }

  /** Moves on from whatever state the sign-up is in: finish, fill in the form, or verify a code. */
  async #proceed(signUp: SignUpResource): Promise<void> {
    if (signUp.status === 'complete') return this.#finish(signUp);
    if (signUp.status === 'abandoned') return this.#block(elementError('sign_up_abandoned', this.t(`${C}abandoned`)), { signIn: true });
    if (signUp.missingFields.length) return this.#showForm(signUp.missingFields, signUp);
    const verify = nextUnverified(signUp);
    if (verify) return this.#sendCode(verify, signUp, false);
    this.#block(elementError('nothing_to_collect', this.t(`${C}nothingToCollect`)), { signIn: true });
  }

  #showForm(names: string[], signUp: SignUpResource, focus?: string): void {
    this.fields = fieldsFor(names);
    for (const field of this.fields) {
      // Keep what was typed; otherwise start from what Clerk already has (e.g. the number being changed).
      const known = (signUp as unknown as Record<string, unknown>)[snakeToCamel(field.name)];
      if (this.values[field.name] === undefined && typeof known === 'string') this.values[field.name] = known;
      if (!field.known && !this.#warned.has(field.name)) {
        this.#warned.add(field.name);
        console.warn(`<continue-signup>: Clerk asks for "${field.name}", which has no dedicated control; showing a text input.`);
      }
    }
    this.view = { kind: 'form' };
    this.notice = '';
    this.setStatus('ready');
    if (focus) void this.#focus(focus);
  }

  #onSubmit = (event: Event): void => {
    event.preventDefault();
    if (this.#busy) return;
    const rules = this.ctx.instance.usernameRules;
    const problems: ElementError[] = [];
    for (const field of this.fields) {
      const problem = checkField(field, this.values[field.name] ?? '', rules);
      if (!problem) continue;
      const label = this.#label(field);
      const message = this.t(`${C}${problem.key}`, { field: label, ...rules });
      problems.push({ code: problem.code, message, field: snakeToCamel(field.name) });
    }
    if (problems.length) return this.#showErrors(problems);
    const params = updateParams(this.fields, this.values);
    void this.#run(async () => this.#proceed(await this.#signUp.update(params as SignUpUpdateParams)));
  };

  async #sendCode(field: VerifiableField, signUp: SignUpResource, resend: boolean): Promise<void> {
    const identifier = identifierOf(signUp, field);
    if (!resend) this.code = '';
    this.view = { kind: 'code', field, identifier };
    this.notice = '';
    await prepareCode(signUp, field);
    this.notice = this.t(`${C}${resend ? 'codeResent' : 'codeSent'}`, { identifier });
    this.setStatus('ready');
    void this.#focus('code');
  }

  #onVerify = (event: Event): void => {
    event.preventDefault();
    if (this.#busy || this.view.kind !== 'code') return;
    const code = this.code.trim();
    if (!code) {
      const label = this.t(`${codeStepKey(this.view.field)}.formTitle`);
      return this.#showErrors([{ code: 'form_param_missing', message: this.t(`${C}required`, { field: label }), field: 'code' }]);
    }
    const { field } = this.view;
    void this.#run(async () => this.#proceed(await attemptCode(this.#signUp, field, code)));
  };

  #onResend = (): void => {
    if (this.view.kind !== 'code') return;
    const { field } = this.view;
    void this.#run(() => this.#sendCode(field, this.#signUp, true));
  };

  /** Back to the form for the identifier being verified, with what was typed still there. */
  #onChange = (): void => {
    if (this.#busy || this.view.kind !== 'code') return;
    const { field } = this.view;
    this.fieldErrors = {};
    this.shownError = undefined;
    this.#showForm([field, ...this.#signUp.missingFields], this.#signUp, field);
  };

  async #finish(signUp: SignUpResource): Promise<void> {
    try {
      await activateSignUp(this.#clerk, signUp, (done) => this.#completed(done));
    } catch (cause) {
      // Try again repeats the activation (the sign-up itself is complete).
      this.#block(toElementErrors(cause, 'set_active_failed')[0]!, { retry: () => void this.#run(() => this.#finish(signUp)) });
    }
  }

  async #completed({ sessionId, task, decorate, navigate }: Completion): Promise<void> {
    this.signedUp = true;
    this.notice = this.t(`${C}complete`);
    const done = new SignUpCompleteEvent(sessionId, task);
    this.dispatchEvent(done);
    this.setStatus('redirecting');
    // Clerk navigated by itself (its own task URLs): nothing left for us to do.
    if (!navigate) return;
    const signIn = this.signInTarget();
    const { url, reason } = destinationOf(task, {
      redirectUrlComplete: this.redirectUrlComplete,
      fallbackRedirectUrl: this.ctx.urls.signUpFallbackRedirectUrl,
      taskUrl: this.taskUrl,
      clerkTasksUrl: this.#clerk.buildTasksUrl?.(),
      signInUrl: signIn.url,
    });
    // A task page may be Clerk's (on the sign-in page's origin); the after-sign-up page is the app's.
    const allowedOrigins = reason === 'session-task' ? signIn.allowedOrigins : this.ctx.urls.allowedRedirectOrigins;
    // replace: Back must not return to the spent continue page.
    await this.#go({ url, reason, allowedOrigins, decorate, replace: true });
  }

  async #leaveForSignIn(): Promise<void> {
    this.notice = this.t(`${C}noSignUp`);
    this.setStatus('redirecting');
    // The reason is on screen (and in the live region) before the page changes.
    await this.updateComplete;
    const { url, allowedOrigins } = this.signInTarget();
    await this.#go({ url, reason: 'no-sign-up', allowedOrigins, replace: true });
  }

  async #go(request: { url: string; reason: ContinueSignUpRedirectReason; allowedOrigins: readonly string[]; decorate?: (url: string) => string; replace?: boolean }): Promise<void> {
    const { reason, ...rest } = request;
    const outcome = await leavePage(this, {
      ...rest,
      event: (target, cancelable) => new SignUpRedirectEvent(target, reason, cancelable),
      hook: this.ctx.navigate,
      decorateOrigins: this.ctx.frontendApiOrigins,
    });
    if (outcome.kind === 'rejected') this.#block(outcome.error, { signIn: true });
  }

  /** The flow cannot go on by itself: the error block says why, with the way out. */
  #block(error: ElementError, way: Omit<ShownError, 'error'> = {}): void {
    this.shownError = { error, ...way };
    this.setStatus('error');
    const event = new SignUpErrorEvent(error);
    this.dispatchEvent(event);
  }

  /** Field errors go under their fields (the first one gets focus); the rest to the error block. The form stays. */
  #showErrors(errors: ElementError[]): void {
    const fieldErrors: Record<string, string> = {};
    let general: ElementError | undefined;
    for (const error of errors) {
      const target =
        this.view.kind === 'code' ? (error.field === 'code' ? 'code' : undefined) : fieldOfError(this.fields, error.field, this.values)?.name;
      if (target) fieldErrors[target] ??= this.errorText(error);
      else general ??= error;
      const event = new SignUpErrorEvent(error);
      this.dispatchEvent(event);
    }
    this.fieldErrors = fieldErrors;
    this.shownError = general ? { error: general } : undefined;
    this.setStatus('ready');
    const order = this.view.kind === 'code' ? ['code'] : this.fields.map((f) => f.name);
    const first = order.find((name) => fieldErrors[name]);
    if (first) void this.#focus(first);
  }

  async #focus(id: string): Promise<void> {
    await this.updateComplete;
    // By id, not a selector: Clerk's field names are not guaranteed to be valid CSS identifiers.
    (this.renderRoot as ShadowRoot).getElementById(id)?.focus();
  }

  #label(field: FieldSpec): string {
    return field.labelKey ? this.t(field.labelKey) : field.fallbackLabel;
  }

  #onInput = (name: string, value: string): void => {
    this.values[name] = value;
  };

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    const step = this.step;
    if (step) this.setAttribute('step', step);
    else this.removeAttribute('step');
  }

  #formView(): FormStepView {
    const { fields, values, fieldErrors: errors } = this;
    const busy = this.status === 'submitting';
    const { usernameRules: rules, termsUrl, privacyPolicyUrl } = this.ctx.instance;
    const label = (field: FieldSpec) => this.#label(field);
    return { fields, values, errors, busy, rules, legalUrls: { termsUrl, privacyPolicyUrl }, label, t: this.t.bind(this), onInput: this.#onInput, onSubmit: this.#onSubmit };
  }

  #codeView(field: VerifiableField): CodeStepView {
    return {
      field,
      value: this.code,
      error: this.fieldErrors.code,
      busy: this.status === 'submitting',
      t: this.t.bind(this),
      onInput: (value) => (this.code = value),
      onSubmit: this.#onVerify,
      onResend: this.#onResend,
      onChange: this.#onChange,
    };
  }

  override render() {
    const shown = this.#stepShown();
    const code = shown && this.view.kind === 'code' ? this.view.field : undefined;
    const form = shown && this.view.kind === 'form';
    const codeKey = code ? codeStepKey(code) : undefined;
    // Once signed up, "Already have an account? Sign in" no longer applies; under "Back to sign in" it would repeat it.
    const footer = !this.signedUp && !this.shownError?.signIn;
    return html`<slot name="heading"><h2 part="heading">${this.t(codeKey ? `${codeKey}.title` : 'signUp.continue.title')}</h2></slot>
      ${shown ? html`<p part="subtitle">${this.t(codeKey ? `${codeKey}.formSubtitle` : 'signUp.continue.subtitle', { applicationName: this.ctx.instance.applicationName })}</p>` : nothing}
      <p part="message" role="status" tabindex="-1">${this.status === 'loading' ? this.t(`${C}loading`) : this.notice}</p>
      ${this.renderErrorBlock()} ${form ? renderFormStep(this.#formView()) : nothing} ${code ? renderCodeStep(this.#codeView(code)) : nothing}
      <slot></slot>
      ${footer
        ? html`<p part="footer">${this.t('signUp.continue.actionText')} <a part="link" href=${this.signInTarget().url}>${this.t('signUp.continue.actionLink')}</a></p>`
        : nothing}
      <slot name="captcha"></slot>`;
  }
}
