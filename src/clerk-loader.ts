import type { ClerkStatus } from './clerk-types.js';
import type { ClerkInstance } from './context.js';
import { elementError, type ElementError } from './errors.js';
import { pageUrl } from './navigation.js';

/** The clerk-js major this package is tested with; `clerk-js-version` overrides it. */
export const DEFAULT_CLERK_JS_VERSION = '6';

export interface ParsedPublishableKey {
  instanceType: 'development' | 'production';
  /** The Frontend API host encoded in the key, e.g. `clerk.example.com`. */
  frontendApi: string;
}

/**
 * The Frontend API host a publishable key (`pk_test_` / `pk_live_` + base64 of `<host>$`) names, without any
 * network request; or why it is not a key (for `parsePublishableKey`'s message).
 */
export function decodePublishableKey(key: string | null | undefined): ParsedPublishableKey | { why: string } {
  const value = (key ?? '').trim();
  if (!value) return { why: 'it is missing' };
  const match = /^pk_(test|live)_([A-Za-z0-9+/=_-]+)$/.exec(value);
  if (!match) return { why: 'it must start with pk_test_ or pk_live_' };
  let decoded: string;
  try {
    decoded = atob(match[2]!.replace(/-/g, '+').replace(/_/g, '/'));
  } catch {
    return { why: 'its encoded part is not base64' };
  }
  if (!decoded.endsWith('$')) return { why: 'its encoded host does not end with $' };
  const frontendApi = decoded.slice(0, -1);
  if (!/^[a-z0-9.-]+(:\d+)?$/i.test(frontendApi) || !frontendApi.includes('.')) return { why: 'its encoded Frontend API host is not a host name' };
  return { instanceType: match[1] === 'live' ? 'production' : 'development', frontendApi };
}

/** Decodes a publishable key without any network request; an invalid one is an error for the developer. */
export function parsePublishableKey(key: string | null | undefined): ParsedPublishableKey | ElementError {
  const decoded = decodePublishableKey(key);
  if (!('why' in decoded)) return decoded;
  return elementError('invalid_publishable_key', `The publishable key is not valid: ${decoded.why}. Copy it from the Clerk Dashboard (API keys).`);
}

const DEV_HOST_SUFFIXES = ['.lcl.dev', '.lclstage.dev', '.lclclerk.com', '.accounts.dev', '.accountsstage.dev', '.accounts.lclclerk.com', '.stg.dev', '.stgstage.dev'];

export interface ScriptSource {
  publishableKey: string;
  frontendApi: string;
  proxyUrl?: string;
  domain?: string;
  clerkJsUrl?: string;
  clerkJsVersion?: string;
}

const HOST_NAME = /^(?=.{1,253}$)[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)+$/i;
/** A version (`6`, `6.40`, `6.40.0`, `6.40.0-snapshot.1`) or a dist-tag (`latest`, `snapshot`, `canary`). */
const VERSION = /^(?:\d+(?:\.\d+){0,2}(?:-[\w.]+)?|[a-z][a-z0-9-]{0,31})$/i;
/** One or more Subresource Integrity hashes. */
const INTEGRITY = /^(?:sha(?:256|384|512)-[A-Za-z0-9+/]+={0,2})(?:\s+sha(?:256|384|512)-[A-Za-z0-9+/]+={0,2})*$/;
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f\s]/;

/** What `scriptSourceProblem` can find: one error code per setting. */
export type ScriptSourceProblem = 'invalid_domain' | 'invalid_clerk_js_version' | 'invalid_proxy_url' | 'invalid_clerk_js_url' | 'invalid_clerk_js_integrity';

/**
 * Checks what goes into clerk-js's script URL before anything is built from it: `domain` is a host name,
 * `clerk-js-version` a version or dist-tag, `proxy-url` a path on this origin or an https URL (http only on
 * this origin), `clerk-js-url` an http(s) URL without user info, `clerk-js-integrity` SRI hashes. Returns the
 * first problem's code (the loader needs no more; `checkScriptSource` says it for the developer).
 */
export function scriptSourceProblem(source: ScriptSource & { integrity?: string }, base: string = pageUrl()): ScriptSourceProblem | undefined {
  if (source.domain !== undefined && !HOST_NAME.test(source.domain)) return 'invalid_domain';
  if (source.clerkJsVersion !== undefined && !VERSION.test(source.clerkJsVersion)) return 'invalid_clerk_js_version';
  const url = (value: string) => {
    if (CONTROL.test(value)) return undefined;
    try {
      const parsed = new URL(value, base);
      return (parsed.protocol === 'https:' || parsed.protocol === 'http:') && !parsed.username && !parsed.password ? parsed : undefined;
    } catch {
      return undefined;
    }
  };
  if (source.proxyUrl !== undefined) {
    const proxy = url(source.proxyUrl);
    const pageOrigin = new URL(base).origin;
    const isPath = /^\/(?![/\\])/.test(source.proxyUrl);
    const isAbsolute = /^https?:\/\//i.test(source.proxyUrl);
    if (!proxy || (!isPath && !isAbsolute) || (proxy.protocol === 'http:' && proxy.origin !== pageOrigin) || proxy.search || proxy.hash) return 'invalid_proxy_url';
  }
  if (source.clerkJsUrl !== undefined && !url(source.clerkJsUrl)) return 'invalid_clerk_js_url';
  if (source.integrity !== undefined && !INTEGRITY.test(source.integrity)) return 'invalid_clerk_js_integrity';
  return undefined;
}

