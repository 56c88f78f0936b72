import type { ClerkContextValue } from '../../context.js';
import { elementError, toElementError, type ElementError } from '../../errors.js';
import { OAuthErrorEvent, OAuthRedirectEvent, type OAuthMode } from '../../events.js';
import { isRedirectError, validateRedirectUrl } from '../../navigation.js';
import type { SocialProvider } from '../../providers.js';
import { isTimeout, withTimeout } from '../../timeout.js';

/**
 * What a click of `<oauth-buttons>` needs once Clerk is ready, in its own chunk (the first frame needs none
 * of it): the checks before leaving, Clerk's parameters, the events, the bounded wait for Clerk's answer.
 */

export { OAuthErrorEvent };

type RedirectParams = Record<string, unknown> & { strategy: string; redirectUrl: string; redirectUrlComplete: string };
type OAuthResource = { authenticateWithRedirect(params: RedirectParams): Promise<unknown> };

export interface StartRequest {
  strategy: string;
  /** The clicked provider, when the instance still offers it. */
  provider?: SocialProvider;
  mode: OAuthMode;
  ctx: ClerkContextValue;
  redirectUrl: string;
  redirectUrlComplete: string;
  legalAccepted: boolean;
  unsafeMetadata?: Record<string, unknown>;
}

/** Checks a click and builds Clerk's call and the cancelable `oauth-redirect` event; or says why not. */
export function prepareStart(request: StartRequest): ElementError | { resource: OAuthResource; params: RedirectParams; event: OAuthRedirectEvent } {
  const { strategy, ctx, mode } = request;
  if (!request.provider) {
    return elementError('strategy_not_enabled', `Signing in with ${strategy.replace(/^oauth_/, '')} is not available for this application.`);
  }
  const allowed = ctx.urls.allowedRedirectOrigins;
  const redirectUrl = validateRedirectUrl(request.redirectUrl, allowed);
  if (isRedirectError(redirectUrl)) return redirectUrl;
  const redirectUrlComplete = validateRedirectUrl(request.redirectUrlComplete, allowed);
  if (isRedirectError(redirectUrlComplete)) return redirectUrlComplete;
  const resource: OAuthResource | undefined = mode === 'sign-up' ? ctx.client?.signUp : ctx.client?.signIn;
  if (!resource) return elementError('client_not_ready', 'Clerk has no client yet. Please reload the page and try again.');
  const params: RedirectParams = { strategy, redirectUrl: redirectUrl.href, redirectUrlComplete: redirectUrlComplete.href };
  if (mode === 'sign-up') {
    if (request.legalAccepted) params.legalAccepted = true;
    if (request.unsafeMetadata) params.unsafeMetadata = request.unsafeMetadata;
  }
  return { resource, params, event: new OAuthRedirectEvent(strategy, mode, redirectUrl.href) };
}

/**
 * Waits (at most `timeout` ms) for Clerk's start of the flow: the error to show, or undefined when Clerk
 * answered, or when the wait ran out while the page is already leaving for the provider (not a failure).
 */
export async function waitForStart(pending: Promise<unknown>, timeout: number, leaving: () => boolean): Promise<ElementError | undefined> {
  try {
    await withTimeout(pending, timeout, 'Clerk');
    return undefined;
  } catch (cause) {
    if (isTimeout(cause) && leaving()) return undefined;
    return toElementError(cause, 'oauth_failed');
  }
}
