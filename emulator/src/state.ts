import { readFileSync, writeFileSync, renameSync, existsSync } from 'node:fs';
import { newId, now } from './clock';
import { PROVIDER_TOKEN_LIFETIME_MS, SESSION_LIFETIME_MS } from './durations';
import type { SeedUser, EmulatorSettings } from './settings';
import { failedVerification, verified, type VerificationRecord } from './verification';

export { newId, now } from './clock';
export type { VerificationRecord } from './verification';

/** What the fake provider says about the person who consented. */
export interface Identity {
  provider: string;
  providerUserId: string;
  emailAddress: string;
  firstName: string;
  lastName: string;
  username: string;
  imageUrl: string;
}

export interface ExternalAccountRecord extends Identity {
  id: string;
  identificationId: string;
  approvedScopes: string;
  verification: VerificationRecord;
  /** The provider's access token Clerk got at the last consent (what the Backend API hands out). */
  accessToken: string | null;
  createdAt: number;
}

export interface UserRecord {
  id: string;
  username: string | null;
  firstName: string | null;
  lastName: string | null;
  emails: { id: string; email: string }[];
  phones: { id: string; phone: string }[];
  externalAccounts: ExternalAccountRecord[];
  /** Plain text: the emulator is a test double (reverification's `password` factor checks it). */
  password: string | null;
  legalAcceptedAt: number | null;
  unsafeMetadata: Record<string, unknown>;
  lastSignInAt: number | null;
  createdAt: number;
  updatedAt: number;
}

export interface SessionRecord {
  id: string;
  clientId: string;
  userId: string;
  status: 'active' | 'ended' | 'removed' | 'revoked';
  createdAt: number;
  updatedAt: number;
  lastActiveAt: number;
  expireAt: number;
  /**
   * When a first factor was last verified (sign-in, or reverification): `factor_verification_age`. Missing in
   * sessions persisted by older emulators: they count from `createdAt`.
   */
  firstFactorVerifiedAt?: number;
  /** A reverification in progress (`POST /sessions/:id/verify`); missing like the field above. */
  reverification?: ReverificationRecord | null;
}

export interface ReverificationRecord {
  id: string;
  level: 'first_factor' | 'second_factor' | 'multi_factor';
  status: 'needs_first_factor' | 'needs_second_factor' | 'complete';
  firstFactorVerification: VerificationRecord | null;
}

export interface SignInRecord {
  id: string;
  status: 'needs_identifier' | 'needs_first_factor' | 'complete';
  identifier: string;
  firstFactorVerification: VerificationRecord | null;
  /** Set by the OAuth callback when the provider's identity matches no user (for the transfer). */
  pendingIdentity: Identity | null;
  pendingScopes: string;
  pendingAccessToken: string | null;
  userId: string | null;
  createdSessionId: string | null;
  createdAt: number;
}

export interface SignUpRecord {
  id: string;
  username: string | null;
  firstName: string | null;
  lastName: string | null;
  emailAddress: string | null;
  phoneNumber: string | null;
  emailVerified: boolean;
  phoneVerified: boolean;
  phoneVerification: VerificationRecord | null;
  emailVerification: VerificationRecord | null;
  legalAcceptedAt: number | null;
  unsafeMetadata: Record<string, unknown>;
  externalAccountStrategy: string | null;
  externalVerification: VerificationRecord | null;
  identity: Identity | null;
  identityScopes: string;
  identityAccessToken: string | null;
  createdSessionId: string | null;
  createdUserId: string | null;
  createdAt: number;
}

export interface ClientRecord {
  id: string;
  sessionIds: string[];
  signInId: string | null;
  signUpId: string | null;
  lastActiveSessionId: string | null;
  lastAuthenticationStrategy: string | null;
  createdAt: number;
  updatedAt: number;
}

