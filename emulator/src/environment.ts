import type { EmulatorSettings, AttributeName } from './settings';
import type { EnvironmentJSON, OAuthProviderSettings, OAuthStrategy, UserSettingsJSON } from './types';

type Attributes = UserSettingsJSON['attributes'];
type AttributeData = Attributes[keyof Attributes];

export const absolute = (origin: string, url: string | null | undefined): string => {
  if (!url) return '';
  try {
    return new URL(url, origin).toString();
  } catch {
    return url;
  }
};

function attribute(name: AttributeName | 'web3_wallet' | 'authenticator_app' | 'backup_code' | 'passkey', s: EmulatorSettings): AttributeData {
  const set = (s.attributes as Partial<Record<string, { enabled: boolean; required: boolean }>>)[name] ?? { enabled: false, required: false };
  const verifications: AttributeData['verifications'] =
    name === 'email_address' ? ['email_code'] : name === 'phone_number' ? ['phone_code'] : [];
  return {
    enabled: set.enabled,
    required: set.required,
    verifications: set.enabled ? verifications : [],
    used_for_first_factor: set.enabled && (name === 'email_address' || name === 'username' || name === 'phone_number'),
    first_factors: set.enabled ? verifications : [],
    used_for_second_factor: false,
    second_factors: [],
    verify_at_sign_up: set.enabled && (name === 'email_address' || name === 'phone_number'),
    ...(name === 'phone_number' ? { channels: ['sms' as const] } : {}),
  };
}

export function buildEnvironment(s: EmulatorSettings, origin: string): EnvironmentJSON {
  const social = {} as UserSettingsJSON['social'];
  for (const p of s.providers) {
    const entry: OAuthProviderSettings = {
      enabled: p.enabled ?? true,
      required: false,
      authenticatable: p.authenticatable ?? true,
      strategy: p.strategy,
      name: p.name,
      logo_url: p.logoUrl ? absolute(origin, p.logoUrl) : null,
    };
    social[p.strategy as OAuthStrategy] = entry;
  }
  const u = s.urls;
  const url = (path: string) => absolute(origin, path);
  const userSettings = ({
    attributes: {
      email_address: attribute('email_address', s),
      phone_number: attribute('phone_number', s),
      username: attribute('username', s),
      first_name: attribute('first_name', s),
      last_name: attribute('last_name', s),
      password: attribute('password', s),
      web3_wallet: attribute('web3_wallet', s),
      authenticator_app: attribute('authenticator_app', s),
      backup_code: attribute('backup_code', s),
      passkey: attribute('passkey', s),
    },
    actions: { delete_self: true, create_organization: false },
    social,
    enterprise_sso: { enabled: false, self_serve_sso: false, self_serve_directory_sync: false },
    sign_in: { second_factor: { required: false, enabled: false } },
    sign_up: {
      allowlist_only: false,
      progressive: true,
      captcha_enabled: s.captcha,
      mode: 'public',
      legal_consent_enabled: s.legalConsent,
    },
    password_settings: {
      allowed_special_characters: '!"#$%&\'()*+,-./:;<=>?@[\\]^_`{|}~',
      disable_hibp: true,
      min_length: 8,
      max_length: 72,
      require_special_char: false,
      require_numbers: false,
      require_uppercase: false,
      require_lowercase: false,
      show_zxcvbn: false,
      min_zxcvbn_strength: 0,
    },
    passkey_settings: { allow_autofill: false, show_sign_in_button: false },
    username_settings: { min_length: s.usernameLength.min, max_length: s.usernameLength.max },
    attack_protection: { enumeration_protection: { enabled: false } },
  } satisfies Omit<UserSettingsJSON, 'id' | 'object'>) as UserSettingsJSON;
  return {
    object: 'environment',
    id: 'env_emulator',
    api_keys_settings: { id: 'aks_emulator', object: 'api_keys_settings', user_api_keys_enabled: false, orgs_api_keys_enabled: false },
    auth_config: {
      id: 'aac_emulator',
      object: 'auth_config',
      single_session_mode: s.singleSessionMode,
      claimed_at: null,
      reverification: !!s.reverification,
    },
    commerce_settings: {
      id: 'cms_emulator',
      object: 'commerce_settings',
      billing: {
        stripe_publishable_key: null,
        organization: { enabled: false, has_paid_plans: false },
        user: { enabled: false, has_paid_plans: false },
      },
    },
    display_config: {
      object: 'display_config',
      id: 'display_config_emulator',
      after_sign_in_url: url(u.afterSignIn),
      after_sign_out_all_url: url(u.afterSignOut),
      after_sign_out_one_url: url(u.afterSignOut),
      after_sign_up_url: url(u.afterSignUp),
      after_switch_session_url: url(u.home),
      application_name: s.applicationName,
      branded: false,
      captcha_public_key: s.captcha ? '1x00000000000000000000AA' : null,
      captcha_widget_type: s.captcha ? 'smart' : null,
      captcha_public_key_invisible: null,
      captcha_provider: 'turnstile',
      captcha_oauth_bypass: null,
      home_url: url(u.home),
      instance_environment_type: 'development',
      logo_image_url: '',
      favicon_image_url: '',
      preferred_sign_in_strategy: 'otp',
      sign_in_url: url(u.signIn),
      sign_up_url: url(u.signUp),
      support_email: '',
      theme: {
        general: {
          color: '#6c47ff',
          background_color: '#ffffff',
          font_family: 'sans-serif',
          font_color: '#151515',
          label_font_weight: '600',
          padding: '1em',
          border_radius: '0.5em',
          box_shadow: '0 2px 8px rgba(0, 0, 0, 0.2)',
        },
        buttons: { font_color: '#ffffff', font_family: 'sans-serif', font_weight: '600' },
        accounts: { background_color: '#ffffff' },
      },
      user_profile_url: url(u.userProfile),
      organization_profile_url: '',
      create_organization_url: '',
      after_leave_organization_url: '',
      after_create_organization_url: '',
      show_devmode_warning: false,
      terms_url: u.terms ? url(u.terms) : '',
      privacy_policy_url: u.privacyPolicy ? url(u.privacyPolicy) : '',
      waitlist_url: '',
      after_join_waitlist_url: '',
    },
    maintenance_mode: false,
    organization_settings: ({
      enabled: false,
      max_allowed_memberships: 0,
      force_organization_selection: false,
      actions: { admin_delete: false },
      domains: { enabled: false, enrollment_modes: [], default_role: null },
      slug: { disabled: true },
      organization_creation_defaults: { enabled: false },
    } satisfies Omit<EnvironmentJSON['organization_settings'], 'id' | 'object'>) as unknown as EnvironmentJSON['organization_settings'],
    user_settings: userSettings,
    protect_config: { object: 'protect_config', id: 'protect_config_emulator' },
  };
}
