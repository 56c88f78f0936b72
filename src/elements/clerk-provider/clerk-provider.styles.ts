import { css } from 'lit';

export const styles = css`
  :host {
    display: contents;
    --_error-color: var(--clerk-elements-error-color, #b3261e);
    --_radius: var(--clerk-elements-radius, 6px);
  }
  [part='error'] {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5em;
    align-items: center;
    color: var(--_error-color);
    padding: 0.5em 0;
  }
  [part='retry'] {
    font: inherit;
    border-radius: var(--_radius);
    padding: 0.25em 0.75em;
    cursor: pointer;
  }
  [part='error'][hidden] {
    display: none;
  }
`;
