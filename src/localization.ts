/**
 * Labels, keyed like `@clerk/localizations` where Clerk has a key, so a Clerk locale file can be passed
 * to `<clerk-provider>.localization` as is. Keys Clerk has no equivalent for live under `oauthElements`.
 */
export interface LocalizationTree {
  [key: string]: string | LocalizationTree | undefined;
}
export type Localization = LocalizationTree;

export const defaultLocalization = {
  socialButtonsBlockButton: 'Continue with {{provider|titleize}}',
  socialButtonsBlockButtonManyInView: '{{provider|titleize}}',
  lastAuthenticationStrategy: 'Last used',
  formFieldLabel__firstName: 'First name',
  formFieldLabel__lastName: 'Last name',
  formFieldLabel__username: 'Username',
  formFieldLabel__emailAddress: 'Email address',
  formFieldLabel__phoneNumber: 'Phone number',
  formFieldLabel__password: 'Password',
  formButtonPrimary: 'Continue',
  signUp: {
    continue: {
      title: 'Fill in missing fields',
      subtitle: 'Please fill in the remaining details to continue.',
      actionText: 'Already have an account?',
      actionLink: 'Sign in',
    },
    legalConsent: {
      checkbox: {
        label__termsOfServiceAndPrivacyPolicy:
          'I agree to the {{ termsOfServiceLink || link("Terms of Service") }} and {{ privacyPolicyLink || link("Privacy Policy") }}',
        label__onlyTermsOfService: 'I agree to the {{ termsOfServiceLink || link("Terms of Service") }}',
        label__onlyPrivacyPolicy: 'I agree to the {{ privacyPolicyLink || link("Privacy Policy") }}',
      },
    },
    emailCode: {
      title: 'Verify your email',
      formTitle: 'Verification code',
      formSubtitle: 'Enter the verification code sent to your email address',
      resendButton: "Didn't receive a code? Resend",
    },
    phoneCode: {
      title: 'Verify your phone',
      formTitle: 'Verification code',
      formSubtitle: 'Enter the verification code sent to your phone number',
      resendButton: "Didn't receive a code? Resend",
    },
  },
  userProfile: {
    start: {
      connectedAccountsSection: {
        title: 'Connected accounts',
        primaryButton: 'Connect account',
        actionLabel__connectionFailed: 'Reconnect',
        actionLabel__reauthorize: 'Authorize now',
        destructiveActionTitle: 'Remove',
        subtitle__disconnected: 'This account has been disconnected.',
        subtitle__reauthorize:
          'The required scopes have been updated, and you may be experiencing limited functionality. Please re-authorize this application to avoid any issues',
      },
    },
    connectedAccountPage: {
      title: 'Add connected account',
      formHint: 'Select a provider to connect your account.',
      formHint__noAccounts: 'There are no available external account providers.',
      socialButtonsBlockButton: 'Connect {{provider|titleize}} account',
      successMessage: 'The provider has been added to your account',
      removeResource: {
        title: 'Remove connected account',
        messageLine1: '{{identifier}} will be removed from this account.',
        messageLine2: 'You will no longer be able to use this connected account and any dependent features will no longer work.',
        successMessage: '{{connectedAccount}} has been removed from your account.',
      },
    },
  },
  reverification: {
    password: { title: 'Verification required', subtitle: 'Enter your current password to continue' },
    emailCode: { title: 'Verification required', subtitle: 'Enter the verification code sent to your email to continue', formTitle: 'Verification code' },
    phoneCode: { title: 'Verification required', subtitle: 'Enter the verification code sent to your phone to continue', formTitle: 'Verification code' },
  },
  badge__requiresAction: 'Requires action',
  oauthElements: {
    loading: 'Loading sign-in options…',
    retry: 'Try again',
    backToSignIn: 'Back to sign in',
    redirecting: 'Redirecting…',
    verifying: 'Verifying your sign-in…',
    ssoCallback: {
      errorTitle: 'We could not finish signing you in.',
      unexpectedError: 'Something went wrong while finishing your sign-in. Check your connection and try again.',
    },
    noProviders: 'No social sign-in providers are enabled for this application.',
    continueSignUp: {
      loading: 'Loading your sign-up…',
      noSignUp: 'There is no sign-up to continue here. Taking you to sign in…',
      abandoned: 'This sign-up has expired. Please start again.',
      required: '{{field}} is required.',
      legalRequired: 'Accept the terms to continue.',
      usernameLength: 'Your username must be between {{min}} and {{max}} characters long.',
      usernameHint: '{{min}} to {{max}} characters.',
      phoneHint: 'Include the country code, for example +1 555 010 0100.',
      codeSent: 'We sent a code to {{identifier}}.',
      codeResent: 'A new code was sent to {{identifier}}.',
      changeEmailAddress: 'Use a different email address',
      changePhoneNumber: 'Use a different phone number',
      /** Clerk dropped its combined key (`formFieldLabel__emailAddress_phoneNumber`); this one is ours. */
      emailAddressOrPhoneNumber: 'Email address or phone number',
      nothingToCollect: 'Clerk needs something this form cannot collect. Please start again.',
      complete: 'You are signed up. Taking you on…',
    },
    connectedAccounts: {
      loading: 'Loading your connected accounts…',
      noAccounts: 'No accounts are connected yet.',
      missingScopes: 'Needs access to: {{scopes}}',
      nowAuthorized: '{{provider}} now has access to: {{scopes}}',
      stillMissing: '{{provider}} still lacks access to: {{scopes}}',
      redirecting: 'Taking you to {{provider}}…',
      removing: 'Removing {{provider}}…',
      cancel: 'Cancel',
      reverificationCancelled: 'Nothing was changed: the confirmation was cancelled.',
      connectOnly: 'Connect only',
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

const isTree = (value: unknown): value is LocalizationTree =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Deep-merges page overrides over the defaults. Empty strings in overrides are ignored (never blank labels). */
export function mergeLocalization(base: LocalizationTree, override?: LocalizationTree | null): LocalizationTree {
  if (!override) return base;
  const out: LocalizationTree = { ...base };
  for (const [key, value] of Object.entries(override)) {
    const current = out[key];
    if (isTree(value)) out[key] = mergeLocalization(isTree(current) ? current : {}, value);
    else if (typeof value === 'string' && value.length > 0) out[key] = value;
  }
  return out;
}

export const titleize = (value: string): string =>
  value
    .split(/[\s_-]+/)
    .filter(Boolean)
    .map((word) => word.charAt(0).toUpperCase() + word.slice(1))
    .join(' ');

const modifiers: Record<string, (value: string) => string> = {
  titleize,
  capitalize: (v) => v.charAt(0).toUpperCase() + v.slice(1),
  lowercase: (v) => v.toLowerCase(),
};

/** Replaces `{{name}}` and `{{name|modifier}}` the way Clerk's localization does. Unknown names stay empty. */
export function interpolate(template: string, params: Record<string, string | number | undefined> = {}): string {
  return template.replace(/\{\{\s*([\w.]+)\s*(?:\|\s*(\w+)\s*)?\}\}/g, (_, name: string, modifier?: string) => {
    const raw = params[name];
    const value = raw === undefined ? '' : String(raw);
    return modifier && modifiers[modifier] ? modifiers[modifier](value) : value;
  });
}

const find = (tree: LocalizationTree | undefined, key: string) => {
  let node: unknown = tree;
  for (const part of key.split('.')) node = isTree(node) ? node[part] : undefined;
  return typeof node === 'string' && node.length > 0 ? node : undefined;
};

/** A dotted key's label (page localization, then English), or undefined when neither has it. */
export function lookup(localization: LocalizationTree | undefined, key: string, params?: Record<string, string | number | undefined>): string | undefined {
  const template = find(localization, key) ?? find(defaultLocalization, key);
  return template === undefined ? undefined : interpolate(template, params);
}

/** Looks up a dotted key (`signUp.continue.title`), falling back to the English default, then to the key. */
export function translate(localization: LocalizationTree | undefined, key: string, params?: Record<string, string | number | undefined>): string {
  return lookup(localization, key, params) ?? key;
}
