import { css } from 'lit';

export const styles = css`
  :host {
    display: block;
    /* Clerk's messages can hold long URLs: they wrap instead of widening the page. */
    overflow-wrap: anywhere;
    /* The shared tokens (--_radius, --_error-color, --_focus, --_muted-color) come from hostStyles. */
    --_gap: var(--continue-signup-gap, 1rem);
    --_border: var(--continue-signup-border, 1px solid light-dark(#6b7280, #9ca3af));
    --_button-background: var(--continue-signup-button-background, light-dark(#1f2937, #e5e7eb));
    --_button-color: var(--continue-signup-button-color, light-dark(#ffffff, #111827));
  }
  [part~='heading'] {
    margin: 0 0 0.25em;
    font-size: 1.25em;
  }
  [part~='subtitle'],
  [part~='hint'] {
    color: var(--_muted-color);
    margin: 0;
  }
  [part~='hint'] {
    font-size: 0.875em;
  }
  [part~='message'] {
    margin: 0.5em 0;
  }
  [part~='message']:empty {
    margin: 0;
  }
  [part~='field-error'] {
    color: var(--_error-color);
    margin: 0;
    font-size: 0.875em;
  }
  [part~='form'] {
    display: flex;
    flex-direction: column;
    gap: var(--_gap);
    margin: var(--_gap) 0;
  }
  [part~='field'] {
    display: flex;
    flex-direction: column;
    gap: 0.25em;
  }
  [part~='label'] {
    font-weight: 600;
  }
  [part~='legal-label'] {
    font-weight: normal;
  }
  [part~='checkbox-row'] {
    display: flex;
    gap: 0.5em;
    align-items: flex-start;
  }
  [part~='checkbox'] {
    margin: 0.2em 0 0;
    width: 1.1em;
    height: 1.1em;
  }
  [part~='input'] {
    font: inherit;
    padding: 0.5em 0.75em;
    border: var(--_border);
    border-radius: var(--_radius);
  }
  [part~='input'][aria-invalid='true'],
  [part~='checkbox'][aria-invalid='true'] {
    border-color: var(--_error-color);
    outline: 1px solid var(--_error-color);
  }
  /* After the error outline, so a focused invalid field still looks different from an unfocused one. */
  [part~='input']:focus-visible,
  [part~='checkbox']:focus-visible {
    outline: 2px solid var(--_focus);
    outline-offset: 2px;
  }
  button {
    font: inherit;
    padding: 0.55em 1em;
    border-radius: var(--_radius);
    cursor: pointer;
  }
  [part~='submit'] {
    background: var(--_button-background);
    color: var(--_button-color);
    border: 1px solid var(--_button-background);
  }
  [part~='submit'][aria-disabled='true'] {
    opacity: 0.7;
    cursor: progress;
  }
  [part~='resend'],
  [part~='change'] {
    background: none;
    border: none;
    color: inherit;
    text-decoration: underline;
    padding: 0.25em 0;
    align-self: flex-start;
  }
  [part~='footer'] {
    margin: var(--_gap) 0 0;
  }
  /* Browsers without light-dark(): a mid grey border that shows on either page, the button in its light pair. */
  @supports not (color: light-dark(#000, #fff)) {
    :host {
      --_border: var(--continue-signup-border, 1px solid #8a8f98);
      --_button-background: var(--continue-signup-button-background, #1f2937);
      --_button-color: var(--continue-signup-button-color, #ffffff);
    }
  }
`;
