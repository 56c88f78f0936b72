import type { LocalizationTree } from '../../localization.js';

/** `<sso-callback>`'s English. */
export const SSO_CALLBACK_ENGLISH = {
  oauthElements: {
    redirecting: 'Redirecting…',
    verifying: 'Verifying your sign-in…',
    ssoCallback: {
      errorTitle: 'We could not finish signing you in.',
      unexpectedError: 'Something went wrong while finishing your sign-in. Check your connection and try again.',
    },
  },
} satisfies LocalizationTree;
