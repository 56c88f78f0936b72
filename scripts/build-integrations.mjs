// Build steps that derive published files from the build itself (run by scripts/build.mjs after the
// bundles, tsc's declarations and the manifest):
// - declarations that stand alone: one file per `types` entry of package.json's exports, the Clerk types
//   they mention inlined (`@clerk/shared` is only a dev dependency), no declaration maps into `src/`;
// - editor data from the manifest (VS Code custom data, JetBrains web-types), by the break-stuff generators;
// - the README's pinned CDN script tag with its SRI hash.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { rollup } from 'rollup';
import { dts } from 'rollup-plugin-dts';
import { generateJetBrainsWebTypes } from 'custom-element-jet-brains-integration';
import { generateVsCodeCustomElementData } from 'custom-element-vs-code-integration';

const pkg = JSON.parse(readFileSync('package.json', 'utf8'));

/** Every `types` file package.json publishes, found in the exports so new entry points are bundled too. */
function typeEntries() {
  const files = new Set([pkg.types]);
  const walk = (value) => {
    if (typeof value === 'string') return;
    for (const [key, inner] of Object.entries(value)) {
      if (key === 'types' && typeof inner === 'string') files.add(inner);
      else if (inner && typeof inner === 'object') walk(inner);
    }
  };
  walk(pkg.exports);
  return [...files].filter((file) => file.startsWith('./dist/types/')).map((file) => file.slice('./dist/types/'.length));
}

/**
 * tsc's output moves aside and rollup-plugin-dts writes the published declarations from it, with
 * `@clerk/shared` inlined and lit left as the real dependency it is. Shared declarations go to one chunk, so a
 * class is declared once whichever entry a consumer imports.
 */
async function bundleDeclarations() {
  const emitted = 'dist/.types-tsc';
  rmSync(emitted, { recursive: true, force: true });
  renameSync('dist/types', emitted);
  const input = Object.fromEntries(typeEntries().map((file) => [file.replace(/\.d\.ts$/, ''), `${emitted}/${file}`]));
  const bundle = await rollup({
    input,
    plugins: [dts({ tsconfig: 'tsconfig.build.json', includeExternal: ['@clerk/shared'] })],
    external: [/^lit($|\/)/, /^@lit\//],
    onwarn(warning, warn) {
      if (warning.code !== 'CIRCULAR_DEPENDENCY') warn(warning);
    },
  });
  await bundle.write({ dir: 'dist/types', format: 'es', entryFileNames: '[name].d.ts', chunkFileNames: 'shared/declarations-[hash].d.ts' });
  await bundle.close();
  // tsc writes inferred `render()` types as `import("lit-html")`, a package that is only lit's dependency (strict
  // pnpm cannot resolve it from here); `lit` re-exports all of it.
  for (const file of readdirSync('dist/types', { recursive: true })) {
    if (!String(file).endsWith('.d.ts')) continue;
    const path = `dist/types/${file}`;
    const text = readFileSync(path, 'utf8');
    const fixed = text.replace(/from 'lit-html'/g, "from 'lit'");
    if (fixed !== text) writeFileSync(path, fixed);
  }
  rmSync(emitted, { recursive: true, force: true });
}

/** The generators annotate the manifest they are given: each gets its own copy. */
const manifest = () => JSON.parse(readFileSync('custom-elements.json', 'utf8'));

function editorData() {
  generateVsCodeCustomElementData(manifest(), {
    outdir: 'dist',
    htmlFileName: 'vscode.html-custom-data.json',
    cssFileName: 'vscode.css-custom-data.json',
    hideLogs: true,
  });
  generateJetBrainsWebTypes(manifest(), { outdir: 'dist', webTypesFileName: 'web-types.json', packageJson: false, hideLogs: true });
}

await bundleDeclarations();
editorData();

/** The single-file build, pinned to this version, with the hash browsers check it against. */
export function cdnScriptTag() {
  const file = pkg.jsdelivr.replace(/^\.\//, '');
  const integrity = `sha384-${createHash('sha384').update(readFileSync(file)).digest('base64')}`;
  const url = `https://cdn.jsdelivr.net/npm/${pkg.name}@${pkg.version}/${file}`;
  return `<script type="module" src="${url}"\n  integrity="${integrity}" crossorigin="anonymous"></script>`;
}

/** Replaces what sits between `<!-- name -->` and `<!-- /name -->` in README.md; fails when the markers are gone. */
function replaceBlock(text, name, content) {
  const pattern = new RegExp(`(<!-- ${name} -->\\n)[\\s\\S]*?(<!-- /${name} -->)`);
  if (!pattern.test(text)) throw new Error(`README.md lost its <!-- ${name} --> markers`);
  return text.replace(pattern, (_all, open, close) => `${open}${content}\n${close}`);
}

const readme = readFileSync('README.md', 'utf8');
const updated = replaceBlock(readme, 'cdn-script', '```html\n' + cdnScriptTag() + '\n```');
if (updated !== readme) {
  writeFileSync('README.md', updated);
  console.log('README.md: CDN script tag updated (version or hash changed).');
}
