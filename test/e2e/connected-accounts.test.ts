// <connected-accounts> on the demo's /account page, with the unmodified clerk-js against the emulator and its
// fake provider: connect (a sign-in provider, a connect-only one), re-authorize, remove (a failing delete first),
// reconnect a failed account, reverification with the password, and the server route beside the list.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { clerkExternalAccounts, fapiCalls, signInThroughFakeProvider, startSignInWithClerk, useE2E, waitForProviderReady, type FakeIdentity } from './harness';

const e2e = useE2E();

/** Signs `user` in with Google through the fake provider, landing on /account with the element ready. */
async function onAccountPage(user: string, page?: Page): Promise<Page> {
  page ??= await e2e.newPage();
  await e2e.goto(page, '/sign-in');
  await startSignInWithClerk(page, 'oauth_google', '/sign-in/sso-callback', '/account');
  await signInThroughFakeProvider(page, { user });
  await page.waitForURL((u) => u.pathname === '/account');
  await elementReady(page);
  return page;
}

const elementReady = async (page: Page) => {
  await waitForProviderReady(page);
  await page.waitForSelector('connected-accounts[status="ready"]');
};
const rows = (page: Page) =>
  page.locator('connected-accounts [part~="account"]').evaluateAll((els) => els.map((el) => `${el.getAttribute('part')!.split(' ')[1]} ${(el as HTMLElement).dataset.state}`));
const row = (page: Page, provider: string) => page.locator(`connected-accounts [part~="account-${provider}"]`);
const statusText = (page: Page) => page.locator('connected-accounts [part="status"]').textContent();
const errorText = (page: Page) => page.locator('connected-accounts [part="error"] [part="error-message"]').textContent();

/** Opens "Connect account", picks the provider, and goes through the fake provider as `identity`. */
async function connect(page: Page, name: string, identity: FakeIdentity): Promise<void> {
  await page.getByRole('button', { name: 'Connect account' }).click();
  await page.getByRole('button', { name: `Connect ${name} account` }).click();
  await signInThroughFakeProvider(page, identity);
  await page.waitForURL((u) => u.pathname === '/account');
  await elementReady(page);
}

