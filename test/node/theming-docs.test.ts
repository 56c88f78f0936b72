// README's theming reference lists every custom property and part of every element, as the manifest has them.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { it } from 'node:test';
import { themingReference } from '../../scripts/theming-reference.mjs';

it("README's theming reference is the manifest's list of custom properties and parts", () => {
  const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
  const block = /<!-- theming-reference -->\n([\s\S]*?)<!-- \/theming-reference -->/.exec(readme);
  assert.ok(block, 'README has a theming reference between <!-- theming-reference --> markers');
  assert.equal(block[1], themingReference(), 'regenerate it with `node scripts/theming-reference.mjs`');
});
