import type { RequestContext } from './context';
import { apiError, fail, type VerificationErrorCode } from './errors';
import { activeSessionFor, completeSignUpIfReady, ensureClient, fillFromIdentity, type FapiResult } from './flows';
import { newId, now } from './clock';
import type { OAuthTransaction } from './state';
import { AUTHORIZE_PATH, CALLBACK_PATH } from './urls';
import { failedVerification, verified, type VerificationRecord } from './verification';

export interface StartOAuthOptions {
  kind: OAuthTransaction['kind'];
  targetId: string;
  userId?: string;
  provider: string;
  redirectUrl: string;
  actionCompleteRedirectUrl: string;
  additionalScopes: string[];
  existingScopes?: string;
  /** `oidc_prompt` as clerk-js sends it (`consent`, `select_account`...): passed on to the provider as `prompt`. */
  oidcPrompt?: string | null;
}

/** Records an OAuth round trip and returns the fake provider's authorize URL for it. */
export function startOAuth(ctx: RequestContext, o: StartOAuthOptions): OAuthTransaction & { authorizeUrl: string } {
  const client = ensureClient(ctx);
  const setting = ctx.world.settings.providers.find((p) => p.strategy === `oauth_${o.provider}`);
  const scopes = [
    ...new Set([
      ...(setting?.defaultScopes ?? ['openid', 'email', 'profile']),
      ...(o.existingScopes ?? '').split(' '),
      ...o.additionalScopes.flatMap((s) => s.split(/[\s,]+/)),
    ]),
  ].filter(Boolean);
  const tx: OAuthTransaction = {
    state: newId('st', 32),
    kind: o.kind,
    clientId: client.id,
    targetId: o.targetId,
    userId: o.userId ?? null,
    provider: o.provider,
    scopes,
    redirectUrl: new URL(o.redirectUrl, ctx.origin).toString(),
    actionCompleteRedirectUrl: new URL(o.actionCompleteRedirectUrl, ctx.origin).toString(),
    createdAt: now(),
    code: null,
    codeIdentity: null,
    done: false,
  };
  ctx.world.store.data.oauth[tx.state] = tx;
  const url = new URL(AUTHORIZE_PATH, ctx.origin);
  url.searchParams.set('response_type', 'code');
  url.searchParams.set('client_id', `emulator-${o.provider}`);
  url.searchParams.set('redirect_uri', new URL(CALLBACK_PATH, ctx.origin).toString());
  url.searchParams.set('scope', scopes.join(' '));
  url.searchParams.set('state', tx.state);
  if (o.oidcPrompt) url.searchParams.set('prompt', o.oidcPrompt);
  return { ...tx, authorizeUrl: url.toString() };
}

// ---------------------------------------------------------------------------- FAPI's callback

const failed = (strategy: string, code: VerificationErrorCode, message: string, meta: Record<string, string> = {}, status: 'failed' | 'transferable' = 'failed'): VerificationRecord =>
  failedVerification(strategy, apiError(code, message, message, undefined, meta), status);

