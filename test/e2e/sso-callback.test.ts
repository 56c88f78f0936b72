import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { clerkUser, fapiCalls, signInThroughFakeProvider, useE2E, type FakeIdentity } from './harness';

/**
 * `<sso-callback>` on the demo's `/sign-in/sso-callback` page, with the real clerk-js against the emulator.
 * The flows start from the demo's `<oauth-buttons>`; the callback element finishes them.
 */

interface Logged {
  type: string;
  path: string;
  reason?: string;
  url?: string;
  transfer?: string | null;
  code?: string;
  message?: string;
  status?: string;
}

const e2e = useE2E();

/** A page that keeps every sso-* event and every <sso-callback> status across navigations (in sessionStorage). */
async function recordingPage(): Promise<Page> {
  const page = await e2e.newPage();
  // A string, not a function: tsx would wrap named functions in a `__name` helper the page does not have.
  await page.addInitScript(`(() => {
    const push = (entry) => {
      const list = JSON.parse(sessionStorage.getItem('sso-log') ?? '[]');
      list.push({ ...entry, path: location.pathname });
      sessionStorage.setItem('sso-log', JSON.stringify(list));
    };
    document.addEventListener('sso-redirect', (e) => push({ type: 'sso-redirect', reason: e.reason, url: new URL(e.url).pathname, transfer: e.transfer ?? null }));
    document.addEventListener('sso-error', (e) => push({ type: 'sso-error', code: e.code, message: e.message }));
    document.addEventListener('oauth-elements-status', (e) => {
      if (e.target.localName === 'sso-callback') push({ type: 'status', status: e.status });
    });
  })();`);
  return page;
}

const logged = (page: Page) => page.evaluate(() => JSON.parse(sessionStorage.getItem('sso-log') ?? '[]')) as Promise<Logged[]>;
const ssoEvents = async (page: Page) => (await logged(page)).filter((e) => e.type !== 'status');
const statuses = async (page: Page) => (await logged(page)).filter((e) => e.type === 'status').map((e) => e.status);

/** Clicks the provider button on a demo page and picks an identity at the fake provider. */
async function throughProvider(page: Page, path: '/sign-in' | '/sign-up', identity: FakeIdentity, complete?: string): Promise<void> {
  await e2e.goto(page, path);
  if (complete) await page.evaluate((url) => document.querySelector('oauth-buttons')!.setAttribute('redirect-url-complete', url), complete);
  await page.getByRole('button', { name: /Google/ }).first().click();
  await signInThroughFakeProvider(page, identity);
}

async function expectSignedInAtHome(page: Page, text: string): Promise<void> {
  await page.waitForURL((u) => u.pathname === '/');
  await page.waitForSelector('#who[data-state="signed-in"]');
  assert.equal(await page.textContent('#who'), text);
}

