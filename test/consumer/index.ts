// A consumer of the packed tarball: `strict`, `skipLibCheck: false`, nothing installed but the package
// (and its dependencies). scripts/check-package.mjs type-checks it under `node16` and `bundler`.
import 'clerk-oauth-elements/define';
import {
  ClerkProviderElement,
  OAuthRedirectEvent,
  type ClerkInstance,
  type ConnectedAccountsStatus,
  type OAuthButtonsStatus,
} from 'clerk-oauth-elements';
import { FakeClerk, asClerk } from 'clerk-oauth-elements/testing';
import type { SsoCallbackElement } from 'clerk-oauth-elements/browser';

const provider = document.createElement('clerk-provider');
const isProvider: ClerkProviderElement = provider;
provider.clerk = asClerk<ClerkInstance>(new FakeClerk());
provider.navigate = (to: string) => history.pushState(null, '', to);

const buttons = document.querySelector('oauth-buttons');
const status: OAuthButtonsStatus | undefined = buttons?.status;
buttons?.addEventListener('oauth-redirect', (event) => {
  const redirect: OAuthRedirectEvent = event;
  const url: string = redirect.url;
  event.preventDefault();
  return url;
});

const accounts = document.querySelector('connected-accounts');
const accountsStatus: ConnectedAccountsStatus | undefined = accounts?.status;
accounts?.addEventListener('account-removed', (event) => event.accountId.toUpperCase());

// Clerk's own resource types come with the package (inlined), not from `@clerk/shared`.
provider.addEventListener('clerk-ready', (event) => {
  const userId: string | undefined = event.clerk.user?.id;
  return userId;
});

declare const callback: SsoCallbackElement;
export { isProvider, status, accountsStatus, callback };
