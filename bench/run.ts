/**
 * npm run bench: our pages against Clerk's own UI, in one run, against the same local Frontend API (the emulator).
 * - speed: every page of bench/pages in alternating rounds (A B C … A B C), a cold browser context per load,
 *   throttled (150 ms round trip, 1.6 Mbit/s each way, Chrome's own network emulation) and not: time and bytes
 *   until the first visible, enabled "Google" button; per-page medians, each round's ratios, the median ratio;
 * - FAPI requests per flow (load, then click Google until the provider's consent page): ours against the
 *   hand-written clerk-js page (never more);
 * - leaks: each element mounted and removed 1,000 times with a loaded Clerk, four times over (the first to warm
 *   up): the heap's growth after forced GC over each thousand (a leak grows with each), Clerk listeners left (zero);
 * - sizes: gzip of what the sign-in pages download before their first frame (also checked by `npm test`).
 * Prints tables (and writes bench/results.json); exits 1 when a target of bench/targets.json is missed.
 * BENCH_ROUNDS overrides the number of rounds (default 10).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { startEmulator } from '../emulator/src/index';
import { renderSsrSlots } from '../emulator/src/demo-ssr';
import { REPO_ROOT, EMULATOR_DIR } from '../emulator/src/paths';
import { bundleIsStale, buildBundle } from '../scripts/bundle.mjs';
import { launchChromium } from '../test/e2e/harness';
import { measureSizes } from '../scripts/check-size.mjs';
import { clerkPreloadHint, modulePreloadHints } from '../bin/hints.mjs';

/** A production key for the emulator's host (`clerk.emu.test`), as on the bench pages. */
const BENCH_KEY = `pk_live_${Buffer.from('clerk.emu.test$').toString('base64')}`;

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 10);
const targets = JSON.parse(readFileSync(join(REPO_ROOT, 'bench/targets.json'), 'utf8')) as { ratios: Record<string, number>; signInFirstFrameGzipBytes: number };
const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
};

// Build what is missing, and the comparison's own install (bench/compare), outside the package's dependencies.
if (bundleIsStale() || !existsSync(join(REPO_ROOT, 'dist/index.js'))) execFileSync('npm', ['run', '-s', 'build'], { cwd: REPO_ROOT, stdio: 'inherit' });
else if (!existsSync(join(REPO_ROOT, 'dist/browser/loader.js'))) buildBundle();
const CLERK_UI_DIST = join(REPO_ROOT, 'bench/compare/node_modules/@clerk/ui/dist');
if (!existsSync(join(CLERK_UI_DIST, 'ui.browser.js'))) execFileSync('npm', ['run', '-s', 'bench:install'], { cwd: REPO_ROOT, stdio: 'inherit' });

/** Page name -> what it is. Order = the order within each round. */
const PAGES = {
  'clerk-ui': "Clerk's prebuilt sign-in (clerk-js + @clerk/ui, mountSignIn)",
  handwritten: 'clerk-js + hand-written buttons (custom flow)',
  static: 'static HTML buttons (the floor)',
  'loader-strategies': 'ours: loader + module preloads, strategies given',
  'loader-list': "ours: loader + clerk-js and module preloads, instance's provider list",
  'single-strategies': 'ours: single file, strategies given',
  'single-list': "ours: single file, instance's provider list",
  ssr: 'ours: server-rendered (DSD) + loader + preloads',
  'page-clerk': "ours without a provider: the page's own clerk-js and Clerk.load(), loader + module preloads, instance's list",
} as const;
type PageName = keyof typeof PAGES;
const NAMES = Object.keys(PAGES) as PageName[];

// Pages as served: the hints the preload CLI prints filled in, and the server-rendered page rendered here,
// at "build time", with the package's SSR entry.
const pagesDir = join(REPO_ROOT, 'bench/pages');
const rendered = mkdtempSync(join(tmpdir(), 'bench-pages-'));
for (const name of NAMES) {
  let html = readFileSync(join(pagesDir, `${name}.html`), 'utf8');
  html = html.replace(/<!--bench:hints tags="([^"]*)"( hydrate)?( no-clerk)?-->/, (_m, tags: string, hydrate?: string, noClerk?: string) =>
    [
      ...(noClerk ? [] : [clerkPreloadHint({ publishableKey: BENCH_KEY, proxyUrl: '/__clerk' })]),
      ...(tags ? [modulePreloadHints({ tags: tags.split(','), hydrate: Boolean(hydrate) })] : []),
    ].join('\n'),
  );
  if (name === 'ssr') html = await renderSsrSlots(html);
  writeFileSync(join(rendered, `${name}.html`), html);
}
const extraPages = Object.fromEntries(NAMES.map((name) => [`/bench/${name}`, join(rendered, `${name}.html`)]));

