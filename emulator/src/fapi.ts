import type { RequestContext } from './context';
import { FapiError, fail, notFound, paramInvalid, paramMissing, unauthenticated } from './errors';
import { buildEnvironment } from './environment';
import {
  VERIFICATION_CODE,
  activeSessionFor,
  completeSignUpIfReady,
  currentSession,
  ensureClient,
  fillFromIdentity,
  sessionOfClient,
  setClientCookie,
  withClient,
  type FapiHandler,
  type FapiRoute,
} from './flows';
import { clientJSON, externalAccountJSON, sessionJSON, signInJSON, signUpJSON, tokenJSON, userJSON } from './json';
import { providerOf } from './settings';
import { newId, now } from './clock';
import type { SignInRecord, SignUpRecord } from './state';
import { oauthCallback, startOAuth } from './oauth';
import { REVERIFICATION_ROUTES, requireRecentVerification } from './reverification';
import { pendingOAuth, verification, verified } from './verification';

export { VERIFICATION_CODE } from './flows';
const MAX_CODE_ATTEMPTS = 3;

/** The FAPI routes, mounted under the proxy path by the server's one route table (reverification's in their module). */
export const FAPI_ROUTES: FapiRoute[] = [];
function on(method: string, pattern: string, handler: FapiHandler): void {
  FAPI_ROUTES.push({ method, pattern, handler });
}

/** Every emulated FAPI route as `METHOD /v1/pattern` (the log's `route` field). */
export function fapiRoutes(): string[] {
  return FAPI_ROUTES.map((r) => `${r.method} ${r.pattern}`);
}

// ---------------------------------------------------------------------------- helpers

function isTrue(v: string | null): boolean {
  return v === 'true' || v === '1';
}

/** An enabled social strategy; to sign in or up it must also be `authenticatable` (connect-only ones are not). */
function oauthStrategy(ctx: RequestContext, strategy: string | null, purpose: 'authenticate' | 'connect' = 'authenticate'): string {
  if (!strategy) throw paramMissing('strategy');
  const provider = ctx.world.settings.providers.find((p) => p.strategy === strategy && (p.enabled ?? true) && (purpose === 'connect' || (p.authenticatable ?? true)));
  if (!provider) {
    throw fail('form_param_value_invalid', `${strategy} does not match one of the allowed values for parameter strategy`, 'strategy');
  }
  return strategy;
}

/**
 * A redirect target FAPI will send the browser to: an http(s) URL on the emulator's own origin or one of the
 * settings' `allowedRedirectOrigins`. Anything else is refused with 422 `form_param_value_invalid` on that
 * parameter, as Clerk refuses a production instance's redirect outside its allowed origins.
 */
export function checkRedirectTarget(ctx: RequestContext, param: string, value: string): string {
  let url: URL;
  try {
    url = new URL(value, ctx.origin);
  } catch {
    throw paramInvalid(param);
  }
  const allowed = [ctx.origin, ...ctx.world.settings.allowedRedirectOrigins.map((o) => new URL(o).origin)];
  if (!/^https?:$/.test(url.protocol) || url.username || url.password || !allowed.includes(url.origin)) {
    throw fail('form_param_value_invalid', `${value} does not match one of the allowed values for parameter ${param}`, param);
  }
  return value;
}

function requireRedirect(ctx: RequestContext): { redirectUrl: string; actionCompleteRedirectUrl: string } {
  const redirectUrl = ctx.body.get('redirect_url');
  if (!redirectUrl) throw paramMissing('redirect_url');
  checkRedirectTarget(ctx, 'redirect_url', redirectUrl);
  const complete = ctx.body.get('action_complete_redirect_url');
  if (complete) checkRedirectTarget(ctx, 'action_complete_redirect_url', complete);
  return { redirectUrl, actionCompleteRedirectUrl: complete || redirectUrl };
}

// ---------------------------------------------------------------------------- field validation (sign-up)

const EMAIL_RE = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const PHONE_RE = /^\+[1-9]\d{6,14}$/;
const USERNAME_RE = /^[a-zA-Z0-9_.-]+$/;

