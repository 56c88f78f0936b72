// What the FAPI routes and the OAuth callback (oauth.ts) share: the client cookie, the response envelope,
// and finishing a sign-up. Both import this module; it imports neither (no import cycle).
import { stringifySetCookie } from 'cookie';
import type { RequestContext } from './context';
import { DAY_MS } from './durations';
import { clientJSON, signUpRequirements } from './json';
import { newId, now } from './clock';
import { notFound, unauthenticated } from './errors';
import type { ClientRecord, Identity, SessionRecord, SignUpRecord, UserRecord } from './state';
import { verified } from './verification';

export const CLIENT_COOKIE = '__client';
/**
 * The dev-browser cookie clerk-js keeps on a development instance's page origin. clerk-js skips the
 * dev-browser handshake for this emulator's host, so FAPI (same origin) sets it with the client: a server
 * using `@clerk/backend` with the `pk_test_` key then sees what it sees next to a real development instance.
 */
export const DEV_BROWSER_COOKIE = '__clerk_db_jwt';
const CLIENT_COOKIE_MAX_AGE_S = (365 * DAY_MS) / 1000;

/** The fixed one-time code for phone and email verifications (sign-up and reverification). */
export const VERIFICATION_CODE = '424242';

/** What a FAPI handler answers: a JSON body (with a status), or a redirect. */
export interface FapiResult {
  status?: number;
  body: unknown;
  redirect?: string;
}

export type FapiHandler = (ctx: RequestContext) => FapiResult | Promise<FapiResult>;
export interface FapiRoute {
  method: string;
  /** Relative to the proxy: `/v1/client/sign_ups/:id`. */
  pattern: string;
  handler: FapiHandler;
}

export function setClientCookie(ctx: RequestContext, clientId: string | null): void {
  ctx.setCookies.push(
    stringifySetCookie({ name: CLIENT_COOKIE, value: clientId ?? '', path: '/', httpOnly: true, sameSite: 'lax', maxAge: clientId ? CLIENT_COOKIE_MAX_AGE_S : 0 }),
  );
}

export function ensureClient(ctx: RequestContext): ClientRecord {
  if (ctx.client) return ctx.client;
  const client = ctx.world.store.newClient();
  ctx.client = client;
  setClientCookie(ctx, client.id);
  if (!ctx.cookies[DEV_BROWSER_COOKIE]) {
    ctx.setCookies.push(stringifySetCookie({ name: DEV_BROWSER_COOKIE, value: newId('dvb'), path: '/', sameSite: 'lax', maxAge: CLIENT_COOKIE_MAX_AGE_S }));
  }
  return client;
}

/** Clerk's mutation envelope: `{ response, client }`. */
export function withClient(ctx: RequestContext, response: unknown, status = 200): FapiResult {
  const { store, settings } = ctx.world;
  store.save();
  return { status, body: { response, client: ctx.client ? clientJSON(ctx.client, store, settings, ctx.origin, ctx.world.keys) : null } };
}

/** Fills a sign-up from a provider identity (email from the provider counts as verified). */
export function fillFromIdentity(su: SignUpRecord, identity: Identity, scopes: string, accessToken: string | null): void {
  su.identity = identity;
  su.identityScopes = scopes;
  su.identityAccessToken = accessToken;
  su.externalAccountStrategy = `oauth_${identity.provider}`;
  su.externalVerification = verified(`oauth_${identity.provider}`);
  su.firstName ??= identity.firstName || null;
  su.lastName ??= identity.lastName || null;
  if (identity.emailAddress && !su.emailAddress) {
    su.emailAddress = identity.emailAddress.toLowerCase();
    su.emailVerified = true;
  }
}

/** When nothing is missing any more, creates the user and its session (FAPI does this server-side). */
export function completeSignUpIfReady(ctx: RequestContext, su: SignUpRecord, client: ClientRecord): boolean {
  const { store, settings } = ctx.world;
  if (su.createdSessionId) return true;
  if (!signUpRequirements(su, settings).complete) return false;
  const user = store.seedUser({
    username: su.username,
    firstName: su.firstName,
    lastName: su.lastName,
    emailAddress: su.emailAddress,
    phoneNumber: su.phoneNumber,
  });
  user.legalAcceptedAt = su.legalAcceptedAt;
  user.unsafeMetadata = su.unsafeMetadata;
  if (su.identity) user.externalAccounts.push(store.newExternalAccount(su.identity, su.identityScopes, su.identityAccessToken));
  const session = store.createSession(client, user, settings.singleSessionMode);
  su.createdSessionId = session.id;
  su.createdUserId = user.id;
  client.lastAuthenticationStrategy = su.externalAccountStrategy ?? 'email_code';
  client.updatedAt = now();
  return true;
}

/** The session a `/me` or session call acts for: `_clerk_session_id`, else the client's last active one. */
export function currentSession(ctx: RequestContext): { session: SessionRecord; user: UserRecord } {
  const client = ctx.client;
  if (!client) throw unauthenticated();
  const { store } = ctx.world;
  const wanted = ctx.url.searchParams.get('_clerk_session_id') || client.lastActiveSessionId;
  const session = store.activeSessions(client).find((s) => s.id === wanted) ?? store.activeSessions(client).at(-1);
  const user = session ? store.data.users[session.userId] : undefined;
  if (!session || !user) throw unauthenticated();
  return { session, user };
}

export function sessionOfClient(ctx: RequestContext, id: string | undefined): SessionRecord {
  const client = ctx.client;
  const session = id ? ctx.world.store.data.sessions[id] : undefined;
  if (!client || !session || session.clientId !== client.id) throw notFound('session');
  return session;
}

export function activeSessionFor(ctx: RequestContext, client: ClientRecord, userId: string): SessionRecord | undefined {
  return ctx.world.store.activeSessions(client).find((s) => s.userId === userId);
}
