#!/usr/bin/env node
// `npm start`: builds the single-file browser bundle when missing or older than src/, then serves the demo site and the
// Clerk emulator on one local origin (http://127.0.0.1:$PORT, default 4400).
// With CLERK_PUBLISHABLE_KEY set, the pages use that key against real Clerk (no emulator FAPI).
// Flags are passed to the emulator: --settings <file>, --persist <file>, --control, --quiet, --rebuild.
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { ROOT as root, bundleIsStale, buildBundle } from './bundle.mjs';

const args = process.argv.slice(2);
const rebuild = args.includes('--rebuild');
const passThrough = args.filter((a) => a !== '--rebuild');

if (rebuild || bundleIsStale()) {
  console.log('Building the browser bundle (vite build --mode browser)...');
  try {
    buildBundle();
  } catch {
    console.error('\nnpm start: the browser bundle did not build (see vite\'s output above).\n');
    process.exit(1);
  }
}

const child = spawn(process.execPath, ['--import', 'tsx', join(root, 'scripts', 'start-server.ts'), ...passThrough], { cwd: root, stdio: 'inherit' });
const forward = (signal) => child.kill(signal);
process.on('SIGINT', forward);
process.on('SIGTERM', forward);
child.on('exit', (code) => process.exit(code ?? 0));
