// npm run build: the npm package (ES modules + types), the single-file browser build, the per-element
// browser chunks and the loader.
import { execFileSync } from 'node:child_process';

const run = (cmd, args) => execFileSync(cmd, args, { stdio: 'inherit' });
run('npx', ['vite', 'build', '--logLevel', 'warn']);
run('npx', ['vite', 'build', '--mode', 'browser', '--logLevel', 'warn']);
run('npx', ['vite', 'build', '--mode', 'elements', '--logLevel', 'warn']);
run('npx', ['vite', 'build', '--mode', 'loader', '--logLevel', 'warn']);
run('npx', ['tsc', '-p', 'tsconfig.build.json']);
run('npx', ['cem', 'analyze', '--quiet']);
run('node', ['scripts/build-integrations.mjs']);
