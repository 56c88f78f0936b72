import { css } from 'lit';

// The provider never changes layout: its error block (shared styles) shows only when no element inside reports the error.
export const styles = css`
  :host {
    display: contents;
  }
`;
