// The server recipe end to end: the real clerk-js connects a social account through the fake provider, and the
// demo's /api/provider-profile (written with @clerk/backend) reads the provider profile with the user's token.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { clerkExternalAccounts, connectWithClerk, signInThroughFakeProvider, startSignInWithClerk, useE2E, waitForProviderReady } from './harness';

const e2e = useE2E();

async function signInAlice(page: Page): Promise<void> {
  await e2e.goto(page, '/sign-in');
  await startSignInWithClerk(page, 'oauth_google', '/sign-in/sso-callback', '/');
  await signInThroughFakeProvider(page, { user: 'Alice Example' });
  await page.waitForURL((u) => u.pathname === '/');
  await waitForProviderReady(page);
}

const profile = (page: Page, provider: string) =>
  page.evaluate(async (p) => {
    const r = await fetch(`/api/provider-profile?provider=${p}`);
    return { status: r.status, body: (await r.json()) as Record<string, unknown> };
  }, provider);

describe('connected accounts with the real clerk-js, and the server route', () => {
  it('connects GitHub through the fake provider, back on the page that started it; the server reads the GitHub profile', async () => {
    const page = await e2e.newPage();
    await signInAlice(page);
    await e2e.goto(page, '/account');
    assert.deepEqual((await clerkExternalAccounts(page)).map((a) => [a.provider, a.status]), [['google', 'verified']]);

    await connectWithClerk(page, 'oauth_github', { additionalScopes: ['repo'], oidcPrompt: 'consent' });
    assert.equal(new URL(page.url()).searchParams.get('prompt'), 'consent');
    await signInThroughFakeProvider(page, { newUser: { firstName: 'Alice', lastName: 'Example', email: 'alice.gh@example.com', username: 'alice-gh' } });
    await page.waitForURL((u) => u.pathname === '/account');
    await waitForProviderReady(page);
    const github = (await clerkExternalAccounts(page)).find((a) => a.provider === 'github');
    assert.deepEqual(github && [github.status, github.emailAddress, github.approvedScopes], ['verified', 'alice.gh@example.com', 'user:email read:user repo']);
    await page.waitForSelector('connected-accounts [part~="account-github"]');

    const gh = await profile(page, 'github');
    assert.equal(gh.status, 200, JSON.stringify(gh.body));
    assert.deepEqual(gh.body.scopes, ['user:email', 'read:user', 'repo']);
    assert.deepEqual([(gh.body.profile as { email: string }).email, (gh.body.profile as { username: string }).username], ['alice.gh@example.com', 'alice-gh']);
    const google = await profile(page, 'google');
    assert.equal((google.body.profile as { id: string }).id, 'google-alice');
    assert.deepEqual(e2e.errors(page), []);

    const log = e2e.control.log().map((e) => `${e.route} ${e.status}`);
    assert.ok(log.includes('POST /v1/me/external_accounts 200'), log.join('\n'));
    assert.ok(log.includes('GET /__clerk_backend/v1/jwks 200'), log.join('\n'));
    assert.ok(log.includes('GET /__clerk_backend/v1/users/:id/oauth_access_tokens/:provider 200'), log.join('\n'));
    assert.ok(log.includes('GET /fake-idp/api/me 200'), log.join('\n'));
  });

  it('denied consent comes back to the page with the failed account in Clerk.user.externalAccounts', async () => {
    const page = await e2e.newPage();
    await signInAlice(page);
    await e2e.goto(page, '/account');
    await connectWithClerk(page, 'oauth_notion');
    await signInThroughFakeProvider(page, 'deny');
    await page.waitForURL((u) => u.pathname === '/account');
    await waitForProviderReady(page);
    const notion = (await clerkExternalAccounts(page)).find((a) => a.provider === 'notion');
    assert.deepEqual(notion && [notion.status, notion.errorCode], ['failed', 'oauth_access_denied']);
    assert.deepEqual(e2e.errors(page), []);
    // (after the check above: Chromium reports the expected 404 of this fetch as a console error)
    assert.deepEqual((await profile(page, 'notion')).body.error, 'not_connected');
  });

  it('reverification: an old session gets session_reverification_required; session.startVerification + password lifts it', async () => {
    e2e.control.setSettings({ reverification: true });
    const page = await e2e.newPage();
    await signInAlice(page);
    e2e.control.ageSessions(30);
    await assert.rejects(connectWithClerk(page, 'oauth_github'), /session_reverification_required/);
    const status = await page.evaluate(async () => {
      type Verification = { status: string; supportedFirstFactors: { strategy: string }[] | null };
      const session = (
        window as unknown as {
          Clerk: { session: { startVerification(p: unknown): Promise<Verification>; attemptFirstFactorVerification(p: unknown): Promise<Verification> } };
        }
      ).Clerk.session;
      const started = await session.startVerification({ level: 'first_factor' });
      const done = await session.attemptFirstFactorVerification({ strategy: 'password', password: 'correct horse battery staple' });
      return [started.status, started.supportedFirstFactors?.map((f) => f.strategy), done.status];
    });
    assert.deepEqual(status, ['needs_first_factor', ['password', 'email_code'], 'complete']);
    await connectWithClerk(page, 'oauth_github');
    assert.equal(new URL(page.url()).pathname, '/oauth/authorize');
    // Only Chromium's line for the expected 403 (clerk-js itself logs nothing for an error it hands back).
    assert.deepEqual(e2e.errors(page), ['console.error: Failed to load resource: the server responded with a status of 403 (Forbidden)']);
  });

  it('signed out, the server route answers 401 JSON', async () => {
    const page = await e2e.newPage();
    await e2e.goto(page, '/');
    const r = await profile(page, 'google');
    assert.deepEqual([r.status, r.body.error], [401, 'signed_out']);
  });
});
