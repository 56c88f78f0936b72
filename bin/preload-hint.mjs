#!/usr/bin/env node
// npx clerk-oauth-elements-preload-hint <publishable-key> [--proxy-url /__clerk] [--domain d] [--clerk-js-url u]
//   [--clerk-js-version v] [--tags clerk-provider,oauth-buttons] [--base /assets/clerk-oauth-elements/] [--hydrate] [--no-clerk-js]
// Prints what a page puts in its <head>, before any script: the preload of clerk-js (the same URL <clerk-provider>
// asks for, so clerk-js downloads with the HTML) and, with --tags, module preloads of the loader and those tags'
// chunks (served under --base, where dist/browser is), so no chunk waits for the one importing it. --no-clerk-js
// leaves clerk-js to the loader: best when the first frame needs only our code (`strategies` given).
import { parseArgs } from 'node:util';
import { clerkPreloadHint, modulePreloadHints } from './hints.mjs';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    'proxy-url': { type: 'string' },
    domain: { type: 'string' },
    'clerk-js-url': { type: 'string' },
    'clerk-js-version': { type: 'string' },
    tags: { type: 'string' },
    base: { type: 'string' },
    hydrate: { type: 'boolean' },
    'no-clerk-js': { type: 'boolean' },
    help: { type: 'boolean', short: 'h' },
  },
});
const publishableKey = positionals[0] ?? process.env.CLERK_PUBLISHABLE_KEY;
if (values.help || !publishableKey) {
  console.error(
    'usage: clerk-oauth-elements-preload-hint <pk_test_… | pk_live_…> [--proxy-url URL] [--domain D] [--clerk-js-url URL] [--clerk-js-version V] [--tags a,b] [--base URL] [--hydrate] [--no-clerk-js]',
  );
  process.exit(values.help ? 0 : 1);
}
try {
  const lines = values['no-clerk-js'] ? [] : [
    clerkPreloadHint({
      publishableKey,
      proxyUrl: values['proxy-url'],
      domain: values.domain,
      clerkJsUrl: values['clerk-js-url'],
      clerkJsVersion: values['clerk-js-version'],
    }),
  ];
  if (values.tags) lines.push(modulePreloadHints({ tags: values.tags.split(',').map((t) => t.trim()).filter(Boolean), base: values.base, hydrate: values.hydrate }));
  console.log(lines.join('\n'));
} catch (error) {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
}
