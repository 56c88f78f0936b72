/* eslint-disable @typescript-eslint/no-explicit-any -- tests probe parsed FAPI JSON field by field */
import { describe, it, before, after, beforeEach } from 'node:test';
import assert from 'node:assert/strict';
import { EMULATOR_PUBLISHABLE_KEY, FAPI_ERRORS, VERIFICATION_CODE, VERIFICATION_ERRORS, fapiRoutes, type RunningEmulator } from '../src/index';
import { EMULATOR_DIR } from '../src/paths';
import { ALICE, FapiClient, TEST_SETTINGS, seen, withEmu } from './helpers';

const ALICE_WITH_BROKEN_GOOGLE = { ...ALICE, externalAccounts: [{ provider: 'google', providerUserId: 'google-alice', errorCode: 'external_account_missing_refresh_token' }, { provider: 'github', providerUserId: 'github-alice' }] };

let emu: RunningEmulator;
let c: FapiClient;
const cb = () => `${emu.url}/sign-in/sso-callback`;
const done = () => `${emu.url}/`;

const routesSeen = new Set<string>();
before(async () => {
  ({ emu } = await withEmu({ settings: TEST_SETTINGS, logRequests: (e) => void (e.route && routesSeen.add(e.route)) }));
});
after(() => emu.close());
beforeEach(() => {
  emu.reset();
  emu.clearLog();
  c = new FapiClient(emu);
});

async function startSignIn(strategy = 'oauth_google') {
  const r = await c.fapi('POST', '/client/sign_ins', { strategy, redirect_url: cb(), action_complete_redirect_url: done() });
  assert.equal(r.status, 200, JSON.stringify(r.json));
  return r.json.response.first_factor_verification.external_verification_redirect_url as string;
}

async function startSignUp(strategy = 'oauth_google', extra: Record<string, string> = {}) {
  const r = await c.fapi('POST', '/client/sign_ups', { strategy, redirect_url: cb(), action_complete_redirect_url: done(), ...extra });
  assert.equal(r.status, 200, JSON.stringify(r.json));
  return r.json.response.verifications.external_account.external_verification_redirect_url as string;
}

/** New Google user through sign-in -> transfer -> sign-up with missing requirements. */
async function newUserSignUp(fields: Record<string, string> = {}) {
  const auth = await startSignIn();
  await c.consent(auth, 'new', { first_name: 'Nina', last_name: 'New', email: 'nina@example.com', ...fields });
  const r = await c.fapi('POST', '/client/sign_ups', { transfer: 'true' });
  assert.equal(r.status, 200, JSON.stringify(r.json));
  return r.json.response;
}

describe('publishable key, script, environment', () => {
  it('exports a pk_test key naming a dotted host', () => {
    assert.match(EMULATOR_PUBLISHABLE_KEY, /^pk_test_/);
    assert.equal(Buffer.from(EMULATOR_PUBLISHABLE_KEY.slice(8), 'base64').toString(), 'clerk.emu.test$');
  });

  it('serves clerk.browser.js and its lazy chunks at the CDN layout under the proxy', async () => {
    const js = await c.raw('/__clerk/npm/@clerk/clerk-js@6/dist/clerk.browser.js');
    assert.equal(js.status, 200);
    assert.match(js.headers.get('content-type')!, /javascript/);
    assert.ok((await js.text()).length > 100_000);
    const chunk = await c.raw('/__clerk/npm/@clerk/clerk-js@6.40.0/dist/vendors_clerk.browser_a68c22_6.40.0.js');
    assert.equal(chunk.status, 200);
    assert.equal((await c.raw('/__clerk/npm/@clerk/clerk-js@6/dist/..%2Fpackage.json')).status, 404);
    assert.equal((await c.raw('/__clerk/npm/@clerk/clerk-js@6/dist/nope.js')).status, 404);
  });

  it('answers the environment with social providers, attributes, legal and URLs', async () => {
    const r = await c.fapi('GET', '/environment');
    assert.equal(r.status, 200);
    const env = r.json;
    assert.equal(env.object, 'environment');
    assert.deepEqual(Object.keys(env.user_settings.social), ['oauth_google', 'oauth_github', 'oauth_custom_acme']);
    assert.equal(env.user_settings.social.oauth_custom_acme.logo_url, `${emu.url}/emulator-assets/providers/custom_acme.svg`);
    assert.equal(env.user_settings.social.oauth_github.logo_url, null);
    assert.equal(env.user_settings.attributes.username.required, true);
    assert.deepEqual(env.user_settings.username_settings, { min_length: 4, max_length: 12 });
    assert.equal(env.user_settings.sign_up.legal_consent_enabled, true);
    assert.equal(env.user_settings.sign_up.captcha_enabled, false);
    assert.equal(env.display_config.sign_in_url, `${emu.url}/sign-in`);
    assert.equal(env.display_config.terms_url, `${emu.url}/terms`);
    // dev instances PATCH it
    assert.equal((await c.fapi('PATCH', '/environment')).status, 200);
    const logo = await c.raw('/emulator-assets/providers/custom_acme.svg');
    assert.equal(logo.status, 200);
    assert.equal(logo.headers.get('content-type'), 'image/svg+xml');
  });

  it('answers dev_browser and a null client before any client exists', async () => {
    const db = await c.fapi('POST', '/dev_browser');
    assert.equal(db.status, 200);
    assert.match(db.json.id, /^dvb_/);
    const r = await c.fapi('GET', '/client');
    assert.deepEqual(r.json, { response: null, client: null });
  });

  it('answers 404 for unknown routes and 405 for a known path with the wrong method', async () => {
    const r = await c.fapi('GET', '/nope');
    assert.equal(r.status, 404);
    assert.equal(r.json.errors[0].code, 'resource_not_found');
    assert.equal((await c.fapi('DELETE', '/environment')).status, 405);
  });
});

