import { elementError, type ElementError } from './errors.js';
import type { ClerkContextValue, NavigateHook } from './context.js';
import { CONTROL } from './origins.js';
import { loadPage } from './page-load.js';

/**
 * Every way an element leaves the page, and the one rule for which targets are trusted. The only module
 * that touches `window.location` (a lint rule keeps it so): elements call `leavePage()` and the helpers here.
 */

/** The page's own URL, the base every relative target resolves against. */
export const pageUrl = (): string => window.location.href;
/** The page's own origin: always trusted. */
export const pageOrigin = (): string => window.location.origin;

/** A URL resolved against the page, or undefined when it does not parse. No checks. */
export function resolveUrl(value: string | undefined): URL | undefined {
  if (!value) return undefined;
  try {
    return new URL(value, pageUrl());
  } catch {
    return undefined;
  }
}

/** The origin of a URL, as a list for `allowedOrigins` (empty when it does not parse). */
export const originOf = (value: string | undefined): string[] => {
  const url = resolveUrl(value);
  return url ? [url.origin] : [];
};

/**
 * Resolves a redirect target against the page and checks it: http(s) only, no user name or password, no
 * control characters, no path starting with `//` or `/\` (a protocol-relative URL once turned back into a
 * path, reachable with dot segments or encoded dots), and the page's own origin unless `allowedOrigins` lists
 * the target's origin. Returns the absolute URL, or an error saying why not.
 */
