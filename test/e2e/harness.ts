/**
 * End-to-end harness: the emulator (FAPI + fake provider + demo site on one origin) started in-process,
 * headless Chromium through playwright-core, and helpers for the flows later issues test.
 *
 *   const e2e = await startE2E();                 // one per test file
 *   const page = await e2e.newPage();             // fresh context (cookies) per test
 *   await e2e.goto(page, '/sign-in');             // waits for <clerk-provider status="ready">
 *   await signInThroughFakeProvider(page, { user: 'Alice Example' });
 *   assert.deepEqual(e2e.errors(page), []);       // page errors, console errors, CSP violations
 *   await e2e.close();
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, beforeEach } from 'node:test';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { startEmulator, type FaultSpec, type LogEntry, type RunningEmulator, type SeedUser, type SettingsInput } from '../../emulator/src/index';
import { EMULATOR_DIR, ELEMENTS_BUNDLE } from '../../emulator/src/paths';
import { CHROMIUM_ARGS, findChrome } from '../../scripts/chrome.mjs';
import { bundleIsStale, buildBundle } from '../../scripts/bundle.mjs';

/** The flags every browser run of this project uses (scripts/chrome.mjs). */
export const CHROME_FLAGS = CHROMIUM_ARGS;

/** Headless Chrome/Chromium found by scripts/chrome.mjs (`CHROME_PATH`, then the usual paths). */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: findChrome(), headless: true, args: CHROME_FLAGS, timeout: 30_000 });
}

export interface E2EOptions {
  /** Emulator settings (merged over the defaults) or a settings file; default `emulator/settings/default.json`. */
  settings?: SettingsInput | string;
  /** Share a browser between harnesses (otherwise one is launched and closed with the harness). */
  browser?: Browser;
  /**
   * Real-Clerk mode, as `CLERK_PUBLISHABLE_KEY=... npm start` serves it: the pages carry this key and no
   * proxy-url, and their CSP allows its Frontend API. Pair with `routeFrontendApiToEmulator()` to answer
   * that host from the emulator (there is no network here).
   */
  publishableKey?: string;
}

export interface Control {
  reset(settings?: SettingsInput): void;
  seedUser(user: SeedUser): { id: string };
  setSettings(patch: SettingsInput): void;
  injectFault(spec: FaultSpec): number;
  /** Moves every active session's last first-factor verification this many minutes back (reverification). */
  ageSessions(minutes: number): number;
  /** Request log entries since the last `clearLog()` (or start). */
  log(): LogEntry[];
  clearLog(): void;
}

export interface E2E {
  url: string;
  emulator: RunningEmulator;
  browser: Browser;
  control: Control;
  /** A page in a fresh browser context, with error collection attached. */
  newPage(): Promise<Page>;
  /** Opens a path of the demo and waits until `<clerk-provider>` is ready (or errored: then throws). */
  goto(page: Page, path: string, opts?: { waitForReady?: boolean }): Promise<void>;
  /** Page errors, console errors and CSP violations seen on this page so far. */
  errors(page: Page): string[];
  close(): Promise<void>;
}

const collected = new WeakMap<Page, string[]>();

