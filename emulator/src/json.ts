import { DAY_MS, MINUTE_MS, SESSION_ABANDON_AFTER_EXPIRY_MS, SESSION_TOKEN_LIFETIME_MS, SIGN_UP_ABANDON_MS, TOKEN_NOT_BEFORE_SKEW_MS } from './durations';
import { signJwt, type InstanceKeys } from './keys';
import type { EmulatorSettings } from './settings';
import { verified } from './verification';
import type { Store, ExternalAccountRecord, SessionRecord, SignInRecord, SignUpRecord, UserRecord, VerificationRecord, ClientRecord } from './state';
import type {
  ClerkAPIErrorJSON,
  ClientJSON,
  EmailAddressJSON,
  ExternalAccountJSON,
  OAuthProvider,
  PhoneNumberJSON,
  SessionJSON,
  SignInJSON,
  SignUpField,
  SignUpJSON,
  SignUpVerificationJSON,
  TokenJSON,
  UserJSON,
  VerificationJSON,
} from './types';

// FAPI sends `error: null` on a verification without error; the shared type declares it non-null.
const NO_ERROR = null as unknown as ClerkAPIErrorJSON;

const sec = (ms: number) => Math.floor(ms / 1000);

/** Minutes since the session's last first-factor verification, and `-1` for "no second factor" (Clerk's `fva`). */
export function factorVerificationAge(session: SessionRecord): [number, number] {
  // Sessions persisted before this field existed count from their creation.
  const at = session.firstFactorVerifiedAt ?? session.createdAt;
  return [Math.max(0, Math.floor((Date.now() - at) / MINUTE_MS)), -1];
}

/** The Frontend API the emulator's publishable key names (`clerk.emu.test`): the tokens' issuer, as on Clerk. */
export const FRONTEND_API_ISSUER = 'https://clerk.emu.test';

/**
 * The session JWT, signed RS256 with the instance key (verifiable against `/v1/jwks`). Claims as Clerk's:
 * `iss` is `https://` + the Frontend API host of the publishable key (what `@clerk/backend` compares it with;
 * the proxy the browser talks to does not change it), `azp` the page origin.
 */
export function sessionJwt(session: SessionRecord, origin: string, keys: InstanceKeys, lifetimeMs = SESSION_TOKEN_LIFETIME_MS): string {
  const iat = sec(Date.now());
  return signJwt(keys, {
    azp: origin,
    exp: iat + sec(lifetimeMs),
    fva: factorVerificationAge(session),
    iat,
    iss: FRONTEND_API_ISSUER,
    nbf: iat - sec(TOKEN_NOT_BEFORE_SKEW_MS),
    sid: session.id,
    sub: session.userId,
    v: 2,
    sts: 'active',
  });
}

export function tokenJSON(session: SessionRecord, origin: string, keys: InstanceKeys): TokenJSON {
  return { object: 'token', id: '', jwt: sessionJwt(session, origin, keys) };
}

export function verificationJSON(v: VerificationRecord | null, object = 'verification'): VerificationJSON | null {
  if (!v) return null;
  const out: VerificationJSON = {
    object,
    id: '',
    status: v.status,
    strategy: v.strategy,
    attempts: v.attempts,
    expire_at: v.expireAt,
    verified_at_client: '',
    error: v.error ?? NO_ERROR,
  };
  if (v.redirectUrl) out.external_verification_redirect_url = v.redirectUrl;
  return out;
}

function signUpVerificationJSON(v: VerificationRecord | null, supported: string[], nextAction: string): SignUpVerificationJSON {
  const base = verificationJSON(v);
  return {
    ...(base ?? { object: 'verification', id: '', status: 'unverified', strategy: '', attempts: 0, expire_at: 0, verified_at_client: '', error: NO_ERROR }),
    next_action: v?.status === 'verified' ? '' : nextAction,
    supported_strategies: supported,
  };
}

export function externalAccountJSON(a: ExternalAccountRecord): ExternalAccountJSON {
  return {
    object: 'external_account',
    id: a.id,
    provider: a.provider as OAuthProvider,
    identification_id: a.identificationId,
    provider_user_id: a.providerUserId,
    approved_scopes: a.approvedScopes,
    email_address: a.emailAddress,
    first_name: a.firstName,
    last_name: a.lastName,
    image_url: a.imageUrl,
    username: a.username,
    phone_number: '',
    public_metadata: {},
    label: '',
    verification: verificationJSON(a.verification, 'verification_oauth') ?? undefined,
  };
}

