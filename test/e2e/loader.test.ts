import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { useE2E, waitForProviderReady } from './harness';

// The loader (/loader.js): a sign-in page downloads only its tags' code, clerk-js first; and the server-rendered
// sign-in page (/sign-in/ssr) keeps its first frame through hydration.
const e2e = useE2E();

const OTHER_ELEMENTS = ['sso-callback', 'continue-signup', 'connected-accounts'];

function recordScripts(page: Page): string[] {
  const paths: string[] = [];
  page.on('request', (request) => {
    const path = new URL(request.url()).pathname;
    if (path.endsWith('.js')) paths.push(path);
  });
  return paths;
}

/** Records every `clerk-error` and `oauth-error` of the page as "type code strategy" in `window.errorEvents`. */
const recordErrorEvents = (page: Page) =>
  page.addInitScript(() => {
    const w = window as unknown as { errorEvents: string[] };
    w.errorEvents = [];
    for (const type of ['clerk-error', 'oauth-error']) {
      document.addEventListener(type, (event) => {
        const { code, strategy } = event as Event & { code: string; strategy?: string };
        w.errorEvents.push([type, code, strategy].filter(Boolean).join(' '));
      });
    }
  });

/** The Google button in <oauth-buttons>'s shadow root: text, box, and whether it is still the node marked earlier. */
const googleButton = (page: Page) =>
  page.evaluate(() => {
    const button = document.querySelector('oauth-buttons')?.shadowRoot?.querySelector<HTMLElement>('button[data-strategy=oauth_google]');
    const list = document.querySelector('oauth-buttons')?.shadowRoot?.querySelector('[part~=list]');
    const box = button?.getBoundingClientRect();
    const w = window as unknown as { marked?: Element };
    const same = w.marked === undefined ? null : w.marked === button;
    if (button) w.marked ??= button;
    return { text: list?.textContent?.replace(/\s+/g, ' ').trim(), box: box && [box.x, box.y, box.width, box.height], same };
  });