describe('sign-in with OAuth', () => {
  it('starts with an unverified verification pointing at the fake provider, sets the __client cookie', async () => {
    const r = await c.fapi('POST', '/client/sign_ins', { strategy: 'oauth_google', redirect_url: cb(), action_complete_redirect_url: done() });
    assert.equal(r.status, 200);
    const si = r.json.response;
    assert.equal(si.object, 'sign_in');
    assert.equal(si.status, 'needs_identifier');
    assert.equal(si.first_factor_verification.status, 'unverified');
    const url = new URL(si.first_factor_verification.external_verification_redirect_url);
    assert.equal(url.pathname, '/oauth/authorize');
    assert.equal(url.searchParams.get('redirect_uri'), `${emu.url}/__clerk/v1/oauth_callback`);
    assert.equal(url.searchParams.get('scope'), 'openid email profile');
    assert.ok(url.searchParams.get('state'));
    assert.ok(c.cookies.get('__client'));
    assert.equal(r.json.client.sign_in.id, si.id);
  });

  it('existing user: callback completes the sign-in and goes straight to action_complete_redirect_url', async () => {
    const auth = await startSignIn();
    const { page, callbackStatus, authorizeHtml } = await c.consent(auth, 'user:user_alice');
    assert.match(authorizeHtml, /Continue as Alice Example/);
    assert.match(authorizeHtml, /<code>email<\/code>/);
    assert.equal(callbackStatus, 302);
    assert.equal(page, done());
    const client = (await c.fapi('GET', '/client')).json.response;
    assert.equal(client.sign_in.status, 'complete');
    assert.equal(client.sessions.length, 1);
    assert.equal(client.sessions[0].user.id, 'user_alice');
    assert.equal(client.last_active_session_id, client.sessions[0].id);
    assert.equal(client.last_authentication_strategy, 'oauth_google');
    assert.equal(client.sign_in.created_session_id, client.sessions[0].id);
  });

  it('signing in again while signed in fails with identifier_already_signed_in and the session id', async () => {
    await c.consent(await startSignIn(), 'user:user_alice');
    const sid = (await c.fapi('GET', '/client')).json.response.last_active_session_id;
    const { page } = await c.consent(await startSignIn(), 'user:user_alice');
    assert.equal(page, cb());
    const ffv = (await c.fapi('GET', '/client')).json.response.sign_in.first_factor_verification;
    assert.equal(ffv.status, 'failed');
    assert.equal(ffv.error.code, 'identifier_already_signed_in');
    assert.equal(ffv.error.meta.session_id, sid);
  });

  it('a new identity with the verified email of a user links to that user', async () => {
    const { page } = await c.consent(await startSignIn('oauth_github'), 'user:user_alice');
    assert.equal(page, done());
    const user = (await c.fapi('GET', '/client')).json.response.sessions[0].user;
    assert.equal(user.id, 'user_alice');
    assert.deepEqual(user.external_accounts.map((a: any) => a.provider).sort(), ['github', 'google']);
  });

  it('new user: transferable external_account_not_found, then sign_ups transfer -> missing_requirements', async () => {
    const { page } = await c.consent(await startSignIn(), 'new', { first_name: 'Nina', last_name: 'New', email: 'nina@example.com' });
    assert.equal(page, cb());
    const si = (await c.fapi('GET', '/client')).json.response.sign_in;
    assert.equal(si.status, 'needs_identifier');
    assert.equal(si.first_factor_verification.status, 'transferable');
    assert.equal(si.first_factor_verification.error.code, 'external_account_not_found');
    const r = await c.fapi('POST', '/client/sign_ups', { transfer: 'true' });
    assert.equal(r.status, 200);
    const su = r.json.response;
    assert.equal(su.status, 'missing_requirements');
    assert.deepEqual(su.missing_fields.sort(), ['legal_accepted', 'username']);
    assert.equal(su.email_address, 'nina@example.com');
    assert.equal(su.first_name, 'Nina');
    assert.equal(su.verifications.external_account.status, 'verified');
    assert.equal(su.verifications.email_address.status, 'verified');
    assert.ok(su.required_fields.includes('username'));
    assert.ok(su.optional_fields.includes('phone_number'));
  });

  it('new user with nothing missing completes on transfer', async () => {
    emu.setSettings({ attributes: { username: { enabled: false, required: false } }, legalConsent: false });
    await c.consent(await startSignIn(), 'new', { email: 'quick@example.com' });
    const r = await c.fapi('POST', '/client/sign_ups', { transfer: 'true' });
    assert.equal(r.json.response.status, 'complete');
    assert.ok(r.json.response.created_session_id);
    assert.equal(r.json.client.sessions[0].user.email_addresses[0].email_address, 'quick@example.com');
    // The finished transfer spent the sign-in: the callback run again finds the complete sign-up, not a second transfer.
    assert.equal(r.json.client.sign_in, null);
    const again = await c.fapi('POST', '/client/sign_ups', { transfer: 'true' });
    assert.deepEqual([again.status, again.json.errors[0].code], [400, 'account_transfer_invalid']);
    assert.equal(Object.values(emu.world.store.data.users).filter((u) => u.emails.some((e) => e.email === 'quick@example.com')).length, 1);
  });

  it('transfer without a transferable sign-in is an error', async () => {
    const r = await c.fapi('POST', '/client/sign_ups', { transfer: 'true' });
    assert.equal(r.status, 400);
    assert.equal(r.json.errors[0].code, 'account_transfer_invalid');
  });

  it('provider denied consent -> failed verification with oauth_access_denied, back to redirect_url', async () => {
    const { page } = await c.consent(await startSignIn(), 'deny');
    assert.equal(page, cb());
    const ffv = (await c.fapi('GET', '/client')).json.response.sign_in.first_factor_verification;
    assert.equal(ffv.status, 'failed');
    assert.equal(ffv.error.code, 'oauth_access_denied');
  });

  it('a wrong or reused state is an error; a state from another client too', async () => {
    const auth = await startSignIn();
    const state = new URL(auth).searchParams.get('state')!;
    const wrong = await c.raw('/__clerk/v1/oauth_callback?code=x&state=bogus');
    assert.equal(wrong.status, 400);
    const wrongCode = ((await wrong.json()) as any).errors[0].code;
    assert.equal(wrongCode, 'oauth_callback_invalid');
    seen.codes.add(wrongCode);
    const page = await c.raw(`/oauth/authorize?state=bogus`);
    assert.equal(page.status, 400);
    assert.match(await page.text(), /role="alert">Unknown or expired <code>state<\/code> parameter\.<\/p><p><a href="http:\/\/127\.0\.0\.1:\d+\/sign-in">Start again from sign-in<\/a>/);
    const other = new FapiClient(emu);
    const stolen = await other.raw(`/__clerk/v1/oauth_callback?code=x&state=${state}`);
    assert.equal(stolen.status, 400);
    await c.consent(auth, 'user:user_alice');
    const reused = await c.raw(`/__clerk/v1/oauth_callback?code=x&state=${state}`);
    assert.equal(reused.status, 400);
  });

  it('a wrong code fails the verification with oauth_token_exchange_error', async () => {
    const state = new URL(await startSignIn()).searchParams.get('state')!;
    const r = await c.raw(`/__clerk/v1/oauth_callback?code=forged&state=${state}`);
    assert.equal(r.status, 302);
    const ffv = (await c.fapi('GET', '/client')).json.response.sign_in.first_factor_verification;
    assert.equal(ffv.error.code, 'oauth_token_exchange_error');
  });

  it('rejects a disabled strategy and a missing redirect_url', async () => {
    const bad = await c.fapi('POST', '/client/sign_ins', { strategy: 'oauth_facebook', redirect_url: cb() });
    assert.equal(bad.status, 422);
    assert.equal(bad.json.errors[0].code, 'form_param_value_invalid');
    assert.equal(bad.json.errors[0].meta.param_name, 'strategy');
    const missing = await c.fapi('POST', '/client/sign_ins', { strategy: 'oauth_google' });
    assert.equal(missing.status, 422);
    assert.equal(missing.json.errors[0].code, 'form_param_missing');
    assert.equal(missing.json.errors[0].meta.param_name, 'redirect_url');
  });

  it('oauth_custom_* strategies work end to end', async () => {
    const { page } = await c.consent(await startSignIn('oauth_custom_acme'), 'user:user_bob');
    assert.equal(page, done());
    const user = (await c.fapi('GET', '/client')).json.response.sessions[0].user;
    assert.ok(user.external_accounts.some((a: any) => a.provider === 'custom_acme'));
  });

  it('reloads the sign-in by id', async () => {
    await startSignIn();
    const id = (await c.fapi('GET', '/client')).json.response.sign_in.id;
    const r = await c.fapi('GET', `/client/sign_ins/${id}`);
    assert.equal(r.json.response.id, id);
    assert.equal((await c.fapi('GET', '/client/sign_ins/sia_nope')).status, 404);
  });
});

