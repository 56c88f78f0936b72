// Our locale modules: each has every one of the package's own keys, with the same {{placeholders}},
// and together with Clerk's locale of the same name it leaves no key of ours in English.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as clerk from '@clerk/localizations';
import type { LocalizationTree } from '../../src/localization.js';
import { defaultLocalization } from '../../src/default-localization.js';
import { SHIPPED_LOCALES } from '../../src/locales/shipped.js';

const leaves = (tree: LocalizationTree, prefix = ''): [string, string][] =>
  Object.entries(tree).flatMap(([key, value]) =>
    typeof value === 'string' ? [[prefix + key, value] as [string, string]] : value ? leaves(value, `${prefix}${key}.`) : [],
  );
const get = (tree: unknown, key: string) => key.split('.').reduce<unknown>((node, part) => (node as Record<string, unknown> | undefined)?.[part], tree);
/** Clerk's type has the key (its en-US lists some keys with no English text, e.g. `unstable__errors.*__phone_number`). */
const clerkHas = (key: string) => {
  const parts = key.split('.');
  const parent = get(clerk.enUS, parts.slice(0, -1).join('.')) as object | undefined;
  return parent !== undefined && parts.at(-1)! in parent;
};
const placeholders = (text: string) => [...text.matchAll(/\{\{\s*([\w.]+)/g)].map((m) => m[1]).sort();
// Our English defaults with an interpolated name only: nothing to translate.
const NEUTRAL = new Set(['socialButtonsBlockButtonManyInView']);

for (const [tag, load] of Object.entries(SHIPPED_LOCALES)) {
  test(`${tag}: every key of ours is translated, placeholders kept, no English left with Clerk's locale`, async () => {
    const ours = (await load()).default as LocalizationTree;
    const clerkLocale = (clerk as Record<string, unknown>)[tag.replace('-', '')];
    assert.ok(clerkLocale, `@clerk/localizations has ${tag}`);
    for (const [key, english] of leaves(defaultLocalization)) {
      if (NEUTRAL.has(key)) continue;
      const text = (get(ours, key) ?? get(clerkLocale, key)) as string | undefined;
      assert.ok(text, `${tag} has ${key}`);
      assert.notEqual(text, english, `${tag} translates ${key}`);
      if (get(ours, key) !== undefined) assert.deepEqual(placeholders(text), placeholders(english), `${tag} keeps the placeholders of ${key}`);
    }
    for (const [key] of leaves(ours)) {
      const known = get(defaultLocalization, key) !== undefined || key.startsWith('oauthElements.errors.') || clerkHas(key);
      assert.ok(known, `${tag}: ${key} is one of our keys or one of Clerk's`);
    }
  });
}

test('every shipped locale is a build entry (clerk-oauth-elements/locales/<tag>)', async () => {
  const { readFile } = await import('node:fs/promises');
  const config = await readFile(new URL('../../vite.config.ts', import.meta.url), 'utf8');
  const listed = /const LOCALES = \[([^\]]*)\]/.exec(config)?.[1]?.match(/[\w-]+/g) ?? [];
  assert.deepEqual(listed.sort(), Object.keys(SHIPPED_LOCALES).sort());
});
