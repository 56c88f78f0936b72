import type { RequestContext } from './context';
import { apiError, fail, type VerificationErrorCode } from './errors';
import { activeSessionFor, completeSignUpIfReady, ensureClient, fillFromIdentity, type FapiResult } from './fapi';
import { newId, now, type Identity, type OAuthTransaction, type UserRecord, type VerificationRecord } from './state';

export const AUTHORIZE_PATH = '/oauth/authorize';
export const CALLBACK_PATH = '/__clerk/v1/oauth_callback';

export interface StartOAuthOptions {
  kind: OAuthTransaction['kind'];
  targetId: string;
  userId?: string;
  provider: string;
  redirectUrl: string;
  actionCompleteRedirectUrl: string;
  additionalScopes: string[];
  existingScopes?: string;
}

/** Records an OAuth round trip and returns the fake provider's authorize URL for it. */
export function startOAuth(ctx: RequestContext, o: StartOAuthOptions): OAuthTransaction & { authorizeUrl: string } {
  const client = ensureClient(ctx);
  const setting = ctx.world.settings.providers.find((p) => p.strategy === `oauth_${o.provider}`);
  const scopes = [
    ...new Set([
      ...(setting?.defaultScopes ?? ['openid', 'email', 'profile']),
      ...(o.existingScopes ?? '').split(' '),
      ...o.additionalScopes.flatMap((s) => s.split(/[\s,]+/)),
    ]),
  ].filter(Boolean);
  const tx: OAuthTransaction = {
    state: newId('st', 32),
    kind: o.kind,
    clientId: client.id,
    targetId: o.targetId,
    userId: o.userId ?? null,
    provider: o.provider,
    scopes,
    redirectUrl: new URL(o.redirectUrl, ctx.origin).toString(),
    actionCompleteRedirectUrl: new URL(o.actionCompleteRedirectUrl, ctx.origin).toString(),
    createdAt: now(),
    code: null,
    codeIdentity: null,
    done: false,
  };
  ctx.world.store.data.oauth[tx.state] = tx;
  const url = new URL(AUTHORIZE_PATH, ctx.origin);
  url.searchParams.set('response_type', 'code');
  url.searchParams.set('client_id', `emulator-${o.provider}`);
  url.searchParams.set('redirect_uri', new URL(CALLBACK_PATH, ctx.origin).toString());
  url.searchParams.set('scope', scopes.join(' '));
  url.searchParams.set('state', tx.state);
  return { ...tx, authorizeUrl: url.toString() };
}

// ---------------------------------------------------------------------------- the provider's page

const esc = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

function providerName(ctx: RequestContext, provider: string): string {
  return ctx.world.settings.providers.find((p) => p.strategy === `oauth_${provider}`)?.name ?? provider;
}

const displayName = (u: UserRecord) => [u.firstName, u.lastName].filter(Boolean).join(' ') || u.username || u.emails[0]?.email || u.id;

/** The identity a seeded user has at this provider (their linked account, or one made from their profile). */
function identityOfUser(user: UserRecord, provider: string): Identity {
  const account = user.externalAccounts.find((a) => a.provider === provider && a.providerUserId);
  if (account) {
    const { id: _id, identificationId: _i, approvedScopes: _a, verification: _v, createdAt: _c, ...identity } = account;
    return identity;
  }
  return {
    provider,
    providerUserId: `${provider}-${user.id}`,
    emailAddress: user.emails[0]?.email ?? '',
    firstName: user.firstName ?? '',
    lastName: user.lastName ?? '',
    username: user.username ?? '',
    imageUrl: '',
  };
}

function page(title: string, body: string): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(title)}</title>
<link rel="icon" href="data:,">
<link rel="stylesheet" href="/emulator-assets/provider.css">
</head>
<body>
<main>
${body}
</main>
</body>
</html>
`;
}

/** A dead end the person can leave: the reason (announced) and a way back to the app's sign-in page. */
function invalidRequest(ctx: RequestContext, reasonHtml: string): { status: number; html: string } {
  const signIn = new URL(ctx.world.settings.urls.signIn, ctx.origin).toString();
  return { status: 400, html: page('Invalid request', `<h1>Invalid request</h1><p role="alert">${reasonHtml}</p><p><a href="${esc(signIn)}">Start again from sign-in</a></p>`) };
}

export function authorizePage(ctx: RequestContext): { status: number; html: string } {
  const state = ctx.url.searchParams.get('state') ?? '';
  const tx = ctx.world.store.data.oauth[state];
  if (!tx || tx.done) {
    return invalidRequest(ctx, 'Unknown or expired <code>state</code> parameter.');
  }
  const name = providerName(ctx, tx.provider);
  const app = ctx.world.settings.applicationName;
  const users = Object.values(ctx.world.store.data.users);
  // Reauthorization asks the person who owns the account: only that identity is offered.
  const target = tx.kind === 'connect' && tx.userId ? ctx.world.store.data.users[tx.userId]?.externalAccounts.find((a) => a.id === tx.targetId) : undefined;
  const reauth = !!target?.providerUserId;
  const offered = reauth ? users.filter((u) => u.id === tx.userId) : users;
  const buttons = offered
    .map((u) => {
      const id = identityOfUser(u, tx.provider);
      const label = `Continue as ${displayName(u)}`;
      return `<li><button type="submit" name="choice" value="user:${esc(u.id)}" aria-label="${esc(label)}">${esc(label)}<small>${esc(id.emailAddress)}</small></button></li>`;
    })
    .join('\n');
  const n = Object.keys(ctx.world.store.data.oauth).length;
  const newUser = reauth
    ? ''
    : `<fieldset>
