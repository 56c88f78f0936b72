import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { clerkUser, fapiCalls, routeFrontendApiToEmulator, signInThroughFakeProvider, useE2E, startSignInWithClerk, waitForProviderReady } from './harness';

const e2e = useE2E();

describe('harness: real clerk-js against the emulator', () => {
  it('loads clerk-js through <clerk-provider> from the proxy, with no errors under the strict CSP', async () => {
    const page = await e2e.newPage();
    await e2e.goto(page, '/');
    assert.equal(await page.evaluate(() => (window as unknown as { Clerk: { loaded: boolean } }).Clerk.loaded), true);
    await page.waitForSelector('#who[data-state="signed-out"]');
    const paths = e2e.control.log().map((e) => `${e.method} ${e.path}`);
    assert.ok(paths.includes('GET /__clerk/npm/@clerk/clerk-js@6/dist/clerk.browser.js'), paths.join('\n'));
    // GET, or PATCH sent as POST (clerk-js does the latter on development keys)
    assert.ok(paths.includes('GET /__clerk/v1/environment') || paths.includes('POST /__clerk/v1/environment'), paths.join('\n'));
    assert.ok(paths.includes('GET /__clerk/v1/client'));
    assert.deepEqual(e2e.errors(page), []);
  });

  it('signs in an existing user through the fake provider and lands on / signed in', async () => {
    const page = await e2e.newPage();
    await e2e.goto(page, '/sign-in');
    e2e.control.clearLog();
    await startSignInWithClerk(page, 'oauth_google', '/sign-in/sso-callback', '/');
    await signInThroughFakeProvider(page, { user: 'Alice Example' });
    await page.waitForURL((u) => u.pathname === '/');
    await page.waitForSelector('#who[data-state="signed-in"]');
    assert.equal(await page.textContent('#who'), 'Signed in as Alice Example (alice@example.com)');
    assert.deepEqual(await clerkUser(page), { id: 'user_alice', username: 'alice', email: 'alice@example.com' });
    assert.deepEqual(e2e.errors(page), []);

    // The request log of that flow: clerk-js's own calls, in order.
    const calls = fapiCalls(e2e.control.log()).map((l) => l.replace(/sess_\w+/, 'sess_*'));
    const firstSignIn = calls.findIndex((l) => l.startsWith('POST /v1/client/sign_ins 200'));
    const callback = calls.findIndex((l) => l.startsWith('GET /v1/oauth_callback 302'));
    assert.ok(firstSignIn >= 0, calls.join('\n'));
    assert.ok(callback > firstSignIn, calls.join('\n'));
    const afterCallback = calls.slice(callback + 1);
    assert.ok(afterCallback.some((l) => /^(GET|PATCH) \/v1\/environment 200$/.test(l)), afterCallback.join('\n'));
    assert.ok(afterCallback.includes('GET /v1/client 200'), afterCallback.join('\n'));
    // Real FAPI sends a completed sign-in straight to redirectUrlComplete: `/` loads with the session
    // already active on the client, so no sso-callback page and no sign_ins transfer in between.
    assert.ok(!afterCallback.some((l) => l.startsWith('POST /v1/client/sign_')), afterCallback.join('\n'));
    assert.deepEqual(calls, ['POST /v1/client/sign_ins 200', 'GET /v1/oauth_callback 302', 'PATCH /v1/environment 200', 'GET /v1/client 200']);
    assert.ok(calls.every((l) => !/ [45]\d\d$/.test(l)), calls.join('\n'));
    const provider = e2e.control.log().filter((e) => e.path === '/oauth/authorize').map((e) => `${e.method} ${e.status}`);
    assert.deepEqual(provider, ['GET 200', 'POST 302']);
  });

  it('a new user on sign-in is sent to the sso-callback page with a transferable sign-in', async () => {
    const page = await e2e.newPage();
    // <sso-callback> on that page finishes the flow and leaves: keep the page here to read the sign-in.
    await page.addInitScript('document.addEventListener("sso-redirect", (e) => e.preventDefault())');
    await e2e.goto(page, '/sign-in');
    await startSignInWithClerk(page);
    await signInThroughFakeProvider(page, { newUser: { firstName: 'Nina', lastName: 'New', email: 'nina@example.com' } });
    await page.waitForURL((u) => u.pathname === '/sign-in/sso-callback');
    await page.waitForFunction(() => document.querySelector('clerk-provider')?.getAttribute('status') === 'ready');
    const ffv = await page.evaluate(() => {
      const v = (window as unknown as { Clerk: { client: { signIn: { firstFactorVerification: { status: string; error: { code: string } | null } } } } }).Clerk.client.signIn
        .firstFactorVerification;
      return { status: v.status, code: v.error?.code };
    });
    assert.deepEqual(ffv, { status: 'transferable', code: 'external_account_not_found' });
  });

  it('new user: real handleRedirectCallback transfers to sign-up, continue page finishes it with signUp.update', async () => {
    const page = await e2e.newPage();
    await e2e.goto(page, '/sign-in');
    await startSignInWithClerk(page);
    await signInThroughFakeProvider(page, { newUser: { firstName: 'Nina', lastName: 'New', email: 'nina@example.com' } });
    // The page's <sso-callback> runs the real handleRedirectCallback (continue-sign-up-url="/sign-in/continue").
    await page.waitForURL((u) => u.pathname === '/sign-in/continue');
    await page.waitForFunction(() => document.querySelector('clerk-provider')?.getAttribute('status') === 'ready');
    const result = await page.evaluate(async () => {
      type SignUp = { status: string; missingFields: string[]; createdSessionId: string | null; update(p: unknown): Promise<SignUp> };
      const clerk = (window as unknown as { Clerk: { client: { signUp: SignUp }; setActive(p: unknown): Promise<void>; user: { username: string } | null } }).Clerk;
      const before = [...clerk.client.signUp.missingFields].sort();
      let code = '';
      try {
        await clerk.client.signUp.update({ username: 'ab' });
      } catch (e) {
        code = (e as { errors: { code: string }[] }).errors[0]!.code;
      }
      const done = await clerk.client.signUp.update({ username: 'ninanew', legalAccepted: true });
      await clerk.setActive({ session: done.createdSessionId });
      return { before, code, status: done.status, username: clerk.user?.username };
    });
    assert.deepEqual(result, { before: ['legal_accepted', 'username'], code: 'form_username_invalid_length', status: 'complete', username: 'ninanew' });
    const calls = fapiCalls(e2e.control.log());
    assert.ok(calls.includes('POST /v1/client/sign_ups 200'), calls.join('\n'));
    assert.ok(calls.some((l) => /^POST \/v1\/client\/sessions\/sess_\w+\/touch 200$/.test(l)), calls.join('\n'));
    assert.deepEqual(e2e.errors(page).filter((e) => !e.includes('422')), []);
  });
});

