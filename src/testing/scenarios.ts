import { clerkApiError } from './clerk-error.js';
import type { FakeClerkOptions } from './fake-clerk.js';

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
} satisfies Record<string, FakeClerkOptions>;

export type ScenarioName = keyof typeof scenarios;
