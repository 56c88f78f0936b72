// How the browser chunks import each other, read from the built files: one reading for the loader's chunk map
// (vite.config.ts), the size budgets (scripts/check-size.mjs) and the preload hints (bin/hints.mjs).
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';

const STATIC = /(?:import|export)\s*(?:[^'"`;(]*?from\s*)?["'](\.\/[^"']+)["']/g;
const DYNAMIC = /import\(\s*[`"'](\.\/[^`"']+)[`"']\s*\)/g;

/** The chunks `file` (relative to `dir`) names with `pattern`, relative to `dir`; none when it is not built. */
function imports(dir, file, pattern) {
  const path = join(dir, file);
  if (!existsSync(path)) return [];
  return [...readFileSync(path, 'utf8').matchAll(pattern)].map(([, spec]) => relative(dir, join(dirname(path), spec)));
}

/** `file` and every chunk it imports statically (paths relative to `dir`), in load order. */
export function staticClosure(dir, file, seen = new Set()) {
  if (seen.has(file)) return seen;
  seen.add(file);
  for (const spec of imports(dir, file, STATIC)) staticClosure(dir, spec, seen);
  return seen;
}

/**
 * What `files` import later (`later()`: loading Clerk, starting a flow), with those chunks' own static imports,
 * and not `files` themselves. The core chunk's own later import is the page-Clerk fallback, which only a page
 * without a provider fetches: it is left out.
 */
export function laterChunks(dir, files) {
  const all = new Set(files);
  for (const file of all) {
    if (/(^|[\\/])core-[^\\/]*\.js$/.test(file)) continue;
    for (const spec of imports(dir, file, DYNAMIC)) staticClosure(dir, spec, all);
  }
  for (const file of files) all.delete(file);
  return all;
}
