import { EMPTY_INSTANCE, type EnvironmentLike, type InstanceSettings, type SocialSetting } from './instance.js';
import { describeProvider } from './providers.js';

/** Reading Clerk's environment (after Clerk has loaded, so not in the first frame): `instance.ts` has the shapes. */

const present = (value: string | undefined) => (value ? value : undefined);

/** Reads the settings defensively: anything missing falls back to Clerk's own defaults. */
export function instanceSettingsOf(environment: EnvironmentLike | null | undefined): InstanceSettings {
  if (!environment) return EMPTY_INSTANCE;
  const settings = environment.userSettings ?? {};
  const social = settings.social ?? {};
  const sorted = (keep: (entry: SocialSetting) => boolean) =>
    Object.keys(social)
      .filter((key) => social[key] && keep(social[key]!))
      .sort();
  const describe = (strategies: readonly string[]) => strategies.map((strategy) => describeProvider(strategy, social[strategy]));
  const username = settings.usernameSettings;
  const display = environment.displayConfig ?? {};
  return {
    socialProviders: describe(settings.authenticatableSocialStrategies ?? sorted((s) => Boolean(s.enabled && s.authenticatable))),
    connectableProviders: describe(settings.socialProviderStrategies ?? sorted((s) => Boolean(s.enabled))),
    usernameRules: { min: username?.min_length ?? 4, max: username?.max_length ?? 64 },
    termsUrl: present(display.termsUrl),
    privacyPolicyUrl: present(display.privacyPolicyUrl),
    signInUrl: present(display.signInUrl),
    signUpUrl: present(display.signUpUrl),
    applicationName: present(display.applicationName),
  };
}
