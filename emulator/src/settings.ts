import { readFileSync } from 'node:fs';
import type { OAuthStrategy } from './types';

/** One social connection of the emulated instance. */
export interface ProviderSetting {
  /** `oauth_google`, `oauth_github`, `oauth_custom_acme`... */
  strategy: OAuthStrategy;
  name: string;
  /** Absolute URL, or a path on the emulator's origin (made absolute per request). `null`: no logo. */
  logoUrl?: string | null;
  enabled?: boolean;
  /** Usable to sign in/up (false: connect-only). */
  authenticatable?: boolean;
  /** Scopes the fake provider grants by default (shown on its authorize page). */
  defaultScopes?: string[];
}

export interface AttributeSetting {
  enabled: boolean;
  required: boolean;
}

export type AttributeName = 'email_address' | 'phone_number' | 'username' | 'first_name' | 'last_name' | 'password';

export interface SeedExternalAccount {
  /** `google`, `github`, `custom_acme` (the strategy without `oauth_`). */
  provider: string;
  providerUserId?: string;
  emailAddress?: string;
  firstName?: string;
  lastName?: string;
  username?: string;
  approvedScopes?: string;
  /** Put the account in an error state (e.g. `external_account_missing_refresh_token`). */
  errorCode?: string;
}

export interface SeedUser {
  id?: string;
  username?: string | null;
  firstName?: string | null;
  lastName?: string | null;
  emailAddress?: string | null;
  phoneNumber?: string | null;
  externalAccounts?: SeedExternalAccount[];
  legalAccepted?: boolean;
  /** Checked by reverification's `password` factor. */
  password?: string | null;
}

/** The actions reverification can guard (Clerk asks for it on these account changes). */
export const REVERIFICATION_ACTIONS = ['connect_external_account', 'remove_external_account'] as const;
export type ReverificationAction = (typeof REVERIFICATION_ACTIONS)[number];

/**
 * Reverification ("step-up"): the guarded actions answer 403 `session_reverification_required` unless the
 * session verified a first factor within `afterMinutes`. Only `first_factor` is emulated (no second factors).
 */
export interface ReverificationSetting {
  actions: ReverificationAction[];
  afterMinutes: number;
  level: 'first_factor';
}

/** The emulated instance. Every field is optional in a settings file: it is merged over `DEFAULT_SETTINGS`. */
export interface EmulatorSettings {
  applicationName: string;
  providers: ProviderSetting[];
  attributes: Record<AttributeName, AttributeSetting>;
  usernameLength: { min: number; max: number };
  legalConsent: boolean;
  captcha: boolean;
  singleSessionMode: boolean;
  /**
   * Days from a client's creation to its cookie's expiry (`cookie_expires_at`). At 8 or fewer, clerk-js's
   * `decorateUrl` (in `setActive`'s `navigate`) returns an absolute `/v1/client/touch?redirect_url=` URL:
   * its Safari ITP cookie refresh. Default 365.
   */
  clientCookieDays: number;
  urls: {
    signIn: string;
    signUp: string;
    afterSignIn: string;
    afterSignUp: string;
    afterSignOut: string;
    home: string;
    userProfile: string;
    terms: string;
    privacyPolicy: string;
  };
  /** Reverification for connecting and removing external accounts; `null`: off (the default). */
  reverification: ReverificationSetting | null;
  /**
   * Origins (`https://app.example.com`) FAPI accepts in a redirect target besides the emulator's own origin
   * (`redirect_url`, `action_complete_redirect_url`, the touch `redirect_url`), as a production instance's
   * allowed origins. Anything else is refused with 422 `form_param_value_invalid`. Default: none.
   */
  allowedRedirectOrigins: string[];
  /** Users present after start and after every reset. */
  users: SeedUser[];
}

export type SettingsInput = {
  [K in Exclude<keyof EmulatorSettings, 'reverification'>]?: EmulatorSettings[K] extends unknown[] ? EmulatorSettings[K] : Partial<EmulatorSettings[K]>;
} & {
  attributes?: Partial<Record<AttributeName, Partial<AttributeSetting>>>;
  /** `true`: both actions, 10 minutes, first factor; an object is merged over that; `false`/`null`: off. */
  reverification?: boolean | null | Partial<ReverificationSetting>;
};

export const DEFAULT_REVERIFICATION: ReverificationSetting = { actions: [...REVERIFICATION_ACTIONS], afterMinutes: 10, level: 'first_factor' };

const attr = (enabled: boolean, required: boolean): AttributeSetting => ({ enabled, required });

