// Registers <connected-accounts> only: the per-element entry (`clerk-oauth-elements/define/connected-accounts`, and the loader's chunk).
import { defineElement } from '../../define-element.js';
import { ConnectedAccountsElement } from './connected-accounts.js';

defineElement('connected-accounts', ConnectedAccountsElement);

declare global {
  interface HTMLElementTagNameMap {
    'connected-accounts': ConnectedAccountsElement;
  }
}
