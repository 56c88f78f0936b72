import { css } from 'lit';

/**
 * Every element: the shared design tokens (each public `--clerk-elements-*` property behind a private
 * `--_` alias), `hidden`, the page's font, the error block and the spinner. Colours follow the page's
 * `color-scheme` through `light-dark()`.
 */
export const hostStyles = css`
  :host {
    box-sizing: border-box;
    --_font: var(--clerk-elements-font-family, inherit);
    --_text: var(--clerk-elements-color, inherit);
    --_radius: var(--clerk-elements-radius, 6px);
    --_error-color: var(--clerk-elements-error-color, light-dark(#b3261e, #ffb4ab));
    --_focus: var(--clerk-elements-focus-color, light-dark(#2f6fde, #8ab4f8));
    --_muted-color: var(--clerk-elements-muted-color, light-dark(#4b5563, #b4b4bb));
    --_spinner-size: var(--clerk-elements-spinner-size, 1.125em);
    --_spinner-color: var(--clerk-elements-spinner-color, currentColor);
    font-family: var(--_font);
    color: var(--_text);
  }
  :host([hidden]) {
    display: none !important;
  }
  *,
  *::before,
  *::after {
    box-sizing: inherit;
  }
  [hidden] {
    display: none !important;
  }
  .visually-hidden {
    position: absolute;
    width: 1px;
    height: 1px;
    margin: -1px;
    padding: 0;
    overflow: hidden;
    clip: rect(0 0 0 0);
    white-space: nowrap;
    border: 0;
  }
  :focus-visible {
    outline: 2px solid var(--_focus);
    outline-offset: 2px;
  }
  [part~='error'] {
    color: var(--_error-color);
  }
  [part~='error']:focus {
    outline: none;
  }
  [part~='error']:not(:empty) {
    display: flex;
    flex-direction: column;
    align-items: flex-start;
    gap: 0.375em;
    margin-block: 0.5em;
  }
  [part~='error-title'],
  [part~='error-message'] {
    margin: 0;
  }
  [part~='error-title'] {
    font-weight: 600;
  }
  [part~='actions'] {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.75em;
  }
  [part~='retry'] {
    font: inherit;
    color: inherit;
    padding: 0.25em 0.75em;
    border: 1px solid currentColor;
    border-radius: var(--_radius);
    background: transparent;
    cursor: pointer;
  }
  [part~='back-link'] {
    color: inherit;
  }
  [part~='spinner'] {
    display: inline-block;
    flex: none;
    inline-size: var(--_spinner-size);
    block-size: var(--_spinner-size);
    border: 0.15em solid color-mix(in srgb, var(--_spinner-color) 25%, transparent);
    border-block-start-color: var(--_spinner-color);
    border-radius: 50%;
    animation: clerk-elements-spin 0.8s linear infinite;
  }
  @media (prefers-reduced-motion: reduce) {
    [part~='spinner'] {
      animation-duration: 2.4s;
    }
  }
  @keyframes clerk-elements-spin {
    to {
      transform: rotate(1turn);
    }
  }
  /*
   * Browsers without light-dark() (Safari < 17.5, Chrome < 123): text that sits on the page takes the page's own
   * text colour, so it stays readable on a light or a dark page. Without color-mix(): a plain translucent track.
   */
  @supports not (color: light-dark(#000, #fff)) {
    :host {
      --_error-color: var(--clerk-elements-error-color, currentColor);
      --_focus: var(--clerk-elements-focus-color, currentColor);
      --_muted-color: var(--clerk-elements-muted-color, currentColor);
    }
  }
  @supports not (color: color-mix(in srgb, #000 50%, #fff)) {
    [part~='spinner'] {
      border: 0.15em solid rgb(128 128 128 / 0.35);
      border-block-start-color: var(--_spinner-color);
    }
  }
`;
