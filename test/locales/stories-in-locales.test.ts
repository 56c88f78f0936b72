/// <reference types="vite/client" />
// Every story, rendered (and played) with the toolbar locale set to fr-FR, de-DE, ja-JP and ar-SA: Clerk's
// locale from @clerk/localizations plus our own strings for it. Fails on any English left on screen: a piece
// of one of our English defaults, of the English messages of our own configuration errors, or of the English
// messages the stories' fake Clerk sends for codes we translate.
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { composeStories } from 'storybook/preview-api';
import { configure } from 'storybook/test';
import { setProjectAnnotations } from '@storybook/web-components-vite';
// @ts-expect-error -- no .d.ts for this entry point; it exports { render, renderToCanvas, parameters }
import * as wcAnnotations from '@storybook/web-components/entry-preview';
import * as previewAnnotations from '../../.storybook/preview.js';
import type { LocalizationTree } from '../../src/localization.js';
import { defaultLocalization } from '../../src/default-localization.js';

const LOCALES = ['fr-FR', 'de-DE', 'ja-JP', 'ar-SA'] as const;
const modules = import.meta.glob('../../stories/*.stories.ts', { eager: true }) as Record<string, Parameters<typeof composeStories>[0]>;

// The plays assert English text; in another locale they stop early, so they may fail fast.
configure({ asyncUtilTimeout: 400 });

const leaves = (tree: LocalizationTree): string[] =>
  Object.values(tree).flatMap((value) => (typeof value === 'string' ? [value] : value ? leaves(value) : []));
/** The literal pieces of every English default (placeholders cut out), long enough to mean something. */
const ENGLISH = [
  ...new Set(
    leaves(defaultLocalization)
      .flatMap((template) => template.split(/\{\{.*?\}\}/))
      .map((piece) => piece.trim().replace(/^[\s:.,;]+|[\s:.,;]+$/g, ''))
      .filter((piece) => /[A-Za-z]{3,}/.test(piece)),
  ),
  // Our configuration errors are English in English only (the detail is in the message): translated elsewhere.
  'is not a valid URL',
  'must use http or https',
  'which this page does not allow',
  'publishable key is not valid',
  'Clerk is not on this page',
  'is not "provider: scope',
  'is not available for this application',
  // Clerk's English messages for codes Clerk has no unstable__errors key for, as the stories' fake server sends them.
  'Something went wrong on our side',
  'Too many requests',
  'Your account is locked',
  'The connection to Microsoft has expired',
  'This sign-in strategy is not enabled',
  'The connection was lost',
  'This account already exists',
  'The External Account was not found',
  'You did not grant access',
  'Incorrect code',
  'is taken. Please try another',
  'Enter a valid phone number',
  'Password is incorrect',
];

/** What a visitor sees or hears inside the elements: text of every shadow root (slot fallbacks only when shown) and labels. */
function visibleText(root: ParentNode, out: string[] = []): string[] {
  for (const node of root.querySelectorAll('*')) {
    if (node.shadowRoot) visibleText(node.shadowRoot, out);
    if (!(root instanceof ShadowRoot)) continue;
    for (const attribute of ['aria-label', 'title', 'placeholder', 'alt']) {
      const value = node.getAttribute(attribute);
      if (value) out.push(value);
    }
    if (node.localName === 'style' || !node.checkVisibility()) continue;
    const slot = node.closest('slot');
    if (slot && slot.assignedNodes().length > 0) continue;
    for (const child of node.childNodes) if (child.nodeType === Node.TEXT_NODE && child.textContent!.trim()) out.push(child.textContent!.trim());
  }
  return out;
}

/** An English piece matches a whole word run (so "Remove" does not match inside another word). */
const englishIn = (texts: string[]) =>
  ENGLISH.filter((piece) => texts.some((text) => new RegExp(`(^|[^\\p{L}])${piece.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}($|[^\\p{L}])`, 'u').test(text)));

let canvas: HTMLElement | undefined;
afterEach(() => canvas?.remove());
// Some stories show only slotted page content (the provider, a signed-out slot): no text of ours. Most must.
const seen = { stories: 0, withText: 0 };
afterAll(() => expect(seen.withText, 'stories with text of ours').toBeGreaterThan(seen.stories * 0.8));

for (const locale of LOCALES) {
  const project = setProjectAnnotations([wcAnnotations, previewAnnotations, { initialGlobals: { locale, scheme: 'light', dir: 'ltr' } }]);
  for (const [file, module] of Object.entries(modules)) {
    const stories = composeStories(module, project) as Record<string, { storyName: string; run: (context?: { canvasElement?: HTMLElement }) => Promise<void> }>;
    describe(`${locale} ${file.replace(/^.*\//, '')}`, () => {
      for (const story of Object.values(stories)) {
        it(`${story.storyName}: no English on screen`, async () => {
          canvas = document.createElement('div');
          document.body.append(canvas);
          await story.run({ canvasElement: canvas }).catch(() => {
            // A play that checks English text stops there; what it reached is still checked.
          });
          await new Promise((resolve) => setTimeout(resolve, 50));
          const texts = visibleText(canvas);
          seen.stories += 1;
          if (texts.length) seen.withText += 1;
          expect(englishIn(texts), `English left in ${locale}: ${JSON.stringify(texts)}`).toEqual([]);
        });
      }
    });
  }
}
