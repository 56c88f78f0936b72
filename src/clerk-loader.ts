import type { ClerkOptions } from '@clerk/shared/types';
import type { ClerkInstance } from './context.js';
import { elementError, toElementError, type ElementError } from './errors.js';
import { pageUrl } from './navigation.js';

/** The clerk-js major this package is tested with; `clerk-js-version` overrides it. */
export const DEFAULT_CLERK_JS_VERSION = '6';

export interface ParsedPublishableKey {
  instanceType: 'development' | 'production';
  /** The Frontend API host encoded in the key, e.g. `clerk.example.com`. */
  frontendApi: string;
}

/** Decodes a publishable key (`pk_test_` / `pk_live_` + base64 of `<host>$`) without any network request. */
export function parsePublishableKey(key: string | null | undefined): ParsedPublishableKey | ElementError {
  const invalid = (why: string) =>
    elementError('invalid_publishable_key', `The publishable key is not valid: ${why}. Copy it from the Clerk Dashboard (API keys).`);
  const value = (key ?? '').trim();
  if (!value) return invalid('it is missing');
  const match = /^pk_(test|live)_([A-Za-z0-9+/=_-]+)$/.exec(value);
  if (!match) return invalid('it must start with pk_test_ or pk_live_');
  let decoded: string;
  try {
    decoded = atob(match[2]!.replace(/-/g, '+').replace(/_/g, '/'));
  } catch {
    return invalid('its encoded part is not base64');
  }
  if (!decoded.endsWith('$')) return invalid('its encoded host does not end with $');
  const frontendApi = decoded.slice(0, -1);
  if (!/^[a-z0-9.-]+(:\d+)?$/i.test(frontendApi) || !frontendApi.includes('.')) {
    return invalid('its encoded Frontend API host is not a host name');
  }
  return { instanceType: match[1] === 'live' ? 'production' : 'development', frontendApi };
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
/** One `load()` per Clerk instance, shared likewise. */
const INSTANCE_LOADS = Symbol.for('clerk-oauth-elements/instance-loads');

type Registry = Window & {
  [SCRIPT_LOADS]?: Map<string, Promise<ClerkInstance>>;
  [INSTANCE_LOADS]?: WeakMap<object, Promise<ClerkInstance>>;
  [SCRIPT_FAILURES]?: Map<string, number>;
};
const registry = () => window as Registry;
const scriptLoads = () => (registry()[SCRIPT_LOADS] ??= new Map());
const scriptFailures = () => (registry()[SCRIPT_FAILURES] ??= new Map());
const instanceLoads = () => (registry()[INSTANCE_LOADS] ??= new WeakMap());

/** The one Trusted Types policy of this package: it only ever turns the computed clerk-js URL into a script URL. */
const POLICY = Symbol.for('clerk-oauth-elements/trusted-types-policy');
type TrustedTypesWindow = Window & {
  trustedTypes?: { createPolicy(name: string, rules: { createScriptURL(url: string): string }): { createScriptURL(url: string): unknown } };
  [POLICY]?: { createScriptURL(url: string): unknown } | null;
};

/** The script URL as pages enforcing Trusted Types (`require-trusted-types-for 'script'`) accept it. */
function trustedScriptUrl(url: string): string {
  const w = window as TrustedTypesWindow;
  if (w[POLICY] === undefined) {
    try {
      w[POLICY] = w.trustedTypes?.createPolicy('clerk-oauth-elements', { createScriptURL: (value) => value }) ?? null;
    } catch {
      // The page's CSP does not allow our policy name: fall back to the page's default policy, if any.
      w[POLICY] = null;
    }
  }
  return (w[POLICY]?.createScriptURL(url) ?? url) as string;
}

export interface ScriptOptions extends ScriptSource {
  nonce?: string;
}

/**
 * Gives the page's `window.Clerk`, adding clerk-js's script tag when the page has none.
 * Never adds the script twice; a failed load can be tried again (the failed tag is removed).
 */
export function loadClerkScript(options: ScriptOptions): Promise<ClerkInstance> {
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
    script.src = trustedScriptUrl(src);
    script.async = true;
    script.crossOrigin = 'anonymous';
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

/** Calls `clerk.load(options)` once per instance, however many providers share it. A rejected load may be retried. */
export function loadClerkInstance(clerk: ClerkInstance, options: ClerkOptions): Promise<ClerkInstance> {
  const loads = instanceLoads();
  const pending = loads.get(clerk);
  if (pending) return pending;
  if (clerk.loaded) return Promise.resolve(clerk);
  const promise = Promise.resolve()
    .then(() => clerk.load(options))
    .then(() => clerk)
    .catch((cause: unknown) => {
      loads.delete(clerk);
      const error = toElementError(cause, 'clerk_load_failed');
      throw { ...error, code: error.code === 'unexpected_error' ? 'clerk_load_failed' : error.code, message: `Clerk could not start: ${error.message}` } satisfies ElementError;
    });
  loads.set(clerk, promise);
  return promise;
}

const recovered = new WeakSet<object>();

/**
 * clerk-js resolves `load()` even when it could not reach its Frontend API: it reports `degraded` and runs on
 * an empty environment (no providers, a placeholder client). Sign-in flows cannot work then, so it is an error;
 * a retry asks clerk-js to fetch its resources again.
 */
export async function ensureReachable(clerk: ClerkInstance, retrying: boolean): Promise<void> {
  if (clerk.status !== 'degraded' || recovered.has(clerk)) return;
  const reload = (clerk as { __internal_reloadInitialResources?: () => Promise<void> }).__internal_reloadInitialResources;
  const unavailable = (cause?: unknown) =>
    elementError('clerk_unavailable', "Clerk's servers could not be reached, so signing in is not possible right now.", cause);
  if (!retrying || !reload) throw unavailable();
  try {
    await reload.call(clerk);
  } catch (cause) {
    throw unavailable(cause);
  }
  recovered.add(clerk);
}

/** The page's own `window.Clerk`, if it has one. */
export const pageClerk = (): ClerkInstance | undefined => clerkWindow().Clerk;
