// `npm start`'s server (scripts/start-server.ts) as a user runs it: a child process, its printed URL,
// its flags (--persist across a restart), its errors (port taken), and real-Clerk mode.
import { describe, it, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { REPO_ROOT } from '../src/paths';
import type { RunningEmulator } from '../src/index';
import { FapiClient } from './helpers';

const SERVER = join(REPO_ROOT, 'scripts', 'start-server.ts');
const children = new Set<ChildProcess>();
after(() => {
  for (const c of children) c.kill('SIGKILL');
});

interface Started {
  child: ChildProcess;
  url: string;
  stdout: () => string;
}

function run(args: string[], env: Record<string, string> = {}): ChildProcess {
  const child = spawn(process.execPath, ['--import', 'tsx', SERVER, ...args], { cwd: REPO_ROOT, env: { ...process.env, PORT: '0', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  children.add(child);
  child.on('exit', () => children.delete(child));
  return child;
}

/** Starts the server and resolves with the URL it prints (or rejects with what it wrote to stderr). */
function start(args: string[] = [], env: Record<string, string> = {}): Promise<Started> {
  const child = run(['--quiet', ...args], env);
  let out = '';
  let err = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no URL printed within 20 s:\n${out}\n${err}`)), 20_000);
    child.stderr!.on('data', (d: Buffer) => (err += d.toString()));
    child.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /Demo running at (http:\/\/127\.0\.0\.1:\d+)\//.exec(out);
      if (m && out.includes('Press Ctrl+C to stop.')) {
        clearTimeout(timer);
        resolve({ child, url: m[1]!, stdout: () => out });
      }
    });
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`exited ${code} before printing a URL:\n${out}\n${err}`));
    });
  });
}

function stop(child: ChildProcess): Promise<number | null> {
  return new Promise((resolve) => {
    child.once('exit', (code) => resolve(code));
    child.kill('SIGTERM');
  });
}

/** Runs the server expecting it to fail: exit code and stderr. */
function runToExit(env: Record<string, string>, args: string[] = []): Promise<{ code: number | null; stderr: string; stdout: string }> {
  const child = run(['--quiet', ...args], env);
  let stderr = '';
  let stdout = '';
  child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
  child.stdout!.on('data', (d: Buffer) => (stdout += d.toString()));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`still running after 20 s:\n${stdout}`));
    }, 20_000);
    child.on('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, stderr, stdout });
    });
  });
}

const client = (url: string) => new FapiClient({ url } as RunningEmulator);

async function signInAlice(c: FapiClient, url: string): Promise<void> {
  const r = await c.fapi('POST', '/client/sign_ins', { strategy: 'oauth_google', redirect_url: `${url}/sign-in/sso-callback`, action_complete_redirect_url: `${url}/` });
  assert.equal(r.status, 200, JSON.stringify(r.json));
  const { page } = await c.consent(r.json.response.first_factor_verification.external_verification_redirect_url, 'user:user_alice');
  assert.equal(page, `${url}/`);
}

describe('npm start (scripts/start-server.ts)', () => {
  it('prints the demo URL on 127.0.0.1 and serves the demo and the emulator there', async () => {
    const s = await start();
    try {
      assert.match(s.stdout(), /Clerk emulator at http:\/\/127\.0\.0\.1:\d+\/__clerk \(seeded users: alice, bob_builder/);
      const home = await fetch(`${s.url}/`);
      assert.equal(home.status, 200);
      assert.match(await home.text(), /<clerk-provider publishable-key="pk_test_Y2xlcmsuZW11LnRlc3Qk" proxy-url="\/__clerk"/);
      assert.equal((await client(s.url).fapi('GET', '/environment')).status, 200);
      assert.equal((await fetch(`${s.url}/__emulator/log`)).status, 404, 'control API off unless --control');
    } finally {
      assert.equal(await stop(s.child), 0);
    }
  });

  it('fails with a clear message and exit code 1 when the port is taken', async () => {
    const blocker: Server = createServer();
    await new Promise<void>((r) => blocker.listen(0, '127.0.0.1', r));
    const port = (blocker.address() as { port: number }).port;
    try {
      const { code, stderr } = await runToExit({ PORT: String(port) });
      assert.equal(code, 1);
      assert.match(stderr, new RegExp(`npm start: port ${port} on 127\\.0\\.0\\.1 is already in use`));
      assert.match(stderr, new RegExp(`PORT=${port + 1} npm start`));
      assert.doesNotMatch(stderr, /\n\s+at /, 'no stack trace');
    } finally {
      blocker.close();
    }
  });

  it('rejects a bad PORT, a malformed publishable key and an unknown flag with one clear line', async () => {
    const port = await runToExit({ PORT: 'eighty' });
    assert.equal(port.code, 1);
    assert.match(port.stderr, /invalid port "eighty"/);
    const key = await runToExit({ CLERK_PUBLISHABLE_KEY: 'pk_test_"><script>' });
    assert.equal(key.code, 1);
    assert.match(key.stderr, /invalid Clerk publishable key/);
    const flag = await runToExit({}, ['--presist', 'x.json']);
    assert.equal(flag.code, 1);
    assert.match(flag.stderr, /Unknown option '--presist'/);
  });

  it('--persist keeps users and a signed-in browser across a restart; without it, a restart forgets', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'emu-start-'));
    const file = join(dir, 'state.json');
    try {
      const first = await start(['--persist', file]);
      assert.match(first.stdout(), /State persisted in /);
      const c = client(first.url);
      await signInAlice(c, first.url);
      await stop(first.child);

      const second = await start(['--persist', file]);
      const c2 = client(second.url);
      c2.cookies = c.cookies;
      const after = (await c2.fapi('GET', '/client')).json.response;
      assert.equal(after.sessions.length, 1);
      assert.equal(after.sessions[0].user.id, 'user_alice');
      await stop(second.child);

      const third = await start();
      const c3 = client(third.url);
      c3.cookies = c.cookies;
      assert.equal((await c3.fapi('GET', '/client')).json.response, null, 'in memory by default');
      await stop(third.child);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('a corrupt --persist file is a clear error, not a stack trace', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'emu-start-'));
    try {
      const file = join(dir, 'broken.json');
      (await import('node:fs')).writeFileSync(file, '{ not json');
      const { code, stderr } = await runToExit({}, ['--persist', file]);
      assert.equal(code, 1);
      assert.match(stderr, /cannot read the persisted state .*broken\.json.*Delete the file/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('with CLERK_PUBLISHABLE_KEY serves the pages with that key, no proxy-url, and a CSP allowing that Frontend API', async () => {
    const host = 'clerk.example-app.com';
    const key = `pk_live_${Buffer.from(`${host}$`).toString('base64')}`;
    const s = await start([], { CLERK_PUBLISHABLE_KEY: key });
    try {
      assert.match(s.stdout(), /Using real Clerk with pk_live_/);
      for (const path of ['/', '/sign-in', '/sign-in/sso-callback', '/sign-in/continue', '/sign-up', '/account']) {
        const res = await fetch(`${s.url}${path}`);
        assert.equal(res.status, 200, path);
        const html = await res.text();
        const tags = html.match(/<clerk-provider\b[^>]*>/g) ?? [];
        assert.equal(tags.length, 1, path);
        assert.match(tags[0]!, new RegExp(`publishable-key="${key.replace(/[+/=]/g, '\\$&')}"`), path);
        assert.doesNotMatch(tags[0]!, /proxy-url/, path);
        assert.doesNotMatch(html, /pk_test_Y2xlcmsuZW11LnRlc3Qk/, path);
        const csp = Object.fromEntries(
          res.headers
            .get('content-security-policy')!
            .split(';')
            .map((d) => d.trim().split(/\s+/))
            .map(([name, ...values]) => [name, values]),
        ) as Record<string, string[]>;
        assert.ok(csp['script-src']!.includes(`https://${host}`), `${path}: ${csp['script-src']}`);
        assert.ok(csp['connect-src']!.includes(`https://${host}`), `${path}: ${csp['connect-src']}`);
        assert.ok(csp['img-src']!.includes('https://img.clerk.com'));
        assert.deepEqual(csp['worker-src'], ['blob:']);
        assert.deepEqual(csp['require-trusted-types-for'], ["'script'"]);
        assert.ok(!csp['script-src']!.includes("'unsafe-inline'") && !csp['script-src']!.includes("'unsafe-eval'"));
      }
    } finally {
      await stop(s.child);
    }
  });
});
