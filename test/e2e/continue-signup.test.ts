import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { clerkUser, fapiCalls, signInThroughFakeProvider, useE2E } from './harness';

// Real clerk-js against the emulator (default.json: username 4..20 and legal consent required, phone
// optional), through the demo pages: /sign-in (<oauth-buttons>) -> fake provider -> /sign-in/sso-callback
// (<sso-callback>, real handleRedirectCallback) -> /sign-in/continue (<continue-signup>) -> /.

const e2e = useE2E();

const form = (page: Page) => page.locator('continue-signup');

/** A new Google user (the provider gives name and email, no username) reaches the continue page. */
async function newUserToContinue(page: Page, email = 'nina@example.com'): Promise<void> {
  await e2e.goto(page, '/sign-in');
  await page.getByRole('button', { name: 'Continue with Google' }).click();
  await signInThroughFakeProvider(page, { newUser: { firstName: 'Nina', lastName: 'New', email } });
  await page.waitForURL((u) => u.pathname === '/sign-in/continue', { timeout: 15_000 });
  await page.waitForSelector('continue-signup[status="ready"][step="form"]', { timeout: 15_000 });
}

async function landedSignedIn(page: Page): Promise<void> {
  await page.waitForURL((u) => u.pathname === '/', { timeout: 15_000 });
  await page.waitForSelector('#who[data-state="signed-in"]', { timeout: 15_000 });
}

/** Records, across page loads, each signup-redirect event and each path the provider's router hook gets. */
async function recordLeaving(page: Page): Promise<void> {
  await page.addInitScript(() => {
    document.addEventListener('signup-redirect', (e) => {
      const { url, reason } = e as Event & { url: string; reason: string };
      const list = JSON.parse(sessionStorage.getItem('redirects') ?? '[]') as unknown[];
      sessionStorage.setItem('redirects', JSON.stringify([...list, { url, reason }]));
    });
  });
}

/** Gives the provider a router hook, as a framework app would (it records the path, then loads it). */
async function routeThroughHook(page: Page): Promise<void> {
  await page.evaluate(() => {
    (document.querySelector('clerk-provider') as unknown as { navigate: (to: string) => void }).navigate = (to) => {
      const list = JSON.parse(sessionStorage.getItem('routed') ?? '[]') as string[];
      sessionStorage.setItem('routed', JSON.stringify([...list, to]));
      location.assign(to);
    };
  });
}

const left = (page: Page) =>
  page.evaluate(() => ({ redirects: JSON.parse(sessionStorage.getItem('redirects') ?? '[]'), routed: JSON.parse(sessionStorage.getItem('routed') ?? '[]') }));

/** Waits until the element's shadow root has `selector` with text matching `pattern` (field errors leave the status at `ready`). */
const shows = (page: Page, selector: string, pattern: string) =>
  page.waitForFunction(
    ([s, p]) => new RegExp(p!).test(document.querySelector('continue-signup')?.shadowRoot?.querySelector(s!)?.textContent ?? ''),
    [selector, pattern],
  );

/** 422s are the expected answers to the wrong inputs these tests make; everything else must be clean. */
const unexpected = (page: Page) => e2e.errors(page).filter((e) => !/ 422 /.test(e) && !e.includes('status of 422'));