describe('demo /account: who is signed in, linked social accounts, sign-out', () => {
  /** Signs Bob in (GitHub + Google linked) through the fake provider and opens /account. */
  async function bobOnAccountPage() {
    const page = await e2e.newPage();
    await e2e.goto(page, '/sign-in');
    await startSignInWithClerk(page, 'oauth_github', '/sign-in/sso-callback', '/account');
    await signInThroughFakeProvider(page, { user: 'Bob Builder' });
    await page.waitForURL((u) => u.pathname === '/account');
    await waitForProviderReady(page);
    await page.waitForSelector('#who[data-state="signed-in"]');
    return page;
  }
  /** The providers <connected-accounts> lists (its own e2e tests cover what it does with them). */
  const linked = (page: Page) =>
    page.locator('connected-accounts [part~="account"]').evaluateAll((els) => els.map((el) => el.getAttribute('part')!.split(' ')[1]!.replace('account-', '')));

  it('shows the user and their linked accounts from Clerk.user.externalAccounts; signed out it offers sign-in', async () => {
    const page = await bobOnAccountPage();
    assert.equal(await page.textContent('#who'), 'Signed in as Bob Builder (bob@example.com)');
    const expected = await page.evaluate(() =>
      (window as unknown as { Clerk: { user: { externalAccounts: { provider: string }[] } } }).Clerk.user.externalAccounts.map((a) => a.provider),
    );
    assert.deepEqual(expected.sort(), ['github', 'google']);
    await page.waitForSelector('connected-accounts[status="ready"]');
    assert.deepEqual((await linked(page)).sort(), expected.sort());
    assert.equal(await page.getByRole('heading', { name: 'Connected accounts' }).isVisible(), true);
    assert.equal(await page.isVisible('#account-sign-in'), false);
    assert.equal(await page.getByRole('button', { name: 'Sign out' }).isVisible(), true);
    assert.deepEqual(e2e.errors(page), []);

    const anonymous = await e2e.newPage();
    await e2e.goto(anonymous, '/account');
    await anonymous.waitForSelector('#who[data-state="signed-out"]');
    assert.equal(await anonymous.isVisible('#account-sign-in'), true);
    assert.equal(await anonymous.getAttribute('connected-accounts', 'status'), 'signed-out');
    assert.equal(await anonymous.isVisible('#sign-out'), false);
    assert.deepEqual(e2e.errors(anonymous), []);
  });

  it('signs out end to end: one DELETE /v1/client/sessions, lands on / signed out, and stays signed out', async () => {
    const page = await bobOnAccountPage();
    e2e.control.clearLog();
    await Promise.all([page.waitForURL((u) => u.pathname === '/'), page.getByRole('button', { name: 'Sign out' }).click()]);
    await page.waitForSelector('#who[data-state="signed-out"]');
    assert.equal(await page.textContent('#who'), 'You are signed out.');
    assert.equal(await clerkUser(page), null);
    const calls = fapiCalls(e2e.control.log());
    assert.deepEqual(calls.filter((l) => l.startsWith('DELETE')), ['DELETE /v1/client/sessions 200'], calls.join('\n'));
    const sessions = Object.values(e2e.emulator.world.store.data.sessions).filter((s) => s.userId === 'user_bob');
    assert.ok(sessions.length > 0 && sessions.every((s) => s.status !== 'active'), JSON.stringify(sessions));
    // A fresh load of a page knows it too (the emulator's client has no active session any more).
    await e2e.goto(page, '/account');
    await page.waitForSelector('#who[data-state="signed-out"]');
    assert.equal(await page.isVisible('#sign-out'), false);
    assert.deepEqual(e2e.errors(page), []);
  });

  it('a failing sign-out (500) is announced, the user stays signed in, and a retry works', async () => {
    const page = await bobOnAccountPage();
    const button = page.getByRole('button', { name: 'Sign out' });
    e2e.control.injectFault({ method: 'DELETE', path: '/__clerk/v1/client/sessions', status: 500, code: 'internal_clerk_error' });
    await button.click();
    const alert = page.locator('#sign-out-error[role="alert"]');
    await alert.waitFor({ state: 'visible' });
    assert.match((await alert.textContent()) ?? '', /^Sign-out failed: .+\. Please try again\.$/);
    assert.equal(page.url(), `${e2e.url}/account`);
    await page.waitForSelector('#who[data-state="signed-in"]');
    assert.equal(await button.getAttribute('aria-disabled'), null);
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'sign-out');
    assert.equal((await linked(page)).length, 2);

    await Promise.all([page.waitForURL((u) => u.pathname === '/'), button.click()]);
    await page.waitForSelector('#who[data-state="signed-out"]');
    const deletes = fapiCalls(e2e.control.log()).filter((l) => l.startsWith('DELETE /v1/client/sessions'));
    assert.deepEqual(deletes, ['DELETE /v1/client/sessions 500', 'DELETE /v1/client/sessions 200']);
    assert.deepEqual(e2e.errors(page).filter((e) => !/500/.test(e)), []);
  });

  it('a dropped sign-out connection: clerk-js treats it as a network error and still redirects; the server kept the session', async () => {
    const page = await bobOnAccountPage();
    // The browser and clerk-js retry a dropped request (6 tries seen): drop more than that so it sticks.
    e2e.control.injectFault({ method: 'DELETE', path: '/__clerk/v1/client/sessions', drop: true, times: 10 });
    await Promise.all([page.waitForURL((u) => u.pathname === '/', { timeout: 30_000 }), page.getByRole('button', { name: 'Sign out' }).click()]);
    // What real clerk-js 6 does (signOut swallows network_error): the next page load finds the session again.
    await page.waitForSelector('#who[data-state="signed-in"]');
    const deletes = e2e.control.log().filter((e) => e.effectiveMethod === 'DELETE');
    assert.ok(deletes.length >= 2, `retried: ${deletes.length}`);
    assert.ok(deletes.every((e) => e.fault === 'drop' && e.status === 0), JSON.stringify(deletes));
    assert.ok(Object.values(e2e.emulator.world.store.data.sessions).some((s) => s.userId === 'user_bob' && s.status === 'active'));
  });

  it('a slow sign-out shows it is busy and ignores a second click (one request)', async () => {
    const page = await bobOnAccountPage();
    e2e.control.clearLog();
    e2e.control.injectFault({ method: 'DELETE', path: '/__clerk/v1/client/sessions', latencyMs: 1200 });
    const button = page.locator('#sign-out');
    await button.click();
    assert.equal(await button.getAttribute('aria-disabled'), 'true');
    assert.equal(await button.textContent(), 'Signing out…');
    assert.equal(await button.isVisible(), true);
    // aria-disabled keeps it focusable, so Playwright would refuse the click: press it the way a user's script would.
    await button.evaluate((b: HTMLElement) => b.click());
    await page.waitForURL((u) => u.pathname === '/');
    await page.waitForSelector('#who[data-state="signed-out"]');
    const deletes = fapiCalls(e2e.control.log()).filter((l) => l.startsWith('DELETE'));
    assert.deepEqual(deletes, ['DELETE /v1/client/sessions 200']);
    assert.equal(e2e.control.log().find((e) => e.effectiveMethod === 'DELETE')?.fault, 'latency');
  });
});

