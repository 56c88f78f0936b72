/* eslint-disable @typescript-eslint/no-explicit-any -- tests probe parsed JSON field by field */
// The server side: signed session tokens, the Backend API @clerk/backend calls, the fake provider's API,
// and the demo's /api/provider-profile route written with @clerk/backend.
import { describe, it, before, after, beforeEach } from 'node:test';
import assert from 'node:assert/strict';
import { createClerkClient, verifyToken } from '@clerk/backend';
import { EMULATOR_PUBLISHABLE_KEY, startEmulator, type RunningEmulator } from '../src/index';
import { BACKEND_ROUTES } from '../src/backend';
import { FapiClient, TEST_SETTINGS, withEmu } from './helpers';

let emu: RunningEmulator;
let c: FapiClient;
const routesSeen = new Set<string>();
before(async () => {
  ({ emu } = await withEmu({ settings: TEST_SETTINGS, demo: true, logRequests: (e) => void (e.route && e.status < 400 && routesSeen.add(e.route)) }));
});
after(() => emu.close());
beforeEach(() => {
  emu.reset();
  c = new FapiClient(emu);
});

const bearer = (key: string) => ({ authorization: `Bearer ${key}` });

async function signInAlice(): Promise<{ sid: string; jwt: string }> {
  const r = await c.fapi('POST', '/client/sign_ins', { strategy: 'oauth_google', redirect_url: `${emu.url}/cb`, action_complete_redirect_url: `${emu.url}/` });
  await c.consent(r.json.response.first_factor_verification.external_verification_redirect_url, 'user:user_alice');
  const client = (await c.fapi('GET', '/client')).json.response;
  c.sessionId = client.last_active_session_id;
  const jwt = (await c.fapi('POST', `/client/sessions/${c.sessionId}/tokens`)).json.jwt as string;
  return { sid: client.last_active_session_id, jwt };
}

/** The cookies clerk-js writes on the page origin once signed in (`__session`, `__client_uat`). */
async function asSignedInBrowser(): Promise<{ sid: string; jwt: string }> {
  const s = await signInAlice();
  const client = (await c.fapi('GET', '/client')).json.response;
  c.cookies.set('__session', s.jwt);
  c.cookies.set('__client_uat', String(Math.floor(client.updated_at / 1000)));
  return s;
}

const claims = (jwt: string) => JSON.parse(Buffer.from(jwt.split('.')[1]!, 'base64url').toString()) as Record<string, any>;

describe('session tokens and JWKS', () => {
  it('tokens are RS256 with the kid of the JWKS key and Clerk\'s claims', async () => {
    const { sid, jwt } = await signInAlice();
    const header = JSON.parse(Buffer.from(jwt.split('.')[0]!, 'base64url').toString());
    const jwks = (await (await fetch(`${emu.backendApiUrl}/v1/jwks`, { headers: bearer(emu.secretKey) })).json()) as any;
    assert.equal(header.alg, 'RS256');
    assert.deepEqual(jwks.keys.map((k: any) => [k.kid, k.kty, k.alg, k.use]), [[header.kid, 'RSA', 'RS256', 'sig']]);
    const p = claims(jwt);
    assert.deepEqual([p.sub, p.sid, p.iss, p.azp], ['user_alice', sid, `https://${Buffer.from(EMULATOR_PUBLISHABLE_KEY.slice(8), 'base64').toString().slice(0, -1)}`, emu.url]);
    assert.ok(p.nbf <= p.iat && p.iat < p.exp && p.exp - p.iat === 60);
  });

  it('verifyToken from @clerk/backend accepts them through the JWKS (and with the PEM jwtKey), and refuses a forged one', async () => {
    const { jwt } = await signInAlice();
    const viaJwks = await verifyToken(jwt, { secretKey: emu.secretKey, apiUrl: emu.backendApiUrl, authorizedParties: [emu.url] });
    assert.equal(viaJwks.sub, 'user_alice');
    const viaPem = await verifyToken(jwt, { jwtKey: emu.jwtKey, authorizedParties: [emu.url] });
    assert.equal(viaPem.sid, c.sessionId);
    const [h, , s] = jwt.split('.');
    const forged = `${h}.${Buffer.from(JSON.stringify({ ...claims(jwt), sub: 'user_bob' })).toString('base64url')}.${s}`;
    await assert.rejects(verifyToken(forged, { jwtKey: emu.jwtKey }), /signature/i);
    await assert.rejects(verifyToken(jwt, { jwtKey: emu.jwtKey, authorizedParties: ['https://elsewhere.example'] }), /azp|authorized part/i);
  });

  it('the session cookie the page holds is the same signed token', async () => {
    await signInAlice();
    const client = (await c.fapi('GET', '/client')).json.response;
    const last = client.sessions[0].last_active_token.jwt;
    assert.equal((await verifyToken(last, { jwtKey: emu.jwtKey })).sub, 'user_alice');
  });
});

