/* eslint-disable @typescript-eslint/no-explicit-any -- tests probe parsed FAPI JSON field by field */
import { FAPI_ERRORS, startEmulator, type EmulatorOptions, type RunningEmulator } from '../src/index';

/**
 * What the FAPI responses of a test file contained: error codes (HTTP errors and verification errors) and
 * any HTTP error whose status is not Clerk's status for its code. The coverage tests read it.
 */
export const seen = { codes: new Set<string>(), statusMismatches: [] as string[] };

function recordCodes(status: number, json: any): void {
  const walk = (v: any): void => {
    if (!v || typeof v !== 'object') return;
    if (Array.isArray(v)) return v.forEach(walk);
    if (v.error && typeof v.error.code === 'string') seen.codes.add(v.error.code);
    for (const x of Object.values(v)) walk(x);
  };
  walk(json?.response ?? json?.client ?? null);
  walk(json?.meta?.client ?? null);
  for (const e of Array.isArray(json?.errors) ? json.errors : []) {
    seen.codes.add(e.code);
    const known = (FAPI_ERRORS as Record<string, { status: number }>)[e.code];
    if (known && known.status !== status && status !== 405) seen.statusMismatches.push(`${e.code}: ${status}, Clerk says ${known.status}`);
  }
}

/** A browser-like FAPI client: one cookie jar, clerk-js's wire rules (PATCH/DELETE as POST + `_method`, form bodies). */
export class FapiClient {
  cookies = new Map<string, string>();
  sessionId: string | null = null;

  constructor(readonly emu: RunningEmulator) {}

  private cookieHeader(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  }

  private store(res: Response): void {
    for (const c of res.headers.getSetCookie()) {
      const [pair] = c.split(';');
      const i = pair!.indexOf('=');
      const k = pair!.slice(0, i);
      const v = pair!.slice(i + 1);
      if (/max-age=0/i.test(c)) this.cookies.delete(k);
      else this.cookies.set(k, v);
    }
  }

  /** Raw request on the emulator's origin. */
  async raw(path: string, init: RequestInit = {}): Promise<Response> {
    const res = await fetch(new URL(path, this.emu.url), {
      redirect: 'manual',
      ...init,
      headers: { cookie: this.cookieHeader(), ...(init.headers as Record<string, string> | undefined) },
    });
    this.store(res);
    return res;
  }

  /** A FAPI call the way clerk-js makes it. Returns status and parsed JSON. */
  async fapi(method: string, path: string, body?: Record<string, string | string[] | boolean | undefined>): Promise<{ status: number; json: any }> {
    const url = new URL(`/__clerk/v1${path}`, this.emu.url);
    url.searchParams.set('__clerk_api_version', '2025-11-10');
    url.searchParams.set('_clerk_js_version', '6.40.0');
    if (method !== 'GET' && method !== 'POST') url.searchParams.set('_method', method);
    if (this.sessionId && !path.startsWith('/client')) url.searchParams.set('_clerk_session_id', this.sessionId);
    const form = new URLSearchParams();
    for (const [k, v] of Object.entries(body ?? {})) {
      if (v === undefined) continue;
      if (Array.isArray(v)) v.forEach((x) => form.append(k, x));
      else form.append(k, String(v));
    }
    const res = await this.raw(url.pathname + url.search, {
      method: method === 'GET' ? 'GET' : 'POST',
      headers: method === 'GET' ? {} : { 'content-type': 'application/x-www-form-urlencoded' },
      body: method === 'GET' ? undefined : form.toString(),
    });
    const text = await res.text();
    const json = text ? JSON.parse(text) : null;
    recordCodes(res.status, json);
    return { status: res.status, json };
  }

  /**
   * Plays the person at the fake provider: opens the authorize page, submits a choice
   * (`user:<id>`, `new`, `deny`), and follows the redirect through FAPI's callback.
   * Returns the page the callback sends the browser to.
   */
  async consent(authorizeUrl: string, choice: string, fields: Record<string, string> = {}): Promise<{ page: string; callbackStatus: number; authorizeHtml: string }> {
    const u = new URL(authorizeUrl);
    const pageRes = await this.raw(u.pathname + u.search);
    const authorizeHtml = await pageRes.text();
    if (pageRes.status !== 200) throw new Error(`authorize page ${pageRes.status}: ${authorizeHtml}`);
    const state = u.searchParams.get('state')!;
    const decision = await this.raw('/oauth/authorize', {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ state, choice, ...fields }).toString(),
    });
    const toCallback = decision.headers.get('location');
    if (decision.status !== 302 || !toCallback) throw new Error(`provider answered ${decision.status}`);
    const cb = new URL(toCallback);
    const callback = await this.raw(cb.pathname + cb.search);
    return { page: callback.headers.get('location') ?? '', callbackStatus: callback.status, authorizeHtml };
  }
}

export const origin = (emu: RunningEmulator) => emu.url;

export async function withEmu(options: EmulatorOptions = {}): Promise<{ emu: RunningEmulator; client: FapiClient }> {
  const emu = await startEmulator({ control: true, ...options });
  return { emu, client: new FapiClient(emu) };
}

export const ALICE = {
  id: 'user_alice',
  username: 'alice',
  firstName: 'Alice',
  lastName: 'Example',
  emailAddress: 'alice@example.com',
  password: 'correct horse battery staple',
  legalAccepted: true,
  externalAccounts: [{ provider: 'google', providerUserId: 'google-alice', approvedScopes: 'openid email profile' }],
};

export const BOB = {
  id: 'user_bob',
  username: 'bob_builder',
  firstName: 'Bob',
  lastName: 'Builder',
  emailAddress: 'bob@example.com',
  externalAccounts: [{ provider: 'github', providerUserId: 'github-bob' }],
};

/** Settings used by most route tests: username required (4..12), legal consent, phone optional. */
export const TEST_SETTINGS = {
  providers: [
    { strategy: 'oauth_google' as const, name: 'Google', logoUrl: '/emulator-assets/providers/google.svg', defaultScopes: ['openid', 'email', 'profile'] },
    { strategy: 'oauth_github' as const, name: 'GitHub', logoUrl: null },
    { strategy: 'oauth_custom_acme' as const, name: 'Acme SSO', logoUrl: '/emulator-assets/providers/custom_acme.svg' },
  ],
  attributes: { username: { enabled: true, required: true }, phone_number: { enabled: true, required: false } },
  usernameLength: { min: 4, max: 12 },
  legalConsent: true,
  users: [ALICE, BOB],
};