/** Collects what a clean page must not produce. Exported for pages made outside the harness. */
export function collectErrors(page: Page): string[] {
  const list: string[] = [];
  collected.set(page, list);
  page.on('pageerror', (e) => list.push(`pageerror: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error') list.push(`console.error: ${m.text()}`);
  });
  page.on('requestfailed', (r) => {
    // A navigation away aborts in-flight requests: that is not a failure of the page.
    if (r.failure()?.errorText !== 'net::ERR_ABORTED') list.push(`requestfailed: ${r.method()} ${r.url()} ${r.failure()?.errorText}`);
  });
  return list;
}

let privateBundle: string | undefined;
/**
 * The bundle the demo serves as /elements.js. When dist/browser is missing or older than src/, the tests
 * would exercise old code: build the current sources once per process into a private folder instead
 * (never into dist, which other runs may be reading at the same moment).
 */
function elementsBundle(): string {
  if (!bundleIsStale(ELEMENTS_BUNDLE)) return ELEMENTS_BUNDLE;
  if (!privateBundle) {
    const outDir = mkdtempSync(join(tmpdir(), 'e2e-elements-'));
    process.stderr.write(`e2e: ${ELEMENTS_BUNDLE} is missing or older than src/; building the current sources into ${outDir}\n`);
    privateBundle = buildBundle({ outDir, quiet: true });
  }
  return privateBundle;
}

export async function startE2E(options: E2EOptions = {}): Promise<E2E> {
  const elementsPath = elementsBundle();
  const emulator = await startEmulator({
    port: 0,
    settings: options.settings ?? `${EMULATOR_DIR}/settings/default.json`,
    control: true,
    demo: { elementsPath, ...(options.publishableKey ? { publishableKey: options.publishableKey } : {}) },
  });
  const browser = options.browser ?? (await launchChromium());
  const contexts = new Set<BrowserContext>();
  const control: Control = {
    reset: (s) => emulator.reset(s),
    seedUser: (u) => emulator.seedUser(u),
    setSettings: (p) => void emulator.setSettings(p),
    injectFault: (f) => emulator.injectFault(f),
    ageSessions: (m) => emulator.ageSessions(m),
    log: () => [...emulator.log],
    clearLog: () => emulator.clearLog(),
  };
  return {
    url: emulator.url,
    emulator,
    browser,
    control,
    async newPage() {
      const context = await browser.newContext({ baseURL: emulator.url });
      contexts.add(context);
      context.setDefaultTimeout(10_000);
      context.setDefaultNavigationTimeout(15_000);
      const page = await context.newPage();
      collectErrors(page);
      return page;
    },
    async goto(page, path, opts = {}) {
      await page.goto(new URL(path, emulator.url).toString());
      if (opts.waitForReady !== false) await waitForProviderReady(page);
    },
    errors: (page) => [...(collected.get(page) ?? [])],
    async close() {
      for (const c of contexts) await c.close().catch(() => {});
      if (!options.browser) await browser.close();
      await emulator.close();
    },
  };
}

/**
 * The usual set-up of an e2e test file: one harness for the file (started before its tests, closed after),
 * and a fresh emulator (state, faults, request log) before every test. The handle is usable inside tests.
 */
export function useE2E(options: E2EOptions = {}): E2E {
  let started: E2E | undefined;
  before(async () => {
    started = await startE2E(options);
  });
  after(() => started?.close());
  beforeEach(() => {
    started!.control.reset();
    started!.control.clearLog();
  });
  return new Proxy({} as E2E, {
    get(_, key) {
      if (!started) throw new Error('useE2E(): the harness is used before its before() hook ran');
      return Reflect.get(started, key);
    },
  });
}

/** Waits for `<clerk-provider status="ready">`; throws with the provider's error when it fails. */
export async function waitForProviderReady(page: Page, timeout = 15_000): Promise<void> {
  const handle = await page.waitForFunction(
    () => {
      const p = document.querySelector('clerk-provider');
      const s = p?.getAttribute('status');
      return s === 'ready' || s === 'error' ? s : false;
    },
    undefined,
    { timeout },
  );
  if ((await handle.jsonValue()) === 'error') {
    const detail = await page.evaluate(() => (document.querySelector('clerk-provider') as unknown as { error?: { message?: string } })?.error?.message ?? '');
    throw new Error(`<clerk-provider> failed: ${detail}`);
  }
}

export type FakeIdentity =
  | { user: string }
  | { newUser: { firstName?: string; lastName?: string; email?: string; username?: string } }
  | 'deny';

/**
 * On the fake provider's authorize page (the page must be on it or navigating to it): picks an
 * identity by its accessible button name, and waits for the navigation back to the app.
 * `{ user: 'Alice Example' }` clicks "Continue as Alice Example".
 */
export async function signInThroughFakeProvider(page: Page, identity: FakeIdentity, timeout = 15_000): Promise<void> {
  await page.waitForURL((u) => u.pathname === '/oauth/authorize', { timeout });
  let button;
  if (identity === 'deny') button = page.getByRole('button', { name: 'Deny', exact: true });
  else if ('user' in identity) button = page.getByRole('button', { name: `Continue as ${identity.user}`, exact: true });
  else {
    const n = identity.newUser;
    if (n.firstName !== undefined) await page.getByLabel('First name').fill(n.firstName);
    if (n.lastName !== undefined) await page.getByLabel('Last name').fill(n.lastName);
    if (n.email !== undefined) await page.getByLabel('Email').fill(n.email);
    if (n.username !== undefined) await page.getByLabel('Username').fill(n.username);
    button = page.getByRole('button', { name: 'Continue as a new user', exact: true });
  }
  await Promise.all([page.waitForURL((u) => u.pathname !== '/oauth/authorize', { timeout }), button.click()]);
}

/** Starts an OAuth sign-in (or, with `resource: 'signUp'`, a sign-up) with the real clerk-js on the page. */
export async function startSignInWithClerk(
  page: Page,
  strategy = 'oauth_google',
  redirectUrl = '/sign-in/sso-callback',
  redirectUrlComplete = '/',
  resource: 'signIn' | 'signUp' = 'signIn',
): Promise<void> {
  await page.evaluate(
    ([s, r, c, which]) => {
      type Resource = { authenticateWithRedirect(p: unknown): Promise<unknown> };
      const clerk = (window as unknown as { Clerk: { client: Record<'signIn' | 'signUp', Resource> } }).Clerk;
      void clerk.client[which].authenticateWithRedirect({ strategy: s, redirectUrl: r, redirectUrlComplete: c });
    },
    [strategy, redirectUrl, redirectUrlComplete, resource] as const,
  );
}

/**
 * Answers a real Frontend API host (`https://<host>/v1/*`, `/npm/*`) from the emulator, for the pages of a
 * harness started with `publishableKey`: the browser still sees the real origin, so its CSP, Trusted Types
 * and CORS rules apply as they would against Clerk. Returns the URLs that were routed.
 */
export async function routeFrontendApiToEmulator(page: Page, e2e: E2E, host: string): Promise<string[]> {
  const routed: string[] = [];
  await page.context().route(`https://${host}/**`, async (route) => {
    const request = route.request();
    const url = new URL(request.url());
    routed.push(`${request.method()} ${url.pathname}`);
    const response = await route.fetch({ url: `${e2e.url}/__clerk${url.pathname}${url.search}` });
    const origin = request.headers()['origin'];
    const headers = { ...response.headers(), ...(origin ? { 'access-control-allow-origin': origin, 'access-control-allow-credentials': 'true' } : {}) };
    await route.fulfill({ response, headers });
  });
  return routed;
}

/** The FAPI part of the log as `METHOD /v1/path status` lines (effective method, ids kept). */
export function fapiCalls(log: LogEntry[]): string[] {
  return log.filter((e) => e.path.startsWith('/__clerk/v1/')).map((e) => `${e.effectiveMethod} ${e.path.slice('/__clerk'.length)} ${e.status}`);
}

/** Reads `window.Clerk.user` as plain data. */
export function clerkUser(page: Page): Promise<{ id: string; username: string | null; email: string | null } | null> {
  return page.evaluate(() => {
    const u = (window as unknown as { Clerk?: { user?: { id: string; username: string | null; primaryEmailAddress?: { emailAddress: string } | null } | null } }).Clerk?.user;
    return u ? { id: u.id, username: u.username, email: u.primaryEmailAddress?.emailAddress ?? null } : null;
  });
}

export interface ConnectOptions {
  /** Where the provider round trip returns (default: the page's current URL, as Clerk's UI does). */
  redirectUrl?: string;
  additionalScopes?: string[];
  oidcPrompt?: string;
}

/**
 * Starts connecting a social account with the real clerk-js on the page (`Clerk.user.createExternalAccount`),
 * then navigates to the provider like a page must (clerk-js does not). Resolves once the fake provider's page
 * is open; continue with `signInThroughFakeProvider()`. Rejects with the Clerk error code (e.g.
 * `session_reverification_required`) when the call fails.
 */
export async function connectWithClerk(page: Page, strategy: string, options: ConnectOptions = {}): Promise<void> {
  const target = await page.evaluate(
    async ([s, o]) => {
      type Account = { verification: { externalVerificationRedirectURL: URL | null } | null };
      const clerk = (window as unknown as { Clerk: { user: { createExternalAccount(p: unknown): Promise<Account> } } }).Clerk;
      try {
        const account = await clerk.user.createExternalAccount({ strategy: s, redirectUrl: o.redirectUrl ?? window.location.href, additionalScopes: o.additionalScopes, oidcPrompt: o.oidcPrompt });
        return { url: String(account.verification?.externalVerificationRedirectURL ?? '') };
      } catch (e) {
        return { error: (e as { errors?: { code: string }[] }).errors?.[0]?.code ?? String(e) };
      }
    },
    [strategy, options] as const,
  );
  if ('error' in target) throw new Error(`createExternalAccount failed: ${target.error}`);
  if (!target.url) throw new Error('createExternalAccount returned no external_verification_redirect_url');
  await page.goto(target.url);
}

/** `Clerk.user.externalAccounts` as plain data (`provider` has no `oauth_` prefix). */
export function clerkExternalAccounts(
  page: Page,
): Promise<{ id: string; provider: string; emailAddress: string; approvedScopes: string; status: string | null; errorCode: string | null }[]> {
  return page.evaluate(() => {
    type Account = { id: string; provider: string; emailAddress: string; approvedScopes: string; verification: { status: string | null; error: { code: string } | null } | null };
    const user = (window as unknown as { Clerk?: { user?: { externalAccounts: Account[] } | null } }).Clerk?.user;
    return (user?.externalAccounts ?? []).map((a) => ({
      id: a.id,
      provider: a.provider,
      emailAddress: a.emailAddress,
      approvedScopes: a.approvedScopes,
      status: a.verification?.status ?? null,
      errorCode: a.verification?.error?.code ?? null,
    }));
  });
}
