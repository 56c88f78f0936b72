// A server render (Next, Nuxt, SvelteKit, Astro) imports the package in Node: no entry point may throw there.
// Needs the build. Plain Node, no loader: what a server does.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { test } from 'node:test';

const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8'));
const entries = Object.keys(pkg.exports).filter((key) => !key.endsWith('.json'));

for (const entry of entries) {
  const specifier = entry === '.' ? pkg.name : `${pkg.name}/${entry.slice(2)}`;
  test(`import '${specifier}' in Node`, async () => {
    // Resolves (the `node` condition where there is one) and evaluates without a DOM.
    await import(specifier);
  });
}

test('every built module in dist/ imports in Node', async () => {
  const dist = new URL('../../dist/', import.meta.url);
  const files = readdirSync(dist).filter((file) => file.endsWith('.js'));
  assert.ok(files.includes('index.js'), 'dist/ holds the build');
  for (const file of files) await import(new URL(file, dist).href);
});

test('the define entry lists every tag', async () => {
  const { TAGS } = await import(`${pkg.name}/define`);
  assert.deepEqual(Object.keys(TAGS).sort(), ['clerk-provider', 'connected-accounts', 'continue-signup', 'oauth-buttons', 'sso-callback']);
});

test('defineElement does nothing without a registry (Node without lit\'s DOM shim)', async () => {
  const { defineElement, OAuthButtonsElement } = await import(pkg.name);
  const registry = Object.getOwnPropertyDescriptor(globalThis, 'customElements');
  delete globalThis.customElements;
  try {
    assert.equal(typeof customElements, 'undefined');
    assert.doesNotThrow(() => defineElement('oauth-buttons', OAuthButtonsElement));
  } finally {
    if (registry) Object.defineProperty(globalThis, 'customElements', registry);
  }
});
