import { defineConfig, type Plugin } from 'vite';
import { minifyCssTemplates } from './src/ssr/minify-css.js';
import { laterChunks, staticClosure } from './bin/chunk-graph.mjs';

const LOCALES = ['fr-FR', 'de-DE', 'ja-JP', 'ar-SA', 'es-ES', 'pt-BR', 'zh-CN'];

/** One chunk per tag, loaded by the loader (and usable on their own: each registers its tag). */
export const ELEMENT_ENTRIES = {
  'clerk-provider': 'src/elements/clerk-provider/define.ts',
  'oauth-buttons': 'src/elements/oauth-buttons/define.ts',
  'sso-callback': 'src/elements/sso-callback/define.ts',
  'continue-signup': 'src/elements/continue-signup/define.ts',
  'connected-accounts': 'src/elements/connected-accounts/define.ts',
  // Lit's hydration support, evaluated before the elements on pages with server-rendered markup.
  hydrate: 'src/ssr/hydrate.ts',
};

/**
 * What every element needs for its first frame, in ONE common chunk with lit and `@lit/context`: the base
 * element, the styles, the labels, the context consumer, the provider icons. Nothing here imports code that
 * only runs after the first frame (loading Clerk, starting a flow, leaving the page): that is the `shared`
 * chunk, which element code asks for through `later()` or imports where it cannot render without Clerk.
 */
export const FIRST_FRAME_MODULES = [
  'base-element', 'captcha', 'clerk-controller', 'context', 'define-element', 'english', 'instance', 'later', 'page-load',
  'localization', 'origins', 'provider-icon', 'providers', 'status-event', 'styles',
];
const inFirstFrame = (id: string) =>
  /node_modules[\\/](lit|lit-html|lit-element|@lit[\\/](reactive-element|context))[\\/]/.test(id)
    ? !/private-ssr-support|directives[\\/](live|ref|repeat)/.test(id)
    : new RegExp(`[\\\\/]src[\\\\/](${FIRST_FRAME_MODULES.join('|')})\\.ts$`).test(id);

/**
 * The element chunks: each element's own folder in its chunk (its later parts in chunks of their own);
 * the first-frame code in `core`, the code every element shares after its first frame in `shared`, never an
 * element's code; Lit's hydration support stays in the hydrate chunk. A page's requests stay few (HTTP/1.1
 * gives a host six connections, and clerk-js holds one).
 */
const ELEMENTS_OUTPUT = {
  chunkFileNames: '[name]-[hash].js',
  codeSplitting: {
    groups: [
      { name: 'core', priority: 2, test: inFirstFrame },
      // Not in it: the page-Clerk fallback (its own chunk, for pages without a provider) and what one element uses alone.
      { name: 'shared', priority: 1, test: (id: string) => !/[\\/]src[\\/](elements[\\/]|ssr[\\/]|page-clerk\.ts)|@lit-labs[\\/]ssr-client|private-ssr-support|directives[\\/]live/.test(id) },
    ],
  },
};

/**
 * For the loader: every element chunk's other chunks (file names), read from the element build (built first;
 * `CLERK_ELEMENTS_DIR` when it went elsewhere): `now`, what its first frame imports, and `later`, what it
 * imports after (`later()`), so the loader fetches a tag's whole code at once, not one import after another.
 */
function elementChunkMap(dir = process.env.CLERK_ELEMENTS_DIR ?? 'dist/browser/elements'): Record<string, { now: string[]; later: string[] }> {
  return Object.fromEntries(
    Object.keys(ELEMENT_ENTRIES).map((name) => {
      const now = staticClosure(dir, `${name}.js`);
      const later = laterChunks(dir, now);
      now.delete(`${name}.js`);
      return [name, { now: [...now], later: [...later] }];
    }),
  );
}

/** Browser builds: our `css` templates minified too (the JS minifier leaves template text alone). */
const minifyStyles = (): Plugin => ({
  name: 'clerk-oauth-elements:minify-css',
  transform(code, id) {
    if (!/\/src\/.*\.ts$/.test(id) || !code.includes('css`')) return null;
    return { code: minifyCssTemplates(code), map: null };
  },
});

// `vite build`                 -> dist/index.js, dist/define.js, dist/define/<tag>.js, dist/ssr.js, dist/testing.js,
//                                 dist/locales/<tag>.js
//                                 (lit, @lit/context and Lit's SSR packages stay external)
// `vite build --mode browser`  -> dist/browser/clerk-oauth-elements.js (one self-defining, minified file, lit included)
// `vite build --mode elements` -> dist/browser/elements/<tag>.js + shared chunks (lit included, minified)
// `vite build --mode loader`   -> dist/browser/loader.js (self-contained: imports ./elements/<tag>.js on first sight)
// Storybook merges this file into its own Vite config.
export default defineConfig(({ mode }) => {
  const browser = mode === 'browser' || mode === 'elements' || mode === 'loader';
  const lib =
    mode === 'browser'
      ? { entry: 'src/browser.ts', formats: ['es' as const], fileName: () => 'clerk-oauth-elements.js' }
      : mode === 'elements'
        ? { entry: ELEMENT_ENTRIES, formats: ['es' as const], fileName: (_format: string, name: string) => `${name}.js` }
        : mode === 'loader'
          ? { entry: 'src/loader.ts', formats: ['es' as const], fileName: () => 'loader.js' }
          : {
              entry: {
                index: 'src/index.ts',
                define: 'src/define.ts',
                testing: 'src/testing/index.ts',
                ssr: 'src/ssr/index.ts',
                'script-url': 'src/ssr/script-url.ts',
                // Our own strings, one module per locale, so a page imports only its own (`clerk-oauth-elements/locales/fr-FR`).
                ...Object.fromEntries(LOCALES.map((tag) => [`locales/${tag}`, `src/locales/${tag}.ts`])),
                ...Object.fromEntries(
                  Object.entries(ELEMENT_ENTRIES)
                    .filter(([name]) => name !== 'hydrate')
                    .map(([name, entry]) => [`define/${name}`, entry]),
                ),
              },
              formats: ['es' as const],
              fileName: (_format: string, name: string) => `${name}.js`,
            };
  return {
    plugins: browser ? [minifyStyles()] : [],
    define: mode === 'loader' ? { __LOADER_CHUNKS__: JSON.stringify(elementChunkMap()) } : {},
    optimizeDeps: { include: ['lit', 'lit/directive-helpers.js'] },
    build: {
      target: 'es2022',
      outDir: mode === 'elements' ? 'dist/browser/elements' : browser ? 'dist/browser' : 'dist',
      emptyOutDir: mode === 'elements' || !browser,
      sourcemap: true,
      minify: browser,
      lib,
      rolldownOptions: {
        external: browser ? [] : [/^lit($|\/)/, /^@lit\//, /^@lit-labs\//, /^node:/],
        // Browser files are loaded as they are, never bundled again: minify whitespace too (Vite keeps it in
        // ES library builds for the next bundler's sake).
        // The single file and the loader stay one file each: their later parts are inlined, not split off.
        output: browser ? { minify: true, comments: false, ...(mode === 'elements' ? ELEMENTS_OUTPUT : { codeSplitting: false }) } : {},
      },
    },
  };
});
