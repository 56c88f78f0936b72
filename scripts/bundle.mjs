// The browser builds the demo serves: the single file (dist/browser/clerk-oauth-elements.js, as /elements.js), the
// loader (loader.js) and the per-element chunks (elements/): are they older than src/, and building them (into dist,
// or a private folder so concurrent runs never read half a file).
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const BUNDLE = join(ROOT, 'dist', 'browser', 'clerk-oauth-elements.js');

/** Newest modification time of the files the bundle is built from. */
export function newestSource(dir = join(ROOT, 'src')) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestSource(path) : statSync(path).mtimeMs);
  }
  return newest;
}

/** True when the bundle, the loader beside it or its element chunks are missing or older than a source file. */
export function bundleIsStale(bundle = BUNDLE) {
  const dir = dirname(bundle);
  const newest = newestSource();
  return [bundle, join(dir, 'loader.js'), join(dir, 'elements', 'oauth-buttons.js')].some((file) => !existsSync(file) || statSync(file).mtimeMs < newest);
}

/** The three browser builds (into `outDir` when given); returns the single file's path, throws with vite's output on failure. */
export function buildBundle({ outDir, quiet = false } = {}) {
  for (const mode of ['browser', 'elements', 'loader']) {
    const args = [join(ROOT, 'node_modules', 'vite', 'bin', 'vite.js'), 'build', '--mode', mode, '--logLevel', quiet ? 'error' : 'info'];
    if (outDir) args.push('--outDir', mode === 'elements' ? join(outDir, 'elements') : outDir);
    // The loader reads the element chunks' imports from where that build went.
    const env = { ...process.env, ...(outDir ? { CLERK_ELEMENTS_DIR: join(outDir, 'elements') } : {}) };
    const r = spawnSync(process.execPath, args, { cwd: ROOT, env, stdio: quiet ? 'pipe' : 'inherit', encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`vite build --mode ${mode} failed (${r.status}):\n${r.stdout ?? ''}${r.stderr ?? ''}`);
  }
  return outDir ? join(outDir, 'clerk-oauth-elements.js') : BUNDLE;
}