describe('loader end to end', () => {
  it('a sign-in page through the loader asks for clerk-js before the element chunks and never for the other elements', async () => {
    const page = await e2e.newPage();
    const scripts = recordScripts(page);
    await e2e.goto(page, '/sign-in/loader');
    await page.getByRole('button', { name: 'Continue with Google' }).waitFor();
    const clerk = scripts.findIndex((p) => p.endsWith('/clerk.browser.js'));
    const firstChunk = scripts.findIndex((p) => p.startsWith('/elements/'));
    assert.ok(clerk >= 0 && firstChunk > clerk, `clerk-js (${clerk}) before the first element chunk (${firstChunk}): ${scripts.join(' ')}`);
    assert.ok(scripts.includes('/elements/clerk-provider.js') && scripts.includes('/elements/oauth-buttons.js'), scripts.join(' '));
    for (const tag of [...OTHER_ELEMENTS, 'hydrate']) assert.ok(!scripts.includes(`/elements/${tag}.js`), `${tag} was downloaded: ${scripts.join(' ')}`);
    assert.ok(!scripts.includes('/elements.js'), 'the single-file build was downloaded');
    assert.equal(scripts.filter((p) => p.endsWith('/clerk.browser.js')).length, 1, 'clerk-js asked for once');
    assert.equal(await page.evaluate(() => document.querySelectorAll('script[src*="clerk.browser.js"]').length), 1);
    assert.deepEqual(e2e.errors(page), []);
  });

  it('the first frame needs no later chunk: a provider runtime that cannot be fetched is an error with Try again, which loads the page again (browsers do not fetch a failed module twice)', async () => {
    const page = await e2e.newPage();
    const scripts = recordScripts(page);
    // The loader's preload and the provider's import both fail; the chunk arrives only when asked for again.
    let asked = 0;
    await page.route(/\/elements\/provider-runtime-[^/]*\.js$/, (route) => (asked++ < 2 ? route.abort('connectionfailed') : route.continue()));
    await recordErrorEvents(page);
    await e2e.goto(page, '/sign-in/loader', { waitForReady: false });
    await page.waitForSelector('clerk-provider[status="error"]', { state: 'attached' });
    // Announced like any load failure, although the chunk that failed is not where the event classes live.
    await page.waitForFunction(() => (window as unknown as { errorEvents: string[] }).errorEvents.includes('clerk-error script_load_failed'));
    // The buttons rendered without the chunk that loads Clerk: they show its error themselves.
    assert.match((await page.locator('oauth-buttons [part="error"]').textContent()) ?? '', /Clerk could not be loaded. Check your connection/);
    await page.getByRole('button', { name: 'Try again' }).click();
    await waitForProviderReady(page);
    await page.getByRole('button', { name: 'Continue with Google' }).waitFor();
    assert.ok(asked >= 3, `the runtime chunk was asked for again (${asked})`);
    assert.ok(scripts.some((p) => /\/elements\/start-[^/]*\.js$/.test(p)), 'the start chunk was fetched once Clerk was ready');
  });

  it("elements without a provider use the page's own clerk-js, loaded by the page after its load event", async () => {
    const page = await e2e.newPage();
    // The page's own Clerk: the script tag and `Clerk.load()` of Clerk's custom-flow guide, run late on purpose
    // (clerk-js tells its listeners of the client before `loaded` turns true; only its status event says "ready").
    const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Own clerk-js</title><link rel="icon" href="data:,">
<script async crossorigin="anonymous" src="/__clerk/npm/@clerk/clerk-js@6/dist/clerk.browser.js" data-clerk-publishable-key="pk_test_Y2xlcmsuZW11LnRlc3Qk" data-clerk-proxy-url="/__clerk"></script>
<script type="module" src="/loader.js"></script>
<script type="module">
  window.addEventListener('load', () => setTimeout(() => window.Clerk.load(), 100), { once: true });
</script></head>
<body><main><h1>Sign in</h1><oauth-buttons redirect-url="/sign-in/sso-callback"></oauth-buttons></main></body></html>`;
    await page.route('**/own-clerk-js', (route) => route.fulfill({ contentType: 'text/html', body: html }));
    await e2e.goto(page, '/own-clerk-js', { waitForReady: false });
    await page.getByRole('button', { name: 'Continue with Google' }).waitFor({ timeout: 10_000 });
    assert.equal(await page.locator('oauth-buttons').getAttribute('status'), 'ready');
    assert.equal(await page.evaluate(() => document.querySelectorAll('script[src*="clerk.browser.js"]').length), 1, 'no second clerk-js');
    await page.getByRole('button', { name: 'Continue with Google' }).click();
    await page.waitForURL((u) => u.pathname === '/oauth/authorize');
    assert.deepEqual(e2e.errors(page), []);
  });

  it("a provider on a page whose own Clerk.load() is under way waits for it: one load, one environment request", async () => {
    const page = await e2e.newPage();
    const environment: string[] = [];
    page.on('request', (request) => {
      if (new URL(request.url()).pathname.endsWith('/v1/environment')) environment.push(request.url());
    });
    // The page's clerk-js runs first (a blocking tag) and its Clerk.load() starts before the provider connects.
    const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Own load, with a provider</title><link rel="icon" href="data:,">
<script crossorigin="anonymous" src="/__clerk/npm/@clerk/clerk-js@6/dist/clerk.browser.js" data-clerk-publishable-key="pk_test_Y2xlcmsuZW11LnRlc3Qk" data-clerk-proxy-url="/__clerk"></script>
<script type="module">window.pageLoad = window.Clerk.load();</script>
<script type="module" src="/loader.js"></script></head>
<body><main><h1>Sign in</h1><clerk-provider publishable-key="pk_test_Y2xlcmsuZW11LnRlc3Qk" proxy-url="/__clerk">
<oauth-buttons redirect-url="/sign-in/sso-callback"></oauth-buttons></clerk-provider></main></body></html>`;
    await page.route('**/own-load-provider', (route) => route.fulfill({ contentType: 'text/html', body: html }));
    // The page's load stays under way while the provider starts.
    await page.route('**/v1/environment?*', async (route) => {
      await new Promise((resolve) => setTimeout(resolve, 1_000));
      await route.continue();
    });
    await e2e.goto(page, '/own-load-provider', { waitForReady: false });
    await waitForProviderReady(page);
    await page.getByRole('button', { name: 'Continue with Google' }).waitFor();
    await page.evaluate(() => (window as unknown as { pageLoad: Promise<void> }).pageLoad);
    assert.equal(environment.length, 1, environment.join(' '));
    assert.equal(await page.evaluate(() => document.querySelectorAll('script[src*="clerk.browser.js"]').length), 1, 'no second clerk-js');
    await page.getByRole('button', { name: 'Continue with Google' }).click();
    await page.waitForURL((u) => u.pathname === '/oauth/authorize');
    assert.deepEqual(e2e.errors(page), []);
  });

  it("the demo's page with its own clerk-js (/sign-in/own-clerk, strict CSP and Trusted Types): buttons, then the provider's page", async () => {
    const page = await e2e.newPage();
    await e2e.goto(page, '/sign-in/own-clerk', { waitForReady: false });
    await page.getByRole('button', { name: 'Continue with Google' }).click();
    await page.waitForURL((u) => u.pathname === '/oauth/authorize');
    assert.deepEqual(e2e.errors(page), []);
  });

  it('a start chunk that cannot be fetched: the click says so, announced, with Try again (a page load), and the buttons stay', async () => {
    const page = await e2e.newPage();
    await page.route(/\/elements\/start-[^/]*\.js$/, (route) => route.abort('connectionfailed'));
    await recordErrorEvents(page);
    await e2e.goto(page, '/sign-in/loader');
    await page.getByRole('button', { name: 'Continue with Google' }).click();
    const alert = page.locator('oauth-buttons [part="error"][role="alert"]');
    await alert.getByText(/Clerk could not be loaded. Check your connection/).waitFor();
    await page.waitForFunction(() => (window as unknown as { errorEvents: string[] }).errorEvents.includes('oauth-error script_load_failed oauth_google'));
    assert.equal(await page.locator('oauth-buttons').getAttribute('status'), 'ready');
    await page.unroute(/\/elements\/start-[^/]*\.js$/);
    await alert.getByRole('button', { name: 'Try again' }).click();
    await waitForProviderReady(page);
    await page.getByRole('button', { name: 'Continue with Google' }).click();
    await page.waitForURL((u) => u.pathname === '/oauth/authorize');
  });

  it('a click before the start chunk has arrived: the button is busy at once, and the flow goes on when it comes', async () => {
    const page = await e2e.newPage();
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    await page.route(/\/elements\/start-[^/]*\.js$/, async (route) => {
      await held;
      await route.continue();
    });
    await e2e.goto(page, '/sign-in/loader');
    const google = page.getByRole('button', { name: 'Continue with Google' });
    await google.click();
    await page.waitForFunction(() => document.querySelector('oauth-buttons')?.shadowRoot?.querySelector('button[data-strategy=oauth_google]')?.getAttribute('aria-busy') === 'true');
    assert.equal(await page.locator('oauth-buttons').getAttribute('status'), 'loading');
    release();
    await page.waitForURL((u) => u.pathname === '/oauth/authorize');
  });

  it('a tag added later, inside a shadow root handed to observe(), is defined on first sight', async () => {
    const page = await e2e.newPage();
    const scripts = recordScripts(page);
    await e2e.goto(page, '/sign-in/loader');
    await page.evaluate(async () => {
      const { observe } = (await import('/loader.js' as string)) as { observe(root: ShadowRoot): void };
      const host = document.createElement('div');
      document.body.append(host);
      const root = host.attachShadow({ mode: 'open' });
      observe(root);
      root.append(document.createElement('sso-callback'));
      await customElements.whenDefined('sso-callback');
    });
    assert.ok(scripts.includes('/elements/sso-callback.js'));
    assert.ok(!scripts.includes('/elements/connected-accounts.js'));
  });

  it('the server-rendered page shows its buttons without script and hydrates them in place: same text, same box, no layout shift', async () => {
    const page = await e2e.newPage();
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    await page.route('**/loader.js', async (route) => {
      await held;
      await route.continue();
    });
    await page.addInitScript(() => {
      const w = window as unknown as { shifts: { at: number; value: number }[] };
      w.shifts = [];
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries()) w.shifts.push({ at: entry.startTime, value: (entry as PerformanceEntry & { value: number }).value });
      }).observe({ type: 'layout-shift', buffered: true });
    });
    // Not until `load`: the page's load event waits for the held loader. The snapshot is taken once the whole
    // page is parsed (readyState `interactive` comes before deferred scripts run) and laid out: while the HTML
    // still streams in, a lone first button sits centred until the second arrives, which is the parser's doing,
    // not hydration's. Only shifts from the snapshot on count.
    await page.goto(new URL('/sign-in/ssr', e2e.url).href, { waitUntil: 'commit' });
    await page.waitForFunction(() => document.readyState !== 'loading' && document.querySelector('oauth-buttons')?.shadowRoot?.querySelector('button'));
    const parsedAt = await page.evaluate(() => new Promise<number>((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve(performance.now())))));
    const before = await googleButton(page);
    assert.equal(await page.evaluate(() => customElements.get('oauth-buttons')), undefined, 'measured before any script of ours ran');
    assert.equal(before.text, 'Google GitHub');
    release();
    await waitForProviderReady(page);
    await page.waitForFunction(() => document.querySelector('oauth-buttons')?.getAttribute('status') === 'ready');
    const after = await googleButton(page);
    assert.equal(after.text, before.text);
    assert.deepEqual(after.box, before.box);
    assert.equal(after.same, true, 'the server-rendered button is the one on screen (not rendered again)');
    const shifts = await page.evaluate(
      (from) => (window as unknown as { shifts: { at: number; value: number }[] }).shifts.filter((s) => s.at >= from).reduce((sum, s) => sum + s.value, 0),
      parsedAt,
    );
    assert.equal(shifts, 0, 'no layout shift from hydration');
    assert.deepEqual(e2e.errors(page), []);
    // And it works: the click starts the flow.
    await page.getByRole('button', { name: 'Google', exact: true }).click();
    await page.waitForURL(/\/oauth\/authorize/);
  });
});
