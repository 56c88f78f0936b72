// The fake identity provider: its consent page (`/oauth/authorize`), the decision that issues a one-time code,
// and a small provider API (`/fake-idp/api/me`) answering the access tokens issued at the code exchange.
import type { RequestContext } from './context';
import { newId, now } from './clock';
import type { Identity, UserRecord } from './state';
import { AUTHORIZE_PATH, CALLBACK_PATH } from './urls';

const esc = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

function providerName(ctx: RequestContext, provider: string): string {
  return ctx.world.settings.providers.find((p) => p.strategy === `oauth_${provider}`)?.name ?? provider;
}

const displayName = (u: UserRecord) => [u.firstName, u.lastName].filter(Boolean).join(' ') || u.username || u.emails[0]?.email || u.id;

/** The identity a seeded user has at this provider (their linked account, or one made from their profile). */
function identityOfUser(user: UserRecord, provider: string): Identity {
  const account = user.externalAccounts.find((a) => a.provider === provider && a.providerUserId);
  if (account) {
    const { id: _id, identificationId: _i, approvedScopes: _a, verification: _v, accessToken: _t, createdAt: _c, ...identity } = account;
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


// ---------------------------------------------------------------------------- the provider's API

/** What `GET /fake-idp/api/me` answers: the profile the token was issued for (OpenID Connect-like names). */
export interface ProviderProfile {
  provider: string;
  id: string;
  email: string;
  name: string;
  given_name: string;
  family_name: string;
  username: string;
  picture: string;
  /** The scopes the token carries. */
  scopes: string[];
}

/** `Authorization: Bearer <token>` -> the profile, or 401 with an OAuth-style error (`invalid_token`). */
export function providerMe(ctx: RequestContext): { status: number; body: unknown; headers?: Record<string, string> } {
  const auth = ctx.req.headers.authorization ?? '';
  const m = /^Bearer\s+(\S+)$/i.exec(auth);
  const record = m ? ctx.world.store.data.providerTokens[m[1]!] : undefined;
  if (!record || record.expiresAt < now()) {
    const description = !m ? 'Missing bearer token.' : !record ? 'The access token is unknown or was revoked.' : 'The access token expired.';
    return { status: 401, body: { error: 'invalid_token', error_description: description }, headers: { 'www-authenticate': `Bearer error="invalid_token", error_description="${description}"` } };
  }
  const i = record.identity;
  const profile: ProviderProfile = {
    provider: i.provider,
    id: i.providerUserId,
    email: i.emailAddress,
    name: [i.firstName, i.lastName].filter(Boolean).join(' '),
    given_name: i.firstName,
    family_name: i.lastName,
    username: i.username,
    picture: i.imageUrl,
    scopes: record.scopes,
  };
  return { status: 200, body: profile };
}
