import type { ClerkProviderElement } from './elements/clerk-provider/clerk-provider.js';
import type { ConnectedAccountsElement } from './elements/connected-accounts/connected-accounts.js';
import type { ContinueSignupElement } from './elements/continue-signup/continue-signup.js';
import type { SsoCallbackElement } from './elements/sso-callback/sso-callback.js';
import type { OAuthButtonsElement } from './elements/oauth-buttons/oauth-buttons.js';

/** Attributes and properties a JSX user may set on a tag, plus the usual element attributes. */
type ElementProps<E extends HTMLElement> = Partial<Omit<E, keyof HTMLElement | 'status'>> & {
  id?: string;
  class?: string;
  className?: string;
  slot?: string;
  hidden?: boolean;
  style?: string | Record<string, string>;
  children?: unknown;
  ref?: unknown;
  key?: string | number;
  [attribute: `${string}-${string}`]: unknown;
};

/**
 * The tags of this package for JSX. React 19 users add them with:
 * `declare module 'react' { namespace JSX { interface IntrinsicElements extends ClerkOAuthElementsIntrinsicElements {} } }`.
 */
export interface ClerkOAuthElementsIntrinsicElements {
  'clerk-provider': ElementProps<ClerkProviderElement>;
  'continue-signup': ElementProps<ContinueSignupElement>;
  'sso-callback': ElementProps<SsoCallbackElement>;
  'oauth-buttons': ElementProps<OAuthButtonsElement>;
  'connected-accounts': ElementProps<ConnectedAccountsElement>;
}

declare global {
  // Preact, Solid and classic-runtime React read the global JSX namespace.
  // eslint-disable-next-line @typescript-eslint/no-namespace
  namespace JSX {
    // eslint-disable-next-line @typescript-eslint/no-empty-object-type
    interface IntrinsicElements extends ClerkOAuthElementsIntrinsicElements {}
  }
}