describe('<connected-accounts> end to end', () => {
  it('connects a second provider through the fake provider and lists it; the server reads its profile', async () => {
    const page = await onAccountPage('Alice Example');
    assert.deepEqual(await rows(page), ['account-google connected']);
    e2e.control.clearLog();
    await connect(page, 'GitHub', { user: 'Alice Example' });
    await page.waitForFunction(() => document.querySelector('connected-accounts')?.shadowRoot?.querySelector('[part~="account-github"]'));
    assert.deepEqual((await rows(page)).sort(), ['account-github connected', 'account-google connected']);
    assert.equal(await statusText(page), 'The provider has been added to your account');
    const calls = fapiCalls(e2e.control.log());
    // No more than a hand-written flow: one create; back on the page, the user clerk-js loaded with it (no reload).
    assert.deepEqual(calls.filter((c) => /external_accounts|\/v1\/me /.test(`${c} `)), ['POST /v1/me/external_accounts 200'], calls.join('\n'));
    // The server step beside the list: /api/provider-profile read GitHub's profile with the user's token.
    await page.waitForSelector('#profiles li[data-provider="github"][data-state="done"]');
    assert.match((await page.textContent('#profiles li[data-provider="github"]')) ?? '', /^github: .+ \(scopes: .*repo.*\)$/);
    assert.deepEqual(e2e.errors(page), []);
  });

  it('connects a connect-only provider (Notion), marked as such in the menu', async () => {
    const page = await onAccountPage('Alice Example');
    await page.getByRole('button', { name: 'Connect account' }).click();
    const notion = page.getByRole('button', { name: /Connect Notion account/ });
    assert.match((await notion.textContent()) ?? '', /Connect only/);
    await page.getByRole('button', { name: 'Connect account' }).click();
    await connect(page, 'Notion', { user: 'Alice Example' });
    await row(page, 'notion').waitFor();
    assert.equal(await row(page, 'notion').getAttribute('data-state'), 'connected');
    assert.deepEqual((await clerkExternalAccounts(page)).map((a) => [a.provider, a.status]).sort(), [
      ['google', 'verified'],
      ['notion', 'verified'],
    ]);
    assert.deepEqual(e2e.errors(page), []);
  });

  it('an account linked to another user comes back as an error row with Clerk’s message, and account-error', async () => {
    const page = await e2e.newPage();
    await page.addInitScript(() =>
      document.addEventListener('account-error', (e) => ((window as unknown as { accountErrors: string[] }).accountErrors ??= []).push((e as Event & { code: string }).code)),
    );
    await onAccountPage('Alice Example', page);
    await connect(page, 'GitHub', { user: 'Bob Builder' });
    await row(page, 'github').waitFor();
    assert.deepEqual(await page.evaluate(() => (window as unknown as { accountErrors?: string[] }).accountErrors), ['external_account_exists']);
    assert.equal(await row(page, 'github').getAttribute('data-state'), 'error');
    assert.match((await errorText(page)) ?? '', /already connected/);
    assert.equal(await row(page, 'github').getByRole('button', { name: /Reconnect/ }).count(), 0);
  });

  it('re-authorizes for the scope the page asks for, and the difference is gone', async () => {
    // The demo page asks for `github: repo`; Bob's GitHub account has only the default scopes.
    const page = await onAccountPage('Bob Builder');
    assert.equal(await row(page, 'github').getAttribute('data-state'), 'needs-scopes');
    assert.match((await row(page, 'github').textContent()) ?? '', /Needs access to: repo/);
    await row(page, 'github').getByRole('button', { name: /Authorize now/ }).click();
    await signInThroughFakeProvider(page, { user: 'Bob Builder' });
    await page.waitForURL((u) => u.pathname === '/account');
    await elementReady(page);
    await page.waitForFunction(() => document.querySelector('connected-accounts')?.shadowRoot?.querySelector('[part~="account-github"]')?.getAttribute('data-state') === 'connected');
    assert.equal(await statusText(page), 'GitHub now has access to: repo');
    const github = (await clerkExternalAccounts(page)).find((a) => a.provider === 'github');
    assert.match(github?.approvedScopes ?? '', /\brepo\b/);
    assert.deepEqual(e2e.errors(page), []);
  });

  it('a failing delete keeps the account (on the page and in the emulator); the second try removes it', async () => {
    const page = await onAccountPage('Bob Builder');
    e2e.control.clearLog();
    e2e.control.injectFault({ method: 'DELETE', path: '/__clerk/v1/me/external_accounts/*', status: 500, code: 'internal_clerk_error' });
    const google = row(page, 'google');
    await google.getByRole('button', { name: /Remove/ }).click();
    await google.getByRole('group').getByRole('button', { name: /Remove/ }).click();
    await page.waitForFunction(() => !!document.querySelector('connected-accounts')?.shadowRoot?.querySelector('[part="error-message"]'));
    assert.equal(await page.getAttribute('connected-accounts', 'status'), 'ready');
    assert.equal(await google.count(), 1);
    const stored = () => e2e.emulator.world.store.data.users['user_bob']!.externalAccounts.map((a) => a.provider).sort();
    assert.deepEqual(stored(), ['github', 'google']);
    // The focus is back on the row's Remove.
    assert.match(await page.evaluate(() => document.querySelector('connected-accounts')!.shadowRoot!.activeElement?.textContent ?? ''), /Remove/);

    await google.getByRole('button', { name: /Remove/ }).click();
    await google.getByRole('group').getByRole('button', { name: /Remove/ }).click();
    await google.waitFor({ state: 'detached' });
    assert.equal(await statusText(page), 'Google has been removed from your account.');
    assert.deepEqual(stored(), ['github']);
    const deletes = fapiCalls(e2e.control.log()).filter((c) => c.startsWith('DELETE'));
    assert.deepEqual(
      deletes.map((c) => c.replace(/eac_\w+/, ':id')),
      ['DELETE /v1/me/external_accounts/:id 500', 'DELETE /v1/me/external_accounts/:id 200'],
    );
    assert.deepEqual(e2e.errors(page).filter((e) => !/500/.test(e)), []);
  });

  it('a failed connection shows Reconnect, and reconnecting heals it', async () => {
    e2e.control.seedUser({
      id: 'user_carol',
      username: 'carol',
      firstName: 'Carol',
      lastName: 'Failing',
      emailAddress: 'carol@example.com',
      legalAccepted: true,
      externalAccounts: [
        { provider: 'google', providerUserId: 'google-carol', approvedScopes: 'openid email profile' },
        { provider: 'github', providerUserId: 'github-carol', approvedScopes: 'user:email read:user repo', errorCode: 'oauth_token_exchange_error' },
      ],
    });
    const page = await onAccountPage('Carol Failing');
    assert.equal(await row(page, 'github').getAttribute('data-state'), 'reconnect');
    await row(page, 'github').getByRole('button', { name: /Reconnect/ }).click();
    await signInThroughFakeProvider(page, { user: 'Carol Failing' });
    await page.waitForURL((u) => u.pathname === '/account');
    await elementReady(page);
    await page.waitForFunction(() => document.querySelector('connected-accounts')?.shadowRoot?.querySelector('[part~="account-github"]')?.getAttribute('data-state') === 'connected');
    assert.deepEqual((await clerkExternalAccounts(page)).filter((a) => a.provider === 'github').map((a) => a.status), ['verified']);
    assert.deepEqual(e2e.errors(page), []);
  });

  it('reverification on remove: the element asks for the password, then removes', async () => {
    e2e.control.setSettings({ reverification: { actions: ['remove_external_account'], afterMinutes: 10, level: 'first_factor' } });
    e2e.control.seedUser({
      id: 'user_dana',
      username: 'dana',
      firstName: 'Dana',
      lastName: 'Careful',
      emailAddress: 'dana@example.com',
      password: 'open sesame please',
      legalAccepted: true,
      externalAccounts: [
        { provider: 'google', providerUserId: 'google-dana', approvedScopes: 'openid email profile' },
        { provider: 'github', providerUserId: 'github-dana', approvedScopes: 'user:email read:user repo' },
      ],
    });
    const page = await onAccountPage('Dana Careful');
    e2e.control.ageSessions(30);
    const github = row(page, 'github');
    await github.getByRole('button', { name: /Remove/ }).click();
    await github.getByRole('group').getByRole('button', { name: /Remove/ }).click();
    await page.waitForSelector('connected-accounts[status="reverifying"]');
    const password = page.locator('connected-accounts #reverify-input');
    await password.waitFor();
    await password.fill('wrong password');
    await page.locator('connected-accounts [part="submit"]').click();
    await page.locator('connected-accounts [part="field-error"]').waitFor();
    assert.equal(await password.inputValue(), 'wrong password');
    await password.fill('open sesame please');
    await page.locator('connected-accounts [part="submit"]').click();
    await page.waitForSelector('connected-accounts[status="ready"]');
    await page.waitForFunction(() => document.querySelector('connected-accounts')?.shadowRoot?.querySelector('[part="status"]')?.textContent === 'GitHub has been removed from your account.');
    assert.equal(await github.count(), 0);
    assert.deepEqual(e2e.emulator.world.store.data.users['user_dana']!.externalAccounts.map((a) => a.provider), ['google']);
    assert.deepEqual(e2e.errors(page).filter((e) => !/403|422|400/.test(e)), []);
  });

  it('the server route answers 401 to a signed-out request', async () => {
    const page = await e2e.newPage();
    await e2e.goto(page, '/account');
    await page.waitForSelector('connected-accounts[status="signed-out"]');
    assert.equal(await page.isVisible('#account-sign-in'), true);
    const answer = await page.evaluate(async () => {
      const r = await fetch('/api/provider-profile?provider=google');
      return { status: r.status, body: (await r.json()) as { error?: string } };
    });
    assert.deepEqual([answer.status, answer.body.error], [401, 'signed_out']);
  });
});
