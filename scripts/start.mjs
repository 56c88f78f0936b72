#!/usr/bin/env node
// `npm start`: builds the single-file browser bundle when missing or older than src/, then serves the demo site and the
// Clerk emulator on one local origin (http://127.0.0.1:$PORT, default 4400).
// With CLERK_PUBLISHABLE_KEY set, the pages use that key against real Clerk (no emulator FAPI).
// Flags are passed to the emulator: --settings <file>, --persist <file>, --control, --quiet, --rebuild.
import { spawnSync, spawn } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { dirname, join, resolve } from 'node:path';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const bundle = join(root, 'dist', 'browser', 'clerk-oauth-elements.js');
const args = process.argv.slice(2);
const rebuild = args.includes('--rebuild');
const passThrough = args.filter((a) => a !== '--rebuild');

/** Newest modification time of the sources the bundle is built from. */
function newestSource(dir = join(root, 'src')) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestSource(path) : statSync(path).mtimeMs);
  }
  return newest;
}

if (rebuild || !existsSync(bundle) || statSync(bundle).mtimeMs < newestSource()) {
  console.log('Building the browser bundle (vite build --mode browser)...');
  const r = spawnSync(process.execPath, [join(root, 'node_modules', 'vite', 'bin', 'vite.js'), 'build', '--mode', 'browser'], { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
}

const child = spawn(process.execPath, ['--import', 'tsx', join(root, 'scripts', 'start-server.ts'), ...passThrough], { cwd: root, stdio: 'inherit' });
const forward = (signal) => child.kill(signal);
process.on('SIGINT', forward);
process.on('SIGTERM', forward);
child.on('exit', (code) => process.exit(code ?? 0));
