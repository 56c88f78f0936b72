// Build steps that derive published files from the build itself (run by scripts/build.mjs after the
// bundles, tsc's declarations and the manifest):
// - declarations that stand alone: one file per `types` entry of package.json's exports, the Clerk types
//   they mention inlined (`@clerk/shared` is only a dev dependency), no declaration maps into `src/`;
// - editor data from the manifest (VS Code custom data, JetBrains web-types), by the break-stuff generators;
// - framework typings from the manifest (React 19, Preact, Solid, Vue 3, Svelte 5), by the same generators;
// - the README's pinned CDN script tag with its SRI hash.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { rollup } from 'rollup';
import { dts } from 'rollup-plugin-dts';
import { generateJetBrainsWebTypes } from 'custom-element-jet-brains-integration';
import { generateVsCodeCustomElementData } from 'custom-element-vs-code-integration';
import { generateJsxTypes } from 'custom-element-jsx-integration';
import { generateSolidJsTypes } from 'custom-element-solidjs-integration';
import { generateVuejsTypes } from 'custom-element-vuejs-integration';

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

/** A `types` pattern (`locales/*.d.ts`, `elements/*` + `/define.d.ts`) stands for every emitted file it matches. */
function expandPattern(file, emitted) {
  if (!file.includes('*')) return [file];
  const [before, after] = file.split('*');
  const dir = before.slice(0, before.lastIndexOf('/') + 1);
  const prefix = before.slice(dir.length);
  if (!existsSync(`${emitted}/${dir}`)) return [];
  return readdirSync(`${emitted}/${dir}`)
    .filter((name) => name.startsWith(prefix))
    .map((name) => (after.startsWith('/') ? `${dir}${name}${after}` : `${dir}${name}`))
    .filter((candidate) => candidate.endsWith(after) && existsSync(`${emitted}/${candidate}`));
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
  // The framework typings are generated below, not emitted by tsc.
  const entries = typeEntries()
    .flatMap((file) => expandPattern(file, emitted))
    .filter((file) => existsSync(`${emitted}/${file}`));
  const input = Object.fromEntries(entries.map((file) => [file.replace(/\.d\.ts$/, ''), `${emitted}/${file}`]));
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

/**
 * What a framework user may set: the manifest without what cannot be set (read-only, private, protected and
 * static members, methods, the reflected `status` attribute).
 */
function settableManifest() {
  const copy = manifest();
  for (const mod of copy.modules) {
    for (const declaration of mod.declarations ?? []) {
      if (!declaration.customElement) continue;
      declaration.members = (declaration.members ?? []).filter(
        (m) => m.kind === 'field' && !m.readonly && !m.static && !m.privacy && !m.name.startsWith('#'),
      );
      declaration.attributes = (declaration.attributes ?? []).filter((a) => a.fieldName && declaration.members.some((m) => m.name === a.fieldName));
    }
  }
  return copy;
}

/**
 * The generators type every handler as `CustomEvent<T>`; ours are event classes (each with a `detail` of the same
 * fields), so handlers get the class itself. They also repeat an import per element that fires it.
 */
function tidy(file, { camelHandlers = false } = {}) {
  let text = readFileSync(file, 'utf8').replace(/\(e: CustomEvent<(\w+)>\) => void/g, '(event: $1) => void');
  text = text.replace(/import type \{([^}]*)\} from "\.\/index\.js";/, (_all, names) => {
    const unique = [...new Set(names.split(',').map((n) => n.trim()).filter(Boolean))];
    return `import type { ${unique.join(', ')} } from "./index.js";`;
  });
  // Vue's templates camelize: `@oauth-redirect` is the prop `onOauthRedirect`, `sign-in-url` is `signInUrl`.
  if (camelHandlers) {
    const pascal = (name) => name.replace(/(^|-)([a-z0-9])/g, (_m, _d, c) => c.toUpperCase());
    text = text.replace(/"on([a-z0-9-]+)"\?:/g, (_all, name) => `on${pascal(name)}?:`);
    text = text.replace(/"([a-z0-9]+(?:-[a-z0-9]+)+)"\?:/g, (_all, name) => `${name.replace(/-([a-z0-9])/g, (_m, c) => c.toUpperCase())}?:`);
    // An attribute and a richer property can now share a name (`additional-scopes`, `additionalScopes`): one
    // prop taking either type.
    text = text.replace(/((?:export )?type \w+Props = \{)([\s\S]*?)(\n\};)/g, (_all, open, body, close) => {
      const types = new Map();
      for (const [, key, type] of body.matchAll(/^ {2}(\w+)\?: (.+);$/gm)) types.set(key, [...(types.get(key) ?? []), type]);
      const written = new Set();
      const merged = body.replace(/^ {2}(\w+)\?: (.+);$/gm, (line, key) => {
        if (types.get(key).length === 1) return line;
        if (written.has(key)) return '';
        written.add(key);
        return `  ${key}?: ${types.get(key).join(' | ')};`;
      });
      return open + merged + close;
    });
  }
  writeFileSync(file, text);
}