describe('sign-up with OAuth', () => {
  it('existing user on sign-up -> transferable external_account_exists -> sign_ins transfer completes', async () => {
    const { page } = await c.consent(await startSignUp(), 'user:user_alice');
    assert.equal(page, cb());
    const su = (await c.fapi('GET', '/client')).json.response.sign_up;
    assert.equal(su.verifications.external_account.status, 'transferable');
    assert.equal(su.verifications.external_account.error.code, 'external_account_exists');
    const r = await c.fapi('POST', '/client/sign_ins', { transfer: 'true' });
    assert.equal(r.status, 200);
    assert.equal(r.json.response.status, 'complete');
    assert.equal(r.json.client.sessions[0].user.id, 'user_alice');
  });

  it('new user on sign-up: missing requirements, then update fills them and completes', async () => {
    const { page } = await c.consent(await startSignUp('oauth_google', { unsafe_metadata: '{"plan":"pro"}' }), 'new', { email: 'sam@example.com', first_name: 'Sam' });
    assert.equal(page, cb());
    const su = (await c.fapi('GET', '/client')).json.response.sign_up;
    assert.equal(su.status, 'missing_requirements');
    assert.deepEqual(su.missing_fields.sort(), ['legal_accepted', 'username']);
    assert.deepEqual(su.unsafe_metadata, { plan: 'pro' });
    const r = await c.fapi('PATCH', `/client/sign_ups/${su.id}`, { username: 'sammy', legal_accepted: 'true' });
    assert.equal(r.status, 200);
    assert.equal(r.json.response.status, 'complete');
    const user = r.json.client.sessions[0].user;
    assert.equal(user.username, 'sammy');
    assert.ok(user.legal_accepted_at);
    assert.deepEqual(user.unsafe_metadata, { plan: 'pro' });
    assert.equal(user.external_accounts[0].provider, 'google');
  });

  it('sign-up completing in the callback goes to action_complete_redirect_url', async () => {
    emu.setSettings({ attributes: { username: { enabled: false, required: false } }, legalConsent: false });
    const { page } = await c.consent(await startSignUp(), 'new', { email: 'fast@example.com' });
    assert.equal(page, done());
    assert.equal((await c.fapi('GET', '/client')).json.response.sign_up.status, 'complete');
  });

  it('denied consent on sign-up fails the external account verification', async () => {
    await c.consent(await startSignUp(), 'deny');
    const ea = (await c.fapi('GET', '/client')).json.response.sign_up.verifications.external_account;
    assert.equal(ea.status, 'failed');
    assert.equal(ea.error.code, 'oauth_access_denied');
  });

  it('sign_ins transfer without a transferable sign-up is an error', async () => {
    const r = await c.fapi('POST', '/client/sign_ins', { transfer: 'true' });
    assert.equal(r.status, 400);
    assert.equal(r.json.errors[0].code, 'account_transfer_invalid');
  });
});

describe('sign-up update: field rules and error codes', () => {
  it('username too short / too long -> form_username_invalid_length on username', async () => {
    const su = await newUserSignUp();
    for (const username of ['abc', 'abcdefghijklm']) {
      const r = await c.fapi('PATCH', `/client/sign_ups/${su.id}`, { username });
      assert.equal(r.status, 422);
      assert.equal(r.json.errors[0].code, 'form_username_invalid_length');
      assert.equal(r.json.errors[0].meta.param_name, 'username');
      assert.match(r.json.errors[0].long_message, /between 4 and 12/);
      assert.equal(r.json.meta.client.sign_up.username, null);
    }
  });

  it('username taken (any case) -> form_identifier_exists on username', async () => {
    const su = await newUserSignUp();
    const r = await c.fapi('PATCH', `/client/sign_ups/${su.id}`, { username: 'ALICE' });
    assert.equal(r.status, 422);
    assert.equal(r.json.errors[0].code, 'form_identifier_exists');
    assert.equal(r.json.errors[0].meta.param_name, 'username');
  });

  it('bad characters -> form_username_invalid_character', async () => {
    const su = await newUserSignUp();
    const r = await c.fapi('PATCH', `/client/sign_ups/${su.id}`, { username: 'no spaces' });
    assert.equal(r.json.errors[0].code, 'form_username_invalid_character');
  });

  it('reports every invalid field at once', async () => {
    const su = await newUserSignUp();
    const r = await c.fapi('PATCH', `/client/sign_ups/${su.id}`, { username: 'ab', phone_number: '12' });
    assert.deepEqual(r.json.errors.map((e: any) => e.meta.param_name), ['username', 'phone_number']);
  });

  it('names are stored; required names become missing fields', async () => {
    emu.setSettings({ attributes: { first_name: { enabled: true, required: true }, last_name: { enabled: true, required: true } } });
    const su = await newUserSignUp({ first_name: '', last_name: '' });
    assert.ok(su.missing_fields.includes('first_name'));
    assert.ok(su.missing_fields.includes('last_name'));
    const r = await c.fapi('PATCH', `/client/sign_ups/${su.id}`, { first_name: 'Nina', last_name: 'New' });
    assert.equal(r.json.response.first_name, 'Nina');
    assert.ok(!r.json.response.missing_fields.includes('first_name'));
  });

  it('legal_accepted=true sets legal_accepted_at and clears the missing field', async () => {
    const su = await newUserSignUp();
    const r = await c.fapi('PATCH', `/client/sign_ups/${su.id}`, { legal_accepted: 'true' });
    assert.ok(r.json.response.legal_accepted_at);
    assert.deepEqual(r.json.response.missing_fields, ['username']);
  });

  it('phone: format check, prepare, wrong code, right code 424242, then complete', async () => {
    emu.setSettings({ attributes: { phone_number: { enabled: true, required: true } } });
    const su = await newUserSignUp();
    assert.ok(su.missing_fields.includes('phone_number'));
    const badPhone = await c.fapi('PATCH', `/client/sign_ups/${su.id}`, { phone_number: '555-1234' });
    assert.equal(badPhone.json.errors[0].code, 'form_param_format_invalid');
    assert.equal(badPhone.json.errors[0].meta.param_name, 'phone_number');
    const upd = await c.fapi('PATCH', `/client/sign_ups/${su.id}`, { phone_number: '+15555550100', username: 'ninanew', legal_accepted: 'true' });
    assert.equal(upd.status, 200);
    assert.equal(upd.json.response.status, 'missing_requirements');
    assert.deepEqual(upd.json.response.missing_fields, []);
    assert.deepEqual(upd.json.response.unverified_fields, ['phone_number']);
    const early = await c.fapi('POST', `/client/sign_ups/${su.id}/attempt_verification`, { strategy: 'phone_code', code: VERIFICATION_CODE });
    assert.equal(early.json.errors[0].code, 'verification_missing');
    const prep = await c.fapi('POST', `/client/sign_ups/${su.id}/prepare_verification`, { strategy: 'phone_code' });
    assert.equal(prep.json.response.verifications.phone_number.status, 'unverified');
    assert.equal(prep.json.response.verifications.phone_number.next_action, 'needs_attempt');
    const wrong = await c.fapi('POST', `/client/sign_ups/${su.id}/attempt_verification`, { strategy: 'phone_code', code: '000000' });
    assert.equal(wrong.status, 422);
    assert.equal(wrong.json.errors[0].code, 'form_code_incorrect');
    assert.equal(wrong.json.errors[0].meta.param_name, 'code');
    const right = await c.fapi('POST', `/client/sign_ups/${su.id}/attempt_verification`, { strategy: 'phone_code', code: '424242' });
    assert.equal(right.status, 200);
    assert.equal(right.json.response.status, 'complete');
    assert.equal(right.json.client.sessions[0].user.phone_numbers[0].phone_number, '+15555550100');
  });

  it('too many wrong codes fail the verification', async () => {
    emu.setSettings({ attributes: { phone_number: { enabled: true, required: true } } });
    const su = await newUserSignUp();
    await c.fapi('PATCH', `/client/sign_ups/${su.id}`, { phone_number: '+15555550101' });
    await c.fapi('POST', `/client/sign_ups/${su.id}/prepare_verification`, { strategy: 'phone_code' });
    for (let i = 0; i < 3; i++) await c.fapi('POST', `/client/sign_ups/${su.id}/attempt_verification`, { strategy: 'phone_code', code: '111111' });
    const r = await c.fapi('POST', `/client/sign_ups/${su.id}/attempt_verification`, { strategy: 'phone_code', code: '424242' });
    assert.equal(r.json.errors[0].code, 'verification_failed');
  });

  it('email code verification for a typed email', async () => {
    emu.setSettings({ attributes: { username: { enabled: false, required: false } }, legalConsent: false });
    await c.consent(await startSignIn(), 'new', { email: '' });
    const su = (await c.fapi('POST', '/client/sign_ups', { transfer: 'true' })).json.response;
    assert.deepEqual(su.missing_fields, ['email_address']);
    const taken = await c.fapi('PATCH', `/client/sign_ups/${su.id}`, { email_address: 'alice@example.com' });
    assert.equal(taken.json.errors[0].code, 'form_identifier_exists');
    assert.equal(taken.json.errors[0].meta.param_name, 'email_address');
    const upd = await c.fapi('PATCH', `/client/sign_ups/${su.id}`, { email_address: 'typed@example.com' });
    assert.deepEqual(upd.json.response.unverified_fields, ['email_address']);
    await c.fapi('POST', `/client/sign_ups/${su.id}/prepare_verification`, { strategy: 'email_code' });
    const ok = await c.fapi('POST', `/client/sign_ups/${su.id}/attempt_verification`, { strategy: 'email_code', code: '424242' });
    assert.equal(ok.json.response.status, 'complete');
  });

  it('updating a sign-up of another client is resource_not_found', async () => {
    const su = await newUserSignUp();
    const other = new FapiClient(emu);
    const r = await other.fapi('PATCH', `/client/sign_ups/${su.id}`, { username: 'whatever' });
    assert.equal(r.status, 404);
    assert.equal(r.json.errors[0].code, 'resource_not_found');
  });
});

