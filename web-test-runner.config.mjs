// Unit tests: TypeScript through esbuild, in headless Chrome/Chromium (CHROME_PATH, see scripts/chrome.mjs).
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { chromeLauncher } from '@web/test-runner-chrome';
import { CHROMIUM_ARGS, findChrome } from './scripts/chrome.mjs';

export default {
  files: ['test/**/*.test.ts', '!test/e2e/**'],
  nodeResolve: true,
  // One page at a time: open-wc's fixture() waits for an animation frame, which hidden pages never get.
  concurrency: 1,
  plugins: [
    esbuildPlugin({
      ts: true,
      json: true,
      // es2022 lowers the decorators; tsconfig makes esbuild honour experimentalDecorators.
      target: 'es2022',
      tsconfig: new URL('./tsconfig.json', import.meta.url).pathname,
    }),
  ],
  browsers: [chromeLauncher({ launchOptions: { executablePath: findChrome(), headless: true, args: CHROMIUM_ARGS } })],
  filterBrowserLogs: ({ args }) => !String(args[0]).startsWith('Lit is in dev mode'),
  testFramework: { config: { timeout: 5000 } },
  coverageConfig: {
    include: ['src/**/*.ts'],
    exclude: ['src/**/*.styles.ts', 'src/jsx.ts', 'src/browser.ts'],
    report: true,
    reportDir: 'coverage',
    threshold: { statements: 80, branches: 70, functions: 70, lines: 80 },
  },
};
