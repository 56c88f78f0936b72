import { COMMON_ENGLISH } from './english.js';
import { CONNECTED_ACCOUNTS_ENGLISH } from './elements/connected-accounts/strings.js';
import { CONTINUE_SIGNUP_ENGLISH } from './elements/continue-signup/strings.js';
import { OAUTH_BUTTONS_ENGLISH } from './elements/oauth-buttons/strings.js';
import { SSO_CALLBACK_ENGLISH } from './elements/sso-callback/strings.js';
import { mergeLocalization, type LocalizationTree } from './localization.js';

/**
 * Every English label of the package in one tree (the keys a locale may translate). The elements do not use
 * it: each falls back to its own English table, so a page downloads only the strings of the tags it uses.
 */
export const defaultLocalization: LocalizationTree = [OAUTH_BUTTONS_ENGLISH, SSO_CALLBACK_ENGLISH, CONTINUE_SIGNUP_ENGLISH, CONNECTED_ACCOUNTS_ENGLISH].reduce(
  (all: LocalizationTree, table) => mergeLocalization(all, table),
  COMMON_ENGLISH,
);
