import { css, html, nothing } from 'lit';
import { CLERK_ICON_BASE_URL, providerInitial, type SocialProvider } from './providers.js';

/** Black logos (GitHub, Apple, X…): on a dark background they sit on a light tile. */
export const MONOCHROME_ICONS: ReadonlySet<string> = new Set(['apple', 'github', 'x', 'vercel', 'notion', 'okx_wallet']);

/**
 * The icon URL: self-hosted icons (`icon-base-url`) for built-in providers, else the instance's logo, else
 * Clerk's icon. Custom providers without a logo get `undefined`: their initial letter is shown.
 */
export function iconUrlOf(provider: SocialProvider, iconBaseUrl?: string | null): string | undefined {
  const custom = provider.id.startsWith('custom_');
  if (iconBaseUrl && !custom) return `${iconBaseUrl.replace(/\/+$/, '')}/${provider.id}.svg`;
  if (provider.logoUrl) return provider.logoUrl;
  return custom ? undefined : `${CLERK_ICON_BASE_URL}/${provider.id}.svg`;
}

/**
 * A provider's icon (`part="icon icon-<id>"`), or its initial letter when there is no icon or it failed to load.
 * The element keeps the set of broken URLs (so a failed icon is not asked for again) and passes `onError`.
 */
export function renderProviderIcon(provider: SocialProvider, options: { iconBaseUrl?: string; broken: ReadonlySet<string>; onError: (url: string) => void }) {
  const url = iconUrlOf(provider, options.iconBaseUrl);
  if (url && !options.broken.has(url)) {
    return html`<img
      part="icon icon-${provider.id}"
      class=${MONOCHROME_ICONS.has(provider.id) ? 'mono' : nothing}
      src=${url}
      alt=""
      referrerpolicy="no-referrer"
      decoding="async"
      @error=${() => options.onError(url)}
    />`;
  }
  return html`<span part="icon icon-${provider.id} initial" aria-hidden="true">${providerInitial(provider)}</span>`;
}

/** Icon sizing (`--_icon`), the light tile for black logos in the dark scheme, and the initial letter. */
export const providerIconStyles = css`
  [part~='icon'] {
    flex: 0 0 var(--_icon, 1.125rem);
    width: var(--_icon, 1.125rem);
    height: var(--_icon, 1.125rem);
  }
  img[part~='icon'] {
    object-fit: contain;
  }
  img.mono {
    padding: 1px;
    border-radius: 3px;
    background: light-dark(transparent, #f4f4f5);
  }
  [part~='initial'] {
    display: inline-grid;
    place-items: center;
    border-radius: 50%;
    font-size: calc(var(--_icon, 1.125rem) * 0.6);
    font-weight: 700;
    line-height: 1;
    color: var(--_initial-color, light-dark(#fff, #1f2023));
    background: var(--_initial-background, light-dark(#212126, #f4f4f5));
  }
  /* Browsers without light-dark(): the light palette (the buttons and rows fall back to it too). */
  @supports not (color: light-dark(#000, #fff)) {
    img.mono {
      background: transparent;
    }
    [part~='initial'] {
      color: var(--_initial-color, #fff);
      background: var(--_initial-background, #212126);
    }
  }
`;
