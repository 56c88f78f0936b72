// The fault matrix: every demo flow, end to end with the unmodified clerk-js against the emulator, once clean
// and then once per (Frontend API call of that flow) x (fault kind). The calls are read from the emulator's
// log of the clean run, so a call added to a flow is covered without editing a list here.
//
// Fault kinds: HTTP 500; 429 with Retry-After; a stall longer than the bounded wait (the provider's `timeout`
// attribute, shortened to TIMEOUT_MS for these pages); a dropped connection. Each fault is injected with
// `times` high enough to outlast clerk-js's own retries (GETs ~11 tries, dropped connections ~6).
//
// What "pass" means for one case:
// - the flow ends either in a visible, announced error (a non-empty `[part=error][role=alert]` of an element or
//   of the provider), or it completes by itself ("recovered": clerk-js's own retry, e.g. after Retry-After, or
//   a late answer the element waited for);
// - after the bounded wait no element is still busy (loading, verifying, submitting, connecting,
//   reauthorizing, removing);
// - with the fault cleared, the way out works: Try again (or Back to sign in) when the element offers one,
//   else the element's own controls (`<oauth-buttons>` and `<connected-accounts>` stay `ready` with the
//   message: their buttons are the way out); the flow then completes (landing on sign-in and starting over
//   counts: the driver carries on from there);
// - no duplicate mutation: every POST/PATCH/DELETE route succeeds at most as often as in the clean run
//   (clerk-js's load call `PATCH /v1/environment` and its session-token refreshes are not user actions);
// - what the visitor typed in the continue form is still there after the error and after the way out, as long
//   as the page was not reloaded.
// Calls that are browser navigations rather than clerk-js calls (`/v1/oauth_callback`, `/v1/client/touch`)
// are not in the matrix: a fault there is a server error page, not something an element can show.
//
// Cases run in parallel: WORKERS emulators (each with its own state, faults and log), one shared Chromium,
// a fresh browser context per case. It prints one line per flow: `flow: N cases, N passed`.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser, Page } from 'playwright-core';
import type { FaultSpec, LogEntry, SeedUser, SettingsInput } from '../../emulator/src/index';
import { launchChromium, startE2E, startSignInWithClerk, type E2E, type FakeIdentity } from './harness';

const TIMEOUT_MS = 1500;
const STALL_MS = 4000;
const WORKERS = Number(process.env.FAULT_MATRIX_WORKERS ?? 4);
const BUSY = ['loading', 'verifying', 'submitting', 'connecting', 'reauthorizing', 'removing'];
const ELEMENTS = ['clerk-provider', 'oauth-buttons', 'sso-callback', 'continue-signup', 'connected-accounts'];

type FaultKind = '500' | '429' | 'stall' | 'drop';
const FAULT_KINDS: FaultKind[] = ['500', '429', 'stall', 'drop'];

function faultSpec(kind: FaultKind, method: string, path: string): FaultSpec {
  switch (kind) {
    case '500':
      return { method, path, status: 500, times: 12 };
    case '429':
      return { method, path, status: 429, retryAfter: 1, times: 12 };
    case 'stall':
      return { method, path, latencyMs: STALL_MS, times: 3 };
    case 'drop':
      return { method, path, drop: true, times: 10 };
  }
}

// ---------------------------------------------------------------------------------------------- page state

interface Snapshot {
  path: string;
  load: string;
  statuses: Record<string, string | null>;
  errors: string[];
  /** Field errors shown without being announced (not on the focused input). */
  unannounced: string[];
  retry: boolean;
  back: boolean;
  who: string | null;
  step: string | null;
  fields: Record<string, string>;
  rows: Record<string, string>;
}

