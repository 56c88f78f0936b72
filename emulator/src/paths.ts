import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const EMULATOR_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const REPO_ROOT = resolve(EMULATOR_DIR, '..');
export const ASSETS_DIR = join(EMULATOR_DIR, 'assets');
export const DEMO_DIR = join(REPO_ROOT, 'demo');
export const ELEMENTS_BUNDLE = join(REPO_ROOT, 'dist', 'browser', 'clerk-oauth-elements.js');

/** The installed `@clerk/clerk-js/dist` folder (served at Clerk's CDN layout under the proxy path). */
export function clerkJsDist(): string {
  // The package's `exports` hide package.json, so look along Node's own search paths.
  const require = createRequire(import.meta.url);
  for (const dir of require.resolve.paths('@clerk/clerk-js') ?? []) {
    const dist = join(dir, '@clerk', 'clerk-js', 'dist');
    if (existsSync(join(dist, 'clerk.browser.js'))) return dist;
  }
  throw new Error('@clerk/clerk-js is not installed (npm install)');
}
