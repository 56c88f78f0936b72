import type { Preview } from '@storybook/web-components-vite';
import { setCustomElementsManifest } from '@storybook/web-components-vite';
import { html } from 'lit';
import customElements from '../custom-elements.json' with { type: 'json' };
import '../src/define.js';
import { applyArgs, controlledArgTypes } from './live-args.js';
import { loadLocale, LOCALES, type LocaleTag } from './locales.js';
import { defineStoryFrame } from './story-frame.js';

setCustomElementsManifest(customElements);
defineStoryFrame();

// The vitest projects set this (vitest.config.ts) to run every story, axe included, in the dark scheme too.
declare const __STORY_SCHEME__: string | undefined;
const initialScheme = typeof __STORY_SCHEME__ === 'string' ? __STORY_SCHEME__ : 'light';

const preview: Preview = {
  tags: ['autodocs'],
  parameters: {
    controls: { expanded: true },
    // Every story fails its test on any axe violation (colour contrast included).
    a11y: { test: 'error' },
  },
  globalTypes: {
    scheme: {
      description: 'Colour scheme of the page around the elements',
      toolbar: { title: 'Scheme', icon: 'mirror', items: [{ value: 'light', title: 'Light' }, { value: 'dark', title: 'Dark' }], dynamicTitle: true },
    },
    dir: {
      description: 'Text direction',
      toolbar: { title: 'Direction', icon: 'transfer', items: [{ value: 'ltr', title: 'Left to right' }, { value: 'rtl', title: 'Right to left' }], dynamicTitle: true },
    },
    locale: {
      description: "Clerk's locale (`@clerk/localizations`) with the package's own strings for it",
      toolbar: { title: 'Locale', icon: 'globe', items: LOCALES.map((value) => ({ value, title: value })), dynamicTitle: true },
    },
  },
  initialGlobals: { scheme: initialScheme, dir: 'ltr', locale: 'en-US' },
  argTypesEnhancers: [controlledArgTypes],
  loaders: [async ({ globals }) => ({ localization: await loadLocale(globals.locale as LocaleTag) })],
  decorators: [
    (story, context) => {
      const { scheme, dir, locale } = context.globals as { scheme: string; dir: string; locale: LocaleTag };
      // The frame applies the scheme, direction, language and localization; the args go on the story's element.
      return html`<story-frame
        scheme=${scheme}
        dir=${dir}
        lang=${locale}
        .localization=${context.loaded.localization}
        .applyArgs=${(root: HTMLElement) => applyArgs(root, context)}
        >${story()}</story-frame
      >`;
    },
  ],
};
export default preview;
