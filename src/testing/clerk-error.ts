/** A thrown error in the shape clerk-js throws for Frontend API errors (`ClerkAPIResponseError`). */
export interface FakeClerkApiError extends Error {
  clerkError: true;
  status: number;
  errors: Array<{ code: string; message: string; longMessage?: string; meta?: { paramName?: string } }>;
}

/** Builds an error the way clerk-js reports a Frontend API error, e.g. `clerkApiError('form_identifier_exists', 'That username is taken.', { paramName: 'username' })`. */
export function clerkApiError(
  code: string,
  message: string,
  options: { longMessage?: string; paramName?: string; status?: number } = {},
): FakeClerkApiError {
  const error = new Error(options.longMessage ?? message) as FakeClerkApiError;
  error.name = 'ClerkAPIResponseError';
  error.clerkError = true;
  error.status = options.status ?? 422;
  error.errors = [
    { code, message, longMessage: options.longMessage ?? message, meta: options.paramName ? { paramName: options.paramName } : {} },
  ];
  return error;
}