export function validateUsername(ctx: RequestContext, username: string): void {
  const { min, max } = ctx.world.settings.usernameLength;
  if (username.length < min || username.length > max) {
    throw fail('form_username_invalid_length', `Username must be between ${min} and ${max} characters long.`, 'username');
  }
  if (!USERNAME_RE.test(username)) {
    throw fail('form_username_invalid_character', undefined, 'username');
  }
  if (ctx.world.store.findUserByUsername(username)) {
    throw fail('form_identifier_exists', 'That username is taken. Please try another.', 'username');
  }
}

/** Applies the sign-up fields of a create/update body, validating each like FAPI does. */
function applySignUpFields(ctx: RequestContext, su: SignUpRecord): void {
  const b = ctx.body;
  const { store } = ctx.world;
  const errors: FapiError[] = [];
  const attempt = (fn: () => void) => {
    try {
      fn();
    } catch (e) {
      if (e instanceof FapiError) errors.push(e);
      else throw e;
    }
  };
  if (b.has('username')) {
    const username = (b.get('username') ?? '').trim();
    attempt(() => {
      validateUsername(ctx, username);
      su.username = username;
    });
  }
  for (const [param, key] of [
    ['first_name', 'firstName'],
    ['last_name', 'lastName'],
  ] as const) {
    if (!b.has(param)) continue;
    const value = (b.get(param) ?? '').trim();
    attempt(() => {
      if (value.length > 256) throw fail('form_param_max_length_exceeded', `${param} should not exceed 256 characters.`, param);
      su[key] = value || null;
    });
  }
  if (b.has('email_address')) {
    const email = (b.get('email_address') ?? '').trim().toLowerCase();
    attempt(() => {
      if (!EMAIL_RE.test(email)) throw fail('form_param_format_invalid', 'email_address must be a valid email address.', 'email_address');
      if (store.findUserByEmail(email)) throw fail('form_identifier_exists', 'That email address is taken. Please try another.', 'email_address');
      if (su.emailAddress !== email) {
        su.emailAddress = email;
        su.emailVerified = !!su.identity && su.identity.emailAddress.toLowerCase() === email;
        su.emailVerification = null;
      }
    });
  }
  if (b.has('phone_number')) {
    const phone = (b.get('phone_number') ?? '').replace(/[\s()-]/g, '');
    attempt(() => {
      if (!PHONE_RE.test(phone)) throw fail('form_param_format_invalid', 'phone_number must be a valid phone number according to E.164 international standard.', 'phone_number');
      if (store.findUserByPhone(phone)) throw fail('form_identifier_exists', 'That phone number is taken. Please try another.', 'phone_number');
      if (su.phoneNumber !== phone) {
        su.phoneNumber = phone;
        su.phoneVerified = false;
        su.phoneVerification = null;
      }
    });
  }
  if (b.has('legal_accepted')) su.legalAcceptedAt = isTrue(b.get('legal_accepted')) ? now() : null;
  if (b.has('unsafe_metadata')) {
    attempt(() => {
      try {
        su.unsafeMetadata = JSON.parse(b.get('unsafe_metadata') ?? '{}') as Record<string, unknown>;
      } catch {
        throw paramInvalid('unsafe_metadata');
      }
    });
  }
  if (errors.length) throw new FapiError(422, errors.flatMap((e) => e.errors));
}

function newSignUp(): SignUpRecord {
  return {
    id: newId('sua'),
    username: null,
    firstName: null,
    lastName: null,
    emailAddress: null,
    phoneNumber: null,
    emailVerified: false,
    phoneVerified: false,
    phoneVerification: null,
    emailVerification: null,
    legalAcceptedAt: null,
    unsafeMetadata: {},
    externalAccountStrategy: null,
    externalVerification: null,
    identity: null,
    identityScopes: '',
    identityAccessToken: null,
    createdSessionId: null,
    createdUserId: null,
    createdAt: now(),
  };
}

// ---------------------------------------------------------------------------- environment, dev browser, client

const environment: FapiHandler = (ctx) => ({ body: buildEnvironment(ctx.world.settings, ctx.origin) });
on('GET', '/v1/environment', environment);
on('PATCH', '/v1/environment', environment);

on('POST', '/v1/dev_browser', () => ({ body: { object: 'dev_browser', id: newId('dvb') } }));

