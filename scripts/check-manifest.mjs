// Fails when custom-elements.json is not what the analyzer makes from the current source.
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';

// The analyzer writes relative to the project, so the fresh copy goes to an ignored folder inside it.
const out = '.scratch/cem-check';
rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });
execFileSync('npx', ['cem', 'analyze', '--quiet', '--outdir', out], { stdio: ['ignore', 'ignore', 'inherit'] });
const fresh = readFileSync(join(out, 'custom-elements.json'), 'utf8');
const committed = readFileSync('custom-elements.json', 'utf8');
if (fresh !== committed) {
  console.error('custom-elements.json is stale: run `npm run analyze` and commit the result.');
  process.exit(1);
}
console.log('custom-elements.json is up to date.');
