/**
 * Build-time and server helpers (no DOM): where clerk-js comes from for a key, and the preload hint that lets
 * a page start it with its HTML, before any script of ours has arrived.
 */
import { clerkScriptUrl, parsePublishableKey } from '../clerk-loader.js';

export interface PreloadOptions {
  publishableKey: string;
  /** As on `<clerk-provider proxy-url>`; a path needs `pageUrl`. */
  proxyUrl?: string;
  domain?: string;
  clerkJsUrl?: string;
  clerkJsVersion?: string;
  /** The page's URL, to resolve relative `proxyUrl` / `clerkJsUrl` (default: a path-only URL is kept relative). */
  pageUrl?: string;
}

const PLACEHOLDER_ORIGIN = 'https://page.invalid';

/** clerk-js's script URL for these provider settings: the same URL `<clerk-provider>` will ask for. */
export function clerkJsUrlFor(options: PreloadOptions): string {
  const parsed = parsePublishableKey(options.publishableKey);
  if ('code' in parsed) throw new Error(parsed.message);
  const base = options.pageUrl ?? `${PLACEHOLDER_ORIGIN}/`;
  const url = clerkScriptUrl({ ...options, publishableKey: options.publishableKey.trim(), frontendApi: parsed.frontendApi }, base);
  // Relative settings without a page URL stay relative, so the hint works on whatever origin serves the page.
  return url.startsWith(PLACEHOLDER_ORIGIN) ? url.slice(PLACEHOLDER_ORIGIN.length) : url;
}

const escapeAttr = (value: string) => value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

/**
 * `<link rel="preload" as="script" …>` for clerk-js. `crossorigin="anonymous"` matches the script tag the
 * provider adds, so the browser reuses the preloaded response instead of asking twice.
 */
export function clerkPreloadHint(options: PreloadOptions): string {
  return `<link rel="preload" as="script" href="${escapeAttr(clerkJsUrlFor(options))}" crossorigin="anonymous">`;
}
