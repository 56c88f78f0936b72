// Registers <clerk-provider> only: the per-element entry (`clerk-oauth-elements/define/clerk-provider`, and the loader's chunk).
import { defineElement } from '../../define-element.js';
import { ClerkProviderElement } from './clerk-provider.js';

defineElement('clerk-provider', ClerkProviderElement);

declare global {
  interface HTMLElementTagNameMap {
    'clerk-provider': ClerkProviderElement;
  }
}
