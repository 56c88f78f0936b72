// A server render (Next, Nuxt, SvelteKit, Astro) imports the package in Node: no entry point may throw there.
// Needs the build. Plain Node, no loader: what a server does.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { test } from 'node:test';

const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8'));
const entries = Object.keys(pkg.exports).filter((key) => !key.endsWith('.json'));

/** A subpath pattern (`./locales/*`) stands for every built file it matches: each one is imported. */
function specifiersOf(entry) {
  const subpath = entry === '.' ? '' : entry.slice(1);
  if (!subpath.includes('*')) return [`${pkg.name}${subpath}`];
  const target = pkg.exports[entry];
  const file = typeof target === 'string' ? target : (target.node ?? target.default);
  const [dir, suffix] = file.split('*');
  const names = readdirSync(new URL(`../../${dir}`, import.meta.url)).filter((name) => name.endsWith(suffix));
  assert.ok(names.length > 0, `${entry} matches built files`);
  return names.map((name) => `${pkg.name}${subpath.replace('*', name.slice(0, -suffix.length))}`);
}

for (const entry of entries) {
  test(`import every '${entry}' entry in Node`, async () => {
    // Resolves (the `node` condition where there is one) and evaluates without a DOM.
    const specifiers = specifiersOf(entry);
    assert.ok(specifiers.length > 0);
    for (const specifier of specifiers) await import(specifier);
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
