import type { ElementError } from '../../errors.js';
import { isRedirectError, resolveUrl, validateRedirectUrl } from '../../navigation.js';

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

// The provider's settings stand in for these when the element leaves them unset.
const FROM_PROVIDER = ['signInUrl', 'signUpUrl', 'signInFallbackRedirectUrl', 'signUpFallbackRedirectUrl'] as const;

/** The element's URLs, with the provider's where the element leaves one unset. No checks. */
export function withProviderUrls(own: CallbackUrls, provider: Partial<Record<(typeof FROM_PROVIDER)[number], string>>): CallbackUrls {
  const urls: CallbackUrls = { ...own };
  for (const name of FROM_PROVIDER) urls[name] = own[name] || provider[name];
  return urls;
}

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

/** Where clerk-js would send a session with a pending task when the app configured no task URLs. */
export function taskUrl(signInUrl: string, taskKey: string): string {
  const url = resolveUrl(signInUrl) ?? resolveUrl('/sign-in')!;
  url.hash = `/tasks/${taskKey}`;
  return url.href;
}
