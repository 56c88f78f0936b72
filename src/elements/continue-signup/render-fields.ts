import { html, nothing, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import type { UsernameRules } from '../../instance.js';
import { LABELS, type FieldSpec, type VerifiableField } from './fields.js';
import { legalLabelKey, parseLegalLabel, safeLinkUrl, type LegalPart } from './legal-consent.js';

type Translate = (key: string, params?: Record<string, string | number | undefined>) => string;

/** What rendering one control needs from the element. */
export interface FieldView {
  field: FieldSpec;
  label: string;
  value: string;
  error?: string;
  hint?: string;
  onInput: (name: string, value: string) => void;
}

const describedBy = (name: string, hint?: string, error?: string) =>
  [hint ? `${name}-hint` : '', error ? `${name}-error` : ''].filter(Boolean).join(' ') || nothing;

const fieldError = (name: string, error?: string) =>
  error ? html`<p part="field-error" id="${name}-error">${error}</p>` : nothing;

/** A labelled input with its hint and its error (which is also its accessible description). */
export function renderInput({ field, label, value, error, hint, onInput }: FieldView): TemplateResult {
  const plain = field.kind === 'username' || field.kind === 'email' || field.kind === 'identifier';
  return html`<div part="field field-${field.name}">
    <label part="label" for=${field.name}>${label}</label>
    <input
      part="input"
      id=${field.name}
      name=${field.name}
      type=${field.inputType}
      autocomplete=${field.autocomplete ?? 'on'}
      autocapitalize=${plain ? 'off' : nothing}
      spellcheck=${plain ? 'false' : nothing}
      required
      aria-invalid=${error ? 'true' : 'false'}
      aria-describedby=${describedBy(field.name, hint, error)}
      .value=${live(value)}
      @input=${(e: Event) => onInput(field.name, (e.target as HTMLInputElement).value)}
    />
    ${hint ? html`<p part="hint" id="${field.name}-hint">${hint}</p>` : nothing}
    ${fieldError(field.name, error)}
  </div>`;
}

/** The terms checkbox. Its label's links open in a new tab so nothing typed here is lost. */
export function renderLegal({ field, value, error, onInput }: FieldView, parts: LegalPart[]): TemplateResult {
  return html`<div part="field field-${field.name}">
    <div part="checkbox-row">
      <input
        part="checkbox"
        id=${field.name}
        name=${field.name}
        type="checkbox"
        required
        aria-invalid=${error ? 'true' : 'false'}
        aria-describedby=${describedBy(field.name, undefined, error)}
        .checked=${live(value === 'true')}
        @change=${(e: Event) => onInput(field.name, String((e.target as HTMLInputElement).checked))}
      />
      <label part="label legal-label" for=${field.name}
        >${parts.map((part) =>
          'param' in part && part.href
            ? html`<a part="legal-link" href=${part.href} target="_blank" rel="noopener noreferrer">${part.text}</a>`
            : part.text,
        )}</label
      >
    </div>
    ${fieldError(field.name, error)}
  </div>`;
}

/** The one-time-code input: numeric keyboard, the platform's code autofill. */
export function renderCodeInput(label: string, value: string, error: string | undefined, onInput: (value: string) => void): TemplateResult {
  return html`<div part="field field-code">
    <label part="label" for="code">${label}</label>
    <input
      part="input code-input"
      id="code"
      name="code"
      type="text"
      inputmode="numeric"
      autocomplete="one-time-code"
      required
      aria-invalid=${error ? 'true' : 'false'}
      aria-describedby=${describedBy('code', undefined, error)}
      .value=${live(value)}
      @input=${(e: Event) => onInput((e.target as HTMLInputElement).value)}
    />
    ${fieldError('code', error)}
  </div>`;
}

/** What the form step shows: one control per missing field, with what was typed and Clerk's field errors. */
export interface FormStepView {
  fields: FieldSpec[];
  values: Record<string, string>;
  errors: Record<string, string>;
  busy: boolean;
  rules: UsernameRules;
  legalUrls: { termsUrl?: string; privacyPolicyUrl?: string };
  label: (field: FieldSpec) => string;
  t: Translate;
  onInput: (name: string, value: string) => void;
  onSubmit: (event: Event) => void;
}

function renderField(view: FormStepView, field: FieldSpec): TemplateResult {
  const { t, rules } = view;
  const hint = field.kind === 'username' ? t(`${LABELS}usernameHint`, { ...rules }) : field.kind === 'tel' ? t(`${LABELS}phoneHint`) : undefined;
  const control = { field, label: view.label(field), value: view.values[field.name] ?? '', error: view.errors[field.name], hint, onInput: view.onInput };
  if (field.kind !== 'legal') return renderInput(control);
  const terms = safeLinkUrl(view.legalUrls.termsUrl);
  const privacy = safeLinkUrl(view.legalUrls.privacyPolicyUrl);
  return renderLegal(control, parseLegalLabel(t(legalLabelKey(terms, privacy)), { termsOfServiceLink: terms, privacyPolicyLink: privacy }));
}

export function renderFormStep(view: FormStepView): TemplateResult {
  const busy = view.busy ? 'true' : 'false';
  return html`<form part="form" novalidate aria-busy=${busy} @submit=${view.onSubmit}>
    ${view.fields.map((field) => renderField(view, field))}
    <button part="submit" type="submit" aria-disabled=${busy}>${view.t('formButtonPrimary')}</button>
  </form>`;
}

/** What the one-time-code step shows, and its ways out (resend, change the number or address). */
export interface CodeStepView {
  field: VerifiableField;
  value: string;
  error?: string;
  busy: boolean;
  t: Translate;
  onInput: (value: string) => void;
  onSubmit: (event: Event) => void;
  onResend: () => void;
  onChange: () => void;
}

/** The localization group of a code step's title, subtitle and resend button. */
export const codeStepKey = (field: VerifiableField) => (field === 'email_address' ? 'signUp.emailCode' : 'signUp.phoneCode');

export function renderCodeStep(view: CodeStepView): TemplateResult {
  const { t } = view;
  const busy = view.busy ? 'true' : 'false';
  const change = view.field === 'email_address' ? 'changeEmailAddress' : 'changePhoneNumber';
  return html`<form part="form code-form" novalidate aria-busy=${busy} @submit=${view.onSubmit}>
    ${renderCodeInput(t(`${codeStepKey(view.field)}.formTitle`), view.value, view.error, view.onInput)}
    <button part="submit" type="submit" aria-disabled=${busy}>${t('formButtonPrimary')}</button>
    <button part="resend" type="button" @click=${view.onResend}>${t(`${codeStepKey(view.field)}.resendButton`)}</button>
    <button part="change" type="button" @click=${view.onChange}>${t(`${LABELS}${change}`)}</button>
  </form>`;
}