on('GET', '/v1/client', (ctx) => {
  if (!ctx.client) return { body: { response: null, client: null } };
  const json = clientJSON(ctx.client, ctx.world.store, ctx.world.settings, ctx.origin, ctx.world.keys);
  return { body: { response: json, client: json } };
});
on('PUT', '/v1/client', (ctx) => {
  const client = ensureClient(ctx);
  return withClient(ctx, clientJSON(client, ctx.world.store, ctx.world.settings, ctx.origin, ctx.world.keys));
});
on('POST', '/v1/client', (ctx) => {
  const client = ensureClient(ctx);
  return withClient(ctx, clientJSON(client, ctx.world.store, ctx.world.settings, ctx.origin, ctx.world.keys));
});
on('DELETE', '/v1/client', (ctx) => {
  if (!ctx.client) throw notFound('client');
  const { store } = ctx.world;
  for (const id of ctx.client.sessionIds) {
    const s = store.data.sessions[id];
    if (s && s.status === 'active') s.status = 'ended';
  }
  const json = clientJSON(ctx.client, store, ctx.world.settings, ctx.origin, ctx.world.keys);
  delete store.data.clients[ctx.client.id];
  ctx.client = null;
  setClientCookie(ctx, null);
  store.save();
  return { body: { response: { ...json, sessions: [], id: json.id }, client: null } };
});
on('GET', '/v1/client/touch', (ctx) => {
  const target = ctx.url.searchParams.get('redirect_url');
  if (!target) throw paramMissing('redirect_url');
  checkRedirectTarget(ctx, 'redirect_url', target);
  return { status: 302, body: null, redirect: target };
});

// ---------------------------------------------------------------------------- sign-ins

on('POST', '/v1/client/sign_ins', (ctx) => {
  const client = ensureClient(ctx);
  const { store, settings } = ctx.world;
  const b = ctx.body;
  if (isTrue(b.get('transfer'))) {
    const su = client.signUpId ? store.data.signUps[client.signUpId] : undefined;
    const v = su?.externalVerification;
    if (!su || !v || v.status !== 'transferable' || v.error?.code !== 'external_account_exists' || !su.identity) {
      throw fail('account_transfer_invalid', 'There is no account to transfer: no sign-up with an existing external account to turn into a sign-in.');
    }
    const found = store.findExternalAccount(su.identity.provider, su.identity.providerUserId);
    if (!found) throw notFound('external account');
    const si = signInRecord(found.user.id, found.user.emails[0]?.email ?? found.user.username ?? '');
    const existing = activeSessionFor(ctx, client, found.user.id);
    if (existing) throw fail('identifier_already_signed_in', undefined, undefined, { session_id: existing.id });
    const session = store.createSession(client, found.user, settings.singleSessionMode);
    si.status = 'complete';
    si.createdSessionId = session.id;
    si.firstFactorVerification = verified(`oauth_${su.identity.provider}`);
    client.lastAuthenticationStrategy = `oauth_${su.identity.provider}`;
    store.data.signIns[si.id] = si;
    client.signInId = si.id;
    return withClient(ctx, signInJSON(si, store));
  }
  const strategy = b.get('strategy');
  if (strategy?.startsWith('oauth_')) {
    oauthStrategy(ctx, strategy);
    const { redirectUrl, actionCompleteRedirectUrl } = requireRedirect(ctx);
    const si = signInRecord(null, b.get('identifier') ?? '');
    const tx = startOAuth(ctx, { kind: 'sign_in', targetId: si.id, provider: providerOf(strategy), redirectUrl, actionCompleteRedirectUrl, additionalScopes: b.getAll('additional_scope'), oidcPrompt: b.get('oidc_prompt') });
    si.firstFactorVerification = pendingOAuth(strategy, tx.authorizeUrl);
    store.data.signIns[si.id] = si;
    client.signInId = si.id;
    return withClient(ctx, signInJSON(si, store));
  }
  if (b.has('identifier') || strategy) {
    // Only social flows are emulated; identifier-first sign-ins fail like an unknown identifier.
    throw fail('form_identifier_not_found', undefined, 'identifier');
  }
  const si = signInRecord(null, '');
  store.data.signIns[si.id] = si;
  client.signInId = si.id;
  return withClient(ctx, signInJSON(si, store));
});

function signInRecord(userId: string | null, identifier: string): SignInRecord {
  return {
    id: newId('sia'),
    status: 'needs_identifier',
    identifier,
    firstFactorVerification: null,
    pendingIdentity: null,
    pendingScopes: '',
    pendingAccessToken: null,
    userId,
    createdSessionId: null,
    createdAt: now(),
  };
}

