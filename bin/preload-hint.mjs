#!/usr/bin/env node
// npx clerk-oauth-elements-preload-hint <publishable-key> [--proxy-url /__clerk] [--domain d] [--clerk-js-url u] [--clerk-js-version v]
// Prints the <link rel="preload"> for clerk-js that a page puts in its <head>, before any script, so clerk-js
// downloads with the HTML instead of after our code (the same URL <clerk-provider> will ask for).
import { parseArgs } from 'node:util';
import { clerkPreloadHint } from '../dist/script-url.js';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    'proxy-url': { type: 'string' },
    domain: { type: 'string' },
    'clerk-js-url': { type: 'string' },
    'clerk-js-version': { type: 'string' },
    help: { type: 'boolean', short: 'h' },
  },
});
const publishableKey = positionals[0] ?? process.env.CLERK_PUBLISHABLE_KEY;
if (values.help || !publishableKey) {
  console.error('usage: clerk-oauth-elements-preload-hint <pk_test_… | pk_live_…> [--proxy-url URL] [--domain D] [--clerk-js-url URL] [--clerk-js-version V]');
  process.exit(values.help ? 0 : 1);
}
try {
  console.log(
    clerkPreloadHint({
      publishableKey,
      proxyUrl: values['proxy-url'],
      domain: values.domain,
      clerkJsUrl: values['clerk-js-url'],
      clerkJsVersion: values['clerk-js-version'],
    }),
  );
} catch (error) {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
}
