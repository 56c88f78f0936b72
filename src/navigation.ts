import { elementError, type ElementError } from './errors.js';
import type { NavigateHook } from './context.js';

/**
 * Every way an element leaves the page, and the one rule for which targets are trusted. The only module
 * that touches `window.location` (a lint rule keeps it so): elements call `leavePage()` and the helpers here.
 */

/** The page's own URL, the base every relative target resolves against. */
export const pageUrl = (): string => window.location.href;
/** The page's own origin: always trusted. */
export const pageOrigin = (): string => window.location.origin;

/** Splits an attribute like `https://a.example, https://b.example` into origins. Invalid entries are dropped. */
export function parseOrigins(value: string | null | undefined): string[] {
  if (!value) return [];
  return value
    .split(/[\s,]+/)
    .filter(Boolean)
    .flatMap((entry) => {
      try {
        const url = new URL(entry);
        return url.protocol === 'http:' || url.protocol === 'https:' ? [url.origin] : [];
      } catch {
        return [];
      }
    });
}

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
 * Resolves a redirect target against the page and checks it: http(s) only, and the page's own origin
 * unless `allowedOrigins` lists the target's origin. Returns the absolute URL, or an error saying why not.
 */
export function validateRedirectUrl(target: string, allowedOrigins: readonly string[] = [], base: string = pageUrl()): URL | ElementError {
  let url: URL;
  try {
    url = new URL(target, base);
  } catch {
    return elementError('invalid_redirect_url', `The redirect URL "${target}" is not a valid URL.`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    return elementError('invalid_redirect_url', `The redirect URL "${target}" must use http or https.`);
  }
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

/** What a same-origin target looks like to a router hook and to Clerk's `decorateUrl`. */
const pathOf = (url: URL) => url.pathname + url.search + url.hash;
const isAbsoluteUrl = (url: string) => /^[a-z][a-z\d+.-]*:/i.test(url);

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
}

export type ExitOutcome =
  | { kind: 'navigated'; url: string }
  | { kind: 'cancelled'; url: string }
  | { kind: 'announced'; url: string }
  | { kind: 'rejected'; error: ElementError };

function load(href: string, replace?: boolean): void {
  if (replace) window.location.replace(href);
  else window.location.assign(href);
}

/**
 * The one way to leave the page: validate the target, fire the element's redirect event (cancelable
 * unless the navigation already happened), then the router hook for same-origin paths, or `location`.
 */
export async function leavePage(host: EventTarget, request: ExitRequest): Promise<ExitOutcome> {
  const checked = request.clerkBuilt ? validateRedirectUrl(request.url, originOf(request.url)) : validateRedirectUrl(request.url, request.allowedOrigins);
  if (isRedirectError(checked)) return { kind: 'rejected', error: checked };
  const cancelable = request.cancelable !== false;
  const event = request.event(checked.href, cancelable);
  const proceed = host.dispatchEvent(event);
  if (!cancelable) return { kind: 'announced', url: checked.href };
  if (!proceed) return { kind: 'cancelled', url: checked.href };
  const decorated = request.decorate?.(checked.origin === pageOrigin() ? pathOf(checked) : checked.href);
  const url = new URL(decorated ?? checked.href, pageUrl());
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    return { kind: 'rejected', error: elementError('invalid_redirect_url', 'Clerk returned a redirect URL that is not http(s).') };
  }
  // An absolute URL from decorateUrl is Clerk's cookie refresh on its Frontend API: never a route of the app.
  const pageLoad = request.pageLoad || (decorated !== undefined && isAbsoluteUrl(decorated));
  if (request.hook && !pageLoad && url.origin === pageOrigin()) await request.hook(pathOf(url), { replace: request.replace });
  else load(url.href, request.replace);
  return { kind: 'navigated', url: checked.href };
}

