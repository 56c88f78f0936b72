/**
 * The status vocabulary: one meaning per word, on every element. Each element picks the words it uses
 * in its own `as const` list; a page styling `[status=…]` can rely on a word meaning the same thing
 * wherever it appears. README's status table is checked against this object.
 */
export const STATUS_MEANINGS = {
  loading: 'Waiting for Clerk (or the element’s first data). Nothing to act on yet.',
  ready: 'Waiting for the visitor: buttons, a form, a code field or a list to act on. A message may be shown (a field error, a failed action the visitor can simply try again).',
  empty: 'Ready, but there is nothing to offer (no provider is enabled).',
  'signed-out': 'The element needs a signed-in user and there is none: only its `signed-out` slot is shown.',
  verifying: 'Finishing the OAuth callback with Clerk. No input.',
  submitting: 'Sending what the visitor entered (a form, a code) to Clerk.',
  connecting: 'Asking Clerk to link a social account (the provider page comes next).',
  reauthorizing: 'Asking Clerk to re-authorize a linked account for more scopes (the provider page comes next).',
  removing: 'Asking Clerk to remove a linked account.',
  reverifying: 'The visitor confirms who they are before an action goes on.',
  redirecting: 'Leaving the page: the navigation has started, or a page listener took it over.',
  error: 'Stopped: the flow cannot go on by itself. The error block says why and offers the way out (Try again, Back to sign in, or both).',
} as const;

export type FlowStatus = keyof typeof STATUS_MEANINGS;

/** Every word of the vocabulary, in the order of the table. */
export const FLOW_STATUSES = Object.keys(STATUS_MEANINGS) as FlowStatus[];
