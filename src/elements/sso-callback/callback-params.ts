import type { ElementError } from '../../errors.js';
import { isRedirectError, validateRedirectUrl } from '../../navigation.js';

export const SSO_CALLBACK_STATUSES = ['loading', 'verifying', 'redirecting', 'error'] as const;
export type SsoCallbackStatus = (typeof SSO_CALLBACK_STATUSES)[number];

/** Why `<sso-callback>` leaves the page; the `reason` of `sso-redirect`. */
export const SSO_REDIRECT_REASONS = [
  'complete',
  'session-task',
  'continue-sign-up',
  'verify-email-address',
  'verify-phone-number',
  'first-factor',
  'second-factor',
  'reset-password',
  'protect-check',
  'enterprise-connections',
  'sign-in',
  'sign-up',
  'other',
] as const;
export type SsoRedirectReason = (typeof SSO_REDIRECT_REASONS)[number];

/** The URL parameters of `handleRedirectCallback` the element maps from its attributes. */
export const URL_PARAMS = [
  'signInUrl',
  'signUpUrl',
  'continueSignUpUrl',
  'signInForceRedirectUrl',
  'signInFallbackRedirectUrl',
  'signUpForceRedirectUrl',
  'signUpFallbackRedirectUrl',
  'firstFactorUrl',
  'secondFactorUrl',
  'resetPasswordUrl',
  'verifyEmailAddressUrl',
  'verifyPhoneNumberUrl',
] as const;
export type UrlParam = (typeof URL_PARAMS)[number];
export type CallbackUrls = Partial<Record<UrlParam, string>>;

/**
 * Resolves and validates every URL that is set, so Clerk only ever sees absolute, allowed targets.
 * Returns the first problem instead when one is not allowed.
 */
export function checkCallbackUrls(urls: CallbackUrls, allowedOrigins: readonly string[]): CallbackUrls | ElementError {
  const checked: CallbackUrls = {};
  for (const name of URL_PARAMS) {
    const value = urls[name]?.trim();
    if (!value) continue;
    const url = validateRedirectUrl(value, allowedOrigins);
    if (isRedirectError(url)) return url;
    checked[name] = url.href;
  }
  return checked;
}

// Which of our parameters a navigation target is, most specific first (sign-in and sign-up URLs are often equal).
const BY_PARAM: Array<[UrlParam, SsoRedirectReason]> = [
  ['continueSignUpUrl', 'continue-sign-up'],
  ['verifyEmailAddressUrl', 'verify-email-address'],
  ['verifyPhoneNumberUrl', 'verify-phone-number'],
  ['firstFactorUrl', 'first-factor'],
  ['secondFactorUrl', 'second-factor'],
  ['resetPasswordUrl', 'reset-password'],
  ['signInUrl', 'sign-in'],
  ['signUpUrl', 'sign-up'],
];

// clerk-js's own targets (on the sign-in or sign-up URL) for parameters that were not given.
const BY_HASH: Array<[string, SsoRedirectReason]> = [
  ['#/continue', 'continue-sign-up'],
  ['#/verify-email-address', 'verify-email-address'],
  ['#/verify-phone-number', 'verify-phone-number'],
  ['#/factor-one', 'first-factor'],
  ['#/factor-two', 'second-factor'],
  ['#/reset-password', 'reset-password'],
  ['#/protect-check', 'protect-check'],
  ['#/enterprise-connections', 'enterprise-connections'],
];

const resolve = (value: string) => {
  try {
    return new URL(value, window.location.href);
  } catch {
    return undefined;
  }
};

/** Names the reason of an intermediate navigation clerk-js asks for, from the parameter its target matches. */
export function redirectReason(target: string, urls: CallbackUrls): SsoRedirectReason {
  const url = resolve(target);
  if (!url) return 'other';
  for (const [param, reason] of BY_PARAM) {
    if (urls[param] && resolve(urls[param])?.href === url.href) return reason;
  }
  const hashed = BY_HASH.find(([hash]) => url.hash === hash || url.hash.startsWith(`${hash}?`) || url.hash.startsWith(`${hash}/`));
  if (hashed) return hashed[1];
  const samePage = (param: UrlParam) => urls[param] && resolve(urls[param])?.pathname === url.pathname;
  if (samePage('signInUrl')) return 'sign-in';
  if (samePage('signUpUrl')) return 'sign-up';
  return 'other';
}

/** Where clerk-js would send a session with a pending task when the app configured no task URLs. */
export function taskUrl(signInUrl: string, taskKey: string): string {
  const url = new URL(signInUrl, window.location.href);
  url.hash = `/tasks/${taskKey}`;
  return url.href;
}


/** The first candidate that is an allowed http(s) target, as written (a relative link stays relative). */
export function firstSafeUrl(candidates: ReadonlyArray<string | undefined>, allowedOrigins: readonly string[]): string | undefined {
  return candidates.map((value) => value?.trim()).find((value) => value && !isRedirectError(validateRedirectUrl(value, allowedOrigins)));
}

/** The origin of a URL, as a list for `allowedOrigins` (empty when it does not parse). */
export const originOf = (value: string | undefined): string[] => {
  const url = value ? resolve(value) : undefined;
  return url ? [url.origin] : [];
};
