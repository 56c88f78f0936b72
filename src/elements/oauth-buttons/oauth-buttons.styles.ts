import { css } from 'lit';

// Defaults follow the page's `color-scheme` through light-dark(): a dark page gets dark buttons. The shared tokens
// (radius, focus ring, error colour, spinner, error block) come from hostStyles, always first in `static styles`.
export const styles = css`
  :host {
    display: block;
    container-type: inline-size;
    --_gap: var(--oauth-buttons-gap, 0.5rem);
    --_bg: var(--oauth-buttons-background, light-dark(#fff, #1f2023));
    --_hover-bg: var(--oauth-buttons-hover-background, light-dark(#f4f4f5, #2a2b2f));
    --_color: var(--oauth-buttons-color, light-dark(#212126, #f4f4f5));
    --_initial-color: var(--_bg);
    --_initial-background: var(--_color);
    --_border: var(--oauth-buttons-border, 1px solid light-dark(#d9d9de, #3f4046));
    --_height: var(--oauth-buttons-height, 2.5rem);
    --_icon: var(--oauth-buttons-icon-size, 1.125rem);
    --_badge-bg: var(--oauth-buttons-badge-background, light-dark(#eef2ff, #2c2f4a));
    --_badge-color: var(--oauth-buttons-badge-color, light-dark(#3730a3, #c7d2fe));
  }
  [part~='list'] {
    display: flex;
    flex-wrap: wrap;
    justify-content: center;
    gap: var(--_gap);
    margin: 0;
    padding: 0;
    list-style: none;
  }
  /* The common row widths without script, so server-rendered markup has its final layout before hydration
     (the element sets --_columns through the CSSOM for any value). */
  [part~='list'][data-columns='2'] { --_columns: 2; }
  [part~='list'][data-columns='3'] { --_columns: 3; }
  [part~='list'][data-columns='4'] { --_columns: 4; }
  [part~='list'][data-columns='5'] { --_columns: 5; }
  li {
    /* --_columns (set per layout) buttons per row, every row as wide as the first. */
    flex: 0 0 calc((100% - (var(--_columns, 1) - 1) * var(--_gap)) / var(--_columns, 1));
    min-width: 0;
  }
  li.last-used {
    flex-basis: 100%;
    /* Room for the badge that sits on the button's top edge, so it never covers what is above the element. */
    margin-block-start: 0.75rem;
  }
  [part~='button'] {
    position: relative;
    display: flex;
    align-items: center;
    justify-content: center;
    gap: 0.75rem;
    width: 100%;
    min-height: var(--_height);
    padding: 0.375rem 0.75rem;
    font: inherit;
    font-weight: 500;
    color: var(--_color);
    background: var(--_bg);
    border: var(--_border);
    border-radius: var(--_radius);
    cursor: pointer;
  }
  [part~='button']:hover:not([aria-disabled='true']) {
    background: var(--_hover-bg);
  }
  [part~='button'][aria-disabled='true'] {
    cursor: default;
    opacity: 0.7;
  }
  [part~='button'][aria-busy='true'] {
    opacity: 1;
  }
  /* Long labels (German, a narrow column) wrap instead of being cut off. */
  .text {
    min-width: 0;
    overflow-wrap: anywhere;
    text-align: center;
  }
  ::slotted([slot^='icon-']) {
    flex: 0 0 var(--_icon);
    width: var(--_icon);
    height: var(--_icon);
  }
  [part~='badge'] {
    position: absolute;
    inset-block-start: -0.6rem;
    inset-inline-end: 0.5rem;
    padding: 0.0625rem 0.375rem;
    font-size: 0.75rem;
    font-weight: 500;
    color: var(--_badge-color);
    background: var(--_badge-bg);
    border-radius: 999px;
  }
  [part~='error']:not(:empty) {
    margin-block: 0.75rem 0;
  }
  [part~='loading'],
  [part~='empty'] {
    margin: 0;
    padding: 0.5rem 0;
  }
  /* Narrow containers: block buttons stack, so their labels are not cut. */
  @container (max-width: 22rem) {
    .block li {
      flex-basis: 100%;
    }
  }
  /* Browsers without light-dark(): the light palette (every button brings its own background, so it reads on any page). */
  @supports not (color: light-dark(#000, #fff)) {
    :host {
      --_bg: var(--oauth-buttons-background, #fff);
      --_hover-bg: var(--oauth-buttons-hover-background, #f4f4f5);
      --_color: var(--oauth-buttons-color, #212126);
      --_border: var(--oauth-buttons-border, 1px solid #d9d9de);
      --_badge-bg: var(--oauth-buttons-badge-background, #eef2ff);
      --_badge-color: var(--oauth-buttons-badge-color, #3730a3);
    }
  }
`;