/** `scriptSourceProblem`, said for the developer: the setting, its value, and what it must be. */
export function checkScriptSource(source: ScriptSource & { integrity?: string }, base: string = pageUrl()): ElementError | undefined {
  const problem = scriptSourceProblem(source, base);
  if (!problem) return undefined;
  const messages: Record<ScriptSourceProblem, string> = {
    invalid_domain: `domain="${source.domain}" must be a host name only, like satellite.example.com (no scheme, port or path).`,
    invalid_clerk_js_version: `clerk-js-version="${source.clerkJsVersion}" must be a version like 6 or 6.40.0, or a dist-tag like latest.`,
    invalid_proxy_url: `proxy-url="${source.proxyUrl}" must be a path on this site (/__clerk) or an https URL, without query or fragment.`,
    invalid_clerk_js_url: `clerk-js-url="${source.clerkJsUrl}" must be an http(s) URL of clerk.browser.js.`,
    invalid_clerk_js_integrity: `clerk-js-integrity must be Subresource Integrity hashes like sha384-…, not "${source.integrity}".`,
  };
  return elementError(problem, messages[problem]);
}

/** Where clerk-js's script-tag build comes from, the way Clerk's own SDKs decide it. */
export function clerkScriptUrl(source: ScriptSource, base: string = pageUrl()): string {
  if (source.clerkJsUrl) return new URL(source.clerkJsUrl, base).href;
  const version = source.clerkJsVersion || DEFAULT_CLERK_JS_VERSION;
  const path = `/npm/@clerk/clerk-js@${version}/dist/clerk.browser.js`;
  if (source.proxyUrl) {
    const proxy = new URL(source.proxyUrl, base);
    return `${proxy.origin}${proxy.pathname.replace(/\/+$/, '')}${path}`;
  }
  const isDevHost = DEV_HOST_SUFFIXES.some((suffix) => source.frontendApi.endsWith(suffix));
  const host =
    source.domain && !isDevHost ? (source.domain.startsWith('clerk.') ? source.domain : `clerk.${source.domain}`) : source.frontendApi;
  return `https://${host}${path}`;
}

type ClerkWindow = Window & { Clerk?: ClerkInstance };
const clerkWindow = () => window as ClerkWindow;

/** One script load per URL per page, shared by every provider (kept on `window` so two bundles share it too). */
const SCRIPT_LOADS = Symbol.for('clerk-oauth-elements/script-loads');
/** How often each script URL has failed on this page. */
const SCRIPT_FAILURES = Symbol.for('clerk-oauth-elements/script-failures');

type Registry = Window & {
  [SCRIPT_LOADS]?: Map<string, Promise<ClerkInstance>>;
  [SCRIPT_FAILURES]?: Map<string, number>;
};
const registry = () => window as Registry;
const scriptLoads = () => (registry()[SCRIPT_LOADS] ??= new Map());
const scriptFailures = () => (registry()[SCRIPT_FAILURES] ??= new Map());

type ScriptUrlPolicy = { createScriptURL(url: string): unknown };
type TrustedTypesWindow = Window & {
  trustedTypes?: { createPolicy(name: string, rules: { createScriptURL(url: string): string }): ScriptUrlPolicy };
};

/**
 * The one Trusted Types policy of this package, private to this module (never on `window`): it approves
 * exactly the script URL the loader computed for the load under way, and throws for anything else, so no
 * other script on the page can use it to approve a URL of its own.
 */
let policy: ScriptUrlPolicy | null | undefined;
let approved: string | undefined;

/** The script URL as pages enforcing Trusted Types (`require-trusted-types-for 'script'`) accept it. */
function trustedScriptUrl(url: string): string {
  if (policy === undefined) {
    try {
      policy =
        (window as TrustedTypesWindow).trustedTypes?.createPolicy('clerk-oauth-elements', {
          createScriptURL: (value) => {
            if (approved === undefined || value !== approved) throw new TypeError(`clerk-oauth-elements: refusing script URL ${value}`);
            return value;
          },
        }) ?? null;
    } catch {
      // The page's CSP does not allow our policy name (or another copy of this package holds it without
      // 'allow-duplicates'): fall back to the page's default policy, if any.
      policy = null;
    }
  }
  if (!policy) return url;
  approved = url;
  try {
    return policy.createScriptURL(url) as string;
  } finally {
    approved = undefined;
  }
}

export interface ScriptOptions extends ScriptSource {
  nonce?: string;
  /** Subresource Integrity of clerk.browser.js (`clerk-js-integrity`); the tag is then `crossorigin="anonymous"`. */
  integrity?: string;
}

