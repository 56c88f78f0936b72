/**
 * Server rendering (Node, at build time or per request): `<oauth-buttons>` as HTML with a declarative shadow
 * root, so the buttons are on screen before any JavaScript. In the browser the element takes that DOM over
 * (Lit hydration, loaded first by the loader) without rendering it again: the labels are the same words
 * before and after Clerk loads, because they come from `strategies`, not from the instance.
 *
 * Needs `@lit-labs/ssr` (an optional peer dependency: only this entry uses it).
 */
import { render } from '@lit-labs/ssr';
import { collectResultSync } from '@lit-labs/ssr/lib/render-result.js';
import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import '../elements/oauth-buttons/define.js';
import { minifyCss } from './minify-css.js';

export { clerkJsUrlFor, clerkPreloadHint, type PreloadOptions } from './script-url.js';

/** The attributes `renderOAuthButtons` writes on the element (the same names as on the tag). */
export interface OAuthButtonsMarkup {
  /** Required: without it the first frame would be a loading line, not buttons. */
  strategies: string;
  mode?: 'sign-in' | 'sign-up';
  redirectUrl?: string;
  redirectUrlComplete?: string;
  variant?: 'auto' | 'block' | 'icon';
  columns?: number;
  iconBaseUrl?: string;
  /** `id`, `class` and the like for the host element. */
  id?: string;
  className?: string;
}

/**
 * `<oauth-buttons …>` with its declarative shadow root (styles included), as a string to put inside the
 * page's `<clerk-provider>`. The markup carries Lit's hydration markers: keep it byte for byte.
 * `show-last-used` is not offered: the last used provider is only known once Clerk has loaded.
 */
export function renderOAuthButtons(options: OAuthButtonsMarkup): string {
  if (!options.strategies?.trim()) throw new Error('renderOAuthButtons: `strategies` is required (the providers to show before Clerk loads).');
  const columns = options.columns === undefined ? undefined : String(options.columns);
  // One line: whitespace inside the tag would be copied into the page as is.
  const template = html`<oauth-buttons id=${ifDefined(options.id)} class=${ifDefined(options.className)} status="loading" strategies=${options.strategies} mode=${ifDefined(options.mode)} redirect-url=${ifDefined(options.redirectUrl)} redirect-url-complete=${ifDefined(options.redirectUrlComplete)} variant=${ifDefined(options.variant)} columns=${ifDefined(columns)} icon-base-url=${ifDefined(options.iconBaseUrl)}></oauth-buttons>`;
  // The declarative shadow root's styles, minified: they are in every page's HTML, before its first frame.
  return collectResultSync(render(template)).replace(/<style>([\s\S]*?)<\/style>/g, (_m, css: string) => `<style>${minifyCss(css)}</style>`);
}