/** An OAuth round trip in flight: created by a `strategy=oauth_*` call, consumed by the callback. */
export interface OAuthTransaction {
  state: string;
  kind: 'sign_in' | 'sign_up' | 'connect';
  clientId: string;
  /** sign-in id, sign-up id, or external account id (connect / reauthorize). */
  targetId: string;
  userId: string | null;
  provider: string;
  scopes: string[];
  redirectUrl: string;
  actionCompleteRedirectUrl: string;
  createdAt: number;
  /** Authorization codes issued by the fake provider for this state. */
  code: string | null;
  codeIdentity: Identity | null;
  done: boolean;
}

export interface StateData {
  users: Record<string, UserRecord>;
  sessions: Record<string, SessionRecord>;
  clients: Record<string, ClientRecord>;
  signIns: Record<string, SignInRecord>;
  signUps: Record<string, SignUpRecord>;
  oauth: Record<string, OAuthTransaction>;
  /** Access tokens the fake provider issued, by token. */
  providerTokens: Record<string, ProviderToken>;
}

export interface ProviderToken {
  token: string;
  identity: Identity;
  scopes: string[];
  expiresAt: number;
}

const emptyData = (): StateData => ({ users: {}, sessions: {}, clients: {}, signIns: {}, signUps: {}, oauth: {}, providerTokens: {} });

export function identityFromSeed(provider: string, seed: SeedUser, account: NonNullable<SeedUser['externalAccounts']>[number]): Identity {
  return {
    provider,
    providerUserId: account.providerUserId ?? `${provider}-${(seed.username ?? seed.emailAddress ?? seed.id ?? 'user').replace(/[^a-z0-9]/gi, '')}`,
    emailAddress: account.emailAddress ?? seed.emailAddress ?? '',
    firstName: account.firstName ?? seed.firstName ?? '',
    lastName: account.lastName ?? seed.lastName ?? '',
    username: account.username ?? seed.username ?? '',
    imageUrl: '',
  };
}

/** Clerk's messages for the error codes a seeded external account can carry (the four "Reconnect" codes). */
const SEEDED_ERROR_MESSAGES: Record<string, string> = {
  external_account_missing_refresh_token: 'The connection to this account has expired: no refresh token. Reconnect it.',
  oauth_fetch_user_error: 'The provider could not return the account details. Reconnect it.',
  oauth_token_exchange_error: 'The provider rejected the authorization code. Reconnect it.',
  external_account_email_address_verification_required: 'The email address of this account needs to be verified. Reconnect it.',
};

function seededAccountError(code: string) {
  const message = SEEDED_ERROR_MESSAGES[code] ?? code;
  return { code, message, long_message: message, meta: {} };
}

/** In-memory store, optionally written to a JSON file after every mutation. */
export class Store {
  data: StateData = emptyData();

  constructor(private readonly persistPath: string | null = null) {
    if (persistPath && existsSync(persistPath)) {
      try {
        this.data = { ...emptyData(), ...(JSON.parse(readFileSync(persistPath, 'utf8')) as Partial<StateData>) };
      } catch (e) {
        throw new Error(`cannot read the persisted state ${persistPath}: ${(e as Error).message}. Delete the file (or pick another --persist file) to start fresh.`, { cause: e });
      }
    }
  }

  get isEmpty(): boolean {
    return Object.keys(this.data.users).length === 0 && Object.keys(this.data.clients).length === 0;
  }

  reset(settings: EmulatorSettings): void {
    this.data = emptyData();
    for (const u of settings.users) this.seedUser(u);
    this.save();
  }

  save(): void {
    if (!this.persistPath) return;
    const tmp = `${this.persistPath}.tmp`;
    writeFileSync(tmp, JSON.stringify(this.data));
    renameSync(tmp, this.persistPath);
  }