describe('Backend API (for @clerk/backend)', () => {
  it('answers content-type application/json exactly (@clerk/backend parses nothing else)', async () => {
    const r = await fetch(`${emu.backendApiUrl}/v1/jwks`, { headers: bearer(emu.secretKey) });
    assert.equal(r.headers.get('content-type'), 'application/json');
    assert.equal((await fetch(`${emu.backendApiUrl}/v1/jwks`)).headers.get('content-type'), 'application/json');
  });

  it('needs the secret key: a wrong or missing one is 401 clerk_key_invalid, as Clerk answers', async () => {
    for (const headers of [bearer('sk_test_wrong'), {}, { authorization: emu.secretKey }]) {
      const r = await fetch(`${emu.backendApiUrl}/v1/jwks`, { headers });
      assert.equal(r.status, 401);
      const body = (await r.json()) as any;
      assert.equal(body.errors[0].code, 'clerk_key_invalid');
      assert.match(body.errors[0].message, /Secret Key is invalid/);
    }
    assert.equal((await fetch(`${emu.backendApiUrl}/v1/nope`, { headers: bearer(emu.secretKey) })).status, 404);
    assert.equal((await fetch(`${emu.backendApiUrl}/v1/nope`)).status, 401, 'the key is checked first');
    assert.match(emu.secretKey, /^sk_test_emulator/);
    await assert.rejects(verifyToken((await signInAlice()).jwt, { secretKey: 'sk_test_wrong', apiUrl: emu.backendApiUrl }), /secret key|jwk|401/i);
  });

  it('users.getUserOauthAccessToken: the token issued at consent, with its scopes; the provider API answers it', async () => {
    await signInAlice();
    const clerk = createClerkClient({ secretKey: emu.secretKey, publishableKey: EMULATOR_PUBLISHABLE_KEY, apiUrl: emu.backendApiUrl });
    const { data, totalCount } = await clerk.users.getUserOauthAccessToken('user_alice', 'google');
    assert.equal(totalCount, 1);
    assert.equal(data[0]!.provider, 'oauth_google');
    assert.deepEqual(data[0]!.scopes, ['openid', 'email', 'profile']);
    const google = (await c.fapi('GET', '/me')).json.response.external_accounts[0];
    assert.equal(data[0]!.externalAccountId, google.id);
    const me = await fetch(`${emu.url}/fake-idp/api/me`, { headers: bearer(data[0]!.token) });
    assert.equal(me.status, 200);
    assert.deepEqual(await me.json(), {
      provider: 'google',
      id: 'google-alice',
      email: 'alice@example.com',
      name: 'Alice Example',
      given_name: 'Alice',
      family_name: 'Example',
      username: 'alice',
      picture: '',
      scopes: ['openid', 'email', 'profile'],
    });
    assert.deepEqual((await clerk.users.getUserOauthAccessToken('user_alice', 'github')).data, [], 'no GitHub connection');
    await assert.rejects(clerk.users.getUserOauthAccessToken('user_nobody', 'google'), (e: any) => e.status === 404);
    const wrongKey = createClerkClient({ secretKey: 'sk_test_wrong', apiUrl: emu.backendApiUrl });
    await assert.rejects(wrongKey.users.getUserOauthAccessToken('user_alice', 'google'), (e: any) => e.status === 401 && e.errors[0].code === 'clerk_key_invalid');
  });

  it('a reauthorization issues a new token with the new scopes; a failed connection has none; an expired one is refreshed', async () => {
    await signInAlice();
    const clerk = createClerkClient({ secretKey: emu.secretKey, apiUrl: emu.backendApiUrl });
    const before = (await clerk.users.getUserOauthAccessToken('user_alice', 'google')).data[0]!.token;
    const google = (await c.fapi('GET', '/me')).json.response.external_accounts[0];
    const re = await c.fapi('PATCH', `/me/external_accounts/${google.id}/reauthorize`, { redirect_url: `${emu.url}/account`, additional_scope: ['drive.readonly'] });
    await c.consent(re.json.response.verification.external_verification_redirect_url, 'user:user_alice');
    const after = (await clerk.users.getUserOauthAccessToken('user_alice', 'google')).data[0]!;
    assert.notEqual(after.token, before);
    assert.deepEqual(after.scopes, ['openid', 'email', 'profile', 'drive.readonly']);
    emu.world.store.data.providerTokens[after.token]!.expiresAt = Date.now() - 1;
    assert.equal((await fetch(`${emu.url}/fake-idp/api/me`, { headers: bearer(after.token) })).status, 401, 'expired at the provider');
    const refreshed = (await clerk.users.getUserOauthAccessToken('user_alice', 'google')).data[0]!;
    assert.notEqual(refreshed.token, after.token);
    assert.equal((await fetch(`${emu.url}/fake-idp/api/me`, { headers: bearer(refreshed.token) })).status, 200);

    emu.reset({ users: [{ id: 'user_err', emailAddress: 'err@example.com', externalAccounts: [{ provider: 'google', errorCode: 'external_account_missing_refresh_token' }] }] });
    assert.deepEqual((await clerk.users.getUserOauthAccessToken('user_err', 'google')).data, []);
  });

  it('the provider API refuses a missing or unknown token with 401 invalid_token', async () => {
    for (const headers of [{}, bearer('google_at_nope')]) {
      const r = await fetch(`${emu.url}/fake-idp/api/me`, { headers });
      assert.equal(r.status, 401);
      assert.match(r.headers.get('www-authenticate')!, /^Bearer error="invalid_token"/);
      assert.equal(((await r.json()) as any).error, 'invalid_token');
    }
  });
});

