import { html, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import type { SignUpResource, SignUpUpdateParams } from '@clerk/shared/types';
import { ClerkFlowElement } from '../../base-element.js';
import { CaptchaController } from '../../captcha.js';
import type { ClerkContextValue } from '../../context.js';
import { elementError, toElementErrors, type ElementError } from '../../errors.js';
import { SignUpCompleteEvent, SignUpErrorEvent, SignUpRedirectEvent } from '../../events.js';
import { redirect } from '../../navigation.js';
import { hostStyles } from '../../styles.js';
import { styles } from './continue-signup.styles.js';
import { activateSignUp, destinationOf, type Completion } from './completion.js';
import { instanceSettings } from './instance.js';
import { attemptCode, identifierOf, nextUnverified, prepareCode } from './verification.js';
import { LABELS, checkField, fieldOfError, fieldsFor, snakeToCamel, updateParams, type FieldSpec, type VerifiableField } from './fields.js';
import { safeLinkUrl } from './legal-consent.js';
import { codeStepKey, renderCodeStep, renderFormStep, type CodeStepView, type FormStepView } from './render-fields.js';

export const CONTINUE_SIGNUP_STATUSES = ['loading', 'redirecting', 'collecting', 'verifying', 'submitting', 'complete', 'error', 'abandoned'] as const;
export type ContinueSignUpStatus = (typeof CONTINUE_SIGNUP_STATUSES)[number];

type Step = { kind: 'form' } | { kind: 'code'; field: VerifiableField; identifier: string };
/** An error that leaves no form to fix: shown alone, with a retry when one makes sense. */
type Blocker = { error: ElementError; retry?: () => void };

const C = LABELS;

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
 * @csspart error - The live region for errors that belong to no field.
 * @csspart message - The live region for progress (loading, code sent, redirecting).
 * @csspart retry - The "Try again" button.
 * @csspart footer - The "Already have an account? Sign in" line.
 * @csspart link - The sign-in link in the footer.
 * @cssprop [--clerk-elements-error-color=#b3261e] - Error text.
 * @cssprop [--clerk-elements-radius=6px] - Corner radius of inputs and buttons.
 * @cssprop [--continue-signup-gap=1rem] - Space between fields.
 * @cssprop [--continue-signup-border-color=#6b7280] - Input borders.
 * @cssprop [--continue-signup-button-background=#1f2937] - Primary button background.
 * @cssprop [--continue-signup-button-color=#ffffff] - Primary button text.
 * @cssprop [--continue-signup-muted-color=#4b5563] - Hints and subtitle.
 * @cssprop [--continue-signup-focus-color=light-dark(#2f6fde, #8ab4f8)] - Focus ring of fields, buttons and links.
 * @fires signup-complete - The sign-up is complete and its session active. `event.sessionId`, `event.task`.
 * @fires signup-error - A step failed. `event.code`, `event.field` (camelCase, when a field is at fault), `event.message`.
 * @fires signup-redirect - About to leave (cancelable). `event.url`, `event.reason`: `complete`, `session-task` or `no-sign-up`.
 * @fires oauth-elements-status - `status` changed. `event.status`, `event.previous`.
 */
export class ContinueSignupElement extends ClerkFlowElement<ContinueSignUpStatus> {
  static override styles = [hostStyles, styles];

  /** Where to go once signed up. Default: the provider's `sign-up-fallback-redirect-url`, else `/`. */
  @property({ attribute: 'redirect-url-complete' }) redirectUrlComplete?: string;
  /** Where to send visitors with no sign-up to continue. Default: the provider's `sign-in-url`, else Clerk's. */
  @property({ attribute: 'sign-in-url' }) signInUrl?: string;
  /** Where a pending session task is handled; `{task}` becomes its key. Default: Clerk's task URL. */
  @property({ attribute: 'task-url' }) taskUrl?: string;

  @state() private fields: FieldSpec[] = [];
  @state() private step: Step = { kind: 'form' };
  @state() private fieldErrors: Record<string, string> = {};
  @state() private formError?: ElementError;
  @state() private notice = '';
  @state() private blocker?: Blocker;

  /** What the visitor typed, by field name: kept across errors, steps and re-renders. */
  private values: Record<string, string> = {};
  private code = '';
  #started = false;
  #focusWasInside = false;
  #busy = false;
  #warned = new Set<string>();

  constructor() {
    super();
    this.status = 'loading';
    // Clerk's bot protection looks for #clerk-captcha when the sign-up is updated.
    new CaptchaController(this);
  }

  protected override clerkChanged(value: ClerkContextValue): void {
    // The flow starts once; later Clerk changes are our own updates echoing back (or a move in the DOM).
    if (this.#started) return;
    if (value.status === 'loading') {
      this.blocker = undefined;
      return this.setStatus('loading');
    }
    if (value.status === 'error') {
      this.#block(value.error ?? elementError('clerk_load_failed', 'Clerk could not start.'), value.retry);
      return;
    }
    this.#started = true;
    this.blocker = undefined;
    const signUp = value.clerk?.client?.signUp;
    if (!signUp?.id) void this.#leaveForSignIn();
    else void this.#run(() => this.#proceed(signUp), false);
  }

  get #clerk() {
    return this.ctx.clerk!;
  }
  get #signUp(): SignUpResource {
    return this.#clerk.client!.signUp;
  }
  get #instance() {
    return instanceSettings(this.ctx.clerk);
  }
  #signInTarget(): string {
    return this.signInUrl || this.ctx.urls.signInUrl || this.#instance.signInUrl || '/sign-in';
  }

  /** Runs one Clerk action at a time; its errors land on the form. */
  async #run(work: () => Promise<void>, submitting = true): Promise<void> {
    if (this.#busy) return;
    this.#busy = true;
    // A retried step starts clean: no old message may stay on screen next to the new outcome.
    this.blocker = undefined;
    this.formError = undefined;
    this.fieldErrors = {};
    if (submitting) this.setStatus('submitting');
    try {
      await work();
    } catch (cause) {
      this.#showErrors(toElementErrors(cause, 'signup_failed'));
    } finally {
      this.#busy = false;
    }
  }

  /** Moves on from whatever state the sign-up is in: finish, fill in the form, or verify a code. */
  async #proceed(signUp: SignUpResource): Promise<void> {
    if (signUp.status === 'complete') return this.#finish(signUp);
    if (signUp.status === 'abandoned') {
      this.notice = this.t(`${C}abandoned`);
      return this.setStatus('abandoned');
    }
    if (signUp.missingFields.length) return this.#showForm(signUp.missingFields, signUp);
    const verify = nextUnverified(signUp);
    if (verify) return this.#sendCode(verify, signUp, false);
    this.#block(elementError('nothing_to_collect', this.t(`${C}nothingToCollect`)));
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
    this.step = { kind: 'form' };
    this.notice = '';
    this.setStatus('collecting');
    if (focus) void this.#focus(focus);
  }

  #onSubmit = (event: Event): void => {
    event.preventDefault();
    if (this.#busy) return;
    const rules = this.#instance.usernameRules;
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
    this.step = { kind: 'code', field, identifier };
    this.notice = '';
    await prepareCode(signUp, field);
    this.notice = this.t(`${C}${resend ? 'codeResent' : 'codeSent'}`, { identifier });
    this.setStatus('verifying');
    void this.#focus('code');
  }

  #onVerify = (event: Event): void => {
    event.preventDefault();
    if (this.#busy || this.step.kind !== 'code') return;
    const code = this.code.trim();
    if (!code) {
      const label = this.t('formFieldLabel__code');
      return this.#showErrors([{ code: 'form_param_missing', message: this.t(`${C}required`, { field: label }), field: 'code' }]);
    }
    const { field } = this.step;
    void this.#run(async () => this.#proceed(await attemptCode(this.#signUp, field, code)));
  };

  #onResend = (): void => {
    if (this.step.kind !== 'code') return;
    const { field } = this.step;
    void this.#run(() => this.#sendCode(field, this.#signUp, true));
  };

  /** Back to the form for the identifier being verified, with what was typed still there. */
  #onChange = (): void => {
    if (this.#busy || this.step.kind !== 'code') return;
    const { field } = this.step;
    this.fieldErrors = {};
    this.formError = undefined;
    this.#showForm([field, ...this.#signUp.missingFields], this.#signUp, field);
  };

  async #finish(signUp: SignUpResource): Promise<void> {
    try {
      await activateSignUp(this.#clerk, signUp, (done) => this.#completed(done));
    } catch (cause) {
      this.#block(toElementErrors(cause, 'set_active_failed')[0]!, () => void this.#run(() => this.#finish(signUp)));
    }
  }

  async #completed({ sessionId, task, decorate, navigate }: Completion): Promise<void> {
    this.notice = this.t(`${C}complete`);
    this.setStatus('complete');
    const done = new SignUpCompleteEvent(sessionId, task);
    this.dispatchEvent(done);
    if (!navigate) return;
    const { url, reason } = destinationOf(task, {
      redirectUrlComplete: this.redirectUrlComplete,
      fallbackRedirectUrl: this.ctx.urls.signUpFallbackRedirectUrl,
      taskUrl: this.taskUrl,
      clerkTasksUrl: this.#clerk.buildTasksUrl?.(),
      signInUrl: this.#signInTarget(),
    });
    await this.#go(url, reason, decorate);
  }

  async #leaveForSignIn(): Promise<void> {
    this.notice = this.t(`${C}noSignUp`);
    this.setStatus('redirecting');
    // The reason is on screen (and in the live region) before the page changes.
    await this.updateComplete;
    await this.#go(this.#signInTarget(), 'no-sign-up', undefined, true);
  }

  async #go(url: string, reason: string, decorate?: (url: string) => string, replace?: boolean): Promise<void> {
    const outcome = await redirect(this, {
      url,
      allowedOrigins: this.ctx.urls.allowedRedirectOrigins,
      event: (target) => new SignUpRedirectEvent(target, reason),
      navigate: this.ctx.navigate,
      decorate,
      replace,
    });
    if (outcome.kind === 'rejected') this.#block(outcome.error);
  }

  #block(error: ElementError, retry?: () => void): void {
    this.blocker = { error, retry };
    this.setStatus('error');
    const event = new SignUpErrorEvent(error);
    this.dispatchEvent(event);
  }

  /** Field errors go under their fields (the first one gets focus); the rest to the live region. */
  #showErrors(errors: ElementError[]): void {
    const fieldErrors: Record<string, string> = {};
    let general: ElementError | undefined;
    for (const error of errors) {
      const target =
        this.step.kind === 'code' ? (error.field === 'code' ? 'code' : undefined) : fieldOfError(this.fields, error.field, this.values)?.name;
      if (target) fieldErrors[target] ??= error.message;
      else general ??= error;
      const event = new SignUpErrorEvent(error);
      this.dispatchEvent(event);
    }
    this.fieldErrors = fieldErrors;
    this.formError = general;
    this.setStatus('error');
    const order = this.step.kind === 'code' ? ['code'] : this.fields.map((f) => f.name);
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

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    this.#focusWasInside = !!(this.renderRoot as ShadowRoot | undefined)?.activeElement;
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    // The form went away with the focus in it (a blocking error, a cancelled or refused redirect): hand the
    // focus to the way out rather than dropping keyboard users on <body>.
    const ended = ['error', 'complete', 'abandoned', 'redirecting'].includes(this.status);
    if (ended && this.#focusWasInside && !(this.renderRoot as ShadowRoot).activeElement) {
      const target = ['retry', 'link', 'message'].map((p) => this.renderRoot.querySelector<HTMLElement>(`[part=${p}]`)).find(Boolean);
      target?.focus();
    }
  }

  #formView(): FormStepView {
    const { fields, values, fieldErrors: errors } = this;
    const busy = this.status === 'submitting';
    const { usernameRules: rules, termsUrl, privacyPolicyUrl } = this.#instance;
    const label = (field: FieldSpec) => this.#label(field);
    return { fields, values, errors, busy, rules, legalUrls: { termsUrl, privacyPolicyUrl }, label, t: this.t.bind(this), onInput: this.#onInput, onSubmit: this.#onSubmit };
  }

  #codeView(): CodeStepView {
    const { field } = this.step as Extract<Step, { kind: 'code' }>;
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
    const code = this.step.kind === 'code' && !this.blocker && ['verifying', 'submitting', 'error'].includes(this.status);
    const form = this.step.kind === 'form' && !this.blocker && ['collecting', 'submitting', 'error'].includes(this.status);
    const codeKey = codeStepKey(this.step.kind === 'code' ? this.step.field : 'phone_number');
    // Once signed up, "Already have an account? Sign in" no longer applies.
    const signIn = this.status === 'complete' ? undefined : safeLinkUrl(this.#signInTarget());
    return html`<slot name="heading"><h2 part="heading">${this.t(code ? `${codeKey}.title` : 'signUp.continue.title')}</h2></slot>
      ${form || code ? html`<p part="subtitle">${this.t(code ? `${codeKey}.formSubtitle` : 'signUp.continue.subtitle')}</p>` : nothing}
      <p part="message" role="status" tabindex="-1">${this.status === 'loading' ? this.t(`${C}loading`) : this.notice}</p>
      <div part="error" role="alert">${this.blocker?.error.message ?? this.formError?.message ?? ''}</div>
      ${this.blocker?.retry
        ? html`<button part="retry" type="button" @click=${this.blocker.retry}>${this.t('oauthElements.retry')}</button>`
        : nothing}
      ${form ? renderFormStep(this.#formView()) : nothing} ${code ? renderCodeStep(this.#codeView()) : nothing}
      <slot></slot>
      ${signIn
        ? html`<p part="footer">${this.t('signUp.continue.actionText')} <a part="link" href=${signIn}>${this.t('signUp.continue.actionLink')}</a></p>`
        : nothing}
      <slot name="captcha"></slot>`;
  }
}