const emulator = await startEmulator({
  port: 0,
  settings: `${EMULATOR_DIR}/settings/default.json`,
  demo: { extraPages, clerkUiDist: CLERK_UI_DIST },
  compress: true,
});
const browser: Browser = await launchChromium();

/**
 * Runs in the page from its first script on: the first visible, enabled Google button (in the document or any
 * open shadow root), the time since navigation start and the bytes of every response finished by then.
 * A string, not a function: tsx would add its own helpers to a function's source, which the page lacks.
 */
const FIRST_BUTTON_PROBE = `(() => {
  const find = (root) => {
    for (const el of root.querySelectorAll('button, [role=button]')) {
      const label = (el.textContent || '') + ' ' + (el.getAttribute('aria-label') || '');
      if (!/google/i.test(label)) continue;
      if (el.disabled || el.getAttribute('aria-disabled') === 'true') continue;
      const box = el.getBoundingClientRect();
      if (box.width > 0 && box.height > 0 && el.checkVisibility({ opacityProperty: true, visibilityProperty: true })) return el;
    }
    for (const host of root.querySelectorAll('*')) {
      if (!host.shadowRoot) continue;
      const found = find(host.shadowRoot);
      if (found) return found;
    }
    return undefined;
  };
  const check = () => {
    if (window.firstButton) return;
    if (document.documentElement && find(document)) {
      const ms = performance.now();
      const entries = [...performance.getEntriesByType('navigation'), ...performance.getEntriesByType('resource')];
      window.firstButton = { ms, resources: entries.filter((e) => e.entryType === 'resource' && e.responseEnd > 0 && e.responseEnd <= ms).map((e) => e.name) };
      return;
    }
    requestAnimationFrame(check);
  };
  check();
  document.addEventListener('readystatechange', check);
})();`;

const THROTTLE = { offline: false, latency: 150, downloadThroughput: (1.6 * 1024 * 1024) / 8, uploadThroughput: (1.6 * 1024 * 1024) / 8 };

async function coldPage(throttled: boolean): Promise<Page> {
  const context = await browser.newContext({ baseURL: emulator.url });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  if (throttled) await cdp.send('Network.emulateNetworkConditions', THROTTLE);
  return page;
}

async function measure(name: PageName, throttled: boolean): Promise<{ ms: number; bytes: number }> {
  const page = await coldPage(throttled);
  try {
    await page.addInitScript({ content: FIRST_BUTTON_PROBE });
    await page.goto(`/bench/${name}`, { waitUntil: 'commit' });
    const handle = await page.waitForFunction(() => (window as unknown as { firstButton?: unknown }).firstButton, undefined, { timeout: 30_000, polling: 50 });
    const result = (await handle.jsonValue()) as { ms: number; resources: string[] };
    // Bytes on the wire (compressed, with headers) of the HTML and of every response finished before the button;
    // read once the page has loaded, when every size is known (the HTML may still stream when the button shows).
    await page.waitForLoadState('load', { timeout: 30_000 });
    const bytes = await page.evaluate((names) => {
      const nav = performance.getEntriesByType('navigation')[0] as PerformanceResourceTiming;
      const done = new Set(names);
      const resources = (performance.getEntriesByType('resource') as PerformanceResourceTiming[]).filter((e) => done.has(e.name));
      return nav.transferSize + resources.reduce((sum, e) => sum + e.transferSize, 0);
    }, result.resources);
    return { ms: Math.round(result.ms), bytes };
  } finally {
    await page.context().close();
  }
}

// Ratios: which page against which reference, and the target (bench/targets.json) when there is one.
const RATIOS: Array<{ key: string; page: PageName; ref: PageName }> = [
  { key: 'loader-strategies/static', page: 'loader-strategies', ref: 'static' },
  { key: 'single-strategies/static', page: 'single-strategies', ref: 'static' },
  { key: 'ssr/static', page: 'ssr', ref: 'static' },
  { key: 'loader-list/handwritten', page: 'loader-list', ref: 'handwritten' },
  { key: 'single-list/handwritten', page: 'single-list', ref: 'handwritten' },
  { key: 'page-clerk/handwritten', page: 'page-clerk', ref: 'handwritten' },
  { key: 'loader-strategies/clerk-ui', page: 'loader-strategies', ref: 'clerk-ui' },
  { key: 'loader-list/clerk-ui', page: 'loader-list', ref: 'clerk-ui' },
  { key: 'ssr/clerk-ui', page: 'ssr', ref: 'clerk-ui' },
];

const results: Record<string, unknown> = { rounds: ROUNDS, date: new Date().toISOString() };
const missed: string[] = [];
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

