import { css } from 'lit';

/** Every element: honours `hidden`, inherits the page's font. */
export const hostStyles = css`
  :host {
    box-sizing: border-box;
    font-family: var(--clerk-elements-font-family, inherit);
    color: var(--clerk-elements-color, inherit);
  }
  :host([hidden]) {
    display: none !important;
  }
  *,
  *::before,
  *::after {
    box-sizing: inherit;
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
`;
