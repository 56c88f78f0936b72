/* eslint-disable @typescript-eslint/no-explicit-any -- tests probe parsed FAPI JSON field by field */
import { describe, it, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, existsSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startEmulator, type RunningEmulator } from '../src/index';
import { FapiClient, TEST_SETTINGS } from './helpers';

const started: RunningEmulator[] = [];
async function start(opts: Parameters<typeof startEmulator>[0] = {}) {
  const emu = await startEmulator({ settings: TEST_SETTINGS, ...opts });
  started.push(emu);
  return emu;
}
after(() => Promise.all(started.map((e) => e.close())));

const json = (emu: RunningEmulator, method: string, path: string, body?: unknown) =>
  fetch(`${emu.url}/__emulator${path}`, { method, headers: { 'content-type': 'application/json' }, body: body === undefined ? undefined : JSON.stringify(body) });

describe('control API', () => {
  it('is off (404) unless enabled, and never logged as FAPI traffic', async () => {
    const emu = await start();
    assert.equal((await json(emu, 'POST', '/reset')).status, 404);
    assert.equal((await json(emu, 'GET', '/log')).status, 404);
  });

  it('binds to 127.0.0.1 only', async () => {
    const emu = await start();
    assert.match(emu.url, /^http:\/\/127\.0\.0\.1:\d+$/);
  });

  it('seeds users, lists them, resets back to the settings users', async () => {
    const emu = await start({ control: true });
    const created = await json(emu, 'POST', '/users', { id: 'user_carol', username: 'carol', emailAddress: 'carol@example.com', externalAccounts: [{ provider: 'github' }] });
    assert.equal(created.status, 201);
    const carol = (await created.json()) as any;
    assert.equal(carol.id, 'user_carol');
    assert.equal(carol.external_accounts[0].provider, 'github');
    let users = (await (await json(emu, 'GET', '/users')).json()) as any[];
    assert.deepEqual(users.map((u) => u.id).sort(), ['user_alice', 'user_bob', 'user_carol']);
    assert.equal((await json(emu, 'POST', '/users', { id: 'user_x', externalAccounts: [{ provider: 'google', providerUserId: 'google-alice' }] })).status, 400);
    await json(emu, 'POST', '/reset');
    users = (await (await json(emu, 'GET', '/users')).json()) as any[];
    assert.deepEqual(users.map((u) => u.id).sort(), ['user_alice', 'user_bob']);
  });

  it('changes settings live (environment follows) and reset restores them', async () => {
    const emu = await start({ control: true });
    const c = new FapiClient(emu);
    const patched = await json(emu, 'PATCH', '/settings', { legalConsent: false, usernameLength: { min: 2 }, providers: [{ strategy: 'oauth_apple', name: 'Apple' }] });
    assert.equal(patched.status, 200);
    let env = (await c.fapi('GET', '/environment')).json;
    assert.equal(env.user_settings.sign_up.legal_consent_enabled, false);
    assert.equal(env.user_settings.username_settings.min_length, 2);
    assert.deepEqual(Object.keys(env.user_settings.social), ['oauth_apple']);
    assert.equal((await json(emu, 'PATCH', '/settings', { providers: [{ strategy: 'google', name: 'x' }] })).status, 400);
    await json(emu, 'POST', '/reset', { legalConsent: false });
    env = (await c.fapi('GET', '/environment')).json;
    assert.equal(env.user_settings.sign_up.legal_consent_enabled, false);
    assert.equal(env.user_settings.username_settings.min_length, 4);
    await json(emu, 'POST', '/reset');
    env = (await c.fapi('GET', '/environment')).json;
    assert.equal(env.user_settings.sign_up.legal_consent_enabled, true);
  });

  it('injects a status fault for the next N matching calls only', async () => {
    const emu = await start({ control: true });
    const c = new FapiClient(emu);
    const r = await json(emu, 'POST', '/faults', { method: 'POST', path: '/__clerk/v1/client/sign_ins*', status: 503, code: 'service_unavailable', times: 2 });
    assert.equal(r.status, 201);
    const body = { strategy: 'oauth_google', redirect_url: `${emu.url}/cb` };
    for (let i = 0; i < 2; i++) {
      const f = await c.fapi('POST', '/client/sign_ins', body);
      assert.equal(f.status, 503);
      assert.equal(f.json.errors[0].code, 'service_unavailable');
    }
    assert.equal((await c.fapi('GET', '/environment')).status, 200);
    assert.equal((await c.fapi('POST', '/client/sign_ins', body)).status, 200);
    const log = (await (await json(emu, 'GET', '/log')).json()) as any[];
    assert.deepEqual(log.filter((e) => e.path === '/__clerk/v1/client/sign_ins').map((e) => [e.status, e.fault ?? null]), [
      [503, 'status'],
      [503, 'status'],
      [200, null],
    ]);
  });

  it('matches the _method override (PATCH sent as POST)', async () => {
    const emu = await start({ control: true });
    const c = new FapiClient(emu);
    emu.injectFault({ method: 'PATCH', path: '/__clerk/v1/environment', status: 500 });
    assert.equal((await c.fapi('GET', '/environment')).status, 200);
    assert.equal((await c.fapi('PATCH', '/environment')).status, 500);
    assert.equal((await c.fapi('PATCH', '/environment')).status, 200);
  });

  it('injects latency', async () => {
    const emu = await start({ control: true });
    const c = new FapiClient(emu);
    await json(emu, 'POST', '/faults', { path: '/__clerk/v1/environment', latencyMs: 150 });
    const t0 = performance.now();
    assert.equal((await c.fapi('GET', '/environment')).status, 200);
    assert.ok(performance.now() - t0 >= 140);
    const t1 = performance.now();
    await c.fapi('GET', '/environment');
    assert.ok(performance.now() - t1 < 140);
    assert.equal(emu.log.filter((e) => e.fault === 'latency').length, 1);
  });

  it('drops the connection', async () => {
    const emu = await start({ control: true });
    const c = new FapiClient(emu);
    emu.injectFault({ path: '/__clerk/v1/client', drop: true });
    await assert.rejects(c.fapi('GET', '/client'));
    assert.equal((await c.fapi('GET', '/client')).status, 200);
    const dropped = emu.log.find((e) => e.fault === 'drop');
    assert.ok(dropped);
    assert.equal(dropped.status, 0);
  });

  it('lists and clears faults; rejects a fault with no effect', async () => {
    const emu = await start({ control: true });
    await json(emu, 'POST', '/faults', { path: '/x', status: 500, times: 3 });
    assert.equal(((await (await json(emu, 'GET', '/faults')).json()) as any[])[0].remaining, 3);
    await json(emu, 'DELETE', '/faults');
    assert.deepEqual(await (await json(emu, 'GET', '/faults')).json(), []);
    assert.equal((await json(emu, 'POST', '/faults', { path: '/x' })).status, 400);
  });

  it('serves the log since a sequence number and clears it', async () => {
    const emu = await start({ control: true });
    const c = new FapiClient(emu);
    await c.fapi('GET', '/environment');
    const all = (await (await json(emu, 'GET', '/log')).json()) as any[];
    await c.fapi('GET', '/client');
    const since = (await (await json(emu, 'GET', `/log?since=${all.at(-1).seq}`)).json()) as any[];
    assert.deepEqual(since.map((e) => `${e.method} ${e.path} ${e.status}`), ['GET /__clerk/v1/client 200']);
    await json(emu, 'DELETE', '/log');
    assert.deepEqual(await (await json(emu, 'GET', '/log')).json(), []);
  });
});