  seedUser(seed: SeedUser): UserRecord {
    const t = now();
    const id = seed.id ?? newId('user');
    const user: UserRecord = {
      id,
      username: seed.username ?? null,
      firstName: seed.firstName ?? null,
      lastName: seed.lastName ?? null,
      emails: seed.emailAddress ? [{ id: newId('idn'), email: seed.emailAddress.toLowerCase() }] : [],
      phones: seed.phoneNumber ? [{ id: newId('idn'), phone: seed.phoneNumber }] : [],
      externalAccounts: [],
      password: seed.password ?? null,
      legalAcceptedAt: seed.legalAccepted ? t : null,
      unsafeMetadata: {},
      lastSignInAt: null,
      createdAt: t,
      updatedAt: t,
    };
    for (const acc of seed.externalAccounts ?? []) {
      const identity = identityFromSeed(acc.provider, seed, acc);
      const other = this.findExternalAccount(acc.provider, identity.providerUserId);
      if (other) throw new Error(`seed: ${acc.provider} account ${identity.providerUserId} already belongs to ${other.user.id}`);
      const scopes = acc.approvedScopes ?? '';
      const record = this.newExternalAccount(identity, scopes, acc.errorCode ? null : this.issueProviderToken(identity, scopes.split(' ').filter(Boolean)));
      if (acc.errorCode) record.verification = failedVerification(`oauth_${acc.provider}`, seededAccountError(acc.errorCode));
      user.externalAccounts.push(record);
    }
    this.data.users[id] = user;
    this.save();
    return user;
  }

  newExternalAccount(identity: Identity, scopes: string, accessToken: string | null): ExternalAccountRecord {
    return {
      ...identity,
      id: newId('eac'),
      identificationId: newId('idn'),
      approvedScopes: scopes,
      verification: verified(`oauth_${identity.provider}`),
      accessToken,
      createdAt: now(),
    };
  }

  /** The fake provider's side of a code exchange: a fresh access token for this identity and these scopes. */
  issueProviderToken(identity: Identity, scopes: string[]): string {
    const token = newId(`${identity.provider}_at`, 32);
    this.data.providerTokens[token] = { token, identity: { ...identity }, scopes, expiresAt: now() + PROVIDER_TOKEN_LIFETIME_MS };
    return token;
  }

  findExternalAccount(provider: string, providerUserId: string): { user: UserRecord; account: ExternalAccountRecord } | null {
    for (const user of Object.values(this.data.users)) {
      const account = user.externalAccounts.find((a) => a.provider === provider && a.providerUserId === providerUserId);
      if (account) return { user, account };
    }
    return null;
  }

  findUserByEmail(email: string): UserRecord | null {
    const e = email.toLowerCase();
    return Object.values(this.data.users).find((u) => u.emails.some((x) => x.email === e)) ?? null;
  }

  findUserByUsername(username: string): UserRecord | null {
    const n = username.toLowerCase();
    return Object.values(this.data.users).find((u) => u.username?.toLowerCase() === n) ?? null;
  }

  findUserByPhone(phone: string): UserRecord | null {
    return Object.values(this.data.users).find((u) => u.phones.some((p) => p.phone === phone)) ?? null;
  }

  newClient(): ClientRecord {
    const t = now();
    const client: ClientRecord = {
      id: newId('client'),
      sessionIds: [],
      signInId: null,
      signUpId: null,
      lastActiveSessionId: null,
      lastAuthenticationStrategy: null,
      createdAt: t,
      updatedAt: t,
    };
    this.data.clients[client.id] = client;
    return client;
  }

  /** Creates an active session on the client (ending the others in single-session mode). */
  createSession(client: ClientRecord, user: UserRecord, singleSession: boolean): SessionRecord {
    const t = now();
    if (singleSession) {
      for (const sid of client.sessionIds) {
        const s = this.data.sessions[sid];
        if (s && s.status === 'active') s.status = 'ended';
      }
    }
    const session: SessionRecord = {
      id: newId('sess'),
      clientId: client.id,
      userId: user.id,
      status: 'active',
      createdAt: t,
      updatedAt: t,
      lastActiveAt: t,
      expireAt: t + SESSION_LIFETIME_MS,
      firstFactorVerifiedAt: t,
      reverification: null,
    };
    this.data.sessions[session.id] = session;
    client.sessionIds.push(session.id);
    client.lastActiveSessionId = session.id;
    client.updatedAt = t;
    user.lastSignInAt = t;
    return session;
  }

  activeSessions(client: ClientRecord): SessionRecord[] {
    return client.sessionIds.map((id) => this.data.sessions[id]).filter((s): s is SessionRecord => !!s && s.status === 'active');
  }
}
