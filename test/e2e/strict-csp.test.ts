import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import type { Page } from 'playwright-core';
import { clerkUser, signInThroughFakeProvider, useE2E } from './harness';

// Every flow of the demo under the strictest CSP a page is likely to use: a nonce-based `'strict-dynamic'`
// script policy (no host allow-list, no 'self' for scripts) and `require-trusted-types-for 'script'`. The
// emulator's own pages keep their header; here each HTML document is re-served with that policy and its script
// tags (and `<clerk-provider>`, which hands the nonce to the clerk-js tag it adds) carrying a fresh nonce.
// Every `securitypolicyviolation` is reported as a console error, which the harness collects.

const e2e = useE2E();

const strictCsp = (nonce: string) =>
  [
    "default-src 'self'",
    `script-src 'nonce-${nonce}' 'strict-dynamic'`,
    "style-src 'self'",
    "img-src 'self' data:",
    "connect-src 'self'",
    'worker-src blob:',
    "base-uri 'none'",
    "object-src 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    "require-trusted-types-for 'script'",
    'trusted-types default lit-html clerk-oauth-elements',
  ].join('; ');

/** A page whose every document from the emulator is served with the strict policy, violations reported. */
async function strictPage(): Promise<{ page: Page; served: string[] }> {
  const page = await e2e.newPage();
  const served: string[] = [];
  await page.context().route(
    (url) => url.origin === e2e.url,
    async (route) => {
      const request = route.request();
      if (request.resourceType() !== 'document') return route.continue();
      const response = await route.fetch({ maxRedirects: 0 });
      const headers = response.headers();
      const nonce = randomBytes(16).toString('base64');
      const location = headers['location'];
      if (response.status() >= 300 && response.status() < 400 && location) {
        // Playwright does not route the hops of a redirect, so a redirect becomes a (script-free) meta refresh:
        // the browser then asks for the next document itself, and that one is routed (and re-served) too.
        // Its cookies are kept (the Frontend API sets the client cookie on its OAuth callback redirect).
        const { location: _dropped, 'content-length': _length, ...kept } = headers;
        const target = new URL(location, request.url()).href.replace(/&/g, '&amp;').replace(/"/g, '&quot;');
        served.push(`${new URL(request.url()).pathname} -> ${new URL(location, request.url()).pathname}`);
        return route.fulfill({
          status: 200,
          headers: { ...kept, 'content-type': 'text/html; charset=utf-8', 'content-security-policy': strictCsp(nonce) },
          body: `<!doctype html><meta http-equiv="refresh" content="0;url=${target}">`,
        });
      }
      const type = headers['content-type'] ?? '';
      if (!type.includes('text/html')) return route.fulfill({ response });
      const body = (await response.text()).replace(/<script\b/g, `<script nonce="${nonce}"`).replace(/<clerk-provider\b/g, `<clerk-provider nonce="${nonce}"`);
      const probed = new URL(request.url()).searchParams.has('csp-probe') ? body.replace('<head>', '<head><script>window.inlineRan = true</script>') : body;
      served.push(new URL(request.url()).pathname);
      await route.fulfill({ response, body: probed, headers: { ...headers, 'content-security-policy': strictCsp(nonce) } });
    },
  );
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => console.error(`CSP violation: ${e.violatedDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}`));
  });
  return { page, served };
}

/** Errors a test provoked on purpose, counted from the start. */
const ignored = new WeakMap<Page, number>();
const clean = (page: Page) => assert.deepEqual(e2e.errors(page).slice(ignored.get(page) ?? 0), []);

describe('strict CSP (nonce + strict-dynamic + Trusted Types) end to end', () => {
  it('an existing user signs in: buttons, fake provider, the Frontend API callback straight home, with zero violations', async () => {
    const { page, served } = await strictPage();
    // The policy is live: on a probe copy of the page, a script without the nonce is refused and reported.
    await e2e.goto(page, '/sign-in?csp-probe');
    assert.equal(await page.evaluate(() => (window as { inlineRan?: boolean }).inlineRan), undefined);
    const probe = e2e.errors(page);
    assert.ok(probe.some((e) => e.startsWith('console.error: CSP violation: script-src')), `the violation was reported: ${probe.join(' | ')}`);
    ignored.set(page, probe.length);
    await e2e.goto(page, '/sign-in');
    await page.getByRole('button', { name: 'Continue with Google' }).click();
    await signInThroughFakeProvider(page, { user: 'Alice Example' });
    await page.waitForURL((u) => u.pathname === '/', { timeout: 15_000 });
    await page.waitForSelector('#who[data-state="signed-in"]', { timeout: 15_000 });
    assert.equal((await clerkUser(page))?.email, 'alice@example.com');
    assert.ok(['/sign-in', '/'].every((p) => served.includes(p)), `the strict policy was served: ${served.join(', ')}`);
    clean(page);
  });

  it('a new user goes sign-in -> callback -> continue -> home, with zero violations', async () => {
    const { page, served } = await strictPage();
    await e2e.goto(page, '/sign-in');
    await page.getByRole('button', { name: 'Continue with Google' }).click();
    await signInThroughFakeProvider(page, { newUser: { firstName: 'Nina', lastName: 'New', email: 'nina@example.com' } });
    await page.waitForURL((u) => u.pathname === '/sign-in/continue', { timeout: 15_000 });
    await page.waitForSelector('continue-signup[status="ready"][step="form"]', { timeout: 15_000 });
    const form = page.locator('continue-signup');
    await form.getByLabel('Username').fill('ninanew');
    await form.getByRole('checkbox').check();
    await form.getByRole('button', { name: 'Continue' }).click();
    await page.waitForURL((u) => u.pathname === '/', { timeout: 15_000 });
    await page.waitForSelector('#who[data-state="signed-in"]', { timeout: 15_000 });
    assert.equal((await clerkUser(page))?.username, 'ninanew');
    assert.ok(served.includes('/sign-in/sso-callback') && served.includes('/sign-in/continue'), `the strict policy was served: ${served.join(', ')}`);
    clean(page);
  });

  it('the account page lists, connects (to the fake provider and back) with zero violations', async () => {
    const { page } = await strictPage();
    await e2e.goto(page, '/sign-in');
    await page.getByRole('button', { name: 'Continue with Google' }).click();
    await signInThroughFakeProvider(page, { user: 'Alice Example' });
    await page.waitForURL((u) => u.pathname === '/', { timeout: 15_000 });
    await e2e.goto(page, '/account');
    const accounts = page.locator('connected-accounts');
    await page.waitForSelector('connected-accounts[status="ready"]', { timeout: 15_000 });
    assert.match(await accounts.locator('[part~=account]').first().textContent() ?? '', /Google/);
    await accounts.getByRole('button', { name: 'Connect account' }).click();
    const option = accounts.locator('[part~=connect-option]').first();
    await option.click();
    await page.waitForURL((u) => u.pathname === '/oauth/authorize', { timeout: 15_000 });
    await page.getByRole('button', { name: /^Continue as / }).first().click();
    await page.waitForURL((u) => u.pathname === '/account', { timeout: 15_000 });
    await page.waitForSelector('connected-accounts[status="ready"]', { timeout: 15_000 });
    clean(page);
  });
});
