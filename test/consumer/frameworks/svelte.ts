// Svelte 5 type-checks elements against `SvelteHTMLElements`: attributes, properties and `on<event>` handlers.
import type { SvelteHTMLElements } from 'svelte/elements';
import type {} from 'clerk-oauth-elements/svelte';

type Buttons = SvelteHTMLElements['oauth-buttons'];
export const props: Buttons = {
  mode: 'sign-in',
  lang: 'fr',
  title: 'Social sign-in',
  onclick: () => undefined,
  'onoauth-redirect': (event) => event.detail.strategy,
};
// @ts-expect-error: `mode` takes 'sign-in' or 'sign-up' only
export const wrong: Buttons = { mode: 'log-in' };
