// The package as npm would publish it (run after `npm run build`):
// 1. `npm pack` contents: what ships, and nothing from src/, tests or stories;
// 2. declarations that stand alone: every bare import in dist/types is a dependency of the package;
// 3. the consumer fixture (test/consumer) type-checks against the installed tarball only, strict, no skipLibCheck,
//    under `moduleResolution` node16 and bundler;
// 4. publint and @arethetypeswrong/cli on the tarball.
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

// The framework typings' consumers: the framework's types, and the JSX settings its docs give.
const FRAMEWORK_TYPES = ['@types/react@^19', 'preact@^10', 'solid-js@^1.9', 'vue@^3.5', 'svelte@^5'];
const FRAMEWORKS = [
  ['react', { jsx: 'react-jsx', jsxImportSource: 'react' }],
  ['preact', { jsx: 'react-jsx', jsxImportSource: 'preact' }],
  ['solid', { jsx: 'preserve', jsxImportSource: 'solid-js' }],
  ['vue', {}],
  ['svelte', {}],
];
const root = resolve(import.meta.dirname, '..');
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const results = [];
const check = (name, fn) => {
  try {
    const note = fn();
    results.push({ name, ok: true, note });
  } catch (error) {
    results.push({ name, ok: false, note: error.message });
  }
};
const run = (cmd, args, options = {}) => {
  const { status, stdout, stderr } = spawnSync(cmd, args, { encoding: 'utf8', cwd: root, ...options });
  if (status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed:\n${stdout}${stderr}`);
  return stdout;
};

const work = mkdtempSync(join(tmpdir(), 'clerk-oauth-elements-pack-'));
const [packed] = JSON.parse(execFileSync('npm', ['pack', '--json', '--pack-destination', work], { cwd: root, encoding: 'utf8' }));
const tarball = join(work, packed.filename);
const files = packed.files.map((file) => file.path).sort();

check('npm pack contents', () => {
  const forbidden = files.filter((file) => /^(src|test|stories|demo|emulator|bench|scripts|examples|\.storybook)\//.test(file));
  if (forbidden.length) throw new Error(`unexpected files in the package:\n  ${forbidden.join('\n  ')}`);
  const required = ['LICENSE', 'README.md', 'CHANGELOG.md', 'package.json', 'custom-elements.json'];
  const referenced = new Set(required);
  const walk = (value) => {
    if (typeof value === 'string') referenced.add(value.replace(/^\.\//, ''));
    else if (value && typeof value === 'object') Object.values(value).forEach(walk);
  };
  walk(pkg.exports);
  for (const field of ['main', 'module', 'types', 'unpkg', 'jsdelivr', 'customElements', 'web-types', 'bin']) walk(pkg[field]);
  // Folders package.json's `files` lists on purpose (bin/: the preload-hint CLI and the modules it imports).
  const folders = (pkg.files ?? []).filter((entry) => entry !== 'dist' && !entry.includes('.'));
  const missing = [...referenced].filter((file) => !file.includes('*') && !files.includes(file));
  if (missing.length) throw new Error(`package.json names files the package lacks:\n  ${missing.join('\n  ')}`);
  const outside = files.filter(
    (file) => !file.startsWith('dist/') && !required.includes(file) && !referenced.has(file) && !folders.some((folder) => file.startsWith(`${folder}/`)),
  );
  if (outside.length) throw new Error(`files outside dist/ that nothing declares:\n  ${outside.join('\n  ')}`);
  const maps = files.filter((file) => file.endsWith('.d.ts.map'));
  if (maps.length) throw new Error(`declaration maps point into src/, which is not shipped:\n  ${maps.join('\n  ')}`);
  return `${files.length} files, ${(packed.size / 1024).toFixed(0)} kB packed:\n    ${files.join('\n    ')}`;
});

check('declarations import only dependencies', () => {
  // Dependencies, and the optional peers the framework typings augment (`react` is typed by `@types/react`).
  const allowed = new Set([...Object.keys(pkg.dependencies ?? {}), ...Object.keys(pkg.peerDependencies ?? {})]);
  if (allowed.has('@types/react')) allowed.add('react');
  const bad = [];
  for (const file of readdirSync(join(root, 'dist/types'), { recursive: true })) {
    if (!String(file).endsWith('.d.ts')) continue;
    // Comments show usage (`import ... from "my-app/solid"`): only code counts.
    const text = readFileSync(join(root, 'dist/types', String(file)), 'utf8').replace(/\/\*[\s\S]*?\*\//g, '');
    for (const [, specifier] of text.matchAll(/(?:from|import\()\s*['"]([^'"./][^'"]*)['"]/g)) {
      const name = specifier.startsWith('@') ? specifier.split('/').slice(0, 2).join('/') : specifier.split('/')[0];
      if (!allowed.has(name)) bad.push(`${file}: ${specifier}`);
    }
  }
  if (bad.length) throw new Error(`bare imports of packages that are not dependencies:\n  ${bad.join('\n  ')}`);
});

check('consumer fixture (tarball only, strict, skipLibCheck false)', () => {
  // Outside the repository, so module resolution cannot climb into this project's node_modules.
  const consumer = join(work, 'consumer');
  cpSync(join(root, 'test/consumer'), consumer, { recursive: true });
  run('npm', ['install', '--no-audit', '--no-fund', '--prefer-offline', '--no-package-lock', tarball], { cwd: consumer });
  const tsc = join(root, 'node_modules/typescript/bin/tsc');
  const notes = [];
  for (const [module, moduleResolution] of [['node16', 'node16'], ['esnext', 'bundler']]) {
    const config = join(consumer, `tsconfig.${moduleResolution}.json`);
    writeFileSync(config, JSON.stringify({ extends: './tsconfig.json', compilerOptions: { module, moduleResolution } }));
    run('node', [tsc, '-p', config], { cwd: consumer });
    notes.push(moduleResolution);
  }
  // The framework typings, each with the framework's own types installed (nothing else of this project's).
  run('npm', ['install', '--no-audit', '--no-fund', '--prefer-offline', '--no-package-lock', '--no-save', ...FRAMEWORK_TYPES], { cwd: consumer });
  for (const [name, jsx] of FRAMEWORKS) {
    const config = join(consumer, `tsconfig.${name}.json`);
    const file = readdirSync(join(consumer, 'frameworks')).find((f) => f.startsWith(`${name}.`));
    writeFileSync(config, JSON.stringify({ extends: './tsconfig.json', compilerOptions: { module: 'esnext', moduleResolution: 'bundler', ...jsx }, files: [`frameworks/${file}`] }));
    run('node', [tsc, '-p', config], { cwd: consumer });
    notes.push(name);
  }
  return `type-checks under ${notes.join(', ')}`;
});

check('publint', () => {
  run('npx', ['publint', 'run', '--strict', tarball]);
});

check('@arethetypeswrong/cli (ESM-only package: node16 from ESM, bundler)', () => {
  run('npx', ['attw', '--profile', 'esm-only', '--format', 'ascii', '--no-color', tarball]);
});

rmSync(work, { recursive: true, force: true });
console.log('\n--- package checks');
for (const { name, ok, note } of results) {
  console.log(`${ok ? 'ok  ' : 'FAIL'} ${name}${note ? `\n  ${note}` : ''}`);
}
const failed = results.filter((result) => !result.ok).length;
console.log(`${results.length - failed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
