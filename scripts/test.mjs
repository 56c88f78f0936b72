// npm test: everything, in order, stopping at the first failure. Finds (or installs) Chrome first.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { findChromeOrExit } from './chrome.mjs';

const chrome = findChromeOrExit();
const env = { ...process.env, CHROME_PATH: chrome };

const steps = [
  ['types', 'npm', ['run', '-s', 'typecheck']],
  ['lint', 'npm', ['run', '-s', 'lint']],
  ['manifest', 'npm', ['run', '-s', 'check:manifest']],
  ['docs (README status table against the code)', 'npm', ['run', '-s', 'test:docs']],
  ['unit tests', 'npx', ['web-test-runner', '--coverage']],
  ['story tests (render + play + axe)', 'npx', ['vitest', 'run']],
  ['static Storybook (every story renders in the production build)', 'node', ['scripts/check-storybook.mjs']],
  ...(existsSync('emulator/test') ? [['emulator tests', 'npm', ['run', '-s', 'test:emulator']]] : []),
  ['build', 'npm', ['run', '-s', 'build']],
  ['sizes (gzip of the sign-in first frame and of each element chunk, size-budgets.json)', 'node', ['scripts/check-size.mjs']],
  ['built package in Node (every entry point imports without throwing)', 'npm', ['run', '-s', 'test:dist']],
  ['package (pack contents, consumer fixture, publint, attw)', 'npm', ['run', '-s', 'check:package']],
  ['examples (the packed tarball in each app: type-check, build)', 'npm', ['run', '-s', 'examples']],
  ...(existsSync('test/e2e') ? [['end-to-end tests', 'npm', ['run', '-s', 'test:e2e']]] : []),
];

const results = [];
for (const [name, cmd, args] of steps) {
  console.log(`\n=== ${name}: ${cmd} ${args.join(' ')}`);
  const started = Date.now();
  const { status } = spawnSync(cmd, args, { stdio: 'inherit', env });
  results.push({ name, ok: status === 0, seconds: ((Date.now() - started) / 1000).toFixed(1) });
  if (status !== 0) break;
}
console.log('\n=== summary');
for (const r of results) console.log(`${r.ok ? 'ok  ' : 'FAIL'} ${r.name} (${r.seconds}s)`);
const failed = results.filter((r) => !r.ok).length + (steps.length - results.length);
console.log(`${results.filter((r) => r.ok).length} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