describe('persistence', () => {
  it('keeps users and a signed-in client across restarts when persisting', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'emu-'));
    const file = join(dir, 'state.json');
    try {
      const first = await startEmulator({ settings: TEST_SETTINGS, persist: file });
      const c = new FapiClient(first);
      first.seedUser({ id: 'user_dave', username: 'dave', emailAddress: 'dave@example.com' });
      const auth = (await c.fapi('POST', '/client/sign_ins', { strategy: 'oauth_google', redirect_url: `${first.url}/cb`, action_complete_redirect_url: `${first.url}/` })).json.response
        .first_factor_verification.external_verification_redirect_url;
      await c.consent(auth, 'user:user_alice');
      await first.close();
      assert.ok(existsSync(file));
      assert.ok(JSON.parse(readFileSync(file, 'utf8')).users.user_dave);
      const second = await startEmulator({ settings: TEST_SETTINGS, persist: file });
      const c2 = new FapiClient(second);
      c2.cookies = c.cookies;
      const client = (await c2.fapi('GET', '/client')).json.response;
      assert.equal(client.sessions[0].user.id, 'user_alice');
      second.seedUser({ id: 'user_erin', username: 'erin' });
      await second.close();
      const third = await startEmulator({ settings: TEST_SETTINGS });
      assert.equal(third.world.store.data.users.user_dave, undefined, 'in-memory by default');
      await third.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
