import { describe, it, after, before } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EMULATOR_DIR } from '../src/paths';
import { compilePattern, RouteTable } from '../src/router';
import { VERIFICATION_LIFETIME_MS } from '../src/durations';
import { failedVerification, pendingOAuth, verification } from '../src/verification';
import { startEmulator, type RunningEmulator } from '../src/index';
import { FapiClient, TEST_SETTINGS, withEmu } from './helpers';

const SRC = join(EMULATOR_DIR, 'src');

/** Value imports (not `import type` / `export type`) between the modules of emulator/src. */
function importGraph(): Map<string, string[]> {
  const graph = new Map<string, string[]>();
  for (const file of readdirSync(SRC).filter((f) => f.endsWith('.ts'))) {
    const text = readFileSync(join(SRC, file), 'utf8');
    const deps: string[] = [];
    for (const m of text.matchAll(/^(?:import|export)\s+(type\s+)?[^'";]*?from\s+'(\.\/[^']+)'/gm)) {
      if (m[1]) continue;
      deps.push(`${m[2]!.slice(2)}.ts`);
    }
    graph.set(file, deps);
  }
  return graph;
}

/** Every cycle's path (`a.ts -> b.ts -> a.ts`), found by depth-first search. */
export function findCycles(graph: Map<string, string[]>): string[] {
  const cycles: string[] = [];
  const state = new Map<string, 'visiting' | 'done'>();
  const stack: string[] = [];
  const visit = (node: string) => {
    state.set(node, 'visiting');
    stack.push(node);
    for (const dep of graph.get(node) ?? []) {
      if (state.get(dep) === 'visiting') cycles.push([...stack.slice(stack.indexOf(dep)), dep].join(' -> '));
      else if (!state.has(dep)) visit(dep);
    }
    stack.pop();
    state.set(node, 'done');
  };
  for (const node of graph.keys()) if (!state.has(node)) visit(node);
  return cycles;
}

describe('module structure', () => {
  it('the cycle finder finds a cycle, and ignores a tree', () => {
    const cyclic = new Map([
      ['fapi.ts', ['oauth.ts', 'json.ts']],
      ['oauth.ts', ['fapi.ts']],
      ['json.ts', []],
    ]);
    assert.deepEqual(findCycles(cyclic), ['fapi.ts -> oauth.ts -> fapi.ts']);
    assert.deepEqual(findCycles(new Map([['a.ts', ['b.ts']], ['b.ts', []]])), []);
  });

  it('emulator/src has no import cycle (type-only imports aside)', () => {
    const graph = importGraph();
    assert.ok(graph.size >= 20, `scanned ${graph.size} modules`);
    assert.ok(graph.get('fapi.ts')!.includes('oauth.ts'), 'the scan sees fapi.ts importing oauth.ts');
    for (const deps of graph.values()) for (const d of deps) assert.ok(graph.has(d), `import of a missing module ${d}`);
    assert.deepEqual(findCycles(graph), []);
  });
});

describe('route table', () => {
  it('patterns: :params are one segment, a trailing * is the rest, the rest is literal', () => {
    const t = new RouteTable();
    t.on('GET', '/__clerk/npm/@clerk/clerk-js@:version/dist/:file', () => {});
    t.on('GET', '/emulator-assets/*', () => {});
    t.on('POST', '/v1/client/sessions/:id/verify', () => {});
    assert.deepEqual(t.match('GET', '/__clerk/npm/@clerk/clerk-js@6/dist/clerk.browser.js')?.params, { version: '6', file: 'clerk.browser.js' });
    assert.equal(t.match('GET', '/__clerk/npm/@clerk/clerk-js@6/dist/a/b.js'), null);
    assert.deepEqual(t.match('GET', '/emulator-assets/providers/google.svg')?.params, { '*': 'providers/google.svg' });
    assert.equal(t.match('GET', '/v1/client/sessions/sess_1/verify'), null, 'method matters');
    assert.ok(t.pathKnown('/v1/client/sessions/sess_1/verify'));
    assert.equal(t.match('HEAD', '/emulator-assets/x')?.route.pattern, '/emulator-assets/*', 'HEAD matches GET routes');
    assert.ok(compilePattern('/a.b').regex.test('/a.b') && !compilePattern('/a.b').regex.test('/axb'), 'dots are literal');
  });
});

describe('server: one route table for every part', () => {
  let emu: RunningEmulator;
  before(async () => {
    ({ emu } = await withEmu({ settings: TEST_SETTINGS, demo: true }));
  });
  after(() => emu.close());

  it('the request log names the route of every kind of request', async () => {
    const c = new FapiClient(emu);
    emu.clearLog();
    const sign = await c.fapi('POST', '/client/sign_ins', { strategy: 'oauth_google', redirect_url: `${emu.url}/cb` });
    await c.raw(new URL(sign.json.response.first_factor_verification.external_verification_redirect_url).pathname + new URL(sign.json.response.first_factor_verification.external_verification_redirect_url).search);
    await c.raw('/__clerk/npm/@clerk/clerk-js@6/dist/clerk.browser.js');
    await c.raw('/emulator-assets/providers/google.svg');
    await c.raw('/sign-in');
    await c.raw('/demo.js');
    await c.raw('/__clerk_backend/v1/jwks');
    await c.raw('/fake-idp/api/me');
    await c.raw('/api/provider-profile?provider=google');
    await c.raw('/__emulator/state');
    await c.raw('/nope');
    const routes = emu.log.map((e) => `${e.path} ${e.route ?? '-'}`);
    assert.deepEqual(routes, [
      '/__clerk/v1/client/sign_ins POST /v1/client/sign_ins',
      '/oauth/authorize GET /oauth/authorize',
      '/__clerk/npm/@clerk/clerk-js@6/dist/clerk.browser.js GET /__clerk/npm/@clerk/clerk-js@:version/dist/:file',
      '/emulator-assets/providers/google.svg GET /emulator-assets/*',
      '/sign-in GET /sign-in',
      '/demo.js GET /:file',
      '/__clerk_backend/v1/jwks GET /__clerk_backend/v1/jwks',
      '/fake-idp/api/me GET /fake-idp/api/me',
      '/api/provider-profile GET /api/provider-profile',
      '/nope -',
    ]);
  });

  it("serves every chunk name the build can write (hashes are base64url: '_' and '-'), and nothing outside the folder", async () => {
    const dir = mkdtempSync(join(tmpdir(), 'emu-chunks-'));
    mkdirSync(join(dir, 'elements'));
    writeFileSync(join(dir, 'clerk-oauth-elements.js'), '');
    writeFileSync(join(dir, 'loader.js'), 'export {};');
    for (const name of ['shared-D7tiFE_D.js', 'core-a-b_C.js', 'oauth-buttons.js']) writeFileSync(join(dir, 'elements', name), 'export {};');
    const chunks = await startEmulator({ demo: { elementsPath: join(dir, 'clerk-oauth-elements.js') } });
    try {
      for (const name of ['shared-D7tiFE_D.js', 'core-a-b_C.js', 'oauth-buttons.js']) {
        assert.equal((await fetch(`${chunks.url}/elements/${name}`)).status, 200, name);
      }
      for (const path of ['/elements/..%2Floader.js', '/elements/missing-x_y.js', '/elements/a.txt']) {
        assert.equal((await fetch(`${chunks.url}${path}`)).status, 404, path);
      }
    } finally {
      await chunks.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('with a real key, the pages name that instance: the provider tag, and the script tag of the page that loads clerk-js itself', async () => {
    const publishableKey = `pk_test_${Buffer.from('example.clerk.accounts.dev$').toString('base64')}`;
    const real = await startEmulator({ demo: { publishableKey } });
    try {
      const own = await (await fetch(`${real.url}/sign-in/own-clerk`)).text();
      const script = /<script\b[^>]*data-clerk-publishable-key[^>]*>/.exec(own)?.[0] ?? '';
      assert.match(script, /\ssrc="https:\/\/example\.clerk\.accounts\.dev\/npm\/@clerk\/clerk-js@6\/dist\/clerk\.browser\.js"/);
      assert.ok(script.includes(`data-clerk-publishable-key="${publishableKey}"`), script);
      assert.ok(!script.includes('proxy') && !own.includes('pk_test_Y2xlcmsuZW11LnRlc3Qk'), script);
      const signIn = await (await fetch(`${real.url}/sign-in`)).text();
      const provider = /<clerk-provider\b[^>]*>/.exec(signIn)?.[0] ?? '';
      assert.ok(provider.includes(`publishable-key="${publishableKey}"`) && !provider.includes('proxy-url'), provider);
    } finally {
      await real.close();
    }
  });

  it('a malformed Cookie header gets a normal answer, not a 500', async () => {
    for (const cookie of ['__client=%E0%A4%A; x', '__client', '=; ;;', `__client="${'%'.repeat(40)}"`]) {
      const get = await fetch(`${emu.url}/__clerk/v1/client`, { headers: { cookie } });
      assert.equal(get.status, 200, cookie);
      assert.deepEqual(await get.json(), { response: null, client: null });
      const post = await fetch(`${emu.url}/__clerk/v1/client/sign_ins?_clerk_js_version=6.40.0`, {
        method: 'POST',
        headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ strategy: 'oauth_google', redirect_url: `${emu.url}/cb` }).toString(),
      });
      assert.equal(post.status, 200, cookie);
      assert.match(post.headers.get('set-cookie') ?? '', /^__client=client_\w+; Max-Age=31536000; Path=\/; HttpOnly; SameSite=Lax/, 'a fresh client cookie');
    }
  });
});

describe('verification records', () => {
  it('one factory with named lifetimes: pending OAuth, verified, failed', () => {
    const t0 = Date.now();
    const pending = pendingOAuth('oauth_google', 'http://x/oauth/authorize?state=s');
    assert.equal(pending.status, 'unverified');
    assert.equal(pending.redirectUrl, 'http://x/oauth/authorize?state=s');
    assert.ok(pending.expireAt >= t0 + VERIFICATION_LIFETIME_MS && pending.expireAt <= Date.now() + VERIFICATION_LIFETIME_MS);
    assert.equal(VERIFICATION_LIFETIME_MS, 10 * 60_000);
    const failed = failedVerification('oauth_google', { code: 'oauth_access_denied', message: 'm', long_message: 'm', meta: {} });
    assert.deepEqual([failed.status, failed.error?.code, failed.attempts], ['failed', 'oauth_access_denied', 1]);
    assert.ok(failed.expireAt <= Date.now());
    assert.equal(verification('unverified', 'email_code', { lifetimeMs: 5 }).expireAt <= Date.now() + 5, true);
  });

  it('no verification is built inline any more (every `expireAt:` comes from the factory)', () => {
    const offenders = readdirSync(SRC)
      .filter((f) => f.endsWith('.ts') && f !== 'verification.ts')
      .filter((f) => /expireAt:\s*(now\(\)|Date\.now\(\)|0\b)|600_000/.test(readFileSync(join(SRC, f), 'utf8')));
    assert.deepEqual(offenders, []);
  });
});