describe('sessions, tokens, sign-out, me', () => {
  async function signInAlice() {
    await c.consent(await startSignIn(), 'user:user_alice');
    const client = (await c.fapi('GET', '/client')).json.response;
    c.sessionId = client.last_active_session_id;
    return client.last_active_session_id as string;
  }

  it('touch, tokens (well-formed JWT with sid/sub/iat/exp)', async () => {
    const sid = await signInAlice();
    const touch = await c.fapi('POST', `/client/sessions/${sid}/touch`, { active_organization_id: '' });
    assert.equal(touch.status, 200);
    assert.equal(touch.json.response.id, sid);
    const tok = await c.fapi('POST', `/client/sessions/${sid}/tokens`);
    assert.equal(tok.json.object, 'token');
    const [h, p, s] = tok.json.jwt.split('.');
    assert.ok(h && p && s);
    const claims = JSON.parse(Buffer.from(p, 'base64url').toString());
    assert.equal(claims.sid, sid);
    assert.equal(claims.sub, 'user_alice');
    assert.ok(claims.exp > claims.iat);
    assert.equal((await c.fapi('POST', `/client/sessions/sess_nope/tokens`)).status, 404);
  });

  it('me returns the user; without a session it is 401', async () => {
    const anon = await c.fapi('GET', '/me');
    assert.equal(anon.status, 401);
    await signInAlice();
    const me = await c.fapi('GET', '/me');
    assert.equal(me.json.response.id, 'user_alice');
    assert.equal(me.json.response.external_accounts[0].provider, 'google');
  });

  it('sign-out (DELETE /client/sessions) ends every session', async () => {
    await signInAlice();
    const r = await c.fapi('DELETE', '/client/sessions');
    assert.equal(r.status, 200);
    assert.deepEqual(r.json.client.sessions, []);
    assert.equal(r.json.client.last_active_session_id, null);
    assert.equal((await c.fapi('GET', '/me')).status, 401);
  });

  it('remove / end one session', async () => {
    const sid = await signInAlice();
    const r = await c.fapi('POST', `/client/sessions/${sid}/remove`);
    assert.equal(r.json.response.status, 'removed');
    assert.deepEqual(r.json.client.sessions, []);
    const touch = await c.fapi('POST', `/client/sessions/${sid}/touch`);
    assert.equal(touch.status, 400);
    assert.equal(touch.json.errors[0].code, 'invalid_action_for_session');
    assert.equal((await c.fapi('POST', `/client/sessions/sess_unknown/touch`)).json.errors[0].code, 'resource_not_found');
  });

  it('PATCH /me username with the same rules', async () => {
    await signInAlice();
    const taken = await c.fapi('PATCH', '/me', { username: 'bob_builder' });
    assert.equal(taken.json.errors[0].code, 'form_identifier_exists');
    const ok = await c.fapi('PATCH', '/me', { username: 'alice2' });
    assert.equal(ok.json.response.username, 'alice2');
  });

  it('client touch redirect and client destroy', async () => {
    await signInAlice();
    const touch = await c.raw('/__clerk/v1/client/touch?redirect_url=' + encodeURIComponent(done()));
    assert.equal(touch.status, 302);
    assert.equal(touch.headers.get('location'), done());
    const del = await c.fapi('DELETE', '/client');
    assert.equal(del.status, 200);
    assert.equal(c.cookies.has('__client'), false);
    assert.deepEqual((await c.fapi('GET', '/client')).json, { response: null, client: null });
  });

  it('clientCookieDays sets cookie_expires_at (8 days or fewer: clerk-js refreshes it through /client/touch)', async () => {
    const expiresIn = async () => {
      const r = await c.fapi('GET', '/client');
      return (r.json.response.cookie_expires_at - r.json.response.created_at) / (24 * 3600_000);
    };
    await signInAlice();
    assert.equal(await expiresIn(), 365);
    emu.setSettings({ clientCookieDays: 7 });
    assert.equal(await expiresIn(), 7);
    assert.throws(() => emu.setSettings({ clientCookieDays: 0 }), /clientCookieDays/);
  });
});

