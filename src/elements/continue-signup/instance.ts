import type { ClerkInstance } from '../../context.js';
import type { UsernameRules } from './fields.js';
// TEMPORARY (removed when continue-signup moves to ctx.instance): keeps the bundle building meanwhile.

type Environment = {
  userSettings?: { usernameSettings?: { min_length?: number; max_length?: number } };
  displayConfig?: { termsUrl?: string; privacyPolicyUrl?: string; signInUrl?: string };
};

/** The instance settings this element needs, read from clerk-js's loaded environment. */
export interface InstanceSettings {
  usernameRules: UsernameRules;
  termsUrl?: string;
  privacyPolicyUrl?: string;
  /** Clerk's sign-in URL (its Account Portal unless the instance sets one). */
  signInUrl?: string;
}

/**
 * clerk-js keeps the environment on an internal property (there is no public getter in v6), so it is
 * read defensively: a missing value falls back to Clerk's own defaults (usernames of 4 to 64 characters).
 */
export function instanceSettings(clerk: ClerkInstance | undefined): InstanceSettings {
  const env = (clerk as { __internal_environment?: Environment } | undefined)?.__internal_environment ?? {};
  const username = env.userSettings?.usernameSettings;
  const display = env.displayConfig ?? {};
  return {
    usernameRules: { min: username?.min_length ?? 4, max: username?.max_length ?? 64 },
    termsUrl: display.termsUrl,
    privacyPolicyUrl: display.privacyPolicyUrl,
    signInUrl: display.signInUrl,
  };
}
