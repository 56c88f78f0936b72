// Registers <continue-signup> only: the per-element entry (`clerk-oauth-elements/define/continue-signup`, and the loader's chunk).
import { defineElement } from '../../define-element.js';
import { ContinueSignupElement } from './continue-signup.js';

defineElement('continue-signup', ContinueSignupElement);

declare global {
  interface HTMLElementTagNameMap {
    'continue-signup': ContinueSignupElement;
  }
}