/** A clerk-js tag the page added itself (not ours), e.g. `<script src=".../clerk.browser.js" data-clerk-publishable-key>`. */
export function pageClerkScript(): HTMLScriptElement | undefined {
  const candidates = document.querySelectorAll<HTMLScriptElement>('script[data-clerk-publishable-key], script[src*="clerk.browser.js"], script[src*="/@clerk/clerk-js"]');
  return [...candidates].find((script) => !('clerkOauthElements' in script.dataset) && script.src);
}

/** Whether a script's URL was fetched already (it finished, one way or another, before we looked). */
function fetched(script: HTMLScriptElement): boolean {
  return performance.getEntriesByName(script.src).some((entry) => (entry as PerformanceResourceTiming).responseEnd > 0);
}

const PAGE_SCRIPT = 'page-script';

/**
 * Waits for the page's own clerk-js tag that has not finished yet, so clerk-js never loads twice. Resolves to
 * `window.Clerk` once it is there, or to undefined when that tag failed (then ours may be added).
 */
function waitForPageScript(script: HTMLScriptElement): Promise<ClerkInstance | undefined> {
  const loads = scriptLoads();
  const pending = loads.get(PAGE_SCRIPT);
  if (pending) return pending;
  const promise = new Promise<ClerkInstance | undefined>((resolve) => {
    const done = () => {
      loads.delete(PAGE_SCRIPT);
      resolve(clerkWindow().Clerk);
    };
    script.addEventListener('load', done, { once: true });
    script.addEventListener('error', done, { once: true });
  });
  loads.set(PAGE_SCRIPT, promise as Promise<ClerkInstance>);
  return promise;
}

/**
 * Gives the page's `window.Clerk`, adding clerk-js's script tag when the page has none.
 * Never adds the script twice, and waits for the page's own clerk-js tag when it is still loading; a failed
 * load can be tried again (the failed tag is removed). Settings that build the URL are checked first.
 */
export async function loadClerkScript(options: ScriptOptions): Promise<ClerkInstance> {
  const existing = clerkWindow().Clerk;
  if (existing) return existing;
  const problem = checkScriptSource(options);
  if (problem) throw problem;
  const own = pageClerkScript();
  if (own && !fetched(own)) {
    const clerk = await waitForPageScript(own);
    if (clerk) return clerk;
  }
  return addClerkScript(options);
}

function addClerkScript(options: ScriptOptions): Promise<ClerkInstance> {
  const existing = clerkWindow().Clerk;
  if (existing) return Promise.resolve(existing);
  const url = clerkScriptUrl(options);
  const loads = scriptLoads();
  const pending = loads.get(url);
  if (pending) return pending;

  // A browser remembers a failed script URL for the page's lifetime and does not ask again, so each retry
  // after a failure asks for a fresh URL (clerk-js ignores the query when it finds its own chunks).
  const failures = scriptFailures();
  const attempt = failures.get(url) ?? 0;
  const src = attempt ? `${url}${url.includes('?') ? '&' : '?'}retry=${attempt}` : url;
  const promise = new Promise<ClerkInstance>((resolve, reject) => {
    const script = document.createElement('script');
    const fail = (message: string) => {
      loads.delete(url);
      failures.set(url, attempt + 1);
      script.remove();
      reject(elementError('script_load_failed', message));
    };
    script.addEventListener('load', () => {
      const clerk = clerkWindow().Clerk;
      if (clerk) resolve(clerk);
      else fail(`The script at ${url} loaded but did not define window.Clerk. Is clerk-js-url pointing at clerk.browser.js?`);
    });
    script.addEventListener('error', () => fail(`Clerk's script could not be loaded from ${url}.`));
    if (options.integrity) script.integrity = options.integrity;
    script.crossOrigin = 'anonymous';
    script.async = true;
    script.src = trustedScriptUrl(src);
    script.dataset.clerkOauthElements = '';
    script.dataset.clerkPublishableKey = options.publishableKey;
    if (options.proxyUrl) script.dataset.clerkProxyUrl = options.proxyUrl;
    if (options.domain) script.dataset.clerkDomain = options.domain;
    if (options.nonce) script.nonce = options.nonce;
    document.head.append(script);
  });
  loads.set(url, promise);
  return promise;
}

/** The page's own `window.Clerk`, if it has one. */
export const pageClerk = (): ClerkInstance | undefined => clerkWindow().Clerk;

/**
 * Calls `handler` each time a `load()` of `clerk` ends (clerk-js's `ready`, `degraded` or `error` status event;
 * `failed` for `error`) until the returned function is called. The only signal of a load the page started
 * itself: its listeners hear of the client while `loaded` is still false. Undefined when this clerk-js has no
 * status events (older versions).
 */
export function onLoadEnd(clerk: ClerkInstance, handler: (failed: boolean) => void): (() => void) | undefined {
  if (!clerk.on || !clerk.off) return undefined;
  const onStatus = (status: ClerkStatus) => status !== 'loading' && handler(status === 'error');
  clerk.on('status', onStatus);
  return () => clerk.off?.('status', onStatus);
}
