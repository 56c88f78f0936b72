// Runs a command with CHROME_PATH set to a Chrome or Chromium found (or installed) by scripts/chrome.mjs.
import { spawnSync } from 'node:child_process';
import { findChromeOrExit } from './chrome.mjs';

const [cmd, ...args] = process.argv.slice(2);
const chrome = findChromeOrExit();
const result = spawnSync(cmd, args, { stdio: 'inherit', env: { ...process.env, CHROME_PATH: chrome }, shell: process.platform === 'win32' });
process.exit(result.status ?? 1);