function clientSignIn(ctx: RequestContext): SignInRecord {
  const si = ctx.params.id ? ctx.world.store.data.signIns[ctx.params.id] : undefined;
  if (!ctx.client || !si || ctx.client.signInId !== si.id) throw notFound('sign in');
  return si;
}

on('GET', '/v1/client/sign_ins/:id', (ctx) => withClient(ctx, signInJSON(clientSignIn(ctx), ctx.world.store)));

on('POST', '/v1/client/sign_ins/:id/prepare_first_factor', (ctx) => {
  const si = clientSignIn(ctx);
  const strategy = oauthStrategy(ctx, ctx.body.get('strategy'));
  const { redirectUrl, actionCompleteRedirectUrl } = requireRedirect(ctx);
  const tx = startOAuth(ctx, { kind: 'sign_in', targetId: si.id, provider: providerOf(strategy), redirectUrl, actionCompleteRedirectUrl, additionalScopes: [], oidcPrompt: ctx.body.get('oidc_prompt') });
  si.firstFactorVerification = pendingOAuth(strategy, tx.authorizeUrl);
  return withClient(ctx, signInJSON(si, ctx.world.store));
});

// ---------------------------------------------------------------------------- sign-ups

on('POST', '/v1/client/sign_ups', (ctx) => {
  const client = ensureClient(ctx);
  const { store, settings } = ctx.world;
  const b = ctx.body;
  const su = newSignUp();
  if (isTrue(b.get('transfer'))) {
    const si = client.signInId ? store.data.signIns[client.signInId] : undefined;
    if (!si || si.firstFactorVerification?.status !== 'transferable' || !si.pendingIdentity) {
      throw fail('account_transfer_invalid', 'There is no account to transfer: no sign-in with an unknown external account to turn into a sign-up.');
    }
    fillFromIdentity(su, si.pendingIdentity, si.pendingScopes, si.pendingAccessToken);
    applySignUpFields(ctx, su);
    store.data.signUps[su.id] = su;
    client.signUpId = su.id;
    // A transfer that finished the sign-up spends the sign-in: the client no longer offers it (a second
    // transfer of the same identity would be a second user). clerk-js then finds the complete sign-up and
    // activates its session when the callback runs again.
    if (completeSignUpIfReady(ctx, su, client)) client.signInId = null;
    return withClient(ctx, signUpJSON(su, settings));
  }
  applySignUpFields(ctx, su);
  const strategy = b.get('strategy');
  if (strategy?.startsWith('oauth_')) {
    oauthStrategy(ctx, strategy);
    const { redirectUrl, actionCompleteRedirectUrl } = requireRedirect(ctx);
    const tx = startOAuth(ctx, { kind: 'sign_up', targetId: su.id, provider: providerOf(strategy), redirectUrl, actionCompleteRedirectUrl, additionalScopes: b.getAll('additional_scope'), oidcPrompt: b.get('oidc_prompt') });
    su.externalAccountStrategy = strategy;
    su.externalVerification = pendingOAuth(strategy, tx.authorizeUrl);
  } else if (strategy) {
    throw fail('form_param_value_invalid', `${strategy} does not match one of the allowed values for parameter strategy`, 'strategy');
  }
  store.data.signUps[su.id] = su;
  client.signUpId = su.id;
  if (!strategy) completeSignUpIfReady(ctx, su, client);
  return withClient(ctx, signUpJSON(su, settings));
});

function clientSignUp(ctx: RequestContext): SignUpRecord {
  const su = ctx.params.id ? ctx.world.store.data.signUps[ctx.params.id] : undefined;
  if (!ctx.client || !su || ctx.client.signUpId !== su.id) throw notFound('sign up');
  return su;
}

on('GET', '/v1/client/sign_ups/:id', (ctx) => withClient(ctx, signUpJSON(clientSignUp(ctx), ctx.world.settings)));

