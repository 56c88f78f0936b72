import { resolveUrl } from '../../navigation.js';
import type { CallbackUrls, UrlParam } from './callback-urls.js';

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
  'retry',
  'other',
] as const;
export type SsoRedirectReason = (typeof SSO_REDIRECT_REASONS)[number];

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

/** Names the reason of an intermediate navigation clerk-js asks for, from the parameter its target matches. */
export function redirectReason(target: string, urls: CallbackUrls): SsoRedirectReason {
  const url = resolveUrl(target);
  if (!url) return 'other';
  for (const [param, reason] of BY_PARAM) {
    if (urls[param] && resolveUrl(urls[param])?.href === url.href) return reason;
  }
  const hashed = BY_HASH.find(([hash]) => url.hash === hash || url.hash.startsWith(`${hash}?`) || url.hash.startsWith(`${hash}/`));
  if (hashed) return hashed[1];
  const samePage = (param: UrlParam) => urls[param] && resolveUrl(urls[param])?.pathname === url.pathname;
  if (samePage('signInUrl')) return 'sign-in';
  if (samePage('signUpUrl')) return 'sign-up';
  return 'other';
}
