import { clerkApiError } from './clerk-error.js';
import type { FakeClerkOptions } from './fake-clerk.js';

/** Google and GitHub for sign-in, Microsoft connect-only, and a custom provider with a logo. */
const CONNECT_PROVIDERS: FakeClerkOptions['providers'] = [
  'oauth_google',
  'oauth_github',
  { strategy: 'oauth_microsoft', authenticatable: false },
  { strategy: 'oauth_custom_acme', name: 'Acme SSO', logoUrl: 'data:image/svg+xml,%3Csvg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 16 16"%3E%3Crect width="16" height="16" rx="3" fill="%23663399"/%3E%3C/svg%3E' },
];

/**
 * Named fake-Clerk set-ups shared by stories and unit tests, so both show the same states.
 * Elements add their own scenarios here.
 */
export const scenarios = {
  /** Loaded, signed out, Google and GitHub enabled. */
  ready: {},
  /** `load()` never finishes. */
  loading: { loadDelay: Infinity },
  /** `load()` rejects as it does when the Frontend API is unreachable. */
  loadFailed: { loadError: new Error('Network error at "https://clerk.example.com/v1/environment": Failed to fetch') },
  /** Eight providers, one custom with a logo. */
  manyProviders: {
    providers: [
      'oauth_google', 'oauth_github', 'oauth_microsoft', 'oauth_apple', 'oauth_discord', 'oauth_gitlab', 'oauth_linkedin_oidc',
      { strategy: 'oauth_custom_acme', name: 'Acme SSO', logoUrl: 'data:image/svg+xml,%3Csvg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 16 16"%3E%3Crect width="16" height="16" rx="3" fill="%23663399"/%3E%3C/svg%3E' },
    ],
  },
  /** No social provider enabled. */
  noProviders: { providers: [] },
  /** Starting OAuth fails with a Frontend API error. */
  strategyDisabled: {
    authenticateError: clerkApiError('strategy_for_user_invalid', 'Invalid verification strategy', {
      longMessage: 'This sign-in strategy is not enabled for this application.',
      paramName: 'strategy',
    }),
  },
  /** `<continue-signup>`: a new OAuth user on an instance requiring a username (4 to 20) and legal acceptance. */
  continueUsernameLegal: {
    signUp: { status: 'missing_requirements', missingFields: ['username', 'legal_accepted'], emailAddress: 'nina@example.com' },
    username: { minLength: 4, maxLength: 20 },
    legal: { termsUrl: 'https://example.com/terms', privacyPolicyUrl: 'https://example.com/privacy' },
  },
  /** `<continue-signup>`: the username is taken on the first try. */
  continueUsernameTaken: {
    signUp: { status: 'missing_requirements', missingFields: ['username', 'legal_accepted'], emailAddress: 'nina@example.com' },
    username: { minLength: 4, maxLength: 20 },
    legal: { termsUrl: 'https://example.com/terms', privacyPolicyUrl: 'https://example.com/privacy' },
    updateErrors: [
      clerkApiError('form_identifier_exists', 'That username is taken. Please try another.', { paramName: 'username' }),
    ],
  },
  /** `<continue-signup>`: a phone number is required (then its one-time code, 424242). */
  continuePhone: { signUp: { status: 'missing_requirements', missingFields: ['phone_number'] } },
  /** `<continue-signup>`: the provider gave no email address (then its one-time code, 424242). */
  continueEmail: { signUp: { status: 'missing_requirements', missingFields: ['email_address'] } },
  /** `<continue-signup>`: every field Clerk can ask for. */
  continueAllFields: {
    signUp: {
      status: 'missing_requirements',
      missingFields: ['first_name', 'last_name', 'username', 'email_address', 'phone_number', 'password', 'legal_accepted'],
    },
    username: { minLength: 4, maxLength: 20 },
    legal: { termsUrl: 'https://example.com/terms', privacyPolicyUrl: 'https://example.com/privacy' },
  },
  /** `<continue-signup>`: no sign-up in progress (the page was opened directly). */
  continueNoSignUp: { signUp: { status: null } },
  /** `<continue-signup>`: the sign-up expired. */
  continueAbandoned: { signUp: { status: 'abandoned', missingFields: ['username'] } },
  /** `<sso-callback>`: handleRedirectCallback never settles. */
  ssoVerifying: { redirectCallback: { kind: 'pending' } },
  /** `<sso-callback>`: an existing user's sign-in completes. */
  ssoSignInComplete: { redirectCallback: { kind: 'complete', flow: 'sign-in' } },
  /** `<sso-callback>`: a sign-up completes. */
  ssoSignUpComplete: { redirectCallback: { kind: 'complete', flow: 'sign-up' } },
  /** `<sso-callback>`: a new user on sign-in is transferred to sign-up, which completes. */
  ssoTransferToSignUp: {
    signInVerification: { status: 'transferable', error: { code: 'external_account_not_found', message: 'The External Account was not found.' } },
    redirectCallback: { kind: 'complete', flow: 'sign-up' },
  },
  /** `<sso-callback>`: an existing user on sign-up is transferred to sign-in, which completes. */
  ssoTransferToSignIn: {
    signUpVerification: { status: 'transferable', error: { code: 'external_account_exists', message: 'This account already exists. Please sign in.' } },
    redirectCallback: { kind: 'complete', flow: 'sign-in' },
  },
  /** `<sso-callback>`: the transferred sign-up misses required fields: on to the continue page. */
  ssoMissingRequirements: {
    signInVerification: { status: 'transferable', error: { code: 'external_account_not_found', message: 'The External Account was not found.' } },
    signUp: { status: 'missing_requirements', missingFields: ['username', 'legal_accepted'] },
    redirectCallback: { kind: 'navigate', to: 'continueSignUpUrl' },
  },
  /** `<sso-callback>`: the sign-in needs a first factor. */
  ssoFirstFactor: { redirectCallback: { kind: 'navigate', to: 'firstFactorUrl' } },
  /** `<sso-callback>`: the sign-in needs a second factor. */
  ssoSecondFactor: { redirectCallback: { kind: 'navigate', to: 'secondFactorUrl' } },
  /** `<sso-callback>`: the new session has a pending task. */
  ssoSessionTask: { redirectCallback: { kind: 'complete', flow: 'sign-in', sessionTask: 'choose-organization' } },
  /** `<sso-callback>`: the account is already signed in on this client: clerk-js activates that session. */
  ssoAlreadySignedIn: {
    signInVerification: { status: 'failed', error: { code: 'identifier_already_signed_in', message: "You're already signed in.", meta: { sessionId: 'sess_fake' } } },
    redirectCallback: { kind: 'complete', flow: 'sign-in' },
  },
  /** `<sso-callback>`: the user is locked; clerk-js falls back to sign-in with the error on the sign-in. */
  ssoUserLocked: {
    signInVerification: {
      status: 'failed',
      error: { code: 'user_locked', message: 'Account locked', longMessage: 'Your account is locked. You will be able to try again in 30 minutes.' },
    },
    redirectCallback: { kind: 'navigate', to: 'signInUrl' },
  },
  /** `<sso-callback>`: the visitor denied consent at the provider. */
  ssoAccessDenied: {
    signInVerification: { status: 'failed', error: { code: 'oauth_access_denied', message: 'You did not grant access to your account.' } },
    redirectCallback: { kind: 'navigate', to: 'signInUrl' },
  },
  /** `<sso-callback>`: the Frontend API rejects the transfer. */
  ssoFapiError: {
    redirectCallback: {
      kind: 'error',
      error: clerkApiError('form_identifier_exists', 'Identifier taken', { longMessage: 'That email address is taken. Please try another.', paramName: 'email_address' }),
    },
  },
  /** `<sso-callback>`: the page was opened with nothing to finish: clerk-js sends the visitor to sign-in. */
  ssoNothingToFinish: { redirectCallback: { kind: 'navigate', to: 'signInUrl' } },
  /** `<sso-callback>`: opened directly by a signed-in visitor whose session has a pending task (clerk-js would go to the task by itself). */
  ssoPendingTaskOpenedDirectly: {
    user: { id: 'user_pat', firstName: 'Pat', lastName: 'Pending', emailAddress: 'pat@example.com' },
    currentTask: 'choose-organization',
    redirectCallback: { kind: 'none' },
  },
  /** `<connected-accounts>`: Alice, signed in with Google; GitHub (sign-in), Microsoft (connect only) and Acme (custom) can be connected. */
  accountsSignedIn: {
    providers: CONNECT_PROVIDERS,
    user: { id: 'user_alice', firstName: 'Alice', lastName: 'Example', emailAddress: 'alice@example.com', externalAccounts: [{ provider: 'google', emailAddress: 'alice@example.com', approvedScopes: 'openid email profile' }] },
  },
  /** `<connected-accounts>`: signed in with no linked account. */
  accountsNone: { providers: CONNECT_PROVIDERS, user: { id: 'user_alice', firstName: 'Alice', emailAddress: 'alice@example.com', externalAccounts: [] } },
  /** `<connected-accounts>`: every row state at once: connected, needs scopes (with `additional-scopes="github: repo"`), reconnect, error. */
  accountsEveryState: {
    providers: CONNECT_PROVIDERS,
    user: {
      id: 'user_bob',
      firstName: 'Bob',
      emailAddress: 'bob@example.com',
      externalAccounts: [
        { provider: 'google', emailAddress: 'bob@example.com' },
        { provider: 'github', username: 'bob_builder', approvedScopes: 'read:user user:email' },
        {
          provider: 'microsoft',
          emailAddress: 'bob@contoso.example',
          verificationStatus: 'failed',
          verificationError: { code: 'external_account_missing_refresh_token', message: 'Missing refresh token', longMessage: 'The connection to Microsoft has expired. Reconnect to keep using it.' },
        },
        {
          provider: 'custom_acme',
          username: 'bob.b@acme-corporation-with-a-very-long-domain-name.example',
          verificationStatus: 'failed',
          verificationError: { code: 'oauth_access_denied', message: 'Access denied', longMessage: 'You did not grant access to Acme SSO.' },
        },
      ],
    },
  },
  /** `<connected-accounts>`: removing and connecting need a recent verification, confirmed with the password `correct horse`. */
  accountsReverification: {
    providers: CONNECT_PROVIDERS,
    reverification: { factors: ['password'], password: 'correct horse' },
    user: { id: 'user_alice', firstName: 'Alice', emailAddress: 'alice@example.com', externalAccounts: [{ provider: 'google', emailAddress: 'alice@example.com' }] },
  },
} satisfies Record<string, FakeClerkOptions>;

export type ScenarioName = keyof typeof scenarios;
