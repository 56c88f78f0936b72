import { elementError, type ElementError } from './errors.js';
import type { NavigateHook } from './context.js';

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

/**
 * Resolves a redirect target against the page and checks it: http(s) only, and the page's own origin
 * unless `allowedOrigins` lists the target's origin. Returns the absolute URL, or an error saying why not.
 */
export function validateRedirectUrl(
  target: string,
  allowedOrigins: readonly string[] = [],
  base: string = window.location.href,
): URL | ElementError {
  let url: URL;
  try {
    url = new URL(target, base);
  } catch {
    return elementError('invalid_redirect_url', `The redirect URL "${target}" is not a valid URL.`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    return elementError('invalid_redirect_url', `The redirect URL "${target}" must use http or https.`);
  }
  const pageOrigin = new URL(base).origin;
  if (url.origin !== pageOrigin && !allowedOrigins.includes(url.origin)) {
    return elementError(
      'redirect_origin_not_allowed',
      `The redirect URL "${target}" points to ${url.origin}, which this page does not allow. Add it to allowed-redirect-origins on <clerk-provider>.`,
    );
  }
  return url;
}

export const isRedirectError = (value: URL | ElementError): value is ElementError => !(value instanceof URL);

/**
 * Leaves the page for `url`: same-origin targets go through the app's router hook when it has one,
 * everything else through `location`. The one place that changes `window.location`.
 */
export async function performNavigation(url: URL, navigate?: NavigateHook, options?: { replace?: boolean }): Promise<void> {
  const sameOrigin = url.origin === window.location.origin;
  if (navigate && sameOrigin) {
    await navigate(url.pathname + url.search + url.hash, options);
    return;
  }
  if (options?.replace) window.location.replace(url.href);
  else window.location.assign(url.href);
}

const isAbsoluteUrl = (url: string) => /^[a-z][a-z\d+.-]*:/i.test(url);

/**
 * A full page load of an absolute URL Clerk built (never a router hook: it is not a route of the app).
 * Only http(s): anything else is refused.
 */
export function loadPage(href: string, replace?: boolean): void {
  const url = new URL(href);
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new Error(`Refusing to load ${url.protocol} URL`);
  if (replace) window.location.replace(url.href);
  else window.location.assign(url.href);
}

export interface RedirectRequest {
  /** The target, relative or absolute. */
  url: string;
  /** Origins besides the page's own that may be targeted. */
  allowedOrigins?: readonly string[];
  /** Builds the element's cancelable redirect event for the validated absolute URL. */
  event: (url: string) => Event;
  navigate?: NavigateHook;
  replace?: boolean;
  /**
   * Clerk's `decorateUrl` (from `setActive`'s `navigate`). It gets a path for same-origin targets and
   * may answer with an absolute Frontend API URL (the ITP cookie refresh), which needs a full page load.
   */
  decorate?: (url: string) => string;
}

export type RedirectOutcome = { kind: 'navigated'; url: string } | { kind: 'cancelled'; url: string } | { kind: 'rejected'; error: ElementError };

/**
 * The one way elements navigate: validate the target, fire the element's cancelable redirect event,
 * then navigate unless a listener called `preventDefault()` (a framework app routing itself).
 */
export async function redirect(host: EventTarget, request: RedirectRequest): Promise<RedirectOutcome> {
  const checked = validateRedirectUrl(request.url, request.allowedOrigins);
  if (isRedirectError(checked)) return { kind: 'rejected', error: checked };
  const event = request.event(checked.href);
  if (!host.dispatchEvent(event)) return { kind: 'cancelled', url: checked.href };
  if (request.decorate) {
    const sameOrigin = checked.origin === window.location.origin;
    const decorated = request.decorate(sameOrigin ? checked.pathname + checked.search + checked.hash : checked.href);
    if (isAbsoluteUrl(decorated)) loadPage(decorated, request.replace);
    else await performNavigation(new URL(decorated, window.location.href), request.navigate, { replace: request.replace });
    return { kind: 'navigated', url: checked.href };
  }
  await performNavigation(checked, request.navigate, { replace: request.replace });
  return { kind: 'navigated', url: checked.href };
}
