import { css } from 'lit';

/** What only `<sso-callback>` has; the tokens, spinner and error block come from the shared `hostStyles`. */
export const styles = css`
  :host {
    display: block;
    --_link-color: var(--sso-callback-link-color, inherit);
    --_gap: var(--sso-callback-gap, 0.75em);
  }
  [part='status'] {
    display: flex;
    align-items: center;
    gap: var(--_gap);
  }
  [part~='error']:not(:empty) {
    gap: calc(var(--_gap) / 2);
  }
  [part~='back-link'] {
    color: var(--_link-color);
  }
`;
