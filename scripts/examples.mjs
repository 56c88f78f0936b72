// The example apps (examples/<name>), after `npm run build`: each gets the packed tarball (as a user installs the
// package from npm), then its own type-check and production build (which test/e2e/examples.test.ts serves).
// An example whose dependencies are not installed is skipped with a message (`.ci/run` installs them all).
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');
const examples = readdirSync(join(root, 'examples')).filter((name) => existsSync(join(root, 'examples', name, 'package.json')));
const work = mkdtempSync(join(tmpdir(), 'clerk-oauth-elements-examples-'));
const [packed] = JSON.parse(execFileSync('npm', ['pack', '--json', '--pack-destination', work], { cwd: root, encoding: 'utf8' }));
const tarball = join(work, packed.filename);

const results = [];
for (const name of examples) {
  const dir = join(root, 'examples', name);
  rmSync(join(dir, 'dist'), { recursive: true, force: true });
  if (!existsSync(join(dir, 'node_modules'))) {
    results.push({ name, status: 'skip', note: `no node_modules: run \`npm ci --prefix examples/${name}\` (CI does)` });
    continue;
  }
  const steps = [
    ['npm', ['install', '--no-save', '--no-audit', '--no-fund', '--prefer-offline', tarball]],
    ['npm', ['run', '-s', 'typecheck']],
    ['npm', ['run', '-s', 'build']],
  ];
  let failed;
  for (const [cmd, args] of steps) {
    const { status, stdout, stderr } = spawnSync(cmd, args, { cwd: dir, encoding: 'utf8' });
    if (status !== 0) {
      failed = `${cmd} ${args.join(' ')}:\n${stdout}${stderr}`;
      break;
    }
  }
  results.push({ name, status: failed ? 'FAIL' : 'ok', note: failed ?? 'tarball installed, type-checks, builds' });
}
rmSync(work, { recursive: true, force: true });

console.log('\n--- examples');
for (const { name, status, note } of results) console.log(`${status.padEnd(4)} examples/${name}: ${note}`);
process.exit(results.some((r) => r.status === 'FAIL') ? 1 : 0);