on('PATCH', '/v1/client/sign_ups/:id', (ctx) => {
  const su = clientSignUp(ctx);
  const client = ctx.client!;
  if (su.createdSessionId) throw fail('sign_up_cannot_be_updated');
  applySignUpFields(ctx, su);
  const strategy = ctx.body.get('strategy');
  if (strategy?.startsWith('oauth_')) {
    oauthStrategy(ctx, strategy);
    const { redirectUrl, actionCompleteRedirectUrl } = requireRedirect(ctx);
    const tx = startOAuth(ctx, { kind: 'sign_up', targetId: su.id, provider: providerOf(strategy), redirectUrl, actionCompleteRedirectUrl, additionalScopes: ctx.body.getAll('additional_scope'), oidcPrompt: ctx.body.get('oidc_prompt') });
    su.externalAccountStrategy = strategy;
    su.externalVerification = pendingOAuth(strategy, tx.authorizeUrl);
  } else {
    completeSignUpIfReady(ctx, su, client);
  }
  return withClient(ctx, signUpJSON(su, ctx.world.settings));
});

on('POST', '/v1/client/sign_ups/:id/prepare_verification', (ctx) => {
  const su = clientSignUp(ctx);
  const strategy = ctx.body.get('strategy');
  const v = verification('unverified', strategy ?? '');
  if (strategy === 'phone_code') {
    if (!su.phoneNumber) throw paramMissing('phone_number');
    su.phoneVerification = v;
  } else if (strategy === 'email_code') {
    if (!su.emailAddress) throw paramMissing('email_address');
    su.emailVerification = v;
  } else {
    throw fail('form_param_value_invalid', `${strategy ?? ''} does not match one of the allowed values for parameter strategy`, 'strategy');
  }
  return withClient(ctx, signUpJSON(su, ctx.world.settings));
});

on('POST', '/v1/client/sign_ups/:id/attempt_verification', (ctx) => {
  const su = clientSignUp(ctx);
  const client = ctx.client!;
  const strategy = ctx.body.get('strategy');
  const code = ctx.body.get('code');
  const key = strategy === 'phone_code' ? 'phone' : strategy === 'email_code' ? 'email' : null;
  if (!key) throw fail('form_param_value_invalid', `${strategy ?? ''} does not match one of the allowed values for parameter strategy`, 'strategy');
  const v = key === 'phone' ? su.phoneVerification : su.emailVerification;
  if (!v) throw fail('verification_missing');
  if (!code) throw paramMissing('code');
  if (v.status === 'failed' || v.attempts >= MAX_CODE_ATTEMPTS) {
    v.status = 'failed';
    throw fail('verification_failed', undefined, 'code');
  }
  if (v.expireAt < now()) {
    v.status = 'expired';
    throw fail('verification_expired', undefined, 'code');
  }
  if (code !== VERIFICATION_CODE) {
    v.attempts += 1;
    ctx.world.store.save();
    throw fail('form_code_incorrect', undefined, 'code');
  }
  v.status = 'verified';
  v.attempts += 1;
  if (key === 'phone') su.phoneVerified = true;
  else su.emailVerified = true;
  completeSignUpIfReady(ctx, su, client);
  return withClient(ctx, signUpJSON(su, ctx.world.settings));
});

// ---------------------------------------------------------------------------- sessions

on('POST', '/v1/client/sessions/:id/touch', (ctx) => {
  const session = sessionOfClient(ctx, ctx.params.id);
  if (session.status !== 'active') throw fail('invalid_action_for_session', `Unable to touch session ${session.id}`);
  session.lastActiveAt = now();
  session.updatedAt = session.lastActiveAt;
  ctx.client!.lastActiveSessionId = session.id;
  return withClient(ctx, sessionJSON(session, ctx.world.store, ctx.origin, ctx.world.keys));
});

const tokens: FapiHandler = (ctx) => {
  const session = sessionOfClient(ctx, ctx.params.id);
  if (session.status !== 'active') throw unauthenticated();
  return { body: tokenJSON(session, ctx.origin, ctx.world.keys) };
};
on('POST', '/v1/client/sessions/:id/tokens', tokens);
on('POST', '/v1/client/sessions/:id/tokens/:template', tokens);

const endSession: FapiHandler = (ctx) => {
  const session = sessionOfClient(ctx, ctx.params.id);
  session.status = ctx.url.pathname.endsWith('/remove') ? 'removed' : 'ended';
  session.updatedAt = now();
  return withClient(ctx, sessionJSON(session, ctx.world.store, ctx.origin, ctx.world.keys));
};
on('POST', '/v1/client/sessions/:id/end', endSession);
on('POST', '/v1/client/sessions/:id/remove', endSession);

