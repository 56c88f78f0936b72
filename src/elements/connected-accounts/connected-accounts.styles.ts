import { css } from 'lit';

export const styles = css`
  :host {
    display: block;
    overflow-wrap: anywhere;
    --_gap: var(--connected-accounts-gap, 0.75rem);
    --_border: var(--connected-accounts-border, 1px solid light-dark(#d9d9de, #3f4046));
    --_icon: var(--connected-accounts-icon-size, 1.25rem);
    --_badge-bg: var(--connected-accounts-badge-background, light-dark(#fef3c7, #4a3b10));
    --_badge-color: var(--connected-accounts-badge-color, light-dark(#92400e, #fde68a));
  }
  [part~='heading'] {
    margin: 0 0 0.5em;
    font-size: 1.125em;
  }
  [part~='status'] {
    margin: 0;
  }
  [part~='status']:not(:empty) {
    margin-block: 0.5em;
  }
  [part~='status']:focus {
    outline: none;
  }
  [part~='list'],
  [part~='connect-menu'] {
    display: flex;
    flex-direction: column;
    gap: var(--_gap);
    margin: 0 0 var(--_gap);
    padding: 0;
    list-style: none;
  }
  [part~='account'] {
    display: flex;
    flex-direction: column;
    gap: 0.5em;
    padding: 0.75em;
    border: var(--_border);
    border-radius: var(--_radius);
  }
  .summary {
    display: flex;
    align-items: center;
    gap: 0.75em;
    min-width: 0;
  }
  .names {
    display: flex;
    flex-direction: column;
    min-width: 0;
    flex: 1;
  }
  [part~='account-name'] {
    font-weight: 600;
  }
  [part~='account-identifier'],
  [part~='hint'] {
    color: var(--_muted-color);
    font-size: 0.875em;
  }
  [part~='hint'] {
    margin: 0 0 0.5em;
  }
  [part~='badge'],
  [part~='connect-only'] {
    padding: 0.0625rem 0.5rem;
    font-size: 0.75rem;
    border-radius: 999px;
    color: var(--_badge-color);
    background: var(--_badge-bg);
    white-space: nowrap;
  }
  [part~='connect-only'] {
    color: inherit;
    background: transparent;
    border: var(--_border);
  }
  [part~='account-message'],
  [part~='field-error'] {
    margin: 0;
    font-size: 0.875em;
  }
  [part~='field-error'] {
    color: var(--_error-color);
  }
  .row-actions {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5em;
  }
  button {
    font: inherit;
    color: inherit;
    padding: 0.375em 0.875em;
    border: var(--_border);
    border-radius: var(--_radius);
    background: transparent;
    cursor: pointer;
  }
  button[aria-disabled='true'] {
    cursor: default;
    opacity: 0.7;
  }
  [part~='connect-option'] {
    display: flex;
    align-items: center;
    gap: 0.75em;
    width: 100%;
    text-align: start;
  }
  [part~='confirm'] p {
    margin: 0 0 0.5em;
  }
  [part~='confirm-remove'] {
    color: var(--_error-color);
    border-color: currentColor;
  }
  [part~='reverify'] {
    display: flex;
    flex-direction: column;
    gap: 0.5em;
    margin-block-end: var(--_gap);
    padding: 0.75em;
    border: var(--_border);
    border-radius: var(--_radius);
  }
  [part~='reverify'] h3 {
    margin: 0;
    font-size: 1em;
  }
  [part~='input'] {
    font: inherit;
    color: inherit;
    padding: 0.5em 0.75em;
    border: var(--_border);
    border-radius: var(--_radius);
    background: transparent;
  }
  /* Browsers without light-dark(): a mid grey border that shows on either page, the badge in its light pair. */
  @supports not (color: light-dark(#000, #fff)) {
    :host {
      --_border: var(--connected-accounts-border, 1px solid #8a8f98);
      --_badge-bg: var(--connected-accounts-badge-background, #fef3c7);
      --_badge-color: var(--connected-accounts-badge-color, #92400e);
    }
  }
`;