try {
  for (const throttled of [true, false]) {
    const label = throttled ? 'throttled (150 ms RTT, 1.6 Mbit/s)' : 'not throttled';
    const runs: Record<PageName, Array<{ ms: number; bytes: number }>> = Object.fromEntries(NAMES.map((n) => [n, []])) as never;
    // One warm-up load per page (server code paths, Chromium's own caches of compiled code stay per context).
    for (const name of NAMES) await measure(name, throttled);
    const roundRatios: Array<Record<string, number>> = [];
    for (let round = 0; round < ROUNDS; round++) {
      const times: Partial<Record<PageName, number>> = {};
      for (const name of NAMES) {
        const r = await measure(name, throttled);
        runs[name].push(r);
        times[name] = r.ms;
      }
      roundRatios.push(Object.fromEntries(RATIOS.map(({ key, page, ref }) => [key, times[page]! / Math.max(1, times[ref]!)])));
      process.stderr.write(`${label}: round ${round + 1}/${ROUNDS}\n`);
    }
    console.log(`\n## ${label}: until the first visible, enabled Google button (median of ${ROUNDS} rounds)\n`);
    console.log('| page | what | time | bytes |\n|---|---|---:|---:|');
    const medians: Record<string, { ms: number; bytes: number }> = {};
    for (const name of NAMES) {
      medians[name] = { ms: median(runs[name].map((r) => r.ms)), bytes: median(runs[name].map((r) => r.bytes)) };
      console.log(`| ${name} | ${PAGES[name]} | ${medians[name].ms} ms | ${kb(medians[name].bytes)} |`);
    }
    console.log(`\nratios per round (${RATIOS.map((r) => r.key).join(', ')}):`);
    roundRatios.forEach((r, i) => console.log(`  round ${String(i + 1).padStart(2)}: ${RATIOS.map(({ key }) => r[key]!.toFixed(2)).join('  ')}`));
    console.log('\n| ratio | median | target | met |\n|---|---:|---:|---|');
    const ratioMedians: Record<string, number> = {};
    for (const { key } of RATIOS) {
      ratioMedians[key] = median(roundRatios.map((r) => r[key]!));
      const target = throttled ? targets.ratios[key] : undefined;
      const ok = target === undefined || ratioMedians[key] <= target;
      if (!ok) missed.push(`${key} ${ratioMedians[key].toFixed(2)}x > ${target}x`);
      console.log(`| ${key} | ${ratioMedians[key].toFixed(2)}x | ${target === undefined ? '-' : `<= ${target}x`} | ${target === undefined ? '-' : ok ? 'yes' : 'NO'} |`);
    }
    if (throttled) {
      const bytes = medians['loader-strategies']!.bytes;
      const ok = bytes <= targets.signInFirstFrameGzipBytes;
      if (!ok) missed.push(`loader-strategies bytes before first frame ${bytes} > ${targets.signInFirstFrameGzipBytes}`);
      console.log(`| loader-strategies bytes before the first frame | ${kb(bytes)} | <= ${kb(targets.signInFirstFrameGzipBytes)} | ${ok ? 'yes' : 'NO'} |`);
    }
    results[throttled ? 'throttled' : 'unthrottled'] = { medians, ratioMedians, roundRatios };
  }

  // FAPI requests per flow: load the page, click Google, stop at the provider's consent page.
  console.log('\n## Frontend API requests per flow (load + click Google until the consent page)\n');
  console.log('| page | requests | calls |\n|---|---:|---|');
  const flows: Record<string, string[]> = {};
  for (const name of ['handwritten', 'loader-list', 'loader-strategies', 'single-list', 'page-clerk'] as const) {
    const page = await coldPage(false);
    emulator.clearLog();
    await page.goto(`/bench/${name}`);
    await page.waitForFunction(() => (window as unknown as { Clerk?: { loaded: boolean } }).Clerk?.loaded === true);
    const button = name === 'handwritten' ? page.locator('button[data-strategy=oauth_google]') : page.locator('oauth-buttons button[data-strategy=oauth_google]');
    await page.waitForFunction(() => document.querySelector('oauth-buttons')?.getAttribute('status') !== 'loading');
    await button.click();
    await page.waitForURL(/\/oauth\/authorize/);
    flows[name] = emulator.log.filter((e) => e.path.startsWith('/__clerk/v1/')).map((e) => `${e.effectiveMethod ?? e.method} ${e.path.slice('/__clerk'.length)}`);
    console.log(`| ${name} | ${flows[name].length} | ${flows[name].join(', ')} |`);
    await page.context().close();
  }
  for (const name of ['loader-list', 'loader-strategies', 'single-list', 'page-clerk']) {
    if (flows[name]!.length > flows.handwritten!.length) missed.push(`${name} makes ${flows[name]!.length} FAPI requests, the hand-written page ${flows.handwritten!.length}`);
  }
  results.fapiRequests = flows;

  // Leaks: 4 x 1,000 mounts and removals per element with a loaded Clerk (page Clerk, no provider: every element
  // then holds its own Clerk listener while connected), forced GC, heap and live listeners.
  console.log('\n## Leaks: each element mounted and removed 1,000 times with a loaded Clerk, four times over\n');
  console.log('| element | heap growth (after GC), first 1,000 (warm-up) | second 1,000 | third | fourth | Clerk listeners left |\n|---|---:|---:|---:|---:|---:|');
  const page = await coldPage(false);
  const cdp = await page.context().newCDPSession(page);
  await page.goto('/bench/loader-list');
  await page.waitForFunction(() => (window as unknown as { Clerk?: { loaded: boolean } }).Clerk?.loaded === true);
  await page.evaluate(async () => {
    const { allDefined } = (await import('/loader.js' as string)) as { allDefined(root?: ParentNode): Promise<void> };
    const scratch = document.createElement('div');
    scratch.hidden = true;
    for (const tag of ['sso-callback', 'continue-signup', 'connected-accounts']) scratch.append(document.createElement(tag));
    // Defined, but never connected: the elements' one-time work (callbacks, redirects) runs only in the loop.
    const { observe } = (await import('/loader.js' as string)) as { observe(root: ParentNode): void };
    observe(scratch);
    await allDefined(scratch);
    // Count live Clerk listeners: every addListener, minus every unsubscribe called.
    const clerk = (window as unknown as { Clerk: { addListener(cb: unknown): () => void } }).Clerk;
    const w = window as unknown as { liveListeners: number };
    w.liveListeners = 0;
    const add = clerk.addListener.bind(clerk);
    clerk.addListener = (cb: unknown) => {
      w.liveListeners++;
      const unsubscribe = add(cb);
      let done = false;
      return () => {
        if (!done) w.liveListeners--;
        done = true;
        unsubscribe();
      };
    };
    // Mounted elements must not leave the page (callbacks and redirects are announced and cancelable).
    for (const type of ['clerk-redirect', 'sso-redirect', 'signup-redirect', 'oauth-redirect']) {
      document.addEventListener(type, (event) => event.preventDefault(), true);
    }
  });
  const heap = async () => {
    await cdp.send('HeapProfiler.collectGarbage');
    await cdp.send('HeapProfiler.collectGarbage');
    return ((await cdp.send('Runtime.getHeapUsage')) as { usedSize: number }).usedSize;
  };
  const leaks: Record<string, { warmUp: number; before: number; after: number; steps: number[]; listeners: number }> = {};
  for (const tag of ['clerk-provider', 'oauth-buttons', 'sso-callback', 'continue-signup', 'connected-accounts']) {
    const cycle = (times: number) =>
      page.evaluate(
        async ({ tag, times }) => {
          const host = document.createElement('div');
          host.hidden = true;
          document.body.append(host);
          for (let i = 0; i < times; i++) {
            const el = document.createElement(tag) as HTMLElement & { updateComplete?: Promise<unknown> };
            if (tag === 'clerk-provider') (el as unknown as { clerk: unknown }).clerk = (window as unknown as { Clerk: unknown }).Clerk;
            host.append(el);
            await el.updateComplete;
            el.remove();
          }
          host.remove();
          await new Promise((resolve) => setTimeout(resolve, 50));
          return (window as unknown as { liveListeners: number }).liveListeners;
        },
        { tag, times },
      );
    // A leak grows with every thousand; warming up does not. So: one thousand to warm up (compiled code, caches),
    // then three more, each measured. The first thousand grows the heap by 30 to 190 KB; <oauth-buttons> grows
    // for a second thousand too (about 100 KB), then like the others by a few KB, up or down (GC timing).
    const start = await heap();
    let listeners = await cycle(1000);
    const before = await heap();
    const steps: number[] = [];
    let last = before;
    for (let round = 0; round < 3; round++) {
      listeners = await cycle(1000);
      const now = await heap();
      steps.push(now - last);
      last = now;
    }
    leaks[tag] = { warmUp: before - start, before, after: last, steps, listeners };
    console.log(`| ${tag} | ${kb(before - start)} | ${steps.map(kb).join(' | ')} | ${listeners} |`);
    if (listeners !== 0) missed.push(`${tag} leaves ${listeners} Clerk listeners`);
  }
  await page.context().close();
  results.leaks = leaks;

  const sizes = measureSizes();
  results.sizes = sizes;
  console.log('\n## Sizes (gzip -9, what `npm test` checks against size-budgets.json)\n');
  for (const [key, value] of Object.entries(sizes)) console.log(`- ${key}: ${kb(value)}`);
} finally {
  await browser.close();
  await emulator.close();
}

writeFileSync(join(REPO_ROOT, 'bench/results.json'), `${JSON.stringify(results, null, 2)}\n`);
console.log(missed.length ? `\nmissed:\n${missed.map((m) => `- ${m}`).join('\n')}` : '\nevery target met');
process.exit(missed.length ? 1 : 0);
