// Registers <oauth-buttons> only: the per-element entry (`clerk-oauth-elements/define/oauth-buttons`, and the loader's chunk).
import { defineElement } from '../../define-element.js';
import { OAuthButtonsElement } from './oauth-buttons.js';

defineElement('oauth-buttons', OAuthButtonsElement);

declare global {
  interface HTMLElementTagNameMap {
    'oauth-buttons': OAuthButtonsElement;
  }
}
