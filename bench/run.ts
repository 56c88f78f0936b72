/**
 * npm run bench: the size and speed targets (bench/targets.json), measured on this machine.
 * - sizes: gzip -9 of the single-file browser build, and of the npm entry as an app's bundler minifies it (lit excluded);
 * - provider ready: a cold page until `<clerk-provider status="ready">` against the local emulator;
 * - first frame: with clerk-js held back, how soon `<oauth-buttons strategies=…>` shows its buttons;
 * - emulator: latency of `GET /v1/client`.
 * Prints a table and exits 1 when a target is missed.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { build } from 'esbuild';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { startE2E } from '../test/e2e/harness';
import { REPO_ROOT, ELEMENTS_BUNDLE } from '../emulator/src/paths';

const targets = JSON.parse(readFileSync(join(REPO_ROOT, 'bench/targets.json'), 'utf8')) as Record<string, number>;
const RUNS = 5;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const percentile = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * p))]!;
const gzip = (path: string) => gzipSync(readFileSync(path), { level: 9 }).length;

if (!existsSync(ELEMENTS_BUNDLE) || !existsSync(join(REPO_ROOT, 'dist/index.js'))) {
  execFileSync('npm', ['run', '-s', 'build'], { cwd: REPO_ROOT, stdio: 'inherit' });
}

const results: Array<{ name: string; value: number; unit: string; target?: number }> = [];
results.push({ name: 'browserBundleGzipBytes', value: gzip(ELEMENTS_BUNDLE), unit: 'B' });
// What an app ships from the npm entry with every element registered: dist/define.js and its chunks, as the
// app's bundler minifies them (lit and @lit/context stay out: the app has them once for all its Lit code).
const npmEntry = await build({
  entryPoints: [join(REPO_ROOT, 'dist/define.js')],
  bundle: true,
  minify: true,
  write: false,
  format: 'esm',
  external: ['lit', 'lit/*', '@lit/*'],
});
results.push({ name: 'npmEntryGzipBytes', value: gzipSync(npmEntry.outputFiles[0]!.contents, { level: 9 }).length, unit: 'B' });

const e2e = await startE2E();
try {
  const ready: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const page = await e2e.newPage();
    const started = Date.now();
    await e2e.goto(page, '/sign-in');
    ready.push(Date.now() - started);
    await page.context().close();
  }
  results.push({ name: 'providerReadyMs', value: median(ready), unit: 'ms' });

  // First frame: clerk.browser.js held back 1.5 s; the buttons must not wait for it.
  const firstFrame: number[] = [];
  const hasButtons = existsSync(join(REPO_ROOT, 'src/elements/oauth-buttons'));
  for (let i = 0; hasButtons && i < RUNS; i++) {
    e2e.control.injectFault({ path: '/__clerk/npm/*', latencyMs: 1500, times: 1 });
    const page = await e2e.newPage();
    await page.route('**/bench/first-frame', (route) =>
      route.fulfill({
        contentType: 'text/html',
        body: `<!doctype html><html lang="en"><head><script type="module" src="/elements.js"></script></head><body>
          <clerk-provider publishable-key="pk_test_Y2xlcmsuZW11LnRlc3Qk" proxy-url="/__clerk">
          <oauth-buttons strategies="oauth_google,oauth_github"></oauth-buttons></clerk-provider></body></html>`,
      }),
    );
    // Not page.goto's default: the page's load event waits for clerk.browser.js, the very thing held back.
    await page.goto(new URL('/bench/first-frame', e2e.url).href, { waitUntil: 'commit' });
    const shown = await page.waitForFunction(
      () => ((document.querySelector('oauth-buttons')?.shadowRoot?.querySelectorAll('button').length ?? 0) >= 2 ? performance.now() : 0),
      undefined,
      { timeout: 10_000, polling: 'raf' },
    );
    // Milliseconds since the navigation started, measured by the page itself.
    firstFrame.push(Math.round((await shown.jsonValue()) as number));
    const clerkStillLoading = await page.evaluate(() => document.querySelector('clerk-provider')?.getAttribute('status') === 'loading');
    if (!clerkStillLoading) throw new Error('first-frame: Clerk was already ready, so this run measured nothing');
    await page.context().close();
  }
  if (hasButtons) results.push({ name: 'firstFrameBeforeClerkMs', value: median(firstFrame), unit: 'ms' });

  const latencies: number[] = [];
  const client = new URL('/__clerk/v1/client?__clerk_api_version=2025-11-10&_clerk_js_version=6.40.0', e2e.url).href;
  for (let i = 0; i < 200; i++) {
    const started = performance.now();
    await (await fetch(client)).arrayBuffer();
    latencies.push(performance.now() - started);
  }
  results.push({ name: 'emulatorClientP95Ms', value: Math.round(percentile(latencies, 0.95) * 10) / 10, unit: 'ms' });
} finally {
  await e2e.close();
}

let missed = 0;
console.log('\nbenchmark                   value        target   ok');
for (const r of results) {
  const target = targets[r.name];
  const ok = target === undefined || r.value <= target;
  if (!ok) missed++;
  console.log(`${r.name.padEnd(26)} ${`${r.value} ${r.unit}`.padStart(10)}   ${target === undefined ? '-' : `<= ${target}`.padStart(8)}   ${ok ? 'yes' : 'NO'}`);
}
console.log(`${results.length - missed} passed, ${missed} failed`);
process.exit(missed ? 1 : 0);
