import { css } from 'lit';

export const styles = css`
  :host {
    display: block;
    --_error-color: var(--clerk-elements-error-color, #b3261e);
    --_link-color: var(--sso-callback-link-color, inherit);
    --_gap: var(--sso-callback-gap, 0.75em);
    --_spinner-size: var(--sso-callback-spinner-size, 1.25em);
    --_spinner-color: var(--sso-callback-spinner-color, currentColor);
  }
  [part='status'] {
    display: flex;
    align-items: center;
    gap: var(--_gap);
  }
  [part='spinner'] {
    flex: none;
    inline-size: var(--_spinner-size);
    block-size: var(--_spinner-size);
    border: 0.15em solid color-mix(in srgb, var(--_spinner-color) 25%, transparent);
    border-block-start-color: var(--_spinner-color);
    border-radius: 50%;
    animation: spin 0.8s linear infinite;
  }
  @media (prefers-reduced-motion: reduce) {
    [part='spinner'] {
      animation-duration: 2.4s;
    }
  }
  @keyframes spin {
    to {
      transform: rotate(1turn);
    }
  }
  [part='error'] {
    display: flex;
    flex-direction: column;
    align-items: flex-start;
    gap: calc(var(--_gap) / 2);
    color: var(--_error-color);
  }
  [part='error']:focus {
    outline: none;
  }
  [part='error-title'],
  [part='error-message'] {
    margin: 0;
  }
  [part='error-title'] {
    font-weight: 600;
  }
  [part='back-link'] {
    color: var(--_link-color);
  }
  [part='retry'] {
    font: inherit;
    cursor: pointer;
  }
  [hidden] {
    display: none !important;
  }
`;