describe('external accounts', () => {
  async function signIn(choice = 'user:user_alice') {
    await c.consent(await startSignIn(), choice);
    c.sessionId = (await c.fapi('GET', '/client')).json.response.last_active_session_id;
  }
  it('connect: create returns a verification to the fake provider; consent verifies it', async () => {
    await signIn();
    const r = await c.fapi('POST', '/me/external_accounts', { strategy: 'oauth_github', redirect_url: `${emu.url}/account`, additional_scope: ['repo', 'read:org'] });
    assert.equal(r.status, 200);
    const ea = r.json.response;
    assert.equal(ea.object, 'external_account');
    assert.equal(ea.provider, 'github');
    assert.equal(ea.verification.status, 'unverified');
    const auth = ea.verification.external_verification_redirect_url;
    assert.match(new URL(auth).searchParams.get('scope')!, /repo read:org/);
    const { page } = await c.consent(auth, 'new', { email: 'alice.gh@example.com' });
    assert.equal(page, `${emu.url}/account`);
    const me = (await c.fapi('GET', '/me')).json.response;
    const gh = me.external_accounts.find((a: any) => a.id === ea.id);
    assert.equal(gh.verification.status, 'verified');
    assert.equal(gh.email_address, 'alice.gh@example.com');
    assert.match(gh.approved_scopes, /repo/);
  });

  it('connecting an account linked to another user -> external_account_exists', async () => {
    await signIn();
    const ea = (await c.fapi('POST', '/me/external_accounts', { strategy: 'oauth_github', redirect_url: `${emu.url}/account` })).json.response;
    await c.consent(ea.verification.external_verification_redirect_url, 'user:user_bob');
    const me = (await c.fapi('GET', '/me')).json.response;
    const gh = me.external_accounts.find((a: any) => a.id === ea.id);
    assert.equal(gh.verification.status, 'failed');
    assert.equal(gh.verification.error.code, 'external_account_exists');
  });

  it('connect denied -> oauth_access_denied on the account', async () => {
    await signIn();
    const ea = (await c.fapi('POST', '/me/external_accounts', { strategy: 'oauth_github', redirect_url: `${emu.url}/account` })).json.response;
    await c.consent(ea.verification.external_verification_redirect_url, 'deny');
    const gh = (await c.fapi('GET', '/me')).json.response.external_accounts.find((a: any) => a.id === ea.id);
    assert.equal(gh.verification.error.code, 'oauth_access_denied');
  });

  it('reauthorize with additional scopes: the page shows only the owner, scopes are added', async () => {
    await signIn();
    const google = (await c.fapi('GET', '/me')).json.response.external_accounts[0];
    const r = await c.fapi('PATCH', `/me/external_accounts/${google.id}/reauthorize`, { redirect_url: `${emu.url}/account`, additional_scope: ['https://www.googleapis.com/auth/drive.readonly'] });
    assert.equal(r.status, 200);
    const auth = r.json.response.verification.external_verification_redirect_url;
    const { authorizeHtml, page } = await c.consent(auth, 'user:user_alice');
    assert.doesNotMatch(authorizeHtml, /Bob Builder|Continue as a new user/);
    assert.match(authorizeHtml, /drive\.readonly/);
    assert.equal(page, `${emu.url}/account`);
    const after = (await c.fapi('GET', '/me')).json.response.external_accounts[0];
    assert.match(after.approved_scopes, /drive\.readonly/);
    assert.match(after.approved_scopes, /openid/);
    assert.equal(after.verification.status, 'verified');
  });

  it('delete removes it; unknown id -> external_account_not_found', async () => {
    await signIn();
    const google = (await c.fapi('GET', '/me')).json.response.external_accounts[0];
    const del = await c.fapi('DELETE', `/me/external_accounts/${google.id}`);
    assert.equal(del.status, 200);
    assert.equal(del.json.response.deleted, true);
    assert.deepEqual((await c.fapi('GET', '/me')).json.response.external_accounts, []);
    const again = await c.fapi('DELETE', `/me/external_accounts/${google.id}`);
    assert.equal(again.status, 404);
    assert.equal(again.json.errors[0].code, 'external_account_not_found');
  });

  it('requires a session', async () => {
    const r = await c.fapi('POST', '/me/external_accounts', { strategy: 'oauth_github', redirect_url: `${emu.url}/account` });
    assert.equal(r.status, 401);
  });

  it('seeded accounts can carry an error code', async () => {
    emu.reset({ users: [{ id: 'user_err', emailAddress: 'err@example.com', username: 'errr', externalAccounts: [{ provider: 'google', errorCode: 'external_account_missing_refresh_token' }] }] });
    await signIn('user:user_err');
    const ea = (await c.fapi('GET', '/me')).json.response.external_accounts[0];
    assert.equal(ea.verification.error.code, 'external_account_missing_refresh_token');
  });
});

describe('connected accounts (what <connected-accounts> needs)', () => {
  const account = () => `${emu.url}/account`;
  async function signIn(choice = 'user:user_alice') {
    await c.consent(await startSignIn(), choice);
    c.sessionId = (await c.fapi('GET', '/client')).json.response.last_active_session_id;
    return c.sessionId!;
  }
  const accounts = async () => (await c.fapi('GET', '/me')).json.response.external_accounts as any[];

  it('connect: approved scopes are the default scopes plus the additional ones; oidc_prompt reaches the provider as prompt', async () => {
    await signIn();
    const r = await c.fapi('POST', '/me/external_accounts', { strategy: 'oauth_github', redirect_url: account(), additional_scope: ['repo'], oidc_prompt: 'consent' });
    const url = new URL(r.json.response.verification.external_verification_redirect_url);
    assert.equal(url.pathname, '/oauth/authorize');
    assert.equal(url.searchParams.get('prompt'), 'consent');
    assert.equal(url.searchParams.get('scope'), 'openid email profile repo', 'TEST_SETTINGS github has no defaultScopes: the fallback ones');
    await c.consent(url.toString(), 'new', { email: 'alice.gh@example.com' });
    const gh = (await accounts()).find((a) => a.provider === 'github');
    assert.deepEqual([gh.verification.status, gh.approved_scopes], ['verified', 'openid email profile repo']);
  });

  it('the connection of another user: external_account_exists with Clerk-like wording, browser back on redirect_url', async () => {
    await signIn();
    const ea = (await c.fapi('POST', '/me/external_accounts', { strategy: 'oauth_github', redirect_url: account() })).json.response;
    const { page } = await c.consent(ea.verification.external_verification_redirect_url, 'user:user_bob');
    assert.equal(page, account());
    const gh = (await accounts()).find((a) => a.id === ea.id);
    assert.deepEqual([gh.verification.status, gh.verification.error.code, gh.verification.error.message], ['failed', 'external_account_exists', 'This account is already connected to another user.']);
  });

  it('denied consent: failed + oauth_access_denied, back on redirect_url', async () => {
    await signIn();
    const ea = (await c.fapi('POST', '/me/external_accounts', { strategy: 'oauth_custom_acme', redirect_url: account() })).json.response;
    assert.equal(ea.provider, 'custom_acme');
    const { page } = await c.consent(ea.verification.external_verification_redirect_url, 'deny');
    assert.equal(page, account());
    const acme = (await accounts()).find((a) => a.id === ea.id);
    assert.deepEqual([acme.verification.status, acme.verification.error.code], ['failed', 'oauth_access_denied']);
  });

  it('a failed connection is served as failed + error, and reconnecting the same strategy replaces it', async () => {
    emu.reset({ users: [{ ...ALICE_WITH_BROKEN_GOOGLE }] });
    await c.consent(await startSignIn('oauth_github'), 'user:user_alice');
    c.sessionId = (await c.fapi('GET', '/client')).json.response.last_active_session_id;
    const broken = (await accounts()).find((a) => a.provider === 'google');
    assert.equal(broken.verification.status, 'failed');
    assert.equal(broken.verification.error.code, 'external_account_missing_refresh_token');
    assert.match(broken.verification.error.long_message, /Reconnect/);
    const fresh = (await c.fapi('POST', '/me/external_accounts', { strategy: 'oauth_google', redirect_url: account(), oidc_prompt: 'consent' })).json.response;
    await c.consent(fresh.verification.external_verification_redirect_url, 'user:user_alice');
    const google = (await accounts()).filter((a) => a.provider === 'google');
    assert.deepEqual(google.map((a) => [a.id, a.verification.status, a.provider_user_id]), [[fresh.id, 'verified', 'google-alice']]);
  });

  it('connecting an identity already verified on your own profile fails (already connected), the old one stays', async () => {
    await signIn();
    const before = (await accounts()).find((a) => a.provider === 'google');
    const again = (await c.fapi('POST', '/me/external_accounts', { strategy: 'oauth_google', redirect_url: account() })).json.response;
    await c.consent(again.verification.external_verification_redirect_url, 'user:user_alice');
    const list = await accounts();
    assert.equal(list.find((a) => a.id === before.id).verification.status, 'verified');
    assert.equal(list.find((a) => a.id === again.id).verification.error.code, 'external_account_exists');
  });

  it('connect-only providers: in social and socialProviderStrategies material, not authenticatable; connect works, sign-in/up does not', async () => {
    emu.setSettings({ providers: [...TEST_SETTINGS.providers, { strategy: 'oauth_notion', name: 'Notion', logoUrl: '/emulator-assets/providers/notion.svg', authenticatable: false, defaultScopes: ['read_content'] }] });
    const env = (await c.fapi('GET', '/environment')).json;
    assert.deepEqual(env.user_settings.social.oauth_notion, { enabled: true, required: false, authenticatable: false, strategy: 'oauth_notion', name: 'Notion', logo_url: `${emu.url}/emulator-assets/providers/notion.svg` });
    assert.deepEqual(env.user_settings.social.oauth_custom_acme, { enabled: true, required: false, authenticatable: true, strategy: 'oauth_custom_acme', name: 'Acme SSO', logo_url: `${emu.url}/emulator-assets/providers/custom_acme.svg` });
    const signInWith = await c.fapi('POST', '/client/sign_ins', { strategy: 'oauth_notion', redirect_url: cb() });
    assert.deepEqual([signInWith.status, signInWith.json.errors[0].code, signInWith.json.errors[0].meta.param_name], [422, 'form_param_value_invalid', 'strategy']);
    const signUpWith = await c.fapi('POST', '/client/sign_ups', { strategy: 'oauth_notion', redirect_url: cb() });
    assert.equal(signUpWith.status, 422);
    await signIn();
    const ea = (await c.fapi('POST', '/me/external_accounts', { strategy: 'oauth_notion', redirect_url: account() })).json.response;
    assert.equal(new URL(ea.verification.external_verification_redirect_url).searchParams.get('scope'), 'read_content');
    await c.consent(ea.verification.external_verification_redirect_url, 'user:user_alice');
    const notion = (await accounts()).find((a) => a.provider === 'notion');
    assert.deepEqual([notion.verification.status, notion.approved_scopes, notion.email_address], ['verified', 'read_content', 'alice@example.com']);
    const disabled = await c.fapi('POST', '/me/external_accounts', { strategy: 'oauth_apple', redirect_url: account() });
    assert.equal(disabled.json.errors[0].code, 'form_param_value_invalid', 'a provider the instance does not have');
  });

  it('the default settings file has a connect-only Notion and the custom Acme provider', async () => {
    const { emu: other, client } = await withEmu({ settings: `${EMULATOR_DIR}/settings/default.json` });
    try {
      const social = (await client.fapi('GET', '/environment')).json.user_settings.social;
      assert.equal(social.oauth_notion.authenticatable, false);
      assert.equal(social.oauth_custom_acme.name, 'Acme SSO');
      assert.deepEqual(Object.values(social).filter((p: any) => p.authenticatable).length, 5, 'the five sign-in buttons stay');
    } finally {
      await other.close();
    }
  });
});

