import { defineConfig } from 'vitest/config';
import { storybookTest } from '@storybook/addon-vitest/vitest-plugin';
import { playwright } from '@vitest/browser-playwright';
import { CHROMIUM_ARGS, findChrome } from './scripts/chrome.mjs';

const browser = (name: string) => ({
  enabled: true,
  headless: true,
  provider: playwright({ launchOptions: { executablePath: findChrome(), args: CHROMIUM_ARGS } }),
  instances: [{ browser: 'chromium' as const, name }],
});

// Every story is a test: render + play() + axe (parameters.a11y.test = 'error'), once in the light scheme and
// once in the dark one (the toolbar's `scheme` global, set through __STORY_SCHEME__). The locale project renders
// every story in fr-FR, de-DE, ja-JP and ar-SA and fails on English left on screen.
export default defineConfig({
  optimizeDeps: { include: ['lit', 'lit/directive-helpers.js'] },
  test: {
    projects: [
      {
        extends: true,
        plugins: [storybookTest({ configDir: '.storybook' })],
        define: { __STORY_SCHEME__: JSON.stringify('light') },
        test: { name: 'storybook', browser: browser('light') },
      },
      {
        extends: true,
        plugins: [storybookTest({ configDir: '.storybook' })],
        define: { __STORY_SCHEME__: JSON.stringify('dark') },
        test: { name: 'storybook-dark', browser: browser('dark') },
      },
      {
        extends: true,
        define: { __STORY_SCHEME__: JSON.stringify('light') },
        test: { name: 'locale-test', include: ['test/locales/*.test.ts'], browser: browser('locales') },
      },
    ],
  },
});
