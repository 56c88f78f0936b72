// Registers <sso-callback> only: the per-element entry (`clerk-oauth-elements/define/sso-callback`, and the loader's chunk).
import { defineElement } from '../../define-element.js';
import { SsoCallbackElement } from './sso-callback.js';

defineElement('sso-callback', SsoCallbackElement);

declare global {
  interface HTMLElementTagNameMap {
    'sso-callback': SsoCallbackElement;
  }
}