export function validateRedirectUrl(target: string, allowedOrigins: readonly string[] = [], base: string = pageUrl()): URL | ElementError {
  const value = target.trim();
  const invalid = (why: string) => elementError('invalid_redirect_url', `The redirect URL "${target}" ${why}.`);
  if (CONTROL.test(value)) return invalid('contains control characters');
  let url: URL;
  try {
    // Backslashes count as slashes in http(s) URLs, as browsers read them (`/\\host` is `//host`).
    url = new URL(value, base);
  } catch {
    return invalid('is not a valid URL');
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return invalid('must use http or https');
  if (url.username || url.password) return invalid('must not contain a user name or password');
  if (/^[/\\]{2}/.test(url.pathname)) return invalid('has a path starting with //, which browsers read as another site');
  const origin = new URL(base).origin;
  if (url.origin !== origin && !allowedOrigins.includes(url.origin)) {
    return elementError(
      'redirect_origin_not_allowed',
      `The redirect URL "${target}" points to ${url.origin}, which this page does not allow. Add it to allowed-redirect-origins on <clerk-provider>.`,
    );
  }
  return url;
}

export const isRedirectError = (value: URL | ElementError): value is ElementError => !(value instanceof URL);

/** The first candidate that passes `validateRedirectUrl`, as written (a relative link stays relative). */
export function firstAllowedUrl(candidates: ReadonlyArray<string | undefined>, allowedOrigins: readonly string[]): string | undefined {
  return candidates.map((value) => value?.trim()).find((value) => value && !isRedirectError(validateRedirectUrl(value, allowedOrigins)));
}

/** A target together with the origins it was trusted under, so a link and a navigation to it agree. */
export interface TrustedTarget {
  url: string;
  allowedOrigins: string[];
}

/**
 * The one rule for the sign-in page, for links and navigations alike: the page's own setting (an element
 * attribute, then the provider's), if this origin or `allowed-redirect-origins` allows it; else Clerk's own
 * sign-in page (the instance's Account Portal), trusted on its own origin because Clerk sends people there;
 * else `/sign-in`.
 */
export function trustedSignInUrl(own: ReadonlyArray<string | undefined>, allowedOrigins: readonly string[], clerkHosted?: string): TrustedTarget {
  const mine = firstAllowedUrl(own, allowedOrigins);
  if (mine) return { url: mine, allowedOrigins: [...allowedOrigins] };
  const hostedOrigins = [...allowedOrigins, ...originOf(clerkHosted)];
  const hosted = firstAllowedUrl([clerkHosted], hostedOrigins);
  if (hosted) return { url: hosted, allowedOrigins: hostedOrigins };
  return { url: '/sign-in', allowedOrigins: [...allowedOrigins] };
}

/** An element's sign-in page by the one trust rule: its own `sign-in-url`, the provider's, Clerk's own, `/sign-in`. */
export const signInTargetOf = (ctx: Pick<ClerkContextValue, 'urls' | 'instance'>, own?: string): TrustedTarget =>
  trustedSignInUrl([own, ctx.urls.signInUrl], ctx.urls.allowedRedirectOrigins, ctx.instance.signInUrl);

/** What a same-origin target looks like to a router hook and to Clerk's `decorateUrl`: always one leading `/`. */
const pathOf = (url: URL) => url.pathname + url.search + url.hash;
const isAbsoluteUrl = (url: string) => /^[a-z][a-z\d+.-]*:/i.test(url);
/** A path a router may take: starts with exactly one `/` (never `//` or `/\\`, protocol-relative to a router). */
export const isRoutablePath = (path: string): boolean => /^\/(?![/\\])/.test(path) && !CONTROL.test(path);

export interface ExitRequest {
  /** The target, relative or absolute. */
  url: string;
  /** Origins besides the page's own that the target may point to. */
  allowedOrigins?: readonly string[];
  /**
   * A URL Clerk built for this step (an identity provider's authorize page): any http(s) origin. Never for
   * URLs that come from attributes, settings or query parameters.
   */
  clerkBuilt?: boolean;
  /** The element's redirect event for the validated absolute URL. */
  event: (url: string, cancelable: boolean) => Event;
  /**
   * False when the navigation already happened without us (clerk-js navigated by itself): the event is then
   * fired as not cancelable, only to say where the page goes, and nothing else is done.
   */
  cancelable?: boolean;
  /** The app's router hook (same-origin targets only). */
  hook?: NavigateHook;
  /** Replace the history entry (a spent callback URL, a completed flow). */
  replace?: boolean;
  /** A full page load even for a same-origin target (a reload; a URL that is not a route of the app). */
  pageLoad?: boolean;
  /**
   * Clerk's `decorateUrl` (from `setActive`'s `navigate`), applied after validation. It gets a path for
   * same-origin targets and may answer with an absolute Frontend API URL (the cookie refresh): a page load.
   */
  decorate?: (url: string) => string;
  /**
   * Origins an absolute URL from `decorate` may point to besides the page's and `allowedOrigins`: the loaded
   * Clerk's Frontend API (or proxy), where its cookie refresh (`/v1/client/touch`) lives.
   */
  decorateOrigins?: readonly string[];
}

export type ExitOutcome =
  | { kind: 'navigated'; url: string }
  | { kind: 'cancelled'; url: string }
  | { kind: 'announced'; url: string }
  | { kind: 'rejected'; error: ElementError };

const rejected = (message: string): ExitOutcome => ({ kind: 'rejected', error: elementError('invalid_redirect_url', message) });

/**
 * The one way to leave the page: validate the target, fire the element's redirect event (cancelable
 * unless the navigation already happened), then the router hook for same-origin paths, or `location`.
 * An element no longer in the document does nothing (`cancelled`).
 * What Clerk's `decorateUrl` answers is checked again: a same-origin path, or an absolute URL on an allowed
 * origin or the Frontend API's (its cookie refresh, always a page load).
 */
export async function leavePage(host: EventTarget, request: ExitRequest): Promise<ExitOutcome> {
  const checked = request.clerkBuilt ? validateRedirectUrl(request.url, originOf(request.url)) : validateRedirectUrl(request.url, request.allowedOrigins);
  if (isRedirectError(checked)) return { kind: 'rejected', error: checked };
  const cancelable = request.cancelable !== false;
  // An element taken out of the page acts no more: its event would reach no listener, so nobody could stop it.
  if (host instanceof Node && !host.isConnected) return { kind: 'cancelled', url: checked.href };
  const event = request.event(checked.href, cancelable);
  const proceed = host.dispatchEvent(event);
  if (!cancelable) return { kind: 'announced', url: checked.href };
  if (!proceed) return { kind: 'cancelled', url: checked.href };
  let url = checked;
  let pageLoad = Boolean(request.pageLoad);
  if (request.decorate) {
    const decorated = request.decorate(checked.origin === pageOrigin() ? pathOf(checked) : checked.href);
    if (typeof decorated !== 'string') return rejected('Clerk returned no redirect URL.');
    const trusted = [...(request.clerkBuilt ? [checked.origin] : (request.allowedOrigins ?? [])), ...(request.decorateOrigins ?? [])];
    const again = validateRedirectUrl(decorated, trusted);
    if (isRedirectError(again)) return { kind: 'rejected', error: again };
    url = again;
    // An absolute URL from decorateUrl is Clerk's cookie refresh on its Frontend API: never a route of the app.
    pageLoad ||= isAbsoluteUrl(decorated.trim());
  }
  const path = pathOf(url);
  if (request.hook && !pageLoad && url.origin === pageOrigin()) {
    if (!isRoutablePath(path)) return rejected(`The path "${path}" cannot be handed to a router.`);
    await request.hook(path, { replace: request.replace });
  } else loadPage(url.href, Boolean(request.replace));
  return { kind: 'navigated', url: checked.href };
}
