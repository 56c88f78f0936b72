import type { ClientResource } from '@clerk/shared/types';
import { toElementError, type ElementError } from '../../errors.js';

/** Which way clerk-js moves the attempt: `sign-up` (a new user on sign-in), `sign-in` (an existing user on sign-up). */
export type Transfer = 'sign-in' | 'sign-up' | undefined;

/** Which way clerk-js is about to move the attempt, read before it does (it checks sign-up first too). */
export function transferOf(client: ClientResource | undefined, transferable: boolean): Transfer {
  const external = client?.signUp?.verifications?.externalAccount;
  if (external?.status === 'transferable' && external.error?.code === 'external_account_exists') return 'sign-in';
  if (transferable && client?.signIn?.firstFactorVerification?.status === 'transferable') return 'sign-up';
  return undefined;
}

/** Whether a completion would use the sign-up redirect URLs (a sign-up, or a new user transferred to one). */
export function completesSignUp(client: ClientResource | undefined, transfer: Transfer): boolean {
  return transfer === 'sign-up' || (transfer === undefined && client?.signUp?.status === 'complete' && client.signIn?.status !== 'complete');
}

/** The provider's or Frontend API's verdict on the attempt, when clerk-js falls back to sign-in or sign-up because of it. */
export function verificationError(client: ClientResource | undefined): ElementError | undefined {
  const error = client?.signIn?.firstFactorVerification?.error ?? client?.signUp?.verifications?.externalAccount?.error;
  return error ? toElementError({ errors: [error] }, 'sso_callback_failed') : undefined;
}

/**
 * No sign-in or sign-up attempt on the client: every branch of `handleRedirectCallback` that finishes one is
 * skipped, and with a pending session clerk-js would go to its task page by itself (`redirectToTasks`), unannounced.
 */
export function nothingToFinish(client: ClientResource | undefined): boolean {
  const signIn = client?.signIn;
  const signUp = client?.signUp;
  return (
    !signIn?.status &&
    !signUp?.status &&
    !signIn?.firstFactorVerification?.status &&
    !signUp?.verifications?.externalAccount?.status &&
    !verificationError(client)
  );
}

/**
 * After `handleRedirectCallback` settled without asking us to navigate: whether clerk-js dealt with a session
 * (activated one and navigated by itself: the page's Clerk has `taskUrls`, or a clerk-js that ignores
 * `__internal_navigateOnSetActive`). Then the page is already on its way and must not be sent to sign-in.
 */
export function sessionHandledByClerk(clerk: { session?: unknown; client?: ClientResource }): boolean {
  const client = clerk.client;
  return Boolean(clerk.session) || (client?.sessions?.length ?? 0) > 0 || client?.signIn?.status === 'complete' || client?.signUp?.status === 'complete';
}