describe('<continue-signup> end to end', () => {
  it('a new OAuth user on an instance requiring username + legal acceptance completes and lands signed in', async () => {
    const page = await e2e.newPage();
    await newUserToContinue(page);
    const labels = await form(page).locator('label').allTextContents();
    assert.deepEqual(labels.map((l) => l.replace(/\s+/g, ' ').trim()), ['Username', 'I agree to the Terms of Service and Privacy Policy']);
    const terms = form(page).getByRole('link', { name: 'Terms of Service' });
    assert.equal(await terms.getAttribute('href'), `${e2e.url}/terms`);
    assert.equal(await form(page).getByRole('link', { name: 'Privacy Policy' }).getAttribute('href'), `${e2e.url}/privacy`);

    await form(page).getByLabel('Username').fill('ninanew');
    await form(page).getByRole('checkbox').check();
    e2e.control.clearLog();
    await form(page).getByRole('button', { name: 'Continue' }).click();
    await landedSignedIn(page);
    assert.deepEqual({ ...(await clerkUser(page)), id: '*' }, { id: '*', username: 'ninanew', email: 'nina@example.com' });
    const calls = fapiCalls(e2e.control.log()).map((l) => l.replace(/(sua|sess)_\w+/g, '$1_*'));
    assert.deepEqual(calls.slice(0, 2), ['PATCH /v1/client/sign_ups/sua_* 200', 'POST /v1/client/sessions/sess_*/touch 200']);
    const legalAcceptedAt = await page.evaluate(() => (window as unknown as { Clerk: { user: { legalAcceptedAt: Date | null } } }).Clerk.user.legalAcceptedAt?.getTime() ?? null);
    assert.ok(typeof legalAcceptedAt === 'number' && legalAcceptedAt > 0, `legalAcceptedAt: ${legalAcceptedAt}`);
    assert.deepEqual(unexpected(page), []);
    // The completion replaced the continue page: Back does not return to the spent form.
    await page.goBack();
    assert.notEqual(new URL(page.url()).pathname, '/sign-in/continue');
  });

  it('a taken username shows the field error and succeeds on the second try, keeping the terms ticked', async () => {
    const page = await e2e.newPage();
    await newUserToContinue(page);
    const username = form(page).getByLabel('Username');
    // Too short is caught in the page (4..20 from the instance settings), without a request.
    await username.fill('ab');
    await form(page).getByRole('button', { name: 'Continue' }).click();
    await shows(page, '#username-error', 'between 4 and 20');
    // A field error is not blocking: the form waits for the visitor.
    assert.equal(await form(page).getAttribute('status'), 'ready');
    assert.equal(fapiCalls(e2e.control.log()).filter((l) => l.startsWith('PATCH /v1/client/sign_ups')).length, 0);

    await username.fill('alice');
    await form(page).getByRole('checkbox').check();
    await form(page).getByRole('button', { name: 'Continue' }).click();
    await page.waitForFunction(() => {
      const el = document.querySelector('continue-signup');
      return el?.getAttribute('status') === 'ready' && el.shadowRoot?.querySelector('#username-error')?.textContent?.includes('taken');
    });
    assert.equal(await username.getAttribute('aria-invalid'), 'true');
    assert.equal(await username.inputValue(), 'alice');
    assert.equal(await form(page).getByRole('checkbox').isChecked(), true);
    assert.equal(await page.evaluate(() => document.querySelector('continue-signup')!.shadowRoot!.activeElement?.id), 'username');

    await username.fill('alice_new');
    await form(page).getByRole('button', { name: 'Continue' }).click();
    await landedSignedIn(page);
    assert.equal((await clerkUser(page))?.username, 'alice_new');
    const updates = fapiCalls(e2e.control.log()).filter((l) => l.startsWith('PATCH /v1/client/sign_ups'));
    assert.deepEqual(updates.map((l) => l.split(' ').at(-1)), ['422', '200']);
    assert.deepEqual(unexpected(page), []);
  });

  it('phone number with a one-time code (a wrong code first) completes', async () => {
    e2e.control.setSettings({ attributes: { phone_number: { enabled: true, required: true } } });
    const page = await e2e.newPage();
    await newUserToContinue(page);
    await form(page).getByLabel('Username').fill('ninaphone');
    await form(page).getByLabel('Phone number').fill('+15550100100');
    await form(page).getByRole('checkbox').check();
    await form(page).getByRole('button', { name: 'Continue' }).click();
    await page.waitForSelector('continue-signup[status="ready"][step="code"]');
    assert.match((await form(page).getByRole('status').textContent()) ?? '', /\+15550100100/);

    const code = form(page).getByLabel('Verification code');
    await code.fill('111111');
    await form(page).getByRole('button', { name: 'Continue' }).click();
    await shows(page, '#code-error', 'Incorrect code');
    assert.equal(await form(page).getAttribute('status'), 'ready');

    await form(page).getByRole('button', { name: /Resend/ }).click();
    await shows(page, '[part=message]', 'A new code was sent');
    await page.waitForSelector('continue-signup[status="ready"][step="code"]');
    await code.fill('424242');
    await form(page).getByRole('button', { name: 'Continue' }).click();
    await landedSignedIn(page);
    const phone = await page.evaluate(
      () => (window as unknown as { Clerk: { user: { primaryPhoneNumber?: { phoneNumber: string } | null; phoneNumbers?: { phoneNumber: string }[] } } }).Clerk.user,
    );
    assert.equal(phone.primaryPhoneNumber?.phoneNumber ?? phone.phoneNumbers?.[0]?.phoneNumber, '+15550100100');
    const calls = fapiCalls(e2e.control.log()).map((l) => l.replace(/(sua|sess)_\w+/g, '$1_*'));
    for (const expected of [
      'POST /v1/client/sign_ups/sua_*/prepare_verification 200',
      'POST /v1/client/sign_ups/sua_*/attempt_verification 422',
      'POST /v1/client/sign_ups/sua_*/attempt_verification 200',
    ]) {
      assert.ok(calls.includes(expected), `${expected}\n${calls.join('\n')}`);
    }
    assert.equal(calls.filter((l) => l.includes('prepare_verification')).length, 2);
    assert.deepEqual(unexpected(page), []);
  });

  it("an absolute decorateUrl result (Clerk's client touch) loads through location, never the router hook", async () => {
    const page = await e2e.newPage();
    await recordLeaving(page);
    await newUserToContinue(page);
    await routeThroughHook(page);
    // A client cookie expiring within 8 days makes clerk-js's decorateUrl answer /v1/client/touch?redirect_url=…
    e2e.control.setSettings({ clientCookieDays: 7 });
    await form(page).getByLabel('Username').fill('ninatouch');
    await form(page).getByRole('checkbox').check();
    e2e.control.clearLog();
    await form(page).getByRole('button', { name: 'Continue' }).click();
    await landedSignedIn(page);
    const touches = e2e.control.log().filter((l) => l.path === '/__clerk/v1/client/touch');
    assert.equal(touches.length, 1, fapiCalls(e2e.control.log()).join('\n'));
    assert.equal(touches[0]!.status, 302);
    assert.equal(new URLSearchParams(touches[0]!.query).get('redirect_url'), `${e2e.url}/`);
    assert.deepEqual(await left(page), { redirects: [{ url: `${e2e.url}/`, reason: 'complete' }], routed: [] });
    assert.equal((await clerkUser(page))?.username, 'ninatouch');
    assert.deepEqual(unexpected(page), []);
  });

  it('a path from decorateUrl (no touch due) goes through the router hook', async () => {
    const page = await e2e.newPage();
    await recordLeaving(page);
    await newUserToContinue(page);
    await routeThroughHook(page);
    await form(page).getByLabel('Username').fill('ninaroute');
    await form(page).getByRole('checkbox').check();
    e2e.control.clearLog();
    await form(page).getByRole('button', { name: 'Continue' }).click();
    await landedSignedIn(page);
    assert.equal(e2e.control.log().filter((l) => l.path === '/__clerk/v1/client/touch').length, 0);
    assert.deepEqual(await left(page), { redirects: [{ url: `${e2e.url}/`, reason: 'complete' }], routed: ['/'] });
    assert.deepEqual(unexpected(page), []);
  });

  it('Clerk failing on submit (503) shows the error in the alert, keeps the input, and the second try succeeds', async () => {
    // (A single dropped connection never reaches the element: clerk-js retries network failures itself.)
    const page = await e2e.newPage();
    await newUserToContinue(page);
    e2e.control.injectFault({ path: '/__clerk/v1/client/sign_ups/*', method: 'PATCH', status: 503, code: 'service_unavailable' });
    await form(page).getByLabel('Username').fill('ninaretry');
    await form(page).getByRole('checkbox').check();
    await form(page).getByRole('button', { name: 'Continue' }).click();
    await shows(page, '[part=error-message]', '\\S');
    // Not blocking: the form stays and Continue is the way on (no Try again).
    assert.equal(await form(page).getAttribute('status'), 'ready');
    assert.equal(await form(page).getByRole('button', { name: 'Try again' }).count(), 0);
    assert.equal(await form(page).getByLabel('Username').inputValue(), 'ninaretry');
    assert.equal(await form(page).getByRole('checkbox').isChecked(), true);
    await form(page).getByRole('button', { name: 'Continue' }).click();
    await landedSignedIn(page);
    assert.equal((await clerkUser(page))?.username, 'ninaretry');
    const updates = fapiCalls(e2e.control.log()).filter((l) => l.startsWith('PATCH /v1/client/sign_ups'));
    assert.deepEqual(updates.map((l) => l.split(' ').at(-1)), ['503', '200']);
    // The injected 503 is the one failure this test causes.
    assert.deepEqual(unexpected(page).filter((e) => !/ 503 |status of 503/.test(e)), []);
  });

  it('opened directly, it says why and sends the visitor to sign in', async () => {
    const page = await e2e.newPage();
    await page.addInitScript(() => {
      document.addEventListener('signup-redirect', (e) => {
        const { url, reason } = e as Event & { url: string; reason: string };
        const message = document.querySelector('continue-signup')?.shadowRoot?.querySelector('[part=message]')?.textContent ?? '';
        sessionStorage.setItem('signup-redirect', JSON.stringify({ url, reason, message }));
      });
    });
    await e2e.goto(page, '/sign-in/continue', { waitForReady: false });
    await page.waitForURL((u) => u.pathname === '/sign-in', { timeout: 15_000 });
    const seen = JSON.parse((await page.evaluate(() => sessionStorage.getItem('signup-redirect'))) ?? 'null');
    assert.deepEqual(seen, { url: `${e2e.url}/sign-in`, reason: 'no-sign-up', message: 'There is no sign-up to continue here. Taking you to sign in…' });
    // replace(): the continue page leaves no history entry (about:blank, then /sign-in in its place).
    assert.equal(await page.evaluate(() => history.length), 2);
    await page.goBack();
    assert.notEqual(new URL(page.url()).pathname, '/sign-in/continue');
    assert.deepEqual(unexpected(page), []);
  });
});