describe('reverification', () => {
  async function signIn() {
    await c.consent(await startSignIn(), 'user:user_alice');
    const client = (await c.fapi('GET', '/client')).json.response;
    c.sessionId = client.last_active_session_id;
    return client.last_active_session_id as string;
  }

  it('off by default; when on, a fresh sign-in may connect and remove', async () => {
    assert.equal((await c.fapi('GET', '/environment')).json.auth_config.reverification, false);
    emu.setSettings({ reverification: true });
    assert.equal((await c.fapi('GET', '/environment')).json.auth_config.reverification, true);
    await signIn();
    const r = await c.fapi('POST', '/me/external_accounts', { strategy: 'oauth_github', redirect_url: `${emu.url}/account` });
    assert.equal(r.status, 200);
    assert.equal((await c.fapi('DELETE', `/me/external_accounts/${r.json.response.id}`)).status, 200);
  });

  it('an old verification: connect and remove answer 403 session_reverification_required with the level; password reverification lifts it', async () => {
    emu.setSettings({ reverification: { afterMinutes: 10 } });
    const sid = await signIn();
    assert.equal(emu.ageSessions(11), 1);
    const client = (await c.fapi('GET', '/client')).json.response;
    assert.deepEqual(client.sessions[0].factor_verification_age, [11, -1]);
    const connect = await c.fapi('POST', '/me/external_accounts', { strategy: 'oauth_github', redirect_url: `${emu.url}/account` });
    assert.equal(connect.status, 403);
    assert.equal(connect.json.errors[0].code, 'session_reverification_required');
    assert.deepEqual(connect.json.errors[0].meta, { reverification: { level: 'first_factor', after_minutes: 10 } });
    const google = client.sessions[0].user.external_accounts[0];
    assert.equal((await c.fapi('DELETE', `/me/external_accounts/${google.id}`)).json.errors[0].code, 'session_reverification_required');
    assert.equal((await c.fapi('GET', '/me')).json.response.external_accounts.length, 1, 'nothing removed');

    const start = await c.fapi('POST', `/client/sessions/${sid}/verify`, { level: 'first_factor' });
    assert.equal(start.status, 200);
    const sv = start.json.response;
    assert.deepEqual([sv.object, sv.status, sv.level, sv.session.id], ['session_verification', 'needs_first_factor', 'first_factor', sid]);
    assert.deepEqual(sv.supported_first_factors.map((f: any) => f.strategy), ['password', 'email_code']);
    assert.equal(start.json.client.sessions[0].user.password_enabled, true);
    const wrong = await c.fapi('POST', `/client/sessions/${sid}/verify/attempt_first_factor`, { strategy: 'password', password: 'Tr0ub4dor&3' });
    assert.deepEqual([wrong.status, wrong.json.errors[0].code, wrong.json.errors[0].meta.param_name], [422, 'form_password_incorrect', 'password']);
    const right = await c.fapi('POST', `/client/sessions/${sid}/verify/attempt_first_factor`, { strategy: 'password', password: 'correct horse battery staple' });
    assert.equal(right.status, 200);
    assert.deepEqual([right.json.response.status, right.json.response.first_factor_verification.status], ['complete', 'verified']);
    assert.deepEqual(right.json.response.session.factor_verification_age, [0, -1]);
    const jwt = (await c.fapi('POST', `/client/sessions/${sid}/tokens`)).json.jwt;
    assert.deepEqual(JSON.parse(Buffer.from(jwt.split('.')[1], 'base64url').toString()).fva, [0, -1]);

    assert.equal((await c.fapi('POST', '/me/external_accounts', { strategy: 'oauth_github', redirect_url: `${emu.url}/account` })).status, 200);
    assert.equal((await c.fapi('DELETE', `/me/external_accounts/${google.id}`)).status, 200);
  });

  it('email_code reverification: prepare with the email address id, then 424242; wrong code, unknown strategy, nothing started', async () => {
    emu.setSettings({ reverification: { actions: ['remove_external_account'] } });
    const sid = await signIn();
    emu.ageSessions(60);
    const google = (await c.fapi('GET', '/me')).json.response.external_accounts[0];
    assert.equal((await c.fapi('POST', '/me/external_accounts', { strategy: 'oauth_github', redirect_url: `${emu.url}/account` })).status, 200, 'connect is not guarded');
    const notStarted = await c.fapi('POST', `/client/sessions/${sid}/verify/attempt_first_factor`, { strategy: 'password', password: 'x' });
    assert.deepEqual([notStarted.status, notStarted.json.errors[0].code], [400, 'verification_missing']);
    const sv = (await c.fapi('POST', `/client/sessions/${sid}/verify`, { level: 'first_factor' })).json.response;
    const email = sv.supported_first_factors.find((f: any) => f.strategy === 'email_code');
    assert.equal(email.safe_identifier, 'alice@example.com');
    const badLevel = await c.fapi('POST', `/client/sessions/${sid}/verify`, { level: 'strict' });
    assert.equal(badLevel.json.errors[0].meta.param_name, 'level');
    const badStrategy = await c.fapi('POST', `/client/sessions/${sid}/verify/prepare_first_factor`, { strategy: 'phone_code' });
    assert.equal(badStrategy.json.errors[0].code, 'form_param_value_invalid');
    const prep = await c.fapi('POST', `/client/sessions/${sid}/verify/prepare_first_factor`, { strategy: 'email_code', email_address_id: email.email_address_id });
    assert.equal(prep.json.response.first_factor_verification.status, 'unverified');
    const wrong = await c.fapi('POST', `/client/sessions/${sid}/verify/attempt_first_factor`, { strategy: 'email_code', code: '000000' });
    assert.equal(wrong.json.errors[0].code, 'form_code_incorrect');
    const ok = await c.fapi('POST', `/client/sessions/${sid}/verify/attempt_first_factor`, { strategy: 'email_code', code: VERIFICATION_CODE });
    assert.equal(ok.json.response.status, 'complete');
    assert.equal((await c.fapi('DELETE', `/me/external_accounts/${google.id}`)).status, 200);
  });

  it('settings: only first_factor is emulated; afterMinutes at least 1', () => {
    assert.throws(() => emu.setSettings({ reverification: { level: 'multi_factor' as 'first_factor' } }), /not emulated/);
    assert.throws(() => emu.setSettings({ reverification: { afterMinutes: 0 } }), /afterMinutes/);
  });

  it('faults reach the new routes like any other', async () => {
    const sid = await signIn();
    emu.injectFault({ method: 'POST', path: '/__clerk/v1/me/external_accounts', status: 503 });
    emu.injectFault({ path: '/__clerk/v1/client/sessions/*/verify', status: 429 });
    emu.injectFault({ method: 'DELETE', path: '/__clerk/v1/me/external_accounts/*', status: 403, code: 'session_reverification_required' });
    assert.equal((await c.fapi('POST', '/me/external_accounts', { strategy: 'oauth_github', redirect_url: `${emu.url}/account` })).status, 503);
    assert.equal((await c.fapi('POST', `/client/sessions/${sid}/verify`, { level: 'first_factor' })).json.errors[0].code, 'too_many_requests');
    const del = await c.fapi('DELETE', '/me/external_accounts/eac_x');
    assert.deepEqual([del.status, del.json.errors[0].code], [403, 'session_reverification_required']);
    assert.equal((await c.fapi('POST', '/me/external_accounts', { strategy: 'oauth_github', redirect_url: `${emu.url}/account` })).status, 200, 'one time only');
  });
});

