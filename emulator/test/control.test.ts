/* eslint-disable @typescript-eslint/no-explicit-any -- tests probe parsed FAPI JSON field by field */
import { describe, it, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, existsSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { connect } from 'node:net';
import { request } from 'node:http';
import { networkInterfaces } from 'node:os';
import { startEmulator, type RunningEmulator } from '../src/index';
import { FapiClient, TEST_SETTINGS } from './helpers';

const started: RunningEmulator[] = [];
async function start(opts: Parameters<typeof startEmulator>[0] = {}) {
  const emu = await startEmulator({ settings: TEST_SETTINGS, ...opts });
  started.push(emu);
  return emu;
}
after(() => Promise.all(started.map((e) => e.close())));

function canConnect(host: string, port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host, port, timeout: 2000 });
    socket.once('connect', () => (socket.destroy(), resolve(true)));
    socket.once('error', () => resolve(false));
    socket.once('timeout', () => (socket.destroy(), resolve(false)));
  });
}

const json = (emu: RunningEmulator, method: string, path: string, body?: unknown) =>
  fetch(`${emu.url}/__emulator${path}`, { method, headers: { 'content-type': 'application/json' }, body: body === undefined ? undefined : JSON.stringify(body) });

describe('control API', () => {
  it('is off (404) unless enabled, and never logged as FAPI traffic', async () => {
    const emu = await start();
    assert.equal((await json(emu, 'POST', '/reset')).status, 404);
    assert.equal((await json(emu, 'GET', '/log')).status, 404);
  });

  it('binds to 127.0.0.1 only: other interfaces (IPv6 loopback, the machine\'s own addresses) refuse the connection', async () => {
    const emu = await start();
    assert.match(emu.url, /^http:\/\/127\.0\.0\.1:\d+$/);
    assert.equal(await canConnect('127.0.0.1', emu.port), true);
    const others = ['::1', ...Object.values(networkInterfaces()).flatMap((list) => (list ?? []).filter((i) => !i.internal).map((i) => i.address))];
    for (const host of others) assert.equal(await canConnect(host, emu.port), false, `reachable on ${host}`);
  });

  it('logs every request (method, path, status) to a callback and as one stdout line each', async () => {
    const entries: string[] = [];
    const emu = await start({ logRequests: (e) => entries.push(`${e.method} ${e.path} ${e.status}`) });
    await fetch(`${emu.url}/__clerk/v1/environment`);
    await fetch(`${emu.url}/nope`);
    assert.deepEqual(entries, ['GET /__clerk/v1/environment 200', 'GET /nope 404']);
    const printing = await start({ logRequests: true, control: true });
    const lines: string[] = [];
    const write = process.stdout.write.bind(process.stdout);
    process.stdout.write = ((chunk: string) => (lines.push(String(chunk)), true)) as typeof process.stdout.write;
    try {
      await new FapiClient(printing).fapi('PATCH', '/environment');
      printing.injectFault({ path: '/__clerk/v1/client', drop: true });
      await fetch(`${printing.url}/__clerk/v1/client`).catch(() => {});
      await json(printing, 'GET', '/log');
    } finally {
      process.stdout.write = write;
    }
    assert.match(lines[0]!, /^POST\(PATCH\) \/__clerk\/v1\/environment 200 [\d.]+ms \[PATCH \/v1\/environment\]\n$/);
    assert.match(lines[1]!, /^GET \/__clerk\/v1\/client dropped [\d.]+ms \[GET \/v1\/client\]\n$/);
    assert.equal(lines.length, 2, 'control calls are not logged');
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

  it('a status fault with retryAfter carries a Retry-After header (a rate-limited answer)', async () => {
    const emu = await start({ control: true });
    emu.injectFault({ path: '/__clerk/v1/environment', status: 429, retryAfter: 2 });
    const limited = await fetch(`${emu.url}/__clerk/v1/environment`);
    assert.deepEqual([limited.status, limited.headers.get('retry-after'), ((await limited.json()) as any).errors[0].code], [429, '2', 'too_many_requests']);
    const plain = await fetch(`${emu.url}/__clerk/v1/environment`);
    assert.deepEqual([plain.status, plain.headers.get('retry-after')], [200, null]);
  });

  it('matches the _method override (PATCH sent as POST)', async () => {
    const emu = await start({ control: true });
    const c = new FapiClient(emu);
    emu.injectFault({ method: 'PATCH', path: '/__clerk/v1/environment', status: 500 });
    assert.equal((await c.fapi('GET', '/environment')).status, 200);
    assert.equal((await c.fapi('PATCH', '/environment')).status, 500);
    assert.equal((await c.fapi('PATCH', '/environment')).status, 200);
  });

  it('injects latency for the next N calls, then answers at full speed', async () => {
    const emu = await start({ control: true });
    const c = new FapiClient(emu);
    await json(emu, 'POST', '/faults', { path: '/__clerk/v1/environment', latencyMs: 150, times: 2 });
    for (let i = 0; i < 2; i++) {
      const t0 = performance.now();
      assert.equal((await c.fapi('GET', '/environment')).status, 200);
      assert.ok(performance.now() - t0 >= 140);
    }
    const t1 = performance.now();
    await c.fapi('GET', '/environment');
    assert.ok(performance.now() - t1 < 140);
    assert.equal(emu.log.filter((e) => e.fault === 'latency').length, 2);
    assert.ok(emu.log.filter((e) => e.fault === 'latency').every((e) => e.durationMs >= 140));
  });

  it('latency combined with a status: slow, then the error', async () => {
    const emu = await start({ control: true });
    const c = new FapiClient(emu);
    emu.injectFault({ method: 'POST', path: '/__clerk/v1/client/sign_ins', latencyMs: 120, status: 429 });
    const t0 = performance.now();
    const r = await c.fapi('POST', '/client/sign_ins', { strategy: 'oauth_google', redirect_url: `${emu.url}/cb` });
    assert.ok(performance.now() - t0 >= 110);
    assert.deepEqual([r.status, r.json.errors[0].code], [429, 'too_many_requests']);
    assert.equal(emu.log.at(-1)!.fault, 'status');
  });

  it('drops the connection for the next N calls (any method), then answers', async () => {
    const emu = await start({ control: true });
    const c = new FapiClient(emu);
    emu.injectFault({ path: '/__clerk/v1/client*', drop: true, times: 3 });
    await assert.rejects(c.fapi('GET', '/client'));
    await assert.rejects(c.fapi('POST', '/client/sign_ins', { strategy: 'oauth_google', redirect_url: `${emu.url}/cb` }));
    await assert.rejects(c.fapi('DELETE', '/client/sessions'));
    assert.equal((await c.fapi('GET', '/client')).status, 200);
    const dropped = emu.log.filter((e) => e.fault === 'drop');
    assert.deepEqual(dropped.map((e) => [e.effectiveMethod, e.status]), [
      ['GET', 0],
      ['POST', 0],
      ['DELETE', 0],
    ]);
    assert.deepEqual(emu.faults.all(), []);
  });

  it('faults reach any route: the clerk-js script, the provider page, demo pages', async () => {
    const emu = await start({ control: true, demo: true });
    emu.injectFault({ path: '/__clerk/npm/*', status: 503 });
    emu.injectFault({ path: '/oauth/authorize', status: 500 });
    emu.injectFault({ path: '/sign-in', drop: true });
    assert.equal((await fetch(`${emu.url}/__clerk/npm/@clerk/clerk-js@6/dist/clerk.browser.js`)).status, 503);
    assert.equal((await fetch(`${emu.url}/oauth/authorize?state=x`)).status, 500);
    await assert.rejects(fetch(`${emu.url}/sign-in`));
    assert.equal((await fetch(`${emu.url}/sign-in`)).status, 200);
  });

  it('reads settings and state, seeds several users at once, answers 404 for an unknown control route', async () => {
    const emu = await start({ control: true });
    assert.equal(((await (await json(emu, 'GET', '/settings')).json()) as any).usernameLength.max, 12);
    const many = await json(emu, 'POST', '/users', [{ id: 'user_c1', username: 'carol1' }, { id: 'user_c2', username: 'carol2' }]);
    assert.deepEqual(((await many.json()) as any[]).map((u) => u.id), ['user_c1', 'user_c2']);
    const state = (await (await json(emu, 'GET', '/state')).json()) as any;
    assert.ok(state.users.user_c2);
    assert.equal((await json(emu, 'GET', '/nope')).status, 404);
    assert.equal((await json(emu, 'POST', '/faults', { path: 'no-slash', status: 500 })).status, 400);
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

describe('control API refuses what a web page could send', () => {
  /** A raw request with any Host header (fetch cannot set one). */
  function raw(emu: RunningEmulator, method: string, path: string, headers: Record<string, string>, body?: string): Promise<{ status: number; text: string }> {
    return new Promise((resolve, reject) => {
      const req = request({ host: '127.0.0.1', port: emu.port, method, path: `/__emulator${path}`, headers }, (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (c: string) => (text += c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, text }));
      });
      req.on('error', reject);
      req.end(body);
    });
  }

  it('accepts its own Host (127.0.0.1:<port>, localhost:<port>) with JSON, and GETs without a body type', async () => {
    const emu = await start({ control: true });
    for (const host of [`127.0.0.1:${emu.port}`, `localhost:${emu.port}`, `LOCALHOST:${emu.port}`]) {
      assert.equal((await raw(emu, 'GET', '/faults', { host })).status, 200, host);
      assert.equal((await raw(emu, 'POST', '/faults', { host, 'content-type': 'application/json; charset=utf-8' }, JSON.stringify({ path: '/x', status: 500 }))).status, 201, host);
      assert.equal((await raw(emu, 'DELETE', '/faults', { host, 'content-type': 'application/json' })).status, 200, host);
    }
  });

  it('403 for any other Host (DNS rebinding: a page on evil.test resolving to 127.0.0.1), for every route and method', async () => {
    const emu = await start({ control: true });
    for (const host of ['evil.test', `evil.test:${emu.port}`, '127.0.0.1', `127.0.0.1:${emu.port + 1}`, `localhost.evil.test:${emu.port}`]) {
      for (const [method, path] of [['GET', '/state'], ['GET', '/log'], ['POST', '/reset'], ['DELETE', '/faults'], ['GET', '/nope']] as const) {
        const res = await raw(emu, method, path, { host, 'content-type': 'application/json' }, method === 'POST' ? '{}' : undefined);
        assert.equal(res.status, 403, `${method} ${path} with Host ${host}`);
        assert.match(res.text, /Host/);
      }
    }
  });

  it('403 for a change whose body is not JSON: a cross-site form post or a no-cors fetch changes nothing', async () => {
    const emu = await start({ control: true });
    const host = `127.0.0.1:${emu.port}`;
    emu.injectFault({ path: '/kept', status: 500 });
    for (const type of ['application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', 'text/plain', 'text/plain;charset=UTF-8', 'application/json-patch+json', '']) {
      for (const [method, path] of [['POST', '/reset'], ['DELETE', '/faults'], ['POST', '/faults'], ['PATCH', '/settings'], ['DELETE', '/log']] as const) {
        const headers: Record<string, string> = { host };
        if (type) headers['content-type'] = type;
        const res = await raw(emu, method, path, headers, method === 'DELETE' ? undefined : '{"path":"/y","status":500}');
        assert.equal(res.status, 403, `${method} ${path} as ${type || 'no content type'}`);
      }
    }
    assert.deepEqual(emu.faults.all().map((f) => f.spec.path), ['/kept'], 'nothing changed');
    // The browser's own view: fetch() from another origin without a preflight-worthy type is refused.
    assert.equal((await fetch(`${emu.url}/__emulator/reset`, { method: 'POST', body: '{}' })).status, 403);
    assert.equal((await fetch(`${emu.url}/__emulator/reset`, { method: 'POST' })).status, 403);
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
