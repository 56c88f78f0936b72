// Build-time helpers for the fastest page setup (see README "Size and speed"), over the installed dist/ folder:
// the <link rel="modulepreload"> tags for the loader and the chunks of the tags a page uses (with every shared
// chunk they import), so the browser fetches all of them with the HTML instead of one import after another.
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { staticClosure } from './chunk-graph.mjs';

export { clerkPreloadHint, clerkJsUrlFor } from '../dist/script-url.js';

const BROWSER = resolve(dirname(fileURLToPath(import.meta.url)), '..', 'dist', 'browser');
export const ELEMENT_TAGS = ['clerk-provider', 'oauth-buttons', 'sso-callback', 'continue-signup', 'connected-accounts'];

/** A browser chunk and every chunk it imports statically (paths relative to dist/browser), in load order. */
export const chunkClosure = (file, seen = new Set()) => staticClosure(BROWSER, file, seen);

/**
 * `<link rel="modulepreload">` for `loader.js` and the chunks of `tags`; `base` is the URL dist/browser is
 * served under (default `/`). `hydrate: true` adds the hydration chunk (server-rendered pages).
 */
export function modulePreloadHints({ tags, base = '/', hydrate = false }) {
  const unknown = tags.filter((tag) => !ELEMENT_TAGS.includes(tag));
  if (unknown.length) throw new Error(`unknown tags: ${unknown.join(', ')} (known: ${ELEMENT_TAGS.join(', ')})`);
  const files = new Set(['loader.js']);
  for (const name of [...(hydrate ? ['hydrate'] : []), ...tags]) chunkClosure(`elements/${name}.js`, files);
  const prefix = base.endsWith('/') ? base : `${base}/`;
  return [...files].map((file) => `<link rel="modulepreload" href="${prefix}${file}">`).join('\n');
}
