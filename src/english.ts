import { mergeLocalization, type LocalizationTree } from './localization.js';

/**
 * English for what every element may show: the error block's way out, the messages of the package's own error
 * codes, and the labels more than one element uses. Each element's own English lives beside it
 * (`elements/<tag>/strings.ts`), so a page downloads only the strings of the tags it uses.
 */
export const COMMON_ENGLISH = {
  formFieldLabel__password: 'Password',
  formButtonPrimary: 'Continue',
  oauthElements: {
    retry: 'Try again',
    backToSignIn: 'Back to sign in',
    continueSignUp: {
      required: '{{field}} is required.',
    },
    /**
     * Messages for the package's own error codes. Clerk's API errors show `unstable__errors.<code>` from a
     * Clerk locale when it has one, else Clerk's message. Configuration errors a developer must fix
     * (`invalid_publishable_key`, `clerk_not_found`, `invalid_additional_scopes`, `invalid_redirect_url`,
     * `redirect_origin_not_allowed`, `strategy_not_enabled`) have no English entry on purpose: in English the detailed message
     * (which key, which URL) is shown; a locale module gives a translated summary. The same holds for Clerk API
     * codes Clerk has no `unstable__errors` key for (`user_locked`, `external_account_missing_refresh_token`, the retryable `internal_clerk_error` and
     * `too_many_requests` / `rate_limit_exceeded`, `network_error`, `strategy_for_user_invalid`,
     * `external_account_exists`, `external_account_not_found`):
     * Clerk's English message in English, our translation in a locale module.
     */
    errors: {
      script_load_failed: 'Clerk could not be loaded. Check your connection and try again.',
      clerk_load_failed: 'Clerk could not start. Please try again.',
      clerk_unavailable: "Clerk's servers could not be reached, so signing in is not possible right now.",
      timeout: 'Clerk did not answer in time. Check your connection and try again.',
      unexpected_error: 'Something went wrong. Please try again.',
      client_not_ready: 'Clerk has no client yet. Please reload the page and try again.',
      oauth_missing_verification_url: 'Clerk did not say where to continue with the provider. Please try again.',
      reverification_unsupported:
        'This account can only be confirmed with a method this page does not offer (for example a passkey or a second factor). Confirm it in your account settings.',
    },
  },
} satisfies LocalizationTree;

/** An element's English table: the common strings with its own over them. */
export const englishFor = (own: LocalizationTree): LocalizationTree => mergeLocalization(COMMON_ENGLISH, own);
