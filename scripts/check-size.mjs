// Sizes, gzip -9, of the browser build (deterministic: the built files only), against size-budgets.json.
// `node scripts/check-size.mjs` prints them and exits 1 over a budget; `npm test` runs it after the build.
// - signInFirstFrame: what a sign-in page with the loader, <clerk-provider> and <oauth-buttons> downloads
//   before its first frame (the loader, both chunks and every chunk they import statically);
// - signInTotal: all it downloads, the chunks those import later (`later()`: loading Clerk, starting a flow) too;
// - element:<tag>: that element's own chunk; elementWithShared:<tag>: with every chunk it imports;
// - singleFile: the one-file build; loader: the loader alone.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { laterChunks, staticClosure } from '../bin/chunk-graph.mjs';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const BROWSER = join(ROOT, 'dist', 'browser');
const ELEMENTS = join(BROWSER, 'elements');
export const TAGS = ['clerk-provider', 'oauth-buttons', 'sso-callback', 'continue-signup', 'connected-accounts'];

const gzip = (file) => gzipSync(readFileSync(file), { level: 9 }).length;

const closure = (file, seen = new Set()) => {
  for (const chunk of staticClosure(BROWSER, relative(BROWSER, file))) seen.add(join(BROWSER, chunk));
  return seen;
};

/** `files` and every chunk they import later (`later()`), with those chunks' own imports. */
const withLater = (files) => new Set([...files, ...[...laterChunks(BROWSER, [...files].map((file) => relative(BROWSER, file)))].map((chunk) => join(BROWSER, chunk))]);

const sum = (files) => [...files].reduce((total, file) => total + gzip(file), 0);

export function measureSizes() {
  if (!existsSync(join(BROWSER, 'loader.js'))) throw new Error('dist/browser/loader.js is missing: run `npm run build` first');
  const sizes = {};
  const signIn = new Set([join(BROWSER, 'loader.js')]);
  for (const tag of ['clerk-provider', 'oauth-buttons']) closure(join(ELEMENTS, `${tag}.js`), signIn);
  sizes.signInFirstFrame = sum(signIn);
  sizes.signInTotal = sum(withLater(signIn));
  sizes.loader = gzip(join(BROWSER, 'loader.js'));
  sizes.singleFile = gzip(join(BROWSER, 'clerk-oauth-elements.js'));
  sizes.hydrate = gzip(join(ELEMENTS, 'hydrate.js'));
  for (const tag of TAGS) {
    sizes[`element:${tag}`] = gzip(join(ELEMENTS, `${tag}.js`));
    sizes[`elementWithShared:${tag}`] = sum(closure(join(ELEMENTS, `${tag}.js`)));
  }
  return sizes;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const budgets = JSON.parse(readFileSync(join(ROOT, 'size-budgets.json'), 'utf8'));
  const sizes = measureSizes();
  let over = 0;
  console.log('size (gzip -9)                         bytes    budget   ok');
  for (const [key, bytes] of Object.entries(sizes)) {
    const budget = budgets[key];
    const ok = budget === undefined || bytes <= budget;
    if (!ok) over++;
    console.log(`${key.padEnd(36)} ${String(bytes).padStart(7)}  ${budget === undefined ? '      -' : String(budget).padStart(8)}   ${ok ? 'yes' : 'NO'}`);
  }
  const unknown = Object.keys(budgets).filter((key) => !(key in sizes) && !key.startsWith('$'));
  if (unknown.length) {
    console.log(`budgets for sizes that are not measured: ${unknown.join(', ')}`);
    over++;
  }
  process.exit(over ? 1 : 0);
}
