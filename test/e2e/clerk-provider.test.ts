import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { fapiCalls, useE2E } from './harness';

// <clerk-provider> with the real clerk-js against the emulator: what a visitor sees when loading Clerk fails,
// and that "Try again" recovers without reloading the page.
const e2e = useE2E();

describe('<clerk-provider> end to end', () => {
  it('a clerk-js script the server fails to send is reported, and "Try again" loads it', async () => {
    e2e.control.injectFault({ path: '/__clerk/npm/*', status: 503, times: 1 });
    const page = await e2e.newPage();
    await e2e.goto(page, '/sign-in', { waitForReady: false });
    await page.waitForSelector('clerk-provider[status="error"]', { state: 'attached' });
    const alert = page.locator('oauth-buttons [part="error"]');
    assert.match((await alert.textContent()) ?? '', /Clerk could not be loaded. Check your connection/);
    await page.getByRole('button', { name: 'Try again' }).click();
    await page.waitForSelector('clerk-provider[status="ready"]', { state: 'attached' });
    await page.locator('oauth-buttons button').first().waitFor();
    assert.equal(await page.evaluate(() => (window as unknown as { Clerk: { loaded: boolean } }).Clerk.loaded), true);
    const scripts = e2e.control.log().filter((e) => e.path.startsWith('/__clerk/npm/'));
    assert.deepEqual(scripts.map((e) => e.path), [
      '/__clerk/npm/@clerk/clerk-js@6/dist/clerk.browser.js',
      '/__clerk/npm/@clerk/clerk-js@6/dist/clerk.browser.js',
    ]);
    // Only the failed first request shows in the console: nothing else went wrong.
    assert.deepEqual(e2e.errors(page).filter((e) => !e.includes('status of 503')), []);
  });

  it('a Frontend API that fails while clerk-js loads is reported (not "no providers"), and "Try again" recovers', async () => {
    // clerk-js retries failing requests itself before giving up: fail long enough for it to give up.
    e2e.control.injectFault({ path: '/__clerk/v1/environment*', status: 503, times: 30 });
    e2e.control.injectFault({ path: '/__clerk/v1/client*', status: 503, times: 30 });
    const page = await e2e.newPage();
    await e2e.goto(page, '/sign-in', { waitForReady: false });
    await page.waitForSelector('clerk-provider[status="error"]', { state: 'attached', timeout: 30_000 });
    const message = await page.locator('oauth-buttons [part="error"]').textContent();
    // clerk-js resolves load() anyway ("degraded", no environment): the page must not claim there are no providers.
    assert.match(message ?? '', /Clerk's servers could not be reached/);
    assert.notEqual(await page.locator('oauth-buttons').getAttribute('status'), 'empty');
    e2e.emulator.faults.clear();
    await page.getByRole('button', { name: 'Try again' }).click();
    await page.waitForSelector('clerk-provider[status="ready"]', { state: 'attached', timeout: 30_000 });
    await page.locator('oauth-buttons button').first().waitFor();
    assert.ok(fapiCalls(e2e.control.log()).includes('GET /v1/client 200'));
    assert.equal(await page.locator('oauth-buttons button[data-strategy="oauth_google"]').count(), 1);
  });
});
