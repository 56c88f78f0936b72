import type { UsernameRules } from '../../instance.js';
import { titleize } from '../../localization.js';

/** Where this element's own labels live in the localization. */
export const LABELS = 'oauthElements.continueSignUp.';

/** The identifiers Clerk verifies with a one-time code. */
export type VerifiableField = 'email_address' | 'phone_number';

/** One control of the continue form, derived from a name in `signUp.missingFields`. */
export interface FieldSpec {
  /** Clerk's field name, e.g. `first_name`; also the control's id. */
  name: string;
  kind: 'text' | 'username' | 'email' | 'tel' | 'password' | 'identifier' | 'legal';
  /** Localization key of the label; unknown fields have none and use `fallbackLabel`. */
  labelKey?: string;
  fallbackLabel: string;
  inputType: 'text' | 'email' | 'tel' | 'password' | 'checkbox';
  autocomplete?: string;
  /** False for names this element does not know: they still get a labelled text input. */
  known: boolean;
}

type KnownSpec = Omit<FieldSpec, 'name' | 'fallbackLabel' | 'known'>;

const KNOWN: Record<string, KnownSpec> = {
  first_name: { kind: 'text', labelKey: 'formFieldLabel__firstName', inputType: 'text', autocomplete: 'given-name' },
  last_name: { kind: 'text', labelKey: 'formFieldLabel__lastName', inputType: 'text', autocomplete: 'family-name' },
  username: { kind: 'username', labelKey: 'formFieldLabel__username', inputType: 'text', autocomplete: 'username' },
  email_address: { kind: 'email', labelKey: 'formFieldLabel__emailAddress', inputType: 'email', autocomplete: 'email' },
  phone_number: { kind: 'tel', labelKey: 'formFieldLabel__phoneNumber', inputType: 'tel', autocomplete: 'tel' },
  email_address_or_phone_number: {
    kind: 'identifier',
    labelKey: 'oauthElements.continueSignUp.emailAddressOrPhoneNumber',
    inputType: 'text',
    autocomplete: 'email',
  },
  password: { kind: 'password', labelKey: 'formFieldLabel__password', inputType: 'password', autocomplete: 'new-password' },
  legal_accepted: { kind: 'legal', inputType: 'checkbox' },
};

/** Form order: names first, then identifiers, secrets, unknown fields, and the legal checkbox last. */
const ORDER = ['first_name', 'last_name', 'username', 'email_address', 'phone_number', 'email_address_or_phone_number', 'password'];
const rank = (name: string) => (name === 'legal_accepted' ? 1000 : ORDER.includes(name) ? ORDER.indexOf(name) : 100);

export const snakeToCamel = (value: string): string => value.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());

export function fieldFor(name: string): FieldSpec {
  const known = KNOWN[name];
  if (known) return { name, fallbackLabel: titleize(name), known: true, ...known };
  return { name, kind: 'text', inputType: 'text', fallbackLabel: titleize(name), known: false };
}

/** The controls for a set of Clerk field names, deduplicated and in form order. */
export function fieldsFor(names: Iterable<string>): FieldSpec[] {
  return [...new Set(names)].sort((a, b) => rank(a) - rank(b)).map(fieldFor);
}

/** An `email_address_or_phone_number` value is an email when it has an `@`. */
export const identifierKind = (value: string): VerifiableField => (value.includes('@') ? 'email_address' : 'phone_number');

/** The `signUp.update` parameter a field's value is sent as. */
export function paramOf(field: FieldSpec, value: string): string {
  if (field.kind === 'identifier') return snakeToCamel(identifierKind(value));
  return snakeToCamel(field.name);
}

/** Builds `signUp.update` parameters. Passwords are sent as typed; everything else without outer spaces. */
export function updateParams(fields: FieldSpec[], values: Record<string, string>): Record<string, string | boolean> {
  const params: Record<string, string | boolean> = {};
  for (const field of fields) {
    const raw = values[field.name] ?? '';
    if (field.kind === 'legal') params.legalAccepted = raw === 'true';
    else params[paramOf(field, raw.trim())] = field.kind === 'password' ? raw : raw.trim();
  }
  return params;
}

/** The field an error from Clerk belongs to (`meta.paramName`, camelCased), if it is on the form. */
export function fieldOfError(fields: FieldSpec[], param: string | undefined, values: Record<string, string>): FieldSpec | undefined {
  if (!param) return undefined;
  return fields.find((f) => paramOf(f, (values[f.name] ?? '').trim()) === param || snakeToCamel(f.name) === param);
}

export type LocalProblem = { key: 'required' | 'usernameLength' | 'legalRequired'; code: string };

/** What the browser can tell before asking Clerk: empty required fields, username length, unticked terms. */
export function checkField(field: FieldSpec, value: string, rules: UsernameRules): LocalProblem | undefined {
  if (field.kind === 'legal') return value === 'true' ? undefined : { key: 'legalRequired', code: 'form_param_missing' };
  const trimmed = field.kind === 'password' ? value : value.trim();
  if (!trimmed) return { key: 'required', code: 'form_param_missing' };
  if (field.kind === 'username' && (trimmed.length < rules.min || trimmed.length > rules.max)) {
    return { key: 'usernameLength', code: 'form_username_invalid_length' };
  }
  return undefined;
}