/** `GET /v1/oauth_callback`: checks state, exchanges the code, finishes the verification and redirects like FAPI. */
export function oauthCallback(ctx: RequestContext): FapiResult {
  const { store, settings } = ctx.world;
  const q = ctx.url.searchParams;
  const state = q.get('state') ?? ctx.body.get('state') ?? '';
  const tx = store.data.oauth[state];
  if (!tx || tx.done) {
    throw fail('oauth_callback_invalid', 'invalid form for oauth_callback: the state parameter is missing, unknown or already used.', 'state');
  }
  const client = store.data.clients[tx.clientId];
  if (!client || ctx.client?.id !== client.id) {
    throw fail('oauth_callback_invalid', 'invalid form for oauth_callback: the state belongs to another client.', 'state');
  }
  tx.done = true;
  const strategy = `oauth_${tx.provider}`;
  const back = (url: string): FapiResult => {
    store.save();
    return { status: 302, body: null, redirect: url };
  };
  const error = q.get('error') ?? ctx.body.get('error');
  const code = q.get('code') ?? ctx.body.get('code');
  let outcome: VerificationRecord | null = null;
  if (error) outcome = failed(strategy, 'oauth_access_denied', 'You did not grant access to your account.');
  else if (!code || code !== tx.code || !tx.codeIdentity) outcome = failed(strategy, 'oauth_token_exchange_error', 'The OAuth provider rejected the authorization code.');
  const identity = outcome ? null : tx.codeIdentity;
  const scopes = tx.scopes.join(' ');
  // The code exchange: the provider hands Clerk an access token for what the person consented to.
  const accessToken = identity ? store.issueProviderToken(identity, tx.scopes) : null;

  if (tx.kind === 'sign_in') {
    const si = store.data.signIns[tx.targetId];
    if (!si) return back(tx.redirectUrl);
    if (!identity) {
      si.firstFactorVerification = outcome;
      return back(tx.redirectUrl);
    }
    let found = store.findExternalAccount(identity.provider, identity.providerUserId);
    if (!found && identity.emailAddress) {
      // Clerk links a new social account to the user who owns its verified email address.
      const owner = store.findUserByEmail(identity.emailAddress);
      if (owner) {
        const account = store.newExternalAccount(identity, scopes, accessToken);
        owner.externalAccounts.push(account);
        found = { user: owner, account };
      }
    }
    if (!found) {
      si.firstFactorVerification = failed(strategy, 'external_account_not_found', 'The External Account was not found.', {}, 'transferable');
      si.pendingIdentity = identity;
      si.pendingScopes = scopes;
      si.pendingAccessToken = accessToken;
      return back(tx.redirectUrl);
    }
    found.account.approvedScopes = [...new Set([...found.account.approvedScopes.split(' '), ...tx.scopes])].filter(Boolean).join(' ');
    found.account.accessToken = accessToken;
    si.userId = found.user.id;
    si.identifier = found.user.emails[0]?.email ?? found.user.username ?? '';
    const existing = activeSessionFor(ctx, client, found.user.id);
    if (existing) {
      si.firstFactorVerification = failed(strategy, 'identifier_already_signed_in', "You're already signed in.", { session_id: existing.id });
      return back(tx.redirectUrl);
    }
    const session = store.createSession(client, found.user, settings.singleSessionMode);
    si.status = 'complete';
    si.createdSessionId = session.id;
    si.firstFactorVerification = verified(strategy, 1);
    client.lastAuthenticationStrategy = strategy;
    return back(tx.actionCompleteRedirectUrl);
  }

  if (tx.kind === 'sign_up') {
    const su = store.data.signUps[tx.targetId];
    if (!su) return back(tx.redirectUrl);
    if (!identity) {
      su.externalVerification = outcome;
      return back(tx.redirectUrl);
    }
    const found = store.findExternalAccount(identity.provider, identity.providerUserId);
    if (found) {
      su.identity = identity;
      su.identityScopes = scopes;
      su.identityAccessToken = accessToken;
      su.externalVerification = failed(strategy, 'external_account_exists', 'This account already exists. Please sign in.', {}, 'transferable');
      return back(tx.redirectUrl);
    }
    fillFromIdentity(su, identity, scopes, accessToken);
    if (su.emailAddress && store.findUserByEmail(su.emailAddress)) {
      su.externalVerification = failed(strategy, 'form_identifier_exists', 'That email address is taken. Please try another.');
      return back(tx.redirectUrl);
    }
    return back(completeSignUpIfReady(ctx, su, client) ? tx.actionCompleteRedirectUrl : tx.redirectUrl);
  }

  // connect / reauthorize: always back to the page that started it, the account carries the outcome
  const user = tx.userId ? store.data.users[tx.userId] : undefined;
  const account = user?.externalAccounts.find((a) => a.id === tx.targetId);
  if (!user || !account) return back(tx.redirectUrl);
  user.updatedAt = now();
  if (!identity) {
    account.verification = outcome ?? failed(strategy, 'oauth_token_exchange_error', 'The OAuth provider returned no identity.');
    return back(tx.redirectUrl);
  }
  const owner = store.findExternalAccount(identity.provider, identity.providerUserId);
  if (owner && owner.account.id !== account.id) {
    if (owner.user.id !== user.id) {
      account.verification = failed(strategy, 'external_account_exists', 'This account is already connected to another user.');
      return back(tx.redirectUrl);
    }
    if (owner.account.verification.status === 'verified') {
      account.verification = failed(strategy, 'external_account_exists', 'This account is already connected to your profile.');
      return back(tx.redirectUrl);
    }
    // Reconnecting an account whose connection failed: the fresh connection replaces the broken one.
    user.externalAccounts = user.externalAccounts.filter((a) => a !== owner.account);
  }
  Object.assign(account, identity);
  account.approvedScopes = scopes;
  account.accessToken = accessToken;
  account.verification = verified(strategy, 1);
  return back(tx.redirectUrl);
}
