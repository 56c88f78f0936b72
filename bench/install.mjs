// npm run bench:install: what the bench compares against (Clerk's prebuilt UI, @clerk/ui) in bench/compare's own
// node_modules, from its own lock file, so the package's own install stays lean. bench/compare/.npmrc sets
// legacy-peer-deps (else react-native is pulled in); its package.json pins @clerk/localizations (see CLERK-NOTES).
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const dir = join(dirname(fileURLToPath(import.meta.url)), 'compare');
const args = existsSync(join(dir, 'package-lock.json')) ? ['ci'] : ['install'];
execFileSync('npm', [...args, '--no-audit', '--no-fund', '--ignore-scripts'], { cwd: dir, stdio: 'inherit' });
