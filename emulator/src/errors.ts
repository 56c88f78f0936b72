import type { ClerkAPIErrorJSON } from './types';

/**
 * Every FAPI error code the emulator answers with, with Clerk's own HTTP status and messages, as listed in
 * Clerk's error index (clerk/clerk-docs `data/api_errors.json`, synced from Clerk's server code). The
 * emulator invents none: a response's code is one of these, and `fail()` only takes these.
 */
export const FAPI_ERRORS = {
  account_transfer_invalid: { status: 400, message: 'Invalid account transfer', longMessage: 'There is no account to transfer' },
  authentication_invalid: { status: 401, message: 'Invalid authentication', longMessage: 'Unable to authenticate the request, you need to supply an active session' },
  external_account_not_found: { status: 404, message: 'Invalid external account', longMessage: 'The External Account was not found.' },
  form_code_incorrect: { status: 422, message: 'is incorrect', longMessage: 'Incorrect code' },
  form_identifier_exists: { status: 422, message: 'is taken', longMessage: 'That identifier is taken. Please try another.' },
  form_identifier_not_found: { status: 422, message: "Couldn't find your account.", longMessage: "Couldn't find your account." },
  form_password_incorrect: { status: 422, message: 'is incorrect', longMessage: 'Password is incorrect. Try again, or use another method.' },
  form_param_format_invalid: { status: 422, message: 'is invalid', longMessage: 'is invalid' },
  form_param_max_length_exceeded: { status: 422, message: 'exceeds maximum length', longMessage: 'exceeds maximum length' },
  form_param_missing: { status: 422, message: 'is missing', longMessage: 'is missing' },
  form_param_value_invalid: { status: 422, message: 'is invalid', longMessage: 'is invalid' },
  form_username_invalid_character: { status: 422, message: 'is invalid', longMessage: 'Username can only contain letters, numbers, underscores, dashes and dots.' },
  form_username_invalid_length: { status: 422, message: 'is invalid', longMessage: 'Username has the wrong length.' },
  identifier_already_signed_in: { status: 400, message: "You're already signed in", longMessage: "You're already signed in" },
  internal_clerk_error: { status: 500, message: 'Oops, an unexpected error occurred', longMessage: "There was an internal error on our servers. We've been notified and are working on fixing it." },
  invalid_action_for_session: { status: 400, message: 'Invalid action for user session', longMessage: 'Unable to act on this session.' },
  oauth_callback_invalid: { status: 400, message: 'Invalid OAuth callback', longMessage: 'invalid form for oauth_callback' },
  resource_not_found: { status: 404, message: 'not found', longMessage: 'Resource not found' },
  // The code and status are Clerk's (clerk-js's useReverification matches the code); the wording is the emulator's.
  session_reverification_required: { status: 403, message: 'Additional verification required', longMessage: 'You need to provide additional verification to perform this operation' },
  service_unavailable: { status: 503, message: 'Service unavailable', longMessage: 'Service unavailable' },
  sign_up_cannot_be_updated: { status: 403, message: 'Sign up cannot be updated', longMessage: 'This sign up has reached a terminal state and cannot be updated' },
  too_many_requests: { status: 429, message: 'Too many requests', longMessage: 'Too many requests, retry later' },
  verification_expired: { status: 400, message: 'expired', longMessage: 'This verification has expired. You must create a new one.' },
  verification_failed: { status: 400, message: 'failed', longMessage: 'Too many failed attempts. You have to try again with the same or another method.' },
  verification_missing: { status: 400, message: 'is missing', longMessage: 'This strategy requires verification preparation before attempting to validate it.' },
} as const satisfies Record<string, { status: number; message: string; longMessage: string }>;
export type FapiErrorCode = keyof typeof FAPI_ERRORS;

/**
 * Codes that appear inside a verification (`verification.error`) rather than as an HTTP error: the outcome of
 * an OAuth round trip, which clerk-js reads from the sign-in / sign-up / external account after the callback.
 */
export const VERIFICATION_ERRORS = [
  'external_account_exists',
  'external_account_not_found',
  'form_identifier_exists',
  'identifier_already_signed_in',
  'oauth_access_denied',
  'oauth_token_exchange_error',
] as const;
export type VerificationErrorCode = (typeof VERIFICATION_ERRORS)[number];

/** A FAPI error response: `{ errors: [...] }` with an HTTP status, as clerk-js expects. */
export class FapiError extends Error {
  constructor(
    readonly status: number,
    readonly errors: ClerkAPIErrorJSON[],
  ) {
    super(errors[0]?.message ?? 'error');
  }
}

export function apiError(code: FapiErrorCode | VerificationErrorCode, message: string, longMessage = message, paramName?: string, extraMeta: ClerkAPIErrorJSON['meta'] = {}): ClerkAPIErrorJSON {
  const meta: ClerkAPIErrorJSON['meta'] = { ...extraMeta };
  if (paramName) meta.param_name = paramName;
  return { code, message, long_message: longMessage, meta };
}

/** An error with Clerk's status for `code`; `longMessage` says what went wrong here (default: Clerk's text). */
export function fail(code: FapiErrorCode, longMessage?: string, paramName?: string, extraMeta: ClerkAPIErrorJSON['meta'] = {}): FapiError {
  const known = FAPI_ERRORS[code];
  return new FapiError(known.status, [apiError(code, known.message, longMessage ?? known.longMessage, paramName, extraMeta)]);
}

/** The code an injected fault answers with when the test names none: Clerk's code for that status. */
export function codeForStatus(status: number): string {
  const byStatus: Partial<Record<number, FapiErrorCode>> = { 401: 'authentication_invalid', 404: 'resource_not_found', 422: 'form_param_value_invalid', 429: 'too_many_requests', 503: 'service_unavailable' };
  return byStatus[status] ?? (status >= 500 ? 'internal_clerk_error' : 'emulator_injected_fault');
}

export const notFound = (what = 'resource'): FapiError => fail('resource_not_found', `The ${what} you are looking for was not found.`);

export const unauthenticated = (): FapiError => fail('authentication_invalid');

export const paramMissing = (param: string): FapiError => fail('form_param_missing', `${param} must be included.`, param);

export const paramInvalid = (param: string, long?: string): FapiError => fail('form_param_format_invalid', long ?? `${param} is invalid.`, param);
