import type { ClerkAPIErrorJSON } from './types';

/** A FAPI error response: `{ errors: [...] }` with an HTTP status, as clerk-js expects. */
export class FapiError extends Error {
  constructor(
    readonly status: number,
    readonly errors: ClerkAPIErrorJSON[],
  ) {
    super(errors[0]?.message ?? 'error');
  }
}

export function apiError(code: string, message: string, longMessage = message, paramName?: string, extraMeta: ClerkAPIErrorJSON['meta'] = {}): ClerkAPIErrorJSON {
  const meta: ClerkAPIErrorJSON['meta'] = { ...extraMeta };
  if (paramName) meta.param_name = paramName;
  return { code, message, long_message: longMessage, meta };
}

export const fail = (status: number, code: string, message: string, longMessage?: string, paramName?: string): FapiError =>
  new FapiError(status, [apiError(code, message, longMessage, paramName)]);

export const notFound = (what = 'resource'): FapiError =>
  fail(404, 'resource_not_found', 'not found', `The ${what} you are looking for was not found.`);

export const unauthenticated = (): FapiError =>
  fail(401, 'authentication_invalid', 'Unauthenticated', 'You are not signed in. Sign in and try again.');

export const paramMissing = (param: string): FapiError =>
  fail(422, 'form_param_missing', `${param} must be included.`, `${param} must be included.`, param);

export const paramInvalid = (param: string, long?: string): FapiError =>
  fail(422, 'form_param_format_invalid', 'is invalid', long ?? `${param} is invalid.`, param);