describe('<sso-callback> with the real clerk-js', () => {
  it('existing user signs in: the callback page activates the session and goes on, announcing "complete"', async () => {
    const page = await recordingPage();
    // Real FAPI sends a finished sign-in to redirect-url-complete: point it at the callback so the element finishes it.
    await throughProvider(page, '/sign-in', { user: 'Alice Example' }, '/sign-in/sso-callback');
    await expectSignedInAtHome(page, 'Signed in as Alice Example (alice@example.com)');
    assert.deepEqual(await ssoEvents(page), [{ type: 'sso-redirect', reason: 'complete', url: '/', transfer: null, path: '/sign-in/sso-callback' }]);
    assert.deepEqual(await statuses(page), ['verifying', 'redirecting']);
    const calls = fapiCalls(e2e.control.log()).map((l) => l.replace(/sess_\w+/, 'sess_*'));
    assert.ok(calls.includes('POST /v1/client/sessions/sess_*/touch 200'), calls.join('\n'));
    assert.ok(!calls.some((l) => l.startsWith('POST /v1/client/sign_ups')), calls.join('\n'));
    assert.deepEqual(e2e.errors(page), []);
  });

  it('new user signs in, is transferred to sign-up, and the sign-up completes', async () => {
    e2e.control.reset({ attributes: { username: { enabled: true, required: false } }, legalConsent: false });
    const page = await recordingPage();
    await throughProvider(page, '/sign-in', { newUser: { firstName: 'Nina', lastName: 'New', email: 'nina@example.com' } });
    await expectSignedInAtHome(page, 'Signed in as Nina New (nina@example.com)');
    assert.deepEqual(await ssoEvents(page), [{ type: 'sso-redirect', reason: 'complete', url: '/', transfer: 'sign-up', path: '/sign-in/sso-callback' }]);
    const calls = fapiCalls(e2e.control.log());
    const transfer = calls.indexOf('POST /v1/client/sign_ups 200');
    assert.ok(transfer > calls.indexOf('GET /v1/oauth_callback 302'), calls.join('\n'));
    assert.ok(calls.slice(transfer).some((l) => /^POST \/v1\/client\/sessions\/sess_\w+\/touch 200$/.test(l)), calls.join('\n'));
    assert.deepEqual(e2e.errors(page), []);
  });

  it('new user where sign-up needs more (username, legal consent) goes to the continue page', async () => {
    const page = await recordingPage();
    await throughProvider(page, '/sign-in', { newUser: { firstName: 'Cleo', lastName: 'Cont', email: 'cleo@example.com' } });
    await page.waitForURL((u) => u.pathname === '/sign-in/continue');
    assert.deepEqual(await ssoEvents(page), [
      { type: 'sso-redirect', reason: 'continue-sign-up', url: '/sign-in/continue', transfer: 'sign-up', path: '/sign-in/sso-callback' },
    ]);
    await page.waitForFunction(() => document.querySelector('clerk-provider')?.getAttribute('status') === 'ready');
    const signUp = await page.evaluate(() => {
      const s = (window as unknown as { Clerk: { client: { signUp: { status: string; missingFields: string[] } } } }).Clerk.client.signUp;
      return { status: s.status, missing: [...s.missingFields].sort() };
    });
    assert.deepEqual(signUp, { status: 'missing_requirements', missing: ['legal_accepted', 'username'] });
    assert.equal(await clerkUser(page), null);
    // The callback replaced its own history entry: Back never returns to the spent callback.
    const cdp = await page.context().newCDPSession(page);
    const { entries } = (await cdp.send('Page.getNavigationHistory')) as { entries: Array<{ url: string }> };
    const paths = entries.map((e) => new URL(e.url).pathname);
    assert.equal(paths.at(-1), '/sign-in/continue', paths.join(' '));
    assert.ok(!paths.includes('/sign-in/sso-callback'), paths.join(' '));
    assert.deepEqual(e2e.errors(page), []);
  });

  it('existing user on sign-up is transferred to sign-in and signed in', async () => {
    const page = await recordingPage();
    await throughProvider(page, '/sign-up', { user: 'Bob Builder' });
    await expectSignedInAtHome(page, 'Signed in as Bob Builder (bob@example.com)');
    assert.deepEqual(await ssoEvents(page), [{ type: 'sso-redirect', reason: 'complete', url: '/', transfer: 'sign-in', path: '/sign-in/sso-callback' }]);
    const calls = fapiCalls(e2e.control.log());
    const callback = calls.indexOf('GET /v1/oauth_callback 302');
    assert.ok(calls.slice(callback).includes('POST /v1/client/sign_ins 200'), calls.join('\n'));
    assert.deepEqual(await clerkUser(page), { id: 'user_bob', username: 'bob_builder', email: 'bob@example.com' });
    assert.deepEqual(e2e.errors(page), []);
  });

  it('provider denies consent: the error is shown in an alert with a way back to sign-in', async () => {
    const page = await recordingPage();
    await throughProvider(page, '/sign-in', 'deny');
    await page.waitForURL((u) => u.pathname === '/sign-in/sso-callback');
    await page.waitForSelector('sso-callback[status="error"]');
    // Every element (the provider too) keeps an always-present, empty alert region: the callback's is the one that speaks.
    const alert = page.locator('sso-callback').getByRole('alert');
    assert.match((await alert.textContent()) ?? '', /We could not finish signing you in\.\s*You did not grant access to your account\./);
    assert.deepEqual(await ssoEvents(page), [
      { type: 'sso-error', code: 'oauth_access_denied', message: 'You did not grant access to your account.', path: '/sign-in/sso-callback' },
    ]);
    assert.deepEqual(await statuses(page), ['verifying', 'error']);
    assert.equal(await clerkUser(page), null);
    await Promise.all([page.waitForURL((u) => u.pathname === '/sign-in'), page.getByRole('link', { name: 'Back to sign in' }).click()]);
    assert.deepEqual(e2e.errors(page), []);
  });

  it('the callback page opened directly sends the visitor to sign-in', async () => {
    const page = await recordingPage();
    await page.goto(new URL('/sign-in/sso-callback', e2e.url).toString());
    await page.waitForURL((u) => u.pathname === '/sign-in');
    assert.deepEqual(await ssoEvents(page), [{ type: 'sso-redirect', reason: 'sign-in', url: '/sign-in', transfer: null, path: '/sign-in/sso-callback' }]);
    assert.ok(!fapiCalls(e2e.control.log()).some((l) => l.startsWith('POST') && !l.includes('/environment')), fapiCalls(e2e.control.log()).join('\n'));
    assert.deepEqual(e2e.errors(page), []);
  });

  it('a framework app cancels sso-redirect and routes itself: the element stays put, the session is still activated', async () => {
    const page = await recordingPage();
    await page.addInitScript(`document.addEventListener('sso-redirect', (e) => {
      e.preventDefault();
      history.replaceState(null, '', '/routed-by-app');
    });`);
    await throughProvider(page, '/sign-up', { user: 'Bob Builder' });
    await page.waitForURL((u) => u.pathname === '/routed-by-app');
    await page.waitForSelector('sso-callback[status="redirecting"]');
    await page.waitForFunction(() => (window as unknown as { Clerk?: { user?: unknown } }).Clerk?.user != null);
    assert.deepEqual(await clerkUser(page), { id: 'user_bob', username: 'bob_builder', email: 'bob@example.com' });
    const events = await ssoEvents(page);
    assert.deepEqual(events.map((e) => [e.type, e.reason, e.url, e.transfer]), [['sso-redirect', 'complete', '/', 'sign-in']]);
    assert.deepEqual(e2e.errors(page), []);
  });

  it('a slow Frontend API keeps the verifying message up, then finishes', async () => {
    e2e.control.reset({ attributes: { username: { enabled: true, required: false } }, legalConsent: false });
    e2e.control.injectFault({ method: 'POST', path: '/__clerk/v1/client/sign_ups', latencyMs: 2_000 });
    const page = await recordingPage();
    await throughProvider(page, '/sign-in', { newUser: { firstName: 'Sol', lastName: 'Slow', email: 'sol@example.com' } });
    await page.waitForURL((u) => u.pathname === '/sign-in/sso-callback');
    await page.waitForSelector('sso-callback[status="verifying"]');
    assert.equal((await page.getByRole('status').textContent())?.trim(), 'Verifying your sign-in…');
    await expectSignedInAtHome(page, 'Signed in as Sol Slow (sol@example.com)');
    assert.deepEqual(await statuses(page), ['verifying', 'redirecting']);
    assert.deepEqual(e2e.errors(page), []);
  });

  for (const [name, fault, code] of [
    ['answers 500', { status: 500, code: 'internal_clerk_error' }, 'internal_clerk_error'],
    ['drops the connection', { drop: true }, undefined],
  ] as const) {
    it(`the Frontend API ${name} during the transfer: the error is shown with a way back and a retry that finishes the sign-in later`, async () => {
      e2e.control.reset({ attributes: { username: { enabled: true, required: false } }, legalConsent: false });
      // clerk-js retries some failures: fail every try.
      e2e.control.injectFault({ method: 'POST', path: '/__clerk/v1/client/sign_ups', times: 10, ...fault });
      const page = await recordingPage();
      await throughProvider(page, '/sign-in', { newUser: { firstName: 'Fay', lastName: 'Fault', email: 'fay@example.com' } });
      await page.waitForSelector('sso-callback[status="error"]');
      assert.equal(new URL(page.url()).pathname, '/sign-in/sso-callback');
      const events = await ssoEvents(page);
      assert.equal(events.length, 1, JSON.stringify(events));
      assert.equal(events[0]!.type, 'sso-error');
      if (code) assert.equal(events[0]!.code, code);
      // clerk-js's own wording for a lost connection ("ClerkJS: … contact support") is not shown to people.
      else assert.deepEqual([events[0]!.code, events[0]!.message], ['sso_callback_failed', 'Something went wrong while finishing your sign-in. Check your connection and try again.']);
      // Every element (the provider too) keeps an always-present, empty alert region: the callback's is the one that speaks.
    const alert = page.locator('sso-callback').getByRole('alert');
      assert.match((await alert.textContent()) ?? '', /We could not finish signing you in\./);
      assert.ok((events[0]!.message ?? '').length > 0);
      assert.match((await alert.textContent()) ?? '', new RegExp(events[0]!.message!.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')));
      assert.equal(await clerkUser(page), null);
      assert.equal(await page.getByRole('link', { name: 'Back to sign in' }).getAttribute('href'), '/sign-in');
      // The attempt is still on the client: once the Frontend API is back, "Try again" (a fresh page load) finishes it.
      e2e.emulator.faults.clear();
      await page.getByRole('button', { name: 'Try again' }).click();
      await expectSignedInAtHome(page, 'Signed in as Fay Fault (fay@example.com)');
      const after = await ssoEvents(page);
      // Try again is an exit like every other: announced (reason "retry", cancelable) before the reload.
      assert.deepEqual(after.slice(1), [
        { type: 'sso-redirect', reason: 'retry', url: '/sign-in/sso-callback', transfer: null, path: '/sign-in/sso-callback' },
        { type: 'sso-redirect', reason: 'complete', url: '/', transfer: 'sign-up', path: '/sign-in/sso-callback' },
      ]);
      // The browser logs the failed request the test caused; nothing else may go wrong.
      const caused = (e: string) => e.startsWith('console.error: Failed to load resource') || /^requestfailed: POST \S+\/v1\/client\/sign_ups\?/.test(e);
      assert.deepEqual(e2e.errors(page).filter((e) => !caused(e)), []);
    });
  }
});