on('DELETE', '/v1/client/sessions', (ctx) => {
  if (!ctx.client) throw notFound('client');
  const { store } = ctx.world;
  const removed = store.activeSessions(ctx.client);
  for (const s of removed) {
    s.status = 'removed';
    s.updatedAt = now();
  }
  ctx.client.lastActiveSessionId = null;
  return withClient(ctx, removed.map((s) => sessionJSON(s, store, ctx.origin, ctx.world.keys)));
});

// ---------------------------------------------------------------------------- me

on('GET', '/v1/me', (ctx) => withClient(ctx, userJSON(currentSession(ctx).user)));

on('PATCH', '/v1/me', (ctx) => {
  const { user } = currentSession(ctx);
  const b = ctx.body;
  if (b.has('username')) {
    const username = (b.get('username') ?? '').trim();
    if (username.toLowerCase() !== user.username?.toLowerCase()) validateUsername(ctx, username);
    user.username = username;
  }
  if (b.has('first_name')) user.firstName = b.get('first_name') || null;
  if (b.has('last_name')) user.lastName = b.get('last_name') || null;
  if (b.has('unsafe_metadata')) user.unsafeMetadata = JSON.parse(b.get('unsafe_metadata') ?? '{}') as Record<string, unknown>;
  user.updatedAt = now();
  return withClient(ctx, userJSON(user));
});

on('POST', '/v1/me/external_accounts', (ctx) => {
  const { user, session } = currentSession(ctx);
  const strategy = oauthStrategy(ctx, ctx.body.get('strategy'), 'connect');
  const { redirectUrl, actionCompleteRedirectUrl } = requireRedirect(ctx);
  requireRecentVerification(ctx, session, 'connect_external_account');
  const provider = providerOf(strategy);
  const account = ctx.world.store.newExternalAccount(
    { provider, providerUserId: '', emailAddress: '', firstName: '', lastName: '', username: '', imageUrl: '' },
    '',
    null,
  );
  const tx = startOAuth(ctx, { kind: 'connect', targetId: account.id, userId: user.id, provider, redirectUrl, actionCompleteRedirectUrl, additionalScopes: ctx.body.getAll('additional_scope'), oidcPrompt: ctx.body.get('oidc_prompt') });
  account.verification = pendingOAuth(strategy, tx.authorizeUrl);
  user.externalAccounts.push(account);
  user.updatedAt = now();
  return withClient(ctx, externalAccountJSON(account));
});

function userAccount(ctx: RequestContext) {
  const { user, session } = currentSession(ctx);
  const account = user.externalAccounts.find((a) => a.id === ctx.params.id);
  if (!account) throw fail('external_account_not_found');
  return { user, session, account };
}

on('PATCH', '/v1/me/external_accounts/:id/reauthorize', (ctx) => {
  const { user, account } = userAccount(ctx);
  const { redirectUrl, actionCompleteRedirectUrl } = requireRedirect(ctx);
  const additional = ctx.body.getAll('additional_scope').flatMap((s) => s.split(/[\s,]+/)).filter(Boolean);
  const tx = startOAuth(ctx, { kind: 'connect', targetId: account.id, userId: user.id, provider: account.provider, redirectUrl, actionCompleteRedirectUrl, additionalScopes: additional, existingScopes: account.approvedScopes, oidcPrompt: ctx.body.get('oidc_prompt') });
  account.verification = pendingOAuth(`oauth_${account.provider}`, tx.authorizeUrl);
  return withClient(ctx, externalAccountJSON(account));
});

on('DELETE', '/v1/me/external_accounts/:id', (ctx) => {
  const { user, session, account } = userAccount(ctx);
  requireRecentVerification(ctx, session, 'remove_external_account');
  user.externalAccounts = user.externalAccounts.filter((a) => a !== account);
  user.updatedAt = now();
  return withClient(ctx, { object: 'external_account', id: account.id, deleted: true });
});

// ---------------------------------------------------------------------------- OAuth callback

on('GET', '/v1/oauth_callback', oauthCallback);
on('POST', '/v1/oauth_callback', oauthCallback);

FAPI_ROUTES.push(...REVERIFICATION_ROUTES);