describe('authenticateRequest and the demo route /api/provider-profile', () => {
  it('authenticateRequest signs in the browser from its cookies, with authorizedParties = the origin', async () => {
    const { sid } = await asSignedInBrowser();
    const clerk = createClerkClient({ secretKey: emu.secretKey, publishableKey: EMULATOR_PUBLISHABLE_KEY, apiUrl: emu.backendApiUrl });
    const cookie = [...c.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    assert.match(cookie, /__clerk_db_jwt=dvb_/, 'the dev-browser cookie came with the client');
    const state = await clerk.authenticateRequest(new Request(`${emu.url}/api/x`, { headers: { cookie } }), { authorizedParties: [emu.url] });
    assert.equal(state.isAuthenticated, true, state.reason ?? '');
    assert.deepEqual([state.toAuth()?.userId, state.toAuth()?.sessionId], ['user_alice', sid]);
    const other = await clerk.authenticateRequest(new Request(`${emu.url}/api/x`, { headers: { cookie } }), { authorizedParties: ['https://elsewhere.example'] });
    assert.equal(other.isAuthenticated, false);
  });

  it('signed in: the profile from the provider API, through the user\'s access token', async () => {
    await asSignedInBrowser();
    const r = await c.raw('/api/provider-profile?provider=google');
    assert.equal(r.status, 200);
    const body = (await r.json()) as any;
    assert.deepEqual([body.provider, body.profile.id, body.profile.email, body.scopes], ['google', 'google-alice', 'alice@example.com', ['openid', 'email', 'profile']]);
    const notConnected = await c.raw('/api/provider-profile?provider=github');
    assert.deepEqual([notConnected.status, ((await notConnected.json()) as any).error], [404, 'not_connected']);
    assert.equal((await c.raw('/api/provider-profile?provider=../x')).status, 400);
  });

  it('signed out: 401 JSON, before and after signing out', async () => {
    const anon = await fetch(`${emu.url}/api/provider-profile?provider=google`);
    assert.equal(anon.status, 401);
    assert.match(anon.headers.get('content-type')!, /application\/json/);
    assert.equal(((await anon.json()) as any).error, 'signed_out');
    await asSignedInBrowser();
    c.cookies.set('__session', 'not-a-jwt');
    assert.equal((await c.raw('/api/provider-profile?provider=google')).status, 401, 'a garbage session cookie');
  });

  it('faults reach the backend, provider API and demo routes', async () => {
    await asSignedInBrowser();
    emu.injectFault({ path: '/__clerk_backend/v1/users/*', status: 503 });
    const r = await c.raw('/api/provider-profile?provider=google');
    assert.equal(r.status, 500, 'the route does not handle a Backend API outage: the emulator answers 500');
    emu.injectFault({ path: '/fake-idp/api/me', status: 500 });
    const upstream = await c.raw('/api/provider-profile?provider=google');
    assert.deepEqual([upstream.status, ((await upstream.json()) as any).error], [502, 'provider_error']);
    emu.injectFault({ path: '/api/provider-profile', status: 429 });
    assert.equal((await c.raw('/api/provider-profile?provider=google')).status, 429);
    assert.equal((await c.raw('/api/provider-profile?provider=google')).status, 200);
  });

  it('control: POST /__emulator/sessions/age ages every active session', async () => {
    const { sid } = await signInAlice();
    const r = await fetch(`${emu.url}/__emulator/sessions/age`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ minutes: 30 }) });
    assert.deepEqual(await r.json(), { sessions: 1 });
    assert.deepEqual(claims((await c.fapi('POST', `/client/sessions/${sid}/tokens`)).json.jwt).fva, [30, -1]);
    const bad = await fetch(`${emu.url}/__emulator/sessions/age`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
    assert.equal(bad.status, 400);
  });
});

describe('real-Clerk mode and coverage', () => {
  it('with a real key the demo route is mounted only when a secret key is given (signed out: 401 without any network)', async () => {
    const publishableKey = `pk_test_${Buffer.from('example.clerk.accounts.dev$').toString('base64')}`;
    const without = await startEmulator({ demo: { publishableKey } });
    const withKey = await startEmulator({ demo: { publishableKey, secretKey: 'sk_test_real_instance' } });
    try {
      assert.equal((await fetch(`${without.url}/api/provider-profile?provider=google`)).status, 404);
      const r = await fetch(`${withKey.url}/api/provider-profile?provider=google`);
      assert.equal(r.status, 401);
      assert.equal(((await r.json()) as any).error, 'signed_out');
    } finally {
      await without.close();
      await withKey.close();
    }
  });

  it('every Backend API route was answered successfully by the tests above', () => {
    const missing = BACKEND_ROUTES.map((r) => `${r.method} /__clerk_backend${r.pattern}`).filter((name) => !routesSeen.has(name));
    assert.deepEqual(missing, []);
    for (const name of ['GET /fake-idp/api/me', 'GET /api/provider-profile']) assert.ok(routesSeen.has(name), name);
  });
});
