import { html, nothing, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import type { FieldSpec } from './fields.js';
import type { LegalPart } from './legal-consent.js';

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
