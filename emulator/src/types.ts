// The wire shapes clerk-js reads. Every response the emulator sends is built against these
// interfaces, so a clerk-js / @clerk/shared upgrade that changes a shape fails `npm run typecheck`.
export type {
  ClerkAPIErrorJSON,
  ClientJSON,
  DisplayConfigJSON,
  EmailAddressJSON,
  EnvironmentJSON,
  ExternalAccountJSON,
  OAuthProvider,
  OAuthProviderSettings,
  OAuthStrategy,
  PhoneNumberJSON,
  SessionJSON,
  SignInJSON,
  SignUpField,
  SignUpJSON,
  SignUpVerificationJSON,
  TokenJSON,
  UserJSON,
  UserSettingsJSON,
  VerificationJSON,
  VerificationStatus,
} from '@clerk/shared/types';