export function userJSON(u: UserRecord): UserJSON {
  const emails: EmailAddressJSON[] = u.emails.map((e) => ({
    object: 'email_address',
    id: e.id,
    email_address: e.email,
    verification: verificationJSON(verified('email_code')),
    linked_to: u.externalAccounts
      .filter((a) => a.emailAddress.toLowerCase() === e.email)
      .map((a) => ({ id: a.identificationId, type: `oauth_${a.provider}`, object: 'identification_link' })),
    matches_sso_connection: false,
  }));
  const phones: PhoneNumberJSON[] = u.phones.map((p) => ({
    object: 'phone_number',
    id: p.id,
    phone_number: p.phone,
    reserved_for_second_factor: false,
    default_second_factor: false,
    linked_to: [],
    verification: verificationJSON(verified('phone_code')),
  }));
  return {
    object: 'user',
    id: u.id,
    external_id: null,
    primary_email_address_id: u.emails[0]?.id ?? null,
    primary_phone_number_id: u.phones[0]?.id ?? null,
    primary_web3_wallet_id: null,
    image_url: '',
    has_image: false,
    username: u.username,
    email_addresses: emails,
    phone_numbers: phones,
    web3_wallets: [],
    external_accounts: u.externalAccounts.map(externalAccountJSON),
    enterprise_accounts: [],
    passkeys: [],
    organization_memberships: [],
    password_enabled: !!u.password,
    profile_image_id: '',
    first_name: u.firstName,
    last_name: u.lastName,
    totp_enabled: false,
    backup_code_enabled: false,
    two_factor_enabled: false,
    public_metadata: {},
    unsafe_metadata: u.unsafeMetadata,
    last_sign_in_at: u.lastSignInAt,
    create_organization_enabled: false,
    create_organizations_limit: null,
    delete_self_enabled: true,
    legal_accepted_at: u.legalAcceptedAt,
    timezone: null,
    updated_at: u.updatedAt,
    created_at: u.createdAt,
  };
}

export function identifierOf(u: UserRecord): string {
  return u.emails[0]?.email ?? u.username ?? u.phones[0]?.phone ?? u.id;
}

export function sessionJSON(s: SessionRecord, store: Store, origin: string, keys: InstanceKeys): SessionJSON | null {
  const u = store.data.users[s.userId];
  if (!u) return null;
  return {
    object: 'session',
    id: s.id,
    status: s.status,
    factor_verification_age: factorVerificationAge(s),
    expire_at: s.expireAt,
    abandon_at: s.expireAt + SESSION_ABANDON_AFTER_EXPIRY_MS,
    last_active_at: s.lastActiveAt,
    last_active_token: tokenJSON(s, origin, keys),
    last_active_organization_id: null,
    actor: null,
    tasks: null,
    user: userJSON(u),
    public_user_data: {
      first_name: u.firstName,
      last_name: u.lastName,
      image_url: '',
      has_image: false,
      identifier: identifierOf(u),
      user_id: u.id,
      ...(u.username ? { username: u.username } : {}),
    },
    created_at: s.createdAt,
    updated_at: s.updatedAt,
  };
}

export function signInJSON(si: SignInRecord, store: Store): SignInJSON {
  const user = si.userId ? store.data.users[si.userId] : undefined;
  return {
    object: 'sign_in',
    id: si.id,
    status: si.status,
    supported_identifiers: ['email_address'],
    identifier: si.identifier,
    user_data: { first_name: user?.firstName ?? undefined, last_name: user?.lastName ?? undefined, image_url: '', has_image: false },
    supported_first_factors: [],
    supported_second_factors: [],
    first_factor_verification: verificationJSON(si.firstFactorVerification, 'verification_oauth'),
    second_factor_verification: null,
    created_session_id: si.createdSessionId,
    timezone: null,
  };
}

