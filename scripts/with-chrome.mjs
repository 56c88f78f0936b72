// Runs a command with CHROME_PATH set to a Chrome or Chromium found (or installed) by scripts/chrome.mjs.
import { spawnSync } from 'node:child_process';
import { findChrome } from './chrome.mjs';

const [cmd, ...args] = process.argv.slice(2);
let chrome;
try {
  chrome = findChrome();
} catch (error) {
  console.error(error.message);
  process.exit(1);
}
const result = spawnSync(cmd, args, { stdio: 'inherit', env: { ...process.env, CHROME_PATH: chrome }, shell: process.platform === 'win32' });
process.exit(result.status ?? 1);
