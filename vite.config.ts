import { defineConfig } from 'vite';

const LOCALES = ['fr-FR', 'de-DE', 'ja-JP', 'ar-SA', 'es-ES', 'pt-BR', 'zh-CN'];

// `vite build`                -> dist/index.js, dist/define.js, dist/testing.js, dist/locales/<tag>.js (lit and @lit/context stay external)
// `vite build --mode browser` -> dist/browser/clerk-oauth-elements.js (one self-defining, minified file, lit included)
// Storybook merges this file into its own Vite config.
export default defineConfig(({ mode }) => {
  const browser = mode === 'browser';
  return {
    optimizeDeps: { include: ['lit', 'lit/directive-helpers.js'] },
    build: {
      target: 'es2022',
      outDir: browser ? 'dist/browser' : 'dist',
      emptyOutDir: !browser,
      sourcemap: true,
      minify: browser,
      lib: browser
        ? { entry: 'src/browser.ts', formats: ['es'], fileName: () => 'clerk-oauth-elements.js' }
        : {
            entry: {
              index: 'src/index.ts',
              define: 'src/define.ts',
              testing: 'src/testing/index.ts',
              // Our own strings, one module per locale, so a page imports only its own (`clerk-oauth-elements/locales/fr-FR`).
              ...Object.fromEntries(LOCALES.map((tag) => [`locales/${tag}`, `src/locales/${tag}.ts`])),
            },
            formats: ['es'],
            fileName: (_format, name) => `${name}.js`,
          },
      rolldownOptions: {
        external: browser ? [] : [/^lit($|\/)/, /^@lit\//],
      },
    },
  };
});