describe('real-Clerk mode (CLERK_PUBLISHABLE_KEY): pages against a Frontend API host, not the proxy', () => {
  const host = 'clerk.example-app.com';
  const key = `pk_test_${Buffer.from(`${host}$`).toString('base64')}`;
  const real = useE2E({ publishableKey: key });

  it('loads clerk-js and its environment and client from that host, under the page CSP and Trusted Types', async () => {
    const page = await real.newPage();
    const routed = await routeFrontendApiToEmulator(page, real, host);
    await real.goto(page, '/');
    const provider = await page.evaluate(() => {
      const p = document.querySelector('clerk-provider')!;
      return { key: p.getAttribute('publishable-key'), proxy: p.getAttribute('proxy-url') };
    });
    assert.deepEqual(provider, { key, proxy: null });
    assert.ok(routed.includes('GET /npm/@clerk/clerk-js@6/dist/clerk.browser.js'), routed.join('\n'));
    assert.ok(routed.some((r) => r.endsWith(' /v1/client')), routed.join('\n'));
    await page.waitForSelector('#who[data-state="signed-out"]');
    // Nothing went to the proxy path: clerk-js talked to the Frontend API host only.
    assert.deepEqual(real.control.log().filter((e) => e.path.startsWith('/__clerk/') && !routed.includes(`${e.method} ${e.path.slice('/__clerk'.length)}`)), []);
    assert.deepEqual(real.errors(page), []);
  });

  it('the CSP of those pages blocks a Frontend API host other than the key\'s', async () => {
    const page = await real.newPage();
    await routeFrontendApiToEmulator(page, real, host);
    await real.goto(page, '/');
    const blocked = await page.evaluate(async () => {
      try {
        await fetch('https://clerk.someone-else.com/v1/environment');
        return false;
      } catch {
        return true;
      }
    });
    assert.equal(blocked, true);
    assert.ok(real.errors(page).some((e) => /Content Security Policy/.test(e) && e.includes('clerk.someone-else.com')), real.errors(page).join('\n'));
  });
});
