import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { clerkUser, fapiCalls, signInThroughFakeProvider, useE2E } from './harness';

const e2e = useE2E();

const buttonsStatus = (page: Page) => page.locator('oauth-buttons').getAttribute('status');
const waitForStatus = (page: Page, status: string) =>
  page.waitForFunction((s) => document.querySelector('oauth-buttons')?.getAttribute('status') === s, status, { timeout: 10_000 });
/** The OAuth round trips the emulator started, newest last. */
const transactions = () =>
  Object.values(e2e.emulator.world.store.data.oauth).map((t) => ({ kind: t.kind, provider: t.provider, redirectUrl: t.redirectUrl, complete: t.actionCompleteRedirectUrl }));

describe('<oauth-buttons> with the real clerk-js against the emulator', () => {
  it('sign-in page: the enabled providers render with their logos, and a click lands on the fake provider with the right strategy and redirect URL', async () => {
    const page = await e2e.newPage();
    await e2e.goto(page, '/sign-in');
    await waitForStatus(page, 'ready');
    const names = await page.locator('oauth-buttons').getByRole('button').evaluateAll((buttons) => buttons.map((b) => b.textContent!.trim()));
    // Clerk's order (it sorts the strategies), custom providers included.
    assert.deepEqual(names, ['Continue with Apple', 'Continue with Acme SSO', 'Continue with GitHub', 'Continue with Google', 'Continue with Microsoft']);
    // Every logo is the emulator's own file and loaded (no broken image, no request to img.clerk.com).
    const icons = await page.evaluate(() =>
      [...document.querySelector('oauth-buttons')!.shadowRoot!.querySelectorAll('img')].map((img) => ({ path: new URL(img.src).pathname, ok: img.complete && img.naturalWidth > 0 })),
    );
    assert.equal(icons.length, 5);
    assert.ok(icons.every((i) => i.ok && i.path.startsWith('/emulator-assets/providers/')), JSON.stringify(icons));

    await page.getByRole('button', { name: 'Continue with GitHub' }).click();
    await page.waitForURL((u) => u.pathname === '/oauth/authorize');
    assert.equal(new URL(page.url()).searchParams.get('client_id'), 'emulator-github');
    assert.deepEqual(transactions(), [{ kind: 'sign_in', provider: 'github', redirectUrl: `${e2e.url}/sign-in/sso-callback`, complete: `${e2e.url}/` }]);
    assert.deepEqual(fapiCalls(e2e.control.log()).filter((l) => l.includes('sign_')), ['POST /v1/client/sign_ins 200']);
    assert.deepEqual(e2e.errors(page), []);
  });

  it('fires oauth-redirect with strategy, mode and the absolute redirect URL before leaving', async () => {
    const page = await e2e.newPage();
    await e2e.goto(page, '/sign-in');
    await waitForStatus(page, 'ready');
    const seen = await page.evaluate(async () => {
      const event = await new Promise<{ strategy: string; mode: string; url: string; cancelable: boolean }>((resolve) => {
        document.addEventListener(
          'oauth-redirect',
          (event) => {
            const e = event as Event & { strategy: string; mode: string; url: string };
            e.preventDefault();
            resolve({ strategy: e.strategy, mode: e.mode, url: e.url, cancelable: e.cancelable });
          },
          { once: true },
        );
        document.querySelector('oauth-buttons')!.shadowRoot!.querySelector<HTMLButtonElement>('[data-strategy=oauth_google]')!.click();
      });
      return event;
    });
    assert.deepEqual(seen, { strategy: 'oauth_google', mode: 'sign-in', url: `${e2e.url}/sign-in/sso-callback`, cancelable: true });
    // Cancelled: no sign-in was created and the page stays.
    await page.waitForTimeout(300);
    assert.equal(new URL(page.url()).pathname, '/sign-in');
    assert.equal(await buttonsStatus(page), 'ready');
    assert.ok(!fapiCalls(e2e.control.log()).some((l) => l.includes('sign_ins')));
  });

  it('an existing user signs in end to end: button, fake provider, back on / signed in', async () => {
    const page = await e2e.newPage();
    await e2e.goto(page, '/sign-in');
    await waitForStatus(page, 'ready');
    await page.getByRole('button', { name: 'Continue with Google' }).click();
    await signInThroughFakeProvider(page, { user: 'Alice Example' });
    await page.waitForURL((u) => u.pathname === '/');
    await page.waitForSelector('#who[data-state="signed-in"]');
    assert.deepEqual(await clerkUser(page), { id: 'user_alice', username: 'alice', email: 'alice@example.com' });
    assert.deepEqual(e2e.errors(page), []);
  });

  it('sign-up page: signUp.authenticateWithRedirect lands on the fake provider for a sign-up with the right redirect URL', async () => {
    const page = await e2e.newPage();
    await e2e.goto(page, '/sign-up');
    await waitForStatus(page, 'ready');
    // The page has its own #clerk-captcha: the element adds none.
    assert.equal(await page.locator('#clerk-captcha').count(), 1);
    await page.getByRole('button', { name: 'Continue with Microsoft' }).click();
    await page.waitForURL((u) => u.pathname === '/oauth/authorize');
    assert.equal(new URL(page.url()).searchParams.get('client_id'), 'emulator-microsoft');
    assert.deepEqual(transactions(), [{ kind: 'sign_up', provider: 'microsoft', redirectUrl: `${e2e.url}/sign-in/sso-callback`, complete: `${e2e.url}/` }]);
    assert.deepEqual(fapiCalls(e2e.control.log()).filter((l) => l.includes('sign_')), ['POST /v1/client/sign_ups 200']);
    assert.deepEqual(e2e.errors(page), []);
  });

  it('a strategy disabled after the page loaded: the emulator refuses, the element is ready again with the message, and the buttons work again', async () => {
    const page = await e2e.newPage();
    await e2e.goto(page, '/sign-in');
    await waitForStatus(page, 'ready');
    const providers = e2e.emulator.settings.providers.map((p) => (p.strategy === 'oauth_github' ? { ...p, enabled: false } : p));
    e2e.control.setSettings({ providers });
    const error = page.evaluate(
      () =>
        new Promise<{ strategy?: string; code: string; message: string }>((resolve) =>
          document.addEventListener(
            'oauth-error',
            (event) => {
              const e = event as Event & { strategy?: string; code: string; message: string };
              resolve({ strategy: e.strategy, code: e.code, message: e.message });
            },
            { once: true },
          ),
        ),
    );
    await page.getByRole('button', { name: 'Continue with GitHub' }).click();
    assert.deepEqual(await error, {
      strategy: 'oauth_github',
      code: 'form_param_value_invalid',
      message: 'oauth_github does not match one of the allowed values for parameter strategy',
    });
    // A failed click is not blocking: back to ready, the message in the error block, no Try again.
    await waitForStatus(page, 'ready');
    assert.equal(await page.locator('oauth-buttons').getByRole('button', { name: 'Try again' }).count(), 0);
    const alert = page.locator('oauth-buttons').getByRole('alert');
    assert.equal((await alert.textContent())?.trim(), 'oauth_github does not match one of the allowed values for parameter strategy');
    assert.equal(new URL(page.url()).pathname, '/sign-in');
    // The other buttons still work.
    await page.getByRole('button', { name: 'Continue with Google' }).click();
    await page.waitForURL((u) => u.pathname === '/oauth/authorize');
    assert.equal(new URL(page.url()).searchParams.get('client_id'), 'emulator-google');
    // The refused request is the only error the page saw.
    assert.deepEqual(e2e.errors(page).filter((e) => !e.includes('422')), []);
  });

  it('with strategies, the buttons are there before clerk-js loads, and a click made then becomes exactly one redirect', async () => {
    const page = await e2e.newPage();
    // The same page, asking for two providers up front; clerk-js is slow to arrive.
    await page.route('**/sign-in', async (route) => {
      const response = await route.fetch();
      const body = (await response.text()).replace('<oauth-buttons mode="sign-in"', '<oauth-buttons mode="sign-in" strategies="github, google"');
      await route.fulfill({ response, body });
    });
    e2e.control.injectFault({ path: '/__clerk/npm/@clerk/clerk-js@6/dist/clerk.browser.js', latencyMs: 1500 });
    // Not e2e.goto: the page's load event waits for clerk-js.
    await page.goto(`${e2e.url}/sign-in`, { waitUntil: 'domcontentloaded' });
    await page.locator('oauth-buttons').getByRole('button', { name: 'GitHub' }).waitFor();
    assert.equal(await buttonsStatus(page), 'loading');
    assert.equal(await page.locator('clerk-provider').getAttribute('status'), 'loading');
    const github = page.locator('oauth-buttons').getByRole('button', { name: 'GitHub' });
    await github.click();
    await github.click({ force: true });
    assert.equal(await github.getAttribute('aria-busy'), 'true');
    await page.waitForURL((u) => u.pathname === '/oauth/authorize', { timeout: 15_000 });
    assert.equal(new URL(page.url()).searchParams.get('client_id'), 'emulator-github');
    assert.deepEqual(fapiCalls(e2e.control.log()).filter((l) => l.includes('sign_')), ['POST /v1/client/sign_ins 200']);
    assert.equal(transactions().length, 1);
  });
  it('keyboard only, on a slow network that then drops: progress while waiting, ready again with the error announced, focus kept, Enter tries again', async () => {
    const page = await e2e.newPage();
    await e2e.goto(page, '/sign-in');
    await waitForStatus(page, 'ready');
    // The network fails in the browser (the emulator's `drop` is not enough: Chromium silently retries a
    // POST whose keep-alive connection was reset, and then it succeeds).
    await page.route(
      '**/__clerk/v1/client/sign_ins?*',
      async (route) => {
        await new Promise((resolve) => setTimeout(resolve, 800));
        await route.abort('connectionfailed');
      },
      { times: 1 },
    );
    await page.evaluate(() => {
      const w = window as unknown as { redirects: number };
      w.redirects = 0;
      document.addEventListener('oauth-redirect', () => w.redirects++);
    });
    const google = page.getByRole('button', { name: 'Continue with Google' });
    await google.focus();
    await page.keyboard.press('Enter');
    await waitForStatus(page, 'redirecting');
    assert.equal(await google.getAttribute('aria-busy'), 'true');
    await page.keyboard.press('Enter');
    await waitForStatus(page, 'ready');
    const alert = page.locator('oauth-buttons').getByRole('alert');
    await alert.locator('[part=error-message]').waitFor();
    const message = (await alert.textContent())?.trim() ?? '';
    assert.ok(message.length > 0, 'the error is shown');
    assert.equal(await google.getAttribute('aria-disabled'), 'false');
    assert.equal(await page.evaluate(() => document.querySelector('oauth-buttons')!.shadowRoot!.activeElement?.textContent?.trim()), 'Continue with Google');
    // The second Enter while redirecting started nothing.
    assert.equal(await page.evaluate(() => (window as unknown as { redirects: number }).redirects), 1);
    assert.equal(transactions().length, 0);
    await page.keyboard.press('Enter');
    await page.waitForURL((u) => u.pathname === '/oauth/authorize');
    assert.equal(new URL(page.url()).searchParams.get('client_id'), 'emulator-google');
    assert.equal(transactions().length, 1);
  });

  it('a framework app cancels oauth-redirect and starts the flow itself with the URL it was given', async () => {
    const page = await e2e.newPage();
    await e2e.goto(page, '/sign-up');
    await waitForStatus(page, 'ready');
    await page.evaluate(() => {
      document.addEventListener('oauth-redirect', (event) => {
        const e = event as Event & { detail: { strategy: string; mode: string; url: string } };
        e.preventDefault();
        const clerk = (window as unknown as { Clerk: { client: { signUp: { authenticateWithRedirect(p: unknown): Promise<unknown> } } } }).Clerk;
        void clerk.client.signUp.authenticateWithRedirect({ strategy: e.detail.strategy, redirectUrl: `${e.detail.url}?from=app`, redirectUrlComplete: '/' });
      });
    });
    await page.getByRole('button', { name: 'Continue with GitHub' }).click();
    await page.waitForURL((u) => u.pathname === '/oauth/authorize');
    assert.deepEqual(transactions(), [{ kind: 'sign_up', provider: 'github', redirectUrl: `${e2e.url}/sign-in/sso-callback?from=app`, complete: `${e2e.url}/` }]);
    assert.deepEqual(fapiCalls(e2e.control.log()).filter((l) => l.includes('sign_')), ['POST /v1/client/sign_ups 200']);
  });
});
