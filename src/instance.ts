import type { SocialProvider } from './providers.js';

export interface UsernameRules {
  min: number;
  max: number;
}

/** The instance settings the elements use, read once per Clerk change by the store into the context value. */
export interface InstanceSettings {
  /** Enabled providers that can sign in and sign up, in Clerk's order. */
  socialProviders: SocialProvider[];
  /** Every enabled provider, connect-only ones (enabled, not for sign-in or sign-up) included, in Clerk's order. */
  connectableProviders: SocialProvider[];
  usernameRules: UsernameRules;
  termsUrl?: string;
  privacyPolicyUrl?: string;
  /** Clerk's own sign-in page (the Account Portal unless the instance sets one). */
  signInUrl?: string;
  /** Clerk's own sign-up page. */
  signUpUrl?: string;
  /** The application's name (Clerk's locales say "to continue to {{applicationName}}"). */
  applicationName?: string;
}

export type SocialSetting = { enabled?: boolean; authenticatable?: boolean; name?: string; logo_url?: string | null };

/** The part of clerk-js's environment read here (`clerk.__internal_environment`, no public getter in v6). */
export interface EnvironmentLike {
  userSettings?: {
    social?: Record<string, SocialSetting | undefined>;
    socialProviderStrategies?: readonly string[];
    authenticatableSocialStrategies?: readonly string[];
    usernameSettings?: { min_length?: number; max_length?: number };
  };
  displayConfig?: { termsUrl?: string; privacyPolicyUrl?: string; signInUrl?: string; signUpUrl?: string; applicationName?: string };
}

/** Clerk's defaults when the environment says nothing (usernames of 4 to 64 characters). */
export const EMPTY_INSTANCE: InstanceSettings = Object.freeze({
  socialProviders: [],
  connectableProviders: [],
  usernameRules: { min: 4, max: 64 },
}) as InstanceSettings;
