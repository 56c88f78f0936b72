// Unit tests: TypeScript through esbuild, in headless Chrome/Chromium (CHROME_PATH, see scripts/chrome.mjs).
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { chromeLauncher } from '@web/test-runner-chrome';
import { readFileSync } from 'node:fs';
import { CHROMIUM_ARGS, findChrome } from './scripts/chrome.mjs';

/** `/__flaky/<id>/clerk.js` fails (503) the first time each id is asked for, then serves the fake clerk script. */
const flakyRequests = new Set();
function flakyClerkScript(context, next) {
  const match = /^\/__flaky\/([\w-]+)\/clerk\.js$/.exec(context.path);
  if (!match) return next();
  if (!flakyRequests.has(match[1])) {
    flakyRequests.add(match[1]);
    context.status = 503;
    context.body = 'unavailable';
    return undefined;
  }
  context.type = 'text/javascript';
  context.body = readFileSync(new URL('./test/fixtures/clerk-script.js', import.meta.url));
  return undefined;
}

/** `/__slow/<ms>/<id>/clerk.js` answers with the fake clerk script after <ms> milliseconds (a script that hangs). */
async function slowClerkScript(context, next) {
  const match = /^\/__slow\/(\d+)\/[\w-]+\/clerk\.js$/.exec(context.path);
  if (!match) return next();
  await new Promise((resolve) => setTimeout(resolve, Number(match[1])));
  context.type = 'text/javascript';
  context.body = readFileSync(new URL('./test/fixtures/clerk-script.js', import.meta.url));
  return undefined;
}

export default {
  // test/node runs under node --test, test/locales under vitest (it renders the stories).
  files: ['test/**/*.test.ts', '!test/e2e/**', '!test/node/**', '!test/locales/**'],
  nodeResolve: true,
  middleware: [flakyClerkScript, slowClerkScript],
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
