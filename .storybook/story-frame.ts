import { mergeLocalization, type LocalizationTree } from '../src/localization.js';

type Provider = HTMLElement & { localization?: LocalizationTree };

/**
 * Around every story: the toolbar's colour scheme (with a page background, so axe checks contrast against
 * what a designer sees), direction and language, and the toolbar locale on every `<clerk-provider>` inside
 * (merged under a story's own labels). Set before the providers connect: the story's elements are already
 * children when this frame connects, so the first render is in the locale.
 */
class StoryFrame extends HTMLElement {
  #localization?: LocalizationTree;
  readonly #own = new WeakMap<Provider, LocalizationTree | undefined>();
  readonly #observer = new MutationObserver(() => this.#apply());
  #applyArgs?: (root: HTMLElement) => void;

  /** Applies the story's args to its element; set again on every args change, so the change shows live. */
  get applyArgs(): ((root: HTMLElement) => void) | undefined {
    return this.#applyArgs;
  }
  set applyArgs(value: ((root: HTMLElement) => void) | undefined) {
    this.#applyArgs = value;
    if (this.isConnected) this.#apply();
  }

  get localization(): LocalizationTree | undefined {
    return this.#localization;
  }
  set localization(value: LocalizationTree | undefined) {
    this.#localization = value;
    if (this.isConnected) this.#apply();
  }

  connectedCallback(): void {
    this.#apply();
    this.#observer.observe(this, { childList: true, subtree: true });
  }
  disconnectedCallback(): void {
    this.#observer.disconnect();
  }

  #apply(): void {
    for (const provider of this.querySelectorAll<Provider>('clerk-provider')) {
      if (!this.#own.has(provider)) this.#own.set(provider, provider.localization);
      const own = this.#own.get(provider);
      const next = this.#localization ? mergeLocalization(this.#localization, own) : own;
      if (provider.localization !== next && JSON.stringify(provider.localization) !== JSON.stringify(next)) provider.localization = next;
    }
    this.#applyArgs?.(this);
  }
}

/**
 * Registers the frame and its page styles. A function the preview calls, not a side-effect import: the package's
 * `sideEffects` list would let the production build drop a bare `import './story-frame.js'`.
 */
export function defineStoryFrame(): void {
  if (customElements.get('story-frame')) return;
  const styles = new CSSStyleSheet();
  styles.replaceSync(`
  story-frame { display: block; padding: 1rem; color-scheme: light; background: #ffffff; color: #1f2328; }
  story-frame[scheme='dark'] { color-scheme: dark; background: #131316; color: #f4f4f5; }
`);
  document.adoptedStyleSheets = [...document.adoptedStyleSheets, styles];
  customElements.define('story-frame', StoryFrame);
}
