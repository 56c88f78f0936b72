/**
 * Registers every tag of this package. The provider comes first, so elements upgraded with it in one
 * parse find it at once. Importing this module twice, or next to another copy, is safe.
 */
import { defineElement } from './define-element.js';
import { ClerkProviderElement } from './elements/clerk-provider/clerk-provider.js';
import { ConnectedAccountsElement } from './elements/connected-accounts/connected-accounts.js';
import { ContinueSignupElement } from './elements/continue-signup/continue-signup.js';
import { SsoCallbackElement } from './elements/sso-callback/sso-callback.js';
import { OAuthButtonsElement } from './elements/oauth-buttons/oauth-buttons.js';

export const TAGS = {
  'clerk-provider': ClerkProviderElement,
  'continue-signup': ContinueSignupElement,
  'sso-callback': SsoCallbackElement,
  'oauth-buttons': OAuthButtonsElement,
  'connected-accounts': ConnectedAccountsElement,
} as const;

for (const [tag, element] of Object.entries(TAGS)) defineElement(tag, element);

declare global {
  interface HTMLElementTagNameMap {
    'clerk-provider': ClerkProviderElement;
    'continue-signup': ContinueSignupElement;
    'sso-callback': SsoCallbackElement;
    'oauth-buttons': OAuthButtonsElement;
    'connected-accounts': ConnectedAccountsElement;
  }
}