export const DEFAULT_SETTINGS: EmulatorSettings = {
  applicationName: 'Emulated Clerk',
  providers: [
    { strategy: 'oauth_google', name: 'Google', logoUrl: '/emulator-assets/providers/google.svg', defaultScopes: ['openid', 'email', 'profile'] },
    { strategy: 'oauth_github', name: 'GitHub', logoUrl: '/emulator-assets/providers/github.svg', defaultScopes: ['user:email', 'read:user'] },
  ],
  attributes: {
    email_address: attr(true, true),
    phone_number: attr(false, false),
    username: attr(false, false),
    first_name: attr(true, false),
    last_name: attr(true, false),
    password: attr(false, false),
  },
  usernameLength: { min: 4, max: 64 },
  legalConsent: false,
  captcha: false,
  singleSessionMode: true,
  clientCookieDays: 365,
  urls: {
    signIn: '/sign-in',
    signUp: '/sign-in',
    afterSignIn: '/',
    afterSignUp: '/',
    afterSignOut: '/',
    home: '/',
    userProfile: '/account',
    terms: '/terms',
    privacyPolicy: '/privacy',
  },
  reverification: null,
  allowedRedirectOrigins: [],
  users: [],
};

/** Merges a partial settings object over a base (one level deep for objects, arrays replaced). */
export function mergeSettings(base: EmulatorSettings, input: SettingsInput = {}): EmulatorSettings {
  const out: EmulatorSettings = structuredClone(base);
  if (input.applicationName !== undefined) out.applicationName = input.applicationName;
  if (input.providers) out.providers = structuredClone(input.providers);
  if (input.users) out.users = structuredClone(input.users);
  if (input.allowedRedirectOrigins) out.allowedRedirectOrigins = [...input.allowedRedirectOrigins];
  if (input.legalConsent !== undefined) out.legalConsent = input.legalConsent;
  if (input.captcha !== undefined) out.captcha = input.captcha;
  if (input.singleSessionMode !== undefined) out.singleSessionMode = input.singleSessionMode;
  if (input.clientCookieDays !== undefined) out.clientCookieDays = input.clientCookieDays;
  if (input.usernameLength) out.usernameLength = { ...out.usernameLength, ...input.usernameLength };
  if (input.urls) out.urls = { ...out.urls, ...input.urls };
  if (input.reverification !== undefined) {
    const r = input.reverification;
    out.reverification = !r ? null : r === true ? structuredClone(DEFAULT_REVERIFICATION) : { ...(out.reverification ?? DEFAULT_REVERIFICATION), ...structuredClone(r) };
  }
  if (input.attributes) {
    for (const [name, value] of Object.entries(input.attributes) as [AttributeName, Partial<AttributeSetting>][]) {
      out.attributes[name] = { ...out.attributes[name], ...value };
      if (out.attributes[name].required) out.attributes[name].enabled = true;
    }
  }
  validateSettings(out);
  return out;
}

export function validateSettings(s: EmulatorSettings): void {
  for (const p of s.providers) {
    if (!/^oauth_[a-z0-9_]+$/.test(p.strategy)) throw new Error(`settings: bad provider strategy ${JSON.stringify(p.strategy)}`);
    if (!p.name) throw new Error(`settings: provider ${p.strategy} needs a name`);
  }
  if (s.usernameLength.min < 1 || s.usernameLength.max < s.usernameLength.min) throw new Error('settings: bad usernameLength');
  for (const o of s.allowedRedirectOrigins) {
    let parsed: URL | null = null;
    try {
      parsed = new URL(o);
    } catch {
      /* reported below */
    }
    if (!parsed || !/^https?:$/.test(parsed.protocol) || parsed.origin !== o.replace(/\/$/, '')) throw new Error(`settings: allowedRedirectOrigins entry ${JSON.stringify(o)} is not an origin (scheme://host[:port])`);
  }
  if (!(s.clientCookieDays > 0)) throw new Error('settings: clientCookieDays must be a positive number');
  const r = s.reverification;
  if (r) {
    if (r.level !== 'first_factor') throw new Error(`settings: reverification level ${JSON.stringify(r.level)} is not emulated (only first_factor)`);
    if (!(r.afterMinutes >= 1)) throw new Error('settings: reverification.afterMinutes must be at least 1');
    for (const a of r.actions) if (!(REVERIFICATION_ACTIONS as readonly string[]).includes(a)) throw new Error(`settings: unknown reverification action ${JSON.stringify(a)}`);
  }
}

export function loadSettingsFile(path: string, base: EmulatorSettings = DEFAULT_SETTINGS): EmulatorSettings {
  return mergeSettings(base, JSON.parse(readFileSync(path, 'utf8')) as SettingsInput);
}

/** `oauth_google` -> `google`, `oauth_custom_acme` -> `custom_acme`. */
export const providerOf = (strategy: string): string => strategy.replace(/^oauth_/, '');
export const strategyOf = (provider: string): OAuthStrategy => `oauth_${provider}` as OAuthStrategy;