/** Hand-written augmentations per framework, over the generated prop types (`jsx-elements.d.ts`). */
const WRAPPERS = {
  react: `import type { HTMLAttributes, RefAttributes } from "react";
import type { CustomElements } from "./jsx-elements.js";

/** React 19: our props (attributes, object properties, \`on<event>\` handlers typed to our event classes) over React's own. */
type ReactElements = {
  [Tag in keyof CustomElements]: Omit<HTMLAttributes<HTMLElement>, keyof CustomElements[Tag]> & RefAttributes<HTMLElement> & CustomElements[Tag];
};

declare module "react" {
  namespace JSX {
    interface IntrinsicElements extends ReactElements {}
  }
}

export type { CustomElements as ClerkOAuthElementsProps };
`,
  preact: `import type { JSX } from "preact";
import type { CustomElements } from "./jsx-elements.js";

type PreactElements = {
  [Tag in keyof CustomElements]: Omit<JSX.HTMLAttributes<HTMLElement>, keyof CustomElements[Tag]> & CustomElements[Tag];
};

declare module "preact" {
  namespace JSX {
    interface IntrinsicElements extends PreactElements {}
  }
}

export type { CustomElements as ClerkOAuthElementsProps };
`,
  svelte: `import type { HTMLAttributes } from "svelte/elements";
import type { CustomElements } from "./jsx-elements.js";

/** Svelte 5: attributes, object properties, and \`on<event>\` handlers (\`onoauth-redirect={...}\`) typed to our event classes. */
type SvelteElements = {
  [Tag in keyof CustomElements]: Omit<HTMLAttributes<HTMLElement>, keyof CustomElements[Tag]> & CustomElements[Tag];
};

declare module "svelte/elements" {
  interface SvelteHTMLElements extends SvelteElements {}
}

export type { CustomElements as ClerkOAuthElementsProps };
`,
};

function frameworkTypings() {
  const out = 'dist/types';
  const common = { outdir: out, hideLogs: true, globalTypePath: './index.js' };
  generateJsxTypes(settableManifest(), { ...common, fileName: 'jsx-elements.d.ts' });
  generateSolidJsTypes(settableManifest(), { ...common, fileName: 'solid.d.ts' });
  generateVuejsTypes(settableManifest(), { ...common, fileName: 'vue.d.ts' });
  tidy(`${out}/jsx-elements.d.ts`);
  tidy(`${out}/solid.d.ts`);
  tidy(`${out}/vue.d.ts`, { camelHandlers: true });
  // Solid reads module-scoped JSX: the generator only shows how to augment it.
  writeFileSync(`${out}/solid.d.ts`, readFileSync(`${out}/solid.d.ts`, 'utf8') + `
declare module "solid-js" {
  namespace JSX {
    interface IntrinsicElements extends CustomElements {}
  }
}
`);
  // Vue 3: \`GlobalComponents\` only; the generator also widens the global JSX namespace, which Vue does not read.
  const vue = readFileSync(`${out}/vue.d.ts`, 'utf8').replace(/\ndeclare global \{\n {2}namespace JSX \{[\s\S]*?\n {2}\}\n\}\n?/, '\n');
  writeFileSync(`${out}/vue.d.ts`, vue);
  for (const [name, text] of Object.entries(WRAPPERS)) writeFileSync(`${out}/${name}.d.ts`, text);
  // Each typings entry point has a (empty) module, so \`import 'clerk-oauth-elements/react'\` also runs.
  mkdirSync('dist/frameworks', { recursive: true });
  for (const name of ['react', 'preact', 'solid', 'vue', 'svelte']) {
    writeFileSync(`dist/frameworks/${name}.js`, '// Types only: see the matching .d.ts in dist/types.\nexport {};\n');
  }
}

await bundleDeclarations();
editorData();
frameworkTypings();

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
