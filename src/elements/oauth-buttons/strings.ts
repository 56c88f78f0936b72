import type { LocalizationTree } from '../../localization.js';

/** `<oauth-buttons>`'s English (Clerk's keys where Clerk has one). */
export const OAUTH_BUTTONS_ENGLISH = {
  socialButtonsBlockButton: 'Continue with {{provider|titleize}}',
  socialButtonsBlockButtonManyInView: '{{provider|titleize}}',
  lastAuthenticationStrategy: 'Last used',
  oauthElements: {
    loading: 'Loading sign-in options…',
    noProviders: 'No social sign-in providers are enabled for this application.',
  },
} satisfies LocalizationTree;
