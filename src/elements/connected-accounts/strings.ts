import type { LocalizationTree } from '../../localization.js';

/** `<connected-accounts>`'s English (Clerk's keys where Clerk has one). */
export const CONNECTED_ACCOUNTS_ENGLISH = {
  userProfile: {
    start: {
      connectedAccountsSection: {
        title: 'Connected accounts',
        primaryButton: 'Connect account',
        actionLabel__connectionFailed: 'Reconnect',
        actionLabel__reauthorize: 'Authorize now',
        destructiveActionTitle: 'Remove',
        subtitle__disconnected: 'This account has been disconnected.',
        subtitle__reauthorize:
          'The required scopes have been updated, and you may be experiencing limited functionality. Please re-authorize this application to avoid any issues',
      },
    },
    connectedAccountPage: {
      title: 'Add connected account',
      formHint: 'Select a provider to connect your account.',
      formHint__noAccounts: 'There are no available external account providers.',
      socialButtonsBlockButton: 'Connect {{provider|titleize}} account',
      successMessage: 'The provider has been added to your account',
      removeResource: {
        title: 'Remove connected account',
        messageLine1: '{{identifier}} will be removed from this account.',
        messageLine2: 'You will no longer be able to use this connected account and any dependent features will no longer work.',
        successMessage: '{{connectedAccount}} has been removed from your account.',
      },
    },
  },
  reverification: {
    password: { title: 'Verification required', subtitle: 'Enter your current password to continue' },
    emailCode: { title: 'Verification required', subtitle: 'Enter the verification code sent to your email to continue', formTitle: 'Verification code' },
    phoneCode: { title: 'Verification required', subtitle: 'Enter the verification code sent to your phone to continue', formTitle: 'Verification code' },
  },
  badge__requiresAction: 'Requires action',
  oauthElements: {
    connectedAccounts: {
      loading: 'Loading your connected accounts…',
      noAccounts: 'No accounts are connected yet.',
      missingScopes: 'Needs access to: {{scopes}}',
      nowAuthorized: '{{provider}} now has access to: {{scopes}}',
      stillMissing: '{{provider}} still lacks access to: {{scopes}}',
      redirecting: 'Taking you to {{provider}}…',
      removing: 'Removing {{provider}}…',
      cancel: 'Cancel',
      reverificationCancelled: 'Nothing was changed: the confirmation was cancelled.',
      connectOnly: 'Connect only',
    },
  },
} satisfies LocalizationTree;
