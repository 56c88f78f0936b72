import { defineConfig } from 'vite';

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

// `vite build`                 -> dist/index.js, dist/define.js, dist/define/<tag>.js, dist/ssr.js, dist/testing.js
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
        output: browser ? { minify: true, comments: false, ...(mode === 'elements' ? { chunkFileNames: 'shared-[hash].js' } : {}) } : {},
      },
    },
  };
});