describe('request log', () => {
  it('logs method, effective method, path, status and the route', async () => {
    const su = await newUserSignUp();
    await c.fapi('PATCH', `/client/sign_ups/${su.id}`, { username: 'ab' });
    const last = emu.log.at(-1)!;
    assert.equal(last.method, 'POST');
    assert.equal(last.effectiveMethod, 'PATCH');
    assert.equal(last.path, `/__clerk/v1/client/sign_ups/${su.id}`);
    assert.equal(last.status, 422);
    assert.equal(last.route, 'PATCH /v1/client/sign_ups/:id');
    assert.ok(emu.log.some((e) => e.path === '/oauth/authorize' && e.method === 'POST' && e.status === 302));
    assert.ok(emu.log.some((e) => e.route === 'GET /v1/oauth_callback' && e.status === 302));
  });
});

describe('the rest of the routes and error codes', () => {
  async function signedInAlice() {
    await c.consent(await startSignIn(), 'user:user_alice');
    const client = (await c.fapi('GET', '/client')).json.response;
    c.sessionId = client.last_active_session_id;
    return client.last_active_session_id as string;
  }

  it('PUT and POST /client create the client (and its cookie) once', async () => {
    const put = await c.fapi('PUT', '/client');
    assert.equal(put.status, 200);
    assert.match(put.json.response.id, /^client_/);
    const post = await c.fapi('POST', '/client');
    assert.equal(post.json.response.id, put.json.response.id);
    const touch = await c.raw('/__clerk/v1/client/touch');
    assert.equal(touch.status, 422);
    assert.equal(((await touch.json()) as any).errors[0].meta.param_name, 'redirect_url');
  });

  it('prepare_first_factor restarts the OAuth round trip of a sign-in', async () => {
    await startSignIn();
    const id = (await c.fapi('GET', '/client')).json.response.sign_in.id;
    const r = await c.fapi('POST', `/client/sign_ins/${id}/prepare_first_factor`, { strategy: 'oauth_github', redirect_url: cb(), action_complete_redirect_url: done() });
    assert.equal(r.status, 200);
    const url = new URL(r.json.response.first_factor_verification.external_verification_redirect_url);
    assert.equal(url.searchParams.get('client_id'), 'emulator-github');
    const { page } = await c.consent(url.toString(), 'user:user_bob');
    assert.equal(page, done());
  });

  it('identifier-first sign-in is not emulated: form_identifier_not_found on identifier', async () => {
    const r = await c.fapi('POST', '/client/sign_ins', { identifier: 'alice@example.com' });
    assert.equal(r.status, 422);
    assert.equal(r.json.errors[0].code, 'form_identifier_not_found');
    assert.equal(r.json.errors[0].meta.param_name, 'identifier');
  });

  it('sign_ins transfer while already signed in as that user -> identifier_already_signed_in with the session id', async () => {
    const sid = await signedInAlice();
    await c.consent(await startSignUp(), 'user:user_alice');
    const r = await c.fapi('POST', '/client/sign_ins', { transfer: 'true' });
    assert.equal(r.status, 400);
    assert.equal(r.json.errors[0].code, 'identifier_already_signed_in');
    assert.equal(r.json.errors[0].meta.session_id, sid);
  });

  it('sign-up by id; a completed sign-up cannot be updated (sign_up_cannot_be_updated)', async () => {
    const su = await newUserSignUp();
    assert.equal((await c.fapi('GET', `/client/sign_ups/${su.id}`)).json.response.id, su.id);
    const doneSu = await c.fapi('PATCH', `/client/sign_ups/${su.id}`, { username: 'ninanew', legal_accepted: 'true' });
    assert.equal(doneSu.json.response.status, 'complete');
    const again = await c.fapi('PATCH', `/client/sign_ups/${su.id}`, { username: 'other1' });
    assert.equal(again.status, 403);
    assert.equal(again.json.errors[0].code, 'sign_up_cannot_be_updated');
  });

  it('a sign-up callback whose provider email belongs to a user fails with form_identifier_exists', async () => {
    const { page } = await c.consent(await startSignUp(), 'new', { email: 'alice@example.com' });
    assert.equal(page, cb());
    const ea = (await c.fapi('GET', '/client')).json.response.sign_up.verifications.external_account;
    assert.equal(ea.status, 'failed');
    assert.equal(ea.error.code, 'form_identifier_exists');
  });

  it('names longer than 256 characters -> form_param_max_length_exceeded; bad unsafe_metadata -> form_param_format_invalid', async () => {
    const su = await newUserSignUp();
    const r = await c.fapi('PATCH', `/client/sign_ups/${su.id}`, { first_name: 'x'.repeat(257), unsafe_metadata: '{nope' });
    assert.deepEqual(r.json.errors.map((e: any) => [e.code, e.meta.param_name]), [
      ['form_param_max_length_exceeded', 'first_name'],
      ['form_param_format_invalid', 'unsafe_metadata'],
    ]);
  });

  it('codes: an expired verification (verification_expired), a missing code, an unknown strategy, nothing to prepare', async () => {
    emu.setSettings({ attributes: { phone_number: { enabled: true, required: true } } });
    const su = await newUserSignUp();
    const noPhone = await c.fapi('POST', `/client/sign_ups/${su.id}/prepare_verification`, { strategy: 'phone_code' });
    assert.deepEqual([noPhone.status, noPhone.json.errors[0].code, noPhone.json.errors[0].meta.param_name], [422, 'form_param_missing', 'phone_number']);
    const badStrategy = await c.fapi('POST', `/client/sign_ups/${su.id}/prepare_verification`, { strategy: 'totp' });
    assert.equal(badStrategy.json.errors[0].code, 'form_param_value_invalid');
    const badAttempt = await c.fapi('POST', `/client/sign_ups/${su.id}/attempt_verification`, { strategy: 'totp', code: '1' });
    assert.equal(badAttempt.json.errors[0].code, 'form_param_value_invalid');
    await c.fapi('PATCH', `/client/sign_ups/${su.id}`, { phone_number: '+15555550102' });
    await c.fapi('POST', `/client/sign_ups/${su.id}/prepare_verification`, { strategy: 'phone_code' });
    const noCode = await c.fapi('POST', `/client/sign_ups/${su.id}/attempt_verification`, { strategy: 'phone_code' });
    assert.equal(noCode.json.errors[0].code, 'form_param_missing');
    emu.world.store.data.signUps[su.id]!.phoneVerification!.expireAt = Date.now() - 1;
    const expired = await c.fapi('POST', `/client/sign_ups/${su.id}/attempt_verification`, { strategy: 'phone_code', code: VERIFICATION_CODE });
    assert.equal(expired.status, 400);
    assert.equal(expired.json.errors[0].code, 'verification_expired');
    assert.equal(expired.json.meta.client.sign_up.verifications.phone_number.status, 'expired');
    const prep = await c.fapi('POST', `/client/sign_ups/${su.id}/prepare_verification`, { strategy: 'phone_code' });
    assert.equal(prep.json.response.verifications.phone_number.status, 'unverified', 'a new code can be requested');
  });

  it('sign-up with a non-OAuth strategy is rejected (form_param_value_invalid on strategy)', async () => {
    const r = await c.fapi('POST', '/client/sign_ups', { strategy: 'email_link' });
    assert.deepEqual([r.status, r.json.errors[0].code, r.json.errors[0].meta.param_name], [422, 'form_param_value_invalid', 'strategy']);
  });

  it('end one session; a token for a JWT template', async () => {
    const sid = await signedInAlice();
    const tok = await c.fapi('POST', `/client/sessions/${sid}/tokens/supabase`);
    assert.equal(tok.json.object, 'token');
    const end = await c.fapi('POST', `/client/sessions/${sid}/end`);
    assert.equal(end.json.response.status, 'ended');
    const after = await c.fapi('POST', `/client/sessions/${sid}/tokens`);
    assert.deepEqual([after.status, after.json.errors[0].code], [401, 'authentication_invalid']);
  });

  it('the callback answers a form POST (response_mode=form_post providers) like a GET', async () => {
    const auth = await startSignIn();
    const u = new URL(auth);
    const decision = await c.raw('/oauth/authorize', {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ state: u.searchParams.get('state')!, choice: 'user:user_alice' }).toString(),
    });
    const code = new URL(decision.headers.get('location')!).searchParams.get('code')!;
    const r = await c.raw('/__clerk/v1/oauth_callback', {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ state: u.searchParams.get('state')!, code }).toString(),
    });
    assert.equal(r.status, 302);
    assert.equal(r.headers.get('location'), done());
  });

  it('an unexpected failure is a 500 internal_clerk_error, not a hung request', async () => {
    const r = await c.raw('/__clerk/v1/client/sign_ins', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{broken' });
    assert.equal(r.status, 500);
    const json = (await r.json()) as any;
    assert.equal(json.errors[0].code, 'internal_clerk_error');
    seen.codes.add(json.errors[0].code);
  });

  it('injected faults answer with Clerk\'s code for their status unless given one', async () => {
    for (const [status, code] of [
      [429, 'too_many_requests'],
      [503, 'service_unavailable'],
      [500, 'internal_clerk_error'],
      [401, 'authentication_invalid'],
    ] as const) {
      emu.injectFault({ path: '/__clerk/v1/environment', status });
      const r = await c.fapi('GET', '/environment');
      assert.deepEqual([r.status, r.json.errors[0].code], [status, code]);
    }
  });
});