function snapshot(page: Page): Promise<Snapshot> {
  return page.evaluate((names) => {
    const out = {
      path: location.pathname,
      load: String((window as unknown as { __faultMatrixLoad?: string }).__faultMatrixLoad ?? ''),
      statuses: {} as Record<string, string | null>,
      errors: [] as string[],
      unannounced: [] as string[],
      retry: false,
      back: false,
      who: document.querySelector<HTMLElement>('#who')?.dataset.state ?? null,
      step: document.querySelector('continue-signup')?.getAttribute('step') ?? null,
      fields: {} as Record<string, string>,
      rows: {} as Record<string, string>,
    };
    for (const el of document.querySelectorAll(names.join(','))) {
      out.statuses[el.localName] = el.getAttribute('status');
      const block = el.shadowRoot?.querySelector('[part="error"]');
      const text = block?.textContent?.replace(/\s+/g, ' ').trim();
      if (block && text && block.getAttribute('role') === 'alert' && block.getClientRects().length) {
        out.errors.push(`${el.localName}: ${text}`);
        if (block.querySelector('[part="retry"]')) out.retry = true;
        if (block.querySelector('[part="back-link"]')) out.back = true;
      }
      // A form's own error counts as announced when it describes the invalid input that has the focus (a
      // screen reader reads it with the field), as the reverification and code steps do.
      const root = el.shadowRoot;
      const focused = root?.activeElement;
      for (const fieldError of root?.querySelectorAll('[part~="field-error"]') ?? []) {
        const said = fieldError.textContent?.replace(/\s+/g, ' ').trim();
        const described = !!fieldError.id && !!focused && focused.getAttribute('aria-invalid') === 'true' && (focused.getAttribute('aria-describedby') ?? '').split(' ').includes(fieldError.id);
        if (said && described) out.errors.push(`${el.localName} (field): ${said}`);
        else if (said) out.unannounced.push(`${el.localName}: ${said}`);
      }
    }
    const form = document.querySelector('continue-signup')?.shadowRoot;
    for (const input of form?.querySelectorAll('input') ?? []) out.fields[input.id] = input.type === 'checkbox' ? String(input.checked) : input.value;
    const list = document.querySelector('connected-accounts');
    for (const row of [...(list?.shadowRoot?.querySelectorAll('[part~="account"]') ?? []), ...(list?.querySelectorAll('[part~="account"]') ?? [])]) {
      out.rows[(row.getAttribute('part') ?? '').split(' ')[1] ?? '?'] = (row as HTMLElement).dataset.state ?? '';
    }
    return out;
  }, ELEMENTS);
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

// ---------------------------------------------------------------------------------------------- flows

interface Flow {
  name: string;
  settings?: SettingsInput;
  seed?: SeedUser[];
  /** The provider button on /sign-in or /sign-up. */
  button: string;
  identity: FakeIdentity;
  /** The continue form: input id -> value (checkboxes: 'true'). */
  form?: Record<string, string>;
  /** Where the flow starts after its set-up. */
  start: string;
  /** Gets there without faults (e.g. signed in on /account, or on the continue form). */
  setup?(e2e: E2E, page: Page): Promise<void>;
  /** The visitor's action on /account. */
  account?(page: Page, s: Snapshot): Promise<void>;
  done(s: Snapshot): boolean;
}

const signedInHome = (s: Snapshot) => s.path === '/' && s.who === 'signed-in';
const listReady = (s: Snapshot) => s.path === '/account' && s.statuses['connected-accounts'] === 'ready';

const NEW_USER = { firstName: 'Nina', lastName: 'New', email: 'nina@example.com' };
const DANA: SeedUser = {
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
};

/** Signs `user` in (Google, through the fake provider) and waits on /account with the list ready. */
async function signedInOnAccount(e2e: E2E, page: Page, user: string): Promise<void> {
  await e2e.goto(page, '/sign-in');
  await startSignInWithClerk(page, 'oauth_google', '/sign-in/sso-callback', '/account');
  await page.waitForURL((u) => u.pathname === '/oauth/authorize');
  await page.getByRole('button', { name: `Continue as ${user}`, exact: true }).click();
  await page.waitForURL((u) => u.pathname === '/account');
  await page.waitForSelector('connected-accounts[status="ready"]');
}

/** Drives a new user to the continue form (no faults). */
async function toContinueForm(flow: Flow, e2e: E2E, page: Page): Promise<void> {
  await e2e.goto(page, '/sign-in');
  const reached = await drive(page, { ...flow, done: (s) => s.path === '/sign-in/continue' && s.statuses['continue-signup'] === 'ready' }, { stopOnError: true, ms: 20_000, typed: {} });
  if (reached.outcome !== 'done') throw new Error(`set-up did not reach the continue form: ${JSON.stringify(reached.snap)}`);
}

async function clickRowButton(page: Page, provider: string, name: RegExp): Promise<void> {
  await page.locator(`connected-accounts [part~="account-${provider}"]`).getByRole('button', { name }).first().click({ timeout: 3000 });
}

async function removeRow(page: Page, provider: string): Promise<void> {
  const row = page.locator(`connected-accounts [part~="account-${provider}"]`);
  const confirm = row.getByRole('group').getByRole('button', { name: /Remove/ });
  if (!(await confirm.isVisible())) await row.getByRole('button', { name: /Remove/ }).first().click({ timeout: 3000 });
  await confirm.click({ timeout: 3000 });
}

export const FLOWS: Flow[] = [
  { name: 'sign-in', button: 'Continue with Google', identity: { user: 'Alice Example' }, start: '/sign-in', done: signedInHome },
  {
    // A new user on the sign-in page: the callback transfers the sign-in into a sign-up that completes.
    name: 'sign-up with transfer',
    settings: { legalConsent: false, attributes: { username: { enabled: true, required: false } } },
    button: 'Continue with Google',
    identity: { newUser: NEW_USER },
    start: '/sign-in',
    done: signedInHome,
  },
  {
    // An existing user on the sign-up page: the callback transfers the sign-up into a sign-in.
    name: 'sign-up of an existing user (transfer to sign-in)',
    button: 'Continue with Google',
    identity: { user: 'Alice Example' },
    start: '/sign-up',
    done: signedInHome,
  },
  {
    name: 'continue: username + legal consent',
    button: 'Continue with Google',
    identity: { newUser: NEW_USER },
    form: { username: 'ninanew', legal_accepted: 'true' },
    start: '/sign-in/continue',
    setup(e2e, page) {
      return toContinueForm(this, e2e, page);
    },
    done: signedInHome,
  },
  {
    name: 'continue: first and last name',
    settings: { legalConsent: false, attributes: { first_name: { enabled: true, required: true }, last_name: { enabled: true, required: true }, username: { enabled: false, required: false } } },
    button: 'Continue with Google',
    identity: { newUser: { firstName: '', lastName: '', email: 'nameless@example.com' } },
    form: { first_name: 'Nora', last_name: 'Nameless' },
    start: '/sign-in/continue',
    setup(e2e, page) {
      return toContinueForm(this, e2e, page);
    },
    done: signedInHome,
  },
  {
    name: 'continue: phone number with a code',
    settings: { legalConsent: false, attributes: { phone_number: { enabled: true, required: true }, username: { enabled: false, required: false } } },
    button: 'Continue with Google',
    identity: { newUser: NEW_USER },
    form: { phone_number: '+15550100100' },
    start: '/sign-in/continue',
    setup(e2e, page) {
      return toContinueForm(this, e2e, page);
    },
    done: signedInHome,
  },
  {
    name: 'connect',
    button: 'Continue with Google',
    identity: { user: 'Alice Example' },
    start: '/account',
    setup: (e2e, page) => signedInOnAccount(e2e, page, 'Alice Example'),
    async account(page) {
      const github = page.getByRole('button', { name: 'Connect GitHub account' });
      if (!(await github.isVisible())) await page.getByRole('button', { name: 'Connect account' }).click({ timeout: 3000 });
      await github.click({ timeout: 3000 });
    },
    done: (s) => listReady(s) && s.rows['account-github'] === 'connected',
  },
  {
    // The demo page asks for `github: repo`; Bob's GitHub account lacks it.
    name: 're-authorize',
    button: 'Continue with Google',
    identity: { user: 'Bob Builder' },
    start: '/account',
    setup: (e2e, page) => signedInOnAccount(e2e, page, 'Bob Builder'),
    account: (page, s) => (s.rows['account-github'] === 'needs-scopes' ? clickRowButton(page, 'github', /Authorize now/) : Promise.resolve()),
    done: (s) => listReady(s) && s.rows['account-github'] === 'connected',
  },
  {
    name: 'remove',
    button: 'Continue with Google',
    identity: { user: 'Bob Builder' },
    start: '/account',
    setup: (e2e, page) => signedInOnAccount(e2e, page, 'Bob Builder'),
    account: (page, s) => (s.rows['account-google'] ? removeRow(page, 'google') : Promise.resolve()),
    done: (s) => listReady(s) && !!s.rows['account-github'] && !s.rows['account-google'],
  },
  {
    name: 'reverification (remove after the password)',
    settings: { reverification: { actions: ['remove_external_account'], afterMinutes: 10, level: 'first_factor' } },
    seed: [DANA],
    button: 'Continue with Google',
    identity: { user: 'Dana Careful' },
    start: '/account',
    async setup(e2e, page) {
      await signedInOnAccount(e2e, page, 'Dana Careful');
      e2e.control.ageSessions(30);
    },
    async account(page, s) {
      if (s.statuses['connected-accounts'] === 'reverifying') {
        const password = page.locator('connected-accounts #reverify-input');
        await password.fill(DANA.password!, { timeout: 3000 });
        await page.locator('connected-accounts [part="submit"]').click({ timeout: 3000 });
      } else if (s.rows['account-github']) await removeRow(page, 'github');
    },
    done: (s) => listReady(s) && !!s.rows['account-google'] && !s.rows['account-github'],
  },
];

// ---------------------------------------------------------------------------------------------- the driver

interface DriveResult {
  outcome: 'done' | 'error' | 'stuck';
  snap: Snapshot | null;
  /** Typed values found changed on the same page load. */
  lost: string[];
}

/**
 * Plays the visitor until the flow is done (or, with `stopOnError`, until an announced error shows): picks the
 * identity at the provider, clicks the provider button, fills and submits the continue form, acts on /account.
 * Each action happens at most once per page load and per step (a second click would be the driver's duplicate,
 * not the element's).
 */
const RESEND = 'POST /v1/client/sign_ups/:id/prepare_verification';

async function drive(
  page: Page,
  flow: Flow,
  opts: { stopOnError: boolean; ms: number; typed: Record<string, { load: string; value: string }>; extra?: Map<string, number> },
): Promise<DriveResult> {
  const acted = new Set<string>();
  const lost: string[] = [];
  const end = Date.now() + opts.ms;
  let snap: Snapshot | null = null;
  while (Date.now() < end) {
    try {
      snap = await snapshot(page);
    } catch {
      await sleep(100);
      continue;
    }
    const s = snap;
    for (const [id, t] of Object.entries(opts.typed)) {
      if (t.load === s.load && id in s.fields && s.fields[id] !== t.value && !lost.includes(id)) lost.push(`${id}: typed ${JSON.stringify(t.value)}, now ${JSON.stringify(s.fields[id])}`);
    }
    if (flow.done(s)) return { outcome: 'done', snap: s, lost };
    if (s.errors.length && opts.stopOnError) return { outcome: 'error', snap: s, lost };
    const once = (what: string) => {
      const key = `${s.load}:${what}`;
      if (acted.has(key)) return false;
      acted.add(key);
      return true;
    };
    try {
      if (s.path === '/oauth/authorize' && once('idp')) await chooseAtProvider(page, flow.identity);
      else if ((s.path === '/sign-in' || s.path === '/sign-up') && s.statuses['oauth-buttons'] === 'ready' && once('button')) {
        await page.getByRole('button', { name: flow.button }).click({ timeout: 3000 });
      } else if (s.path === '/sign-in/continue' && s.statuses['continue-signup'] === 'ready' && flow.form && once(`continue:${s.step}`)) {
        const form = page.locator('continue-signup');
        if (s.step === 'code') {
          // After a failed send, the code step's own way out: send a new code first.
          if (s.errors.length) {
            await form.locator('[part="resend"]').click({ timeout: 3000 });
            // The visitor asked for a new code: one more send is theirs, not a duplicate.
            opts.extra?.set(RESEND, (opts.extra.get(RESEND) ?? 0) + 1);
            await sleep(500);
          }
          await form.getByLabel('Verification code').fill('424242', { timeout: 3000 });
          await form.getByRole('button', { name: /Verify|Continue/ }).first().click({ timeout: 3000 });
        } else {
          for (const [id, value] of Object.entries(flow.form)) {
            if (!(id in s.fields)) continue;
            const input = form.locator(`#${id}`);
            if (value === 'true') await input.check({ timeout: 3000 });
            else await input.fill(value, { timeout: 3000 });
            opts.typed[id] = { load: s.load, value };
          }
          await form.getByRole('button', { name: 'Continue' }).click({ timeout: 3000 });
        }
      } else if (s.path === '/' && s.who === 'signed-in' && flow.start === '/account' && once('to-account')) {
        await page.goto('/account');
      } else if (s.path === '/account' && flow.account && ['ready', 'reverifying'].includes(s.statuses['connected-accounts'] ?? '') && once(`account:${s.statuses['connected-accounts']}:${Object.keys(s.rows).length}`)) {
        await flow.account(page, s);
      } else if (s.path === '/account' && s.statuses['connected-accounts'] === 'signed-out' && once('sign-in-again')) {
        await page.goto('/sign-in');
      }
    } catch {
      // The page changed under the action (a navigation, a re-render): look again.
    }
    await sleep(150);
  }
  return { outcome: 'stuck', snap, lost };
}

async function chooseAtProvider(page: Page, identity: FakeIdentity): Promise<void> {
  if (identity === 'deny') return page.getByRole('button', { name: 'Deny', exact: true }).click({ timeout: 3000 });
  if ('user' in identity) return page.getByRole('button', { name: `Continue as ${identity.user}`, exact: true }).click({ timeout: 3000 });
  const n = identity.newUser;
  if (n.firstName !== undefined) await page.getByLabel('First name').fill(n.firstName);
  if (n.lastName !== undefined) await page.getByLabel('Last name').fill(n.lastName);
  if (n.email !== undefined) await page.getByLabel('Email').fill(n.email);
  if (n.username !== undefined) await page.getByLabel('Username').fill(n.username);
  await page.getByRole('button', { name: 'Continue as a new user', exact: true }).click({ timeout: 3000 });
}

// ---------------------------------------------------------------------------------------------- calls from the log

interface Call {
  /** `METHOD /v1/route/:pattern` as the log names it. */
  key: string;
  method: string;
  /** The fault path: the route pattern on the full URL path, `:param` as `*`. */
  path: string;
}

const NAVIGATIONS = /^GET \/v1\/(oauth_callback|client\/touch)$/;
const isFapi = (e: LogEntry) => e.path.startsWith('/__clerk/v1/') && !!e.route;
const isMutation = (e: LogEntry) => ['POST', 'PATCH', 'PUT', 'DELETE'].includes(e.effectiveMethod) && !/^PATCH \/v1\/environment$|\/tokens/.test(e.route ?? '');

/** The flow's FAPI calls, de-duplicated by route and method, in first-seen order. */
export function callsOf(log: LogEntry[]): Call[] {
  const seen = new Map<string, Call>();
  for (const e of log.filter(isFapi)) {
    const key = e.route!;
    if (NAVIGATIONS.test(key) || seen.has(key)) continue;
    const [method, pattern] = key.split(' ') as [string, string];
    seen.set(key, { key, method, path: `/__clerk${pattern.replace(/:[a-zA-Z_]+/g, '*')}` });
  }
  return [...seen.values()];
}

/** Successful mutations per route (what a duplicate would show as). */
function mutationCounts(log: LogEntry[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const e of log) if (isFapi(e) && isMutation(e) && e.status >= 200 && e.status < 300 && !e.fault) counts.set(e.route!, (counts.get(e.route!) ?? 0) + 1);
  return counts;
}

// ---------------------------------------------------------------------------------------------- cases

interface CaseResult {
  flow: string;
  label: string;
  ok: boolean;
  outcome: 'error' | 'recovered' | 'clean';
  problems: string[];
  log: LogEntry[];
  ms: number;
}

async function casePage(e2e: E2E): Promise<Page> {
  const page = await e2e.newPage();
  await page.addInitScript((timeout) => {
    (window as unknown as { __faultMatrixLoad: string }).__faultMatrixLoad = Math.random().toString(36).slice(2);
    // The bounded wait of these pages: set before the provider upgrades (module scripts run after parsing).
    new MutationObserver((records) => {
      for (const r of records) for (const n of r.addedNodes) if (n instanceof Element && n.localName === 'clerk-provider') n.setAttribute('timeout', String(timeout));
    }).observe(document, { childList: true, subtree: true });
  }, TIMEOUT_MS);
  return page;
}

async function runCase(e2e: E2E, flow: Flow, call: Call | null, kind: FaultKind | null, baseline: Map<string, number> | null): Promise<CaseResult> {
  const started = Date.now();
  const label = call && kind ? `${kind} on ${call.key}` : 'clean';
  const problems: string[] = [];
  let outcome: CaseResult['outcome'] = 'clean';
  e2e.control.reset(flow.settings);
  for (const u of flow.seed ?? []) e2e.control.seedUser(u);
  const page = await casePage(e2e);
  try {
    if (flow.setup) await flow.setup(e2e, page);
    e2e.control.clearLog();
    const faultId = call && kind ? e2e.control.injectFault(faultSpec(kind, call.method, call.path)) : -1;
    // Hit at least once: used up (gone from the list) or counted (a stalled answer is logged only when it ends).
    const faultHit = () => e2e.emulator.faults.all().every((f) => f.id !== faultId || f.hits > 0);
    const typed: Record<string, { load: string; value: string }> = {};
    /** Mutations the visitor asked for once more (a Resend click), per route. */
    const extra = new Map<string, number>();
    if (!flow.setup) await page.goto(flow.start).catch(() => {});
    const first = await drive(page, flow, { stopOnError: !!kind, ms: 30_000, typed });
    problems.push(...first.lost.map((l) => `typed input lost at the error: ${l}`));
    if (!kind) {
      if (first.outcome !== 'done') problems.push(`clean run did not complete: ${JSON.stringify(first.snap)}`);
    } else {
      if (!faultHit()) problems.push('the faulted call was never made');
      if (first.outcome === 'stuck') problems.push(`neither an error nor done within 30 s: ${JSON.stringify(first.snap)}`);
      if (first.outcome === 'done') outcome = 'recovered';
      if (first.outcome === 'error') {
        outcome = 'error';
        // Nothing spins forever: after the bounded wait no element is busy. (A late answer may start one more
        // attempt, bounded by the same wait: the provider reloads after a load that timed out; so a busy element
        // must be idle again within another wait.)
        await sleep(TIMEOUT_MS + 500);
        let later = await snapshot(page).catch(() => null);
        const busyOf = (x: Snapshot | null) => Object.entries(x?.statuses ?? {}).filter(([, st]) => BUSY.includes(st ?? ''));
        const idleBy = Date.now() + 2 * TIMEOUT_MS + 1500;
        while (busyOf(later).length && !(later && flow.done(later)) && Date.now() < idleBy) {
          await sleep(200);
          later = await snapshot(page).catch(() => later);
        }
        const busy = busyOf(later);
        if (busy.length && !(later && flow.done(later))) problems.push(`still busy after the bounded wait: ${JSON.stringify(busy)} (${later?.errors.join(' | ')})`);
        // The way out, with the fault gone.
        e2e.emulator.faults.clear();
        // A late answer may have carried on by itself by now (a stall ends): then there is nothing to click.
        const s = (await snapshot(page).catch(() => null)) ?? later ?? first.snap!;
        const wayOut = s.errors.length && s.retry ? '[part="retry"]' : s.errors.length && s.back ? '[part="back-link"]' : null;
        if (wayOut) {
          await page
            .locator(wayOut)
            .first()
            .click({ timeout: 3000 })
            .catch(async (e: Error) => {
              const now = await snapshot(page).catch(() => null);
              if (now?.errors.length) problems.push(`${wayOut}: ${e.message.split('\n')[0]}`);
            });
        }
        const second = await drive(page, flow, { stopOnError: false, ms: 30_000, typed, extra });
        problems.push(...second.lost.map((l) => `typed input lost after the way out: ${l}`));
        if (second.outcome !== 'done') problems.push(`the way out did not finish the flow: ${JSON.stringify(second.snap)}`);
      }
    }
    if (baseline) {
      for (const [route, n] of mutationCounts(e2e.control.log())) {
        const allowed = (baseline.get(route) ?? 0) + (extra.get(route) ?? 0);
        if (n > allowed) {
          const calls = e2e.control.log().filter(isFapi).map((e) => `${e.route} ${e.status}${e.fault ? ` (${e.fault})` : ''}`);
          problems.push(`duplicate mutation: ${route} succeeded ${n}x (clean run: ${baseline.get(route) ?? 0}, asked again: ${extra.get(route) ?? 0}); calls: ${calls.join(', ')}`);
        }
      }
    }
  } catch (e) {
    problems.push(`threw: ${(e as Error).message.split('\n')[0]}`);
  } finally {
    e2e.emulator.faults.clear();
    await page.context().close().catch(() => {});
  }
  return { flow: flow.name, label, ok: problems.length === 0, outcome, problems, log: e2e.control.log(), ms: Date.now() - started };
}

/** Runs the jobs on the workers, each worker one case at a time. */
async function onWorkers<T>(workers: E2E[], jobs: ((e2e: E2E) => Promise<T>)[]): Promise<T[]> {
  const results: T[] = new Array(jobs.length);
  let next = 0;
  await Promise.all(
    workers.map(async (w) => {
      while (next < jobs.length) {
        const i = next++;
        results[i] = await jobs[i]!(w);
      }
    }),
  );
  return results;
}

// ---------------------------------------------------------------------------------------------- the test

describe('fault matrix (every flow x every Frontend API call x 500 / 429 / stall / drop)', () => {
  let browser: Browser;
  const workers: E2E[] = [];
  before(async () => {
    browser = await launchChromium();
    for (let i = 0; i < WORKERS; i++) workers.push(await startE2E({ browser }));
  });
  after(async () => {
    for (const w of workers) await w.close();
    await browser?.close();
  });

  it('every case ends in an announced error with a working way out (or recovers), nothing spins, no duplicate mutation, typed input survives', { timeout: 20 * 60_000 }, async () => {
    const started = Date.now();
    // FAULT_MATRIX_FLOWS / FAULT_MATRIX_KINDS (regular expressions) narrow the run while debugging.
    const only = new RegExp(process.env.FAULT_MATRIX_FLOWS ?? '');
    const FLOWS_RUN = FLOWS.filter((f) => only.test(f.name));
    const kinds = FAULT_KINDS.filter((k) => new RegExp(process.env.FAULT_MATRIX_KINDS ?? '').test(k));
    const clean = await onWorkers(workers, FLOWS_RUN.map((flow) => (w: E2E) => runCase(w, flow, null, null, null)));
    for (const c of clean) assert.ok(c.ok, `${c.flow}, clean run: ${c.problems.join('; ')}`);
    const plan = FLOWS_RUN.map((flow, i) => ({ flow, calls: callsOf(clean[i]!.log), baseline: mutationCounts(clean[i]!.log) }));
    for (const p of plan) {
      // The glob for a call must match only that call's route (so a fault lands where the case says).
      const paths = clean[plan.indexOf(p)]!.log.filter(isFapi);
      for (const call of p.calls) {
        const re = new RegExp('^' + call.path.split('*').map((x) => x.replace(/[.+?^${}()|[\]\\]/g, '\\$&')).join('.*') + '$');
        const others = paths.filter((e) => e.effectiveMethod === call.method && re.test(e.path) && e.route !== call.key);
        assert.deepEqual(others.map((e) => e.route), [], `${p.flow.name}: the fault path ${call.path} also matches other routes`);
      }
    }
    const jobs = plan.flatMap((p) => p.calls.flatMap((call) => kinds.map((kind) => (w: E2E) => runCase(w, p.flow, call, kind, p.baseline))));
    const results = await onWorkers(workers, jobs);
    const failed: string[] = [];
    for (const p of plan) {
      const mine = results.filter((r) => r.flow === p.flow.name);
      const passed = mine.filter((r) => r.ok);
      console.log(`${p.flow.name}: ${mine.length} cases, ${passed.length} passed`);
      const recovered = passed.filter((r) => r.outcome === 'recovered').map((r) => r.label);
      console.log(`  calls: ${p.calls.map((c) => c.key).join(', ')}`);
      if (recovered.length) console.log(`  recovered without an error (clerk-js's own retry or a late answer): ${recovered.join(', ')}`);
      for (const r of mine.filter((x) => !x.ok)) failed.push(`${r.flow} / ${r.label}: ${r.problems.join('; ')}`);
    }
    console.log(`fault matrix: ${results.length} cases in ${((Date.now() - started) / 1000).toFixed(0)} s on ${WORKERS} workers`);
    assert.deepEqual(failed, []);
  });

  const flow = (name: string) => FLOWS.find((f) => f.name === name)!;
  const fresh = (w: E2E, f?: Flow) => {
    w.control.reset(f?.settings);
    w.control.clearLog();
  };

  it('the clerk-js script unreachable, then reachable: the provider shows clerk’s error with Try again, which loads it', async () => {
    const w = workers[0]!;
    fresh(w);
    w.control.injectFault({ path: '/__clerk/npm/*', status: 503, times: 1000 });
    const page = await casePage(w);
    try {
      await page.goto('/sign-in');
      const first = await drive(page, flow('sign-in'), { stopOnError: true, ms: 20_000, typed: {} });
      assert.equal(first.outcome, 'error', JSON.stringify(first.snap));
      // The provider's load error, shown by the element that uses it (the provider shows it only without one).
      assert.match(first.snap!.errors.join(' | '), /Clerk could not be loaded/);
      assert.equal(first.snap!.retry, true);
      assert.ok(w.control.log().some((e) => e.path.includes('/npm/@clerk/clerk-js') && e.status === 503));
      await sleep(TIMEOUT_MS + 500);
      assert.deepEqual(Object.values((await snapshot(page)).statuses).filter((st) => BUSY.includes(st ?? '')), []);
      w.emulator.faults.clear();
      await page.locator('[part="retry"]').first().click();
      const second = await drive(page, flow('sign-in'), { stopOnError: false, ms: 30_000, typed: {} });
      assert.equal(second.outcome, 'done', JSON.stringify(second.snap));
    } finally {
      await page.context().close();
    }
  });

  it('the callback page opened again after a finished sign-up: no second sign-in or sign-up, the visitor stays signed in', async () => {
    const w = workers[0]!;
    const f = flow('sign-up with transfer');
    fresh(w, f);
    const page = await casePage(w);
    try {
      await page.goto(f.start);
      assert.equal((await drive(page, f, { stopOnError: true, ms: 30_000, typed: {} })).outcome, 'done');
      const users = Object.keys(w.emulator.world.store.data.users).length;
      // The completion replaced the callback's history entry (Back goes to the provider page), so open it again
      // the way a reload or a bookmark would, twice.
      for (const again of [() => page.goto('/sign-in/sso-callback'), () => page.reload()]) {
        w.control.clearLog();
        await again();
        await sleep(500);
        const end = await drive(page, f, { stopOnError: true, ms: 15_000, typed: {} });
        assert.equal(end.outcome, 'done', JSON.stringify(end.snap));
        const created = w.control.log().filter((e) => /^POST \/v1\/client\/sign_(ins|ups)$/.test(e.route ?? ''));
        assert.deepEqual(created.map((e) => e.route), [], 'handleRedirectCallback did not start or transfer anything again');
      }
      assert.equal(Object.keys(w.emulator.world.store.data.users).length, users, 'no second user');
    } finally {
      await page.context().close();
    }
  });

  it('two tabs finishing the same sign-up: one completes, the other completes or shows an announced error whose way out works; one user', async () => {
    const w = workers[0]!;
    const f = flow('continue: username + legal consent');
    fresh(w, f);
    const a = await casePage(w);
    const b = await a.context().newPage();
    try {
      await f.setup!(w, a);
      await b.goto('/sign-in/continue');
      await b.waitForSelector('continue-signup[status="ready"][step="form"]');
      const before = Object.keys(w.emulator.world.store.data.users).length;
      const submit = async (page: Page, username: string) => {
        const form = page.locator('continue-signup');
        await form.locator('#username').fill(username);
        await form.locator('#legal_accepted').check();
        await form.getByRole('button', { name: 'Continue' }).click();
      };
      await submit(a, 'ninaone');
      assert.equal((await drive(a, f, { stopOnError: true, ms: 20_000, typed: {} })).outcome, 'done');
      w.control.clearLog();
      await submit(b, 'ninatwo');
      const other = await drive(b, f, { stopOnError: true, ms: 20_000, typed: {} });
      assert.notEqual(other.outcome, 'stuck', JSON.stringify(other.snap));
      if (other.outcome === 'error') {
        console.log(`  two tabs: the second tab shows: ${other.snap!.errors.join(' | ')}`);
        assert.ok(other.snap!.retry || other.snap!.back, 'a way out');
        await b.locator(other.snap!.retry ? '[part="retry"]' : '[part="back-link"]').first().click();
        const after = await drive(b, { ...f, done: (s) => signedInHome(s) || (s.path === '/sign-in' && s.statuses['oauth-buttons'] === 'ready') }, { stopOnError: false, ms: 20_000, typed: {} });
        assert.equal(after.outcome, 'done', JSON.stringify(after.snap));
      }
      const users = Object.values(w.emulator.world.store.data.users);
      assert.equal(users.length, before + 1, 'exactly one new user');
      assert.deepEqual(users.filter((u) => /^nina/.test(u.username ?? '')).map((u) => u.username), ['ninaone']);
    } finally {
      await a.context().close();
    }
  });
});
