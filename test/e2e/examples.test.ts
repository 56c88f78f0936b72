// The example apps (examples/<name>, each built by scripts/examples.mjs) against the emulator: the app's production
// build on the emulator's origin (FAPI at /__clerk, as in the demo). A new user signs up through the continue page,
// and the app never reloads between the callback and the account page: what it keeps in memory survives, and the
// document is still the one the provider's redirect loaded.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { startEmulator, type RunningEmulator } from '../../emulator/src/index';
import { EMULATOR_DIR } from '../../emulator/src/paths';
import { clerkUser, collectErrors, launchChromium, signInThroughFakeProvider, waitForProviderReady } from './harness';

const EXAMPLES = ['react', 'vue', 'svelte', 'angular'];
const root = new URL('../../', import.meta.url).pathname;

let browser: Browser;
before(async () => {
  browser = await launchChromium();
});
after(() => browser?.close());

/** What the app shows: its page-load id, the events it logged in memory, the path of the loaded document. */
const state = (page: Page) =>
  page.evaluate(() => ({
    loadId: document.querySelector('#load-id')?.textContent ?? '',
    events: [...document.querySelectorAll('#events li')].map((li) => li.textContent ?? ''),
    documentPath: new URL((performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming).name).pathname,
  }));

for (const name of EXAMPLES) {
  const dist = `${root}examples/${name}/dist`;
  const skip = existsSync(dist) ? false : `examples/${name}/dist is missing (scripts/examples.mjs builds it when examples/${name}/node_modules exists)`;
  describe(`examples/${name}`, { skip }, () => {
    let emulator: RunningEmulator;
    before(async () => {
      emulator = await startEmulator({ port: 0, settings: `${EMULATOR_DIR}/settings/default.json`, app: { dir: dist } });
    });
    after(() => emulator?.close());

    it('signs a new user up through the continue page without reloading between callback and account', async () => {
      const context = await browser.newContext({ baseURL: emulator.url });
      context.setDefaultTimeout(15_000);
      const page = await context.newPage();
      const errors = collectErrors(page);
      try {
        await page.goto(`${emulator.url}/sign-in`);
        await waitForProviderReady(page);
        await page.getByRole('button', { name: 'Continue with Google' }).click();
        await signInThroughFakeProvider(page, { newUser: { firstName: 'Exa', lastName: 'Ample', email: `${name}@example.com` } });

        await page.waitForURL((u) => u.pathname === '/sign-in/continue');
        const form = page.locator('continue-signup');
        await page.waitForSelector('continue-signup[status="ready"][step="form"]');
        const atContinue = await state(page);
        assert.equal(atContinue.documentPath, '/sign-in/sso-callback', 'the continue page came from the callback page without a load');
        assert.ok(atContinue.events.includes('sso-redirect continue-sign-up'), `the callback's event is still in memory: ${atContinue.events}`);

        await form.getByLabel('Username').fill(`${name}_user`);
        await form.getByRole('checkbox').check();
        await form.getByRole('button', { name: 'Continue' }).click();
        await page.waitForURL((u) => u.pathname === '/account');
        await page.waitForSelector('connected-accounts[status="ready"]');
        const atAccount = await state(page);
        assert.equal(atAccount.loadId, atContinue.loadId, 'same page load from callback to account');
        assert.equal(atAccount.documentPath, '/sign-in/sso-callback');
        assert.deepEqual(atAccount.events.slice(-2), ['sso-redirect continue-sign-up', 'signup-complete']);
        assert.equal((await clerkUser(page))?.username, `${name}_user`);
        assert.deepEqual(errors, []);
      } finally {
        await context.close();
      }
    });
  });
}