/** The fields a sign-up still needs, per the instance settings. */
export function signUpRequirements(su: SignUpRecord, settings: EmulatorSettings) {
  const a = settings.attributes;
  const required: SignUpField[] = [];
  const optional: SignUpField[] = [];
  const oauth = !!su.externalAccountStrategy;
  const consider = (field: SignUpField, setting: { enabled: boolean; required: boolean }) => {
    if (!setting.enabled) return;
    (setting.required ? required : optional).push(field);
  };
  consider('email_address', a.email_address);
  consider('phone_number', a.phone_number);
  consider('username', a.username);
  consider('first_name', a.first_name);
  consider('last_name', a.last_name);
  // Social sign-ups never need a password.
  if (!oauth) consider('password', a.password);
  if (settings.legalConsent) required.push('legal_accepted');
  if (su.externalAccountStrategy) optional.push(su.externalAccountStrategy as SignUpField);
  const has: Partial<Record<SignUpField, boolean>> = {
    email_address: !!su.emailAddress,
    phone_number: !!su.phoneNumber,
    username: !!su.username,
    first_name: !!su.firstName,
    last_name: !!su.lastName,
    password: false,
    legal_accepted: su.legalAcceptedAt !== null,
  };
  const missing = required.filter((f) => !has[f]);
  const unverified: SignUpField[] = [];
  if (su.emailAddress && !su.emailVerified) unverified.push('email_address');
  if (su.phoneNumber && !su.phoneVerified) unverified.push('phone_number');
  const externalOk = !su.externalVerification || su.externalVerification.status === 'verified';
  const complete = missing.length === 0 && unverified.length === 0 && externalOk;
  return { required, optional, missing, unverified, complete };
}

export function signUpJSON(su: SignUpRecord, settings: EmulatorSettings): SignUpJSON {
  const req = signUpRequirements(su, settings);
  const status = su.createdSessionId ? 'complete' : 'missing_requirements';
  return {
    object: 'sign_up',
    id: su.id,
    status,
    required_fields: req.required,
    optional_fields: req.optional,
    missing_fields: status === 'complete' ? [] : req.missing,
    unverified_fields: (status === 'complete' ? [] : req.unverified) as SignUpJSON['unverified_fields'],
    username: su.username,
    first_name: su.firstName,
    last_name: su.lastName,
    email_address: su.emailAddress,
    phone_number: su.phoneNumber,
    web3_wallet: null,
    external_account_strategy: su.externalAccountStrategy,
    external_account: su.identity
      ? { id: su.identity.providerUserId, provider: su.identity.provider, email_address: su.identity.emailAddress }
      : null,
    has_password: false,
    unsafe_metadata: su.unsafeMetadata,
    created_session_id: su.createdSessionId,
    created_user_id: su.createdUserId,
    abandon_at: su.createdAt + SIGN_UP_ABANDON_MS,
    legal_accepted_at: su.legalAcceptedAt,
    locale: null,
    timezone: null,
    verifications: {
      email_address: signUpVerificationJSON(
        su.emailVerified ? verified(su.externalAccountStrategy ?? 'email_code') : su.emailVerification,
        ['email_code'],
        'needs_prepare',
      ),
      phone_number: signUpVerificationJSON(
        su.phoneVerified ? verified('phone_code') : su.phoneVerification,
        ['phone_code'],
        su.phoneVerification ? 'needs_attempt' : 'needs_prepare',
      ),
      web3_wallet: signUpVerificationJSON(null, [], ''),
      external_account: verificationJSON(su.externalVerification, 'verification_oauth') ?? (null as unknown as VerificationJSON),
    },
  };
}

export function clientJSON(c: ClientRecord, store: Store, settings: EmulatorSettings, origin: string, keys: InstanceKeys): ClientJSON {
  const signIn = c.signInId ? store.data.signIns[c.signInId] : undefined;
  const signUp = c.signUpId ? store.data.signUps[c.signUpId] : undefined;
  const sessions = store
    .activeSessions(c)
    .map((s) => sessionJSON(s, store, origin, keys))
    .filter((s): s is SessionJSON => !!s);
  return {
    object: 'client',
    id: c.id,
    sessions,
    sign_in: signIn ? signInJSON(signIn, store) : null,
    sign_up: signUp ? signUpJSON(signUp, settings) : null,
    last_active_session_id: sessions.some((s) => s.id === c.lastActiveSessionId) ? c.lastActiveSessionId : (sessions.at(-1)?.id ?? null),
    last_authentication_strategy: c.lastAuthenticationStrategy as ClientJSON['last_authentication_strategy'],
    cookie_expires_at: c.createdAt + settings.clientCookieDays * DAY_MS,
    captcha_bypass: false,
    created_at: c.createdAt,
    updated_at: c.updatedAt,
  };
}