describe('redirect targets: only the instance\'s allowed origins (as Clerk for a production instance)', () => {
  const HOSTILE = ['https://evil.test/cb', 'http://evil.test/', '//evil.test/x', 'javascript:alert(1)', 'data:text/html,x', 'ftp://127.0.0.1/', 'https://app.example.com.evil.test/'];
  const hostile = () => [...HOSTILE, `http://user:pw@${new URL(emu.url).host}/`, `${emu.url.replace('127.0.0.1', 'localhost')}/`];
  const refused = (r: { status: number; json: any }, param: string, what: string) => {
    assert.equal(r.status, 422, `${what}: ${JSON.stringify(r.json)}`);
    assert.equal(r.json.errors[0].code, 'form_param_value_invalid', what);
    assert.equal(r.json.errors[0].meta.param_name, param, what);
  };
  async function signedIn() {
    await c.consent(await startSignIn(), 'user:user_alice');
    c.sessionId = (await c.fapi('GET', '/client')).json.response.last_active_session_id;
  }

  it('sign-in and sign-up starts refuse a redirect_url or action_complete_redirect_url elsewhere; nothing is started', async () => {
    for (const target of hostile()) {
      for (const path of ['/client/sign_ins', '/client/sign_ups']) {
        refused(await c.fapi('POST', path, { strategy: 'oauth_google', redirect_url: target, action_complete_redirect_url: done() }), 'redirect_url', `${path} ${target}`);
        refused(await c.fapi('POST', path, { strategy: 'oauth_google', redirect_url: cb(), action_complete_redirect_url: target }), 'action_complete_redirect_url', `${path} complete ${target}`);
      }
    }
    assert.equal((await c.fapi('GET', '/client')).json.response.sign_in, null);
    // Same origin, relative or absolute, is fine.
    assert.equal((await c.fapi('POST', '/client/sign_ins', { strategy: 'oauth_google', redirect_url: '/sign-in/sso-callback', action_complete_redirect_url: '/' })).status, 200);
  });

  it('connect, reauthorize and the touch redirect refuse a target elsewhere', async () => {
    await signedIn();
    for (const target of hostile()) {
      refused(await c.fapi('POST', '/me/external_accounts', { strategy: 'oauth_github', redirect_url: target }), 'redirect_url', `connect ${target}`);
      const google = (await c.fapi('GET', '/me')).json.response.external_accounts[0];
      refused(await c.fapi('PATCH', `/me/external_accounts/${google.id}/reauthorize`, { redirect_url: target }), 'redirect_url', `reauthorize ${target}`);
      const touch = await c.raw('/__clerk/v1/client/touch?redirect_url=' + encodeURIComponent(target));
      assert.equal(touch.status, 422, `touch ${target}`);
      assert.equal(touch.headers.get('location'), null);
    }
    assert.equal((await c.fapi('GET', '/me')).json.response.external_accounts.length, 1, 'no account was created');
  });

  it('settings.allowedRedirectOrigins adds origins (exact origin, not a prefix); bad entries are refused at start', async () => {
    emu.reset({ allowedRedirectOrigins: ['https://app.example.com'] });
    assert.equal((await c.fapi('POST', '/client/sign_ins', { strategy: 'oauth_google', redirect_url: 'https://app.example.com/sso-callback', action_complete_redirect_url: 'https://app.example.com/' })).status, 200);
    refused(await c.fapi('POST', '/client/sign_ins', { strategy: 'oauth_google', redirect_url: 'https://app.example.com.evil.test/' }), 'redirect_url', 'suffix');
    refused(await c.fapi('POST', '/client/sign_ins', { strategy: 'oauth_google', redirect_url: 'http://app.example.com/' }), 'redirect_url', 'other scheme');
    assert.throws(() => emu.reset({ allowedRedirectOrigins: ['https://app.example.com/path'] }), /not an origin/);
    assert.throws(() => emu.reset({ allowedRedirectOrigins: ['*.example.com'] }), /not an origin/);
  });
});

describe('coverage (fails when a route or an error code is added without a test)', () => {
  it('every FAPI route was called by the tests above', () => {
    const missing = fapiRoutes().filter((r) => !routesSeen.has(r));
    assert.deepEqual(missing, []);
  });

  it('every error code was answered, each with Clerk\'s HTTP status', () => {
    const missing = [...Object.keys(FAPI_ERRORS), ...VERIFICATION_ERRORS].filter((code) => !seen.codes.has(code));
    assert.deepEqual(missing, []);
    assert.deepEqual(seen.statusMismatches, []);
    const unknown = [...seen.codes].filter((code) => !(code in FAPI_ERRORS) && !(VERIFICATION_ERRORS as readonly string[]).includes(code));
    assert.deepEqual(unknown, ['external_account_missing_refresh_token'], 'only the seeded error code comes from outside the catalogue');
  });
});