<legend>A new ${esc(name)} user</legend>
<label>First name <input name="first_name" value="New" autocomplete="off"></label>
<label>Last name <input name="last_name" value="User" autocomplete="off"></label>
<label>Email <input name="email" type="email" value="new.user.${n}@example.com" autocomplete="off"></label>
<label>Username <input name="username" value="" autocomplete="off"></label>
<button type="submit" name="choice" value="new">Continue as a new user</button>
</fieldset>`;
  const body = `<h1>Sign in with ${esc(name)}</h1>
<p><strong>${esc(app)}</strong> wants to access your ${esc(name)} account.</p>
<h2>Requested permissions</h2>
<ul aria-label="Requested scopes">${tx.scopes.map((s) => `<li><code>${esc(s)}</code></li>`).join('')}</ul>
<form method="post" action="${AUTHORIZE_PATH}">
<input type="hidden" name="state" value="${esc(state)}">
<h2>Choose an account</h2>
<ul class="accounts">${buttons}</ul>
${newUser}
<button type="submit" name="choice" value="deny" class="deny">Deny</button>
</form>
<p class="note">Fake identity provider of the Clerk emulator.</p>`;
  return { status: 200, html: page(`Sign in with ${name}`, body) };
}

/** The form post of the authorize page: issues a code (or an error) and redirects to the callback. */
export function authorizeDecision(ctx: RequestContext): { status: number; location?: string; html?: string } {
  const state = ctx.body.get('state') ?? '';
  const tx = ctx.world.store.data.oauth[state];
  if (!tx || tx.done) return invalidRequest(ctx, 'Unknown or expired <code>state</code> parameter.');
  const callback = new URL(CALLBACK_PATH, ctx.origin);
  callback.searchParams.set('state', state);
  const choice = ctx.body.get('choice') ?? '';
  if (choice === 'deny') {
    callback.searchParams.set('error', 'access_denied');
    callback.searchParams.set('error_description', 'The user denied the request');
    return { status: 302, location: callback.toString() };
  }
  let identity: Identity;
  if (choice.startsWith('user:')) {
    const user = ctx.world.store.data.users[choice.slice(5)];
    if (!user) return invalidRequest(ctx, 'That account does not exist (any more).');
    identity = identityOfUser(user, tx.provider);
  } else if (choice === 'new') {
    const b = ctx.body;
    identity = {
      provider: tx.provider,
      providerUserId: `${tx.provider}-${newId('new', 10).slice(4)}`,
      emailAddress: (b.get('email') ?? '').trim().toLowerCase(),
      firstName: (b.get('first_name') ?? '').trim(),
      lastName: (b.get('last_name') ?? '').trim(),
      username: (b.get('username') ?? '').trim(),
      imageUrl: '',
    };
  } else {
    return invalidRequest(ctx, 'Choose an account, a new user, or Deny.');
  }
  tx.code = newId('code', 24);
  tx.codeIdentity = identity;
  ctx.world.store.save();
  callback.searchParams.set('code', tx.code);
  return { status: 302, location: callback.toString() };
}

// ---------------------------------------------------------------------------- FAPI's callback

const failed = (strategy: string, code: VerificationErrorCode, message: string, meta: Record<string, string> = {}): VerificationRecord => ({
  status: 'failed',
  strategy,
  attempts: 1,
  expireAt: now(),
  error: apiError(code, message, message, undefined, meta),
});

/** `GET /v1/oauth_callback`: checks state, finishes the verification and redirects like FAPI. */
export function oauthCallback(ctx: RequestContext): FapiResult {
  const { store, settings } = ctx.world;
  const q = ctx.url.searchParams;
  const state = q.get('state') ?? ctx.body.get('state') ?? '';
  const tx = store.data.oauth[state];
  if (!tx || tx.done) {
    throw fail('oauth_callback_invalid', 'invalid form for oauth_callback: the state parameter is missing, unknown or already used.', 'state');
  }
  const client = store.data.clients[tx.clientId];
  if (!client || ctx.client?.id !== client.id) {
    throw fail('oauth_callback_invalid', 'invalid form for oauth_callback: the state belongs to another client.', 'state');
  }
  tx.done = true;
  const strategy = `oauth_${tx.provider}`;
  const back = (url: string): FapiResult => {
    store.save();
    return { status: 302, body: null, redirect: url };
  };
  const error = q.get('error') ?? ctx.body.get('error');
  const code = q.get('code') ?? ctx.body.get('code');
  let outcome: VerificationRecord | null = null;
  if (error) outcome = failed(strategy, 'oauth_access_denied', 'You did not grant access to your account.');
  else if (!code || code !== tx.code || !tx.codeIdentity) outcome = failed(strategy, 'oauth_token_exchange_error', 'The OAuth provider rejected the authorization code.');
  const identity = tx.codeIdentity;
  const scopes = tx.scopes.join(' ');

  if (tx.kind === 'sign_in') {
    const si = store.data.signIns[tx.targetId];
    if (!si) return back(tx.redirectUrl);
    if (outcome || !identity) {
      si.firstFactorVerification = outcome;
      return back(tx.redirectUrl);
    }
    let found = store.findExternalAccount(identity.provider, identity.providerUserId);
    if (!found && identity.emailAddress) {
      // Clerk links a new social account to the user who owns its verified email address.
      const owner = store.findUserByEmail(identity.emailAddress);
      if (owner) {
        const account = store.newExternalAccount(identity, scopes);
        owner.externalAccounts.push(account);
        found = { user: owner, account };
      }
    }
    if (!found) {
      si.firstFactorVerification = { ...failed(strategy, 'external_account_not_found', 'The External Account was not found.'), status: 'transferable' };
      si.pendingIdentity = identity;
      si.pendingScopes = scopes;
      return back(tx.redirectUrl);
    }
    found.account.approvedScopes = [...new Set([...found.account.approvedScopes.split(' '), ...tx.scopes])].filter(Boolean).join(' ');
    si.userId = found.user.id;
    si.identifier = found.user.emails[0]?.email ?? found.user.username ?? '';
    const existing = activeSessionFor(ctx, client, found.user.id);
    if (existing) {
      si.firstFactorVerification = failed(strategy, 'identifier_already_signed_in', "You're already signed in.", { session_id: existing.id });
      return back(tx.redirectUrl);
    }
    const session = store.createSession(client, found.user, settings.singleSessionMode);
    si.status = 'complete';
    si.createdSessionId = session.id;
    si.firstFactorVerification = { status: 'verified', strategy, attempts: 1, expireAt: now() + 600_000 };
    client.lastAuthenticationStrategy = strategy;
    return back(tx.actionCompleteRedirectUrl);
  }

  if (tx.kind === 'sign_up') {
    const su = store.data.signUps[tx.targetId];
    if (!su) return back(tx.redirectUrl);
    if (outcome || !identity) {
      su.externalVerification = outcome;
      return back(tx.redirectUrl);
    }
    const found = store.findExternalAccount(identity.provider, identity.providerUserId);
    if (found) {
      su.identity = identity;
      su.identityScopes = scopes;
      su.externalVerification = {
        ...failed(strategy, 'external_account_exists', 'This account already exists. Please sign in.'),
        status: 'transferable',
      };
      return back(tx.redirectUrl);
    }
    fillFromIdentity(su, identity, scopes);
    if (su.emailAddress && store.findUserByEmail(su.emailAddress)) {
      su.externalVerification = failed(strategy, 'form_identifier_exists', 'That email address is taken. Please try another.');
      return back(tx.redirectUrl);
    }
    return back(completeSignUpIfReady(ctx, su, client) ? tx.actionCompleteRedirectUrl : tx.redirectUrl);
  }

  // connect / reauthorize
  const user = tx.userId ? store.data.users[tx.userId] : undefined;
  const account = user?.externalAccounts.find((a) => a.id === tx.targetId);
  if (!user || !account) return back(tx.redirectUrl);
  user.updatedAt = now();
  if (outcome || !identity) {
    account.verification = outcome ?? failed(strategy, 'oauth_token_exchange_error', 'No identity');
    return back(tx.redirectUrl);
  }
  const owner = store.findExternalAccount(identity.provider, identity.providerUserId);
  if (owner && owner.account.id !== account.id) {
    const message = owner.user.id === user.id ? 'This account is already connected to your profile.' : 'This account is already connected to another user.';
    account.verification = failed(strategy, 'external_account_exists', message);
    return back(tx.redirectUrl);
  }
  Object.assign(account, identity);
  account.approvedScopes = scopes;
  account.verification = { status: 'verified', strategy, attempts: 1, expireAt: now() + 600_000 };
  return back(tx.redirectUrl);
}
