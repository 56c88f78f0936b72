/** An error as the elements show and report it: Clerk's code, a message for people, the form field it belongs to. */
export interface ElementError {
  code: string;
  message: string;
  /** The form field (camelCase, e.g. `username`) a Clerk field error belongs to. */
  field?: string;
  /** The original thrown value, for logging. Never rendered. */
  cause?: unknown;
}

interface ClerkErrorItem {
  code?: unknown;
  message?: unknown;
  longMessage?: unknown;
  long_message?: unknown;
  meta?: { paramName?: unknown; param_name?: unknown };
}

const snakeToCamel = (value: string) => value.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());

/** True when a value has Clerk's API error shape (`errors: [{code, message, longMessage, meta}]`). */
export function isClerkApiError(value: unknown): value is { errors: ClerkErrorItem[] } {
  return (
    typeof value === 'object' &&
    value !== null &&
    Array.isArray((value as { errors?: unknown }).errors) &&
    (value as { errors: unknown[] }).errors.length > 0
  );
}

/** Every error in a thrown value, normalised. Clerk puts several field errors in one response. */
export function toElementErrors(value: unknown, fallbackCode = 'unexpected_error'): ElementError[] {
  if (isClerkApiError(value)) {
    return value.errors.map((item) => {
      const param = item.meta?.paramName ?? item.meta?.param_name;
      const message = [item.longMessage, item.long_message, item.message].find(
        (m): m is string => typeof m === 'string' && m.length > 0,
      );
      return {
        code: typeof item.code === 'string' ? item.code : fallbackCode,
        message: message ?? 'Something went wrong. Please try again.',
        field: typeof param === 'string' ? snakeToCamel(param) : undefined,
        cause: value,
      };
    });
  }
  if (isElementError(value)) return [value];
  const message = value instanceof Error && value.message ? value.message : 'Something went wrong. Please try again.';
  const code =
    typeof (value as { code?: unknown })?.code === 'string' ? (value as { code: string }).code : fallbackCode;
  return [{ code, message, cause: value }];
}

/** The first error of a thrown value, normalised. */
export function toElementError(value: unknown, fallbackCode?: string): ElementError {
  return toElementErrors(value, fallbackCode)[0]!;
}

function isElementError(value: unknown): value is ElementError {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as ElementError).code === 'string' &&
    typeof (value as ElementError).message === 'string' &&
    !(value instanceof Error)
  );
}

/** Makes an element error of our own (not from Clerk). */
export const elementError = (code: string, message: string, cause?: unknown): ElementError => ({ code, message, cause });
