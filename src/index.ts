// Side-effect free: classes, context, events, helpers and types. Register tags with `clerk-oauth-elements/define`.
export { ClerkProviderElement } from './elements/clerk-provider/clerk-provider.js';
export {
  ContinueSignupElement,
  CONTINUE_SIGNUP_STATUSES,
  CONTINUE_SIGNUP_REDIRECT_REASONS,
  type ContinueSignUpStatus,
  type ContinueSignUpRedirectReason,
} from './elements/continue-signup/continue-signup.js';
export { SsoCallbackElement, SSO_CALLBACK_STATUSES, type SsoCallbackStatus } from './elements/sso-callback/sso-callback.js';
export { SSO_REDIRECT_REASONS, type SsoRedirectReason } from './elements/sso-callback/redirect-reasons.js';
export { OAuthButtonsElement, OAUTH_BUTTONS_STATUSES, type OAuthButtonsStatus } from './elements/oauth-buttons/oauth-buttons.js';
export {
  ConnectedAccountsElement,
  CONNECTED_ACCOUNTS_STATUSES,
  type ConnectedAccountsStatus,
} from './elements/connected-accounts/connected-accounts.js';
export { ACCOUNT_STATES, type AccountState } from './elements/connected-accounts/accounts.js';
export { ClerkElement, ClerkFlowElement, type ShownError } from './base-element.js';
export { STATUS_MEANINGS, FLOW_STATUSES, type FlowStatus } from './status.js';
export type { InstanceSettings } from './instance.js';
export { instanceSettingsOf } from './instance-settings.js';
export { ClerkController } from './clerk-controller.js';
export {
  clerkContext,
  DEFAULT_TIMEOUT,
  PROVIDER_STATUSES,
  type ClerkContextValue,
  type ClerkInstance,
  type ClerkUrls,
  type NavigateHook,
  type ProviderStatus,
} from './context.js';
export {
  AccountConnectEvent,
  AccountErrorEvent,
  AccountRemovedEvent,
  NeedsReverificationEvent,
  ClerkErrorEvent,
  ClerkReadyEvent,
  ClerkRedirectEvent,
  EVENT_NAMES,
  OAuthErrorEvent,
  OAuthRedirectEvent,
  SignUpCompleteEvent,
  SignUpErrorEvent,
  SignUpRedirectEvent,
  SsoErrorEvent,
  SsoRedirectEvent,
  StatusChangeEvent,
  type AccountAction,
  type OAuthMode,
} from './events.js';
export { toElementError, toElementErrors, type ElementError } from './errors.js';
export { mergeLocalization, translate, type Localization, type LocalizationTree } from './localization.js';
export { defaultLocalization } from './default-localization.js';
export { parsePublishableKey, clerkScriptUrl, checkScriptSource, DEFAULT_CLERK_JS_VERSION } from './clerk-loader.js';
export { TIMEOUT_CODE } from './timeout.js';
export { validateRedirectUrl, isRoutablePath, trustedSignInUrl, type TrustedTarget } from './navigation.js';
export { describeProvider, type SocialProvider } from './providers.js';
export { iconUrlOf } from './provider-icon.js';
export { defineElement } from './define-element.js';
export type { ClerkLoadOptions, ClerkResources, ClerkSetActiveParams, ClerkStatus } from './clerk-types.js';
export type { ClerkOAuthElementsIntrinsicElements } from './jsx.js';
