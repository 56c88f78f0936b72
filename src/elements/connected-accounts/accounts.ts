import type { ExternalAccountResource } from '@clerk/shared/types';
import { elementError, type ElementError } from '../../errors.js';
import { describeProvider, type SocialProvider } from '../../providers.js';

/** How a linked account stands, from the page's scopes and Clerk's verification. */
export const ACCOUNT_STATES = ['connected', 'needs-scopes', 'reconnect', 'error'] as const;
export type AccountState = (typeof ACCOUNT_STATES)[number];

/** Verification errors a fresh connection heals (the ones Clerk's own UI offers "Reconnect" for). */
export const RECONNECT_CODES: ReadonlySet<string> = new Set([
  'external_account_missing_refresh_token',
  'oauth_fetch_user_error',
  'oauth_token_exchange_error',
  'external_account_email_address_verification_required',
]);

/** Scopes the page asks for, per strategy (`oauth_google`). */
export type ScopeMap = Readonly<Record<string, readonly string[]>>;

/** One row of the list. */
export interface AccountRow {
  account: ExternalAccountResource;
  /** The full strategy (`oauth_google`, `oauth_custom_acme`): never split on `_`. */
  strategy: string;
  provider: SocialProvider;
  /** Username, else email address, else the provider's user id. */
  identifier: string;
  state: AccountState;
  /** `needs-scopes`: the asked-for scopes Clerk has not been granted. */
  missingScopes: string[];
  /** `reconnect` / `error`: the verification's message. */
  error?: ElementError;
}

export const strategyOf = (account: Pick<ExternalAccountResource, 'provider'>): string => `oauth_${account.provider}`;

/** Space-separated `approvedScopes` as a list. */
export const scopesOf = (approved: string | null | undefined): string[] => (approved ?? '').split(/\s+/).filter(Boolean);

/**
 * Parses `google: scope-a scope-b; github: repo` (providers by id or strategy). A malformed part is an error
 * that names it, so a typo never silently asks for nothing.
 */
export function parseScopes(value: string | null | undefined): { scopes: ScopeMap; error?: ElementError } {
  const map: Record<string, string[]> = {};
  for (const raw of (value ?? '').split(';')) {
    const part = raw.trim();
    if (!part) continue;
    const match = /^([a-z0-9_]+)\s*:\s*(.*)$/i.exec(part);
    const scopes = match ? match[2]!.split(/[\s,]+/).filter(Boolean) : [];
    if (!match || !scopes.length) {
      return { scopes: {}, error: elementError('invalid_additional_scopes', `additional-scopes: "${part}" is not "provider: scope …" (for example "google: https://www.googleapis.com/auth/drive.readonly; github: repo").`) };
    }
    const strategy = match[1]!.toLowerCase().startsWith('oauth_') ? match[1]!.toLowerCase() : `oauth_${match[1]!.toLowerCase()}`;
    map[strategy] = [...new Set([...(map[strategy] ?? []), ...scopes])];
  }
  return { scopes: map };
}

/** Normalises the `additionalScopes` property (keys by id or strategy, values as lists or space-separated strings). */
export function normaliseScopes(value: Readonly<Record<string, string | readonly string[]>> | undefined): ScopeMap {
  const map: Record<string, string[]> = {};
  for (const [key, scopes] of Object.entries(value ?? {})) {
    const strategy = key.startsWith('oauth_') ? key : `oauth_${key}`;
    map[strategy] = typeof scopes === 'string' ? scopesOf(scopes) : [...scopes];
  }
  return map;
}

/**
 * The rows Clerk's own UI shows: verified accounts, plus unverified ones that carry a verification error
 * (an abandoned attempt without an error is not a row).
 */
export function accountRows(accounts: readonly ExternalAccountResource[], scopes: ScopeMap, providers: readonly SocialProvider[]): AccountRow[] {
  return accounts
    .filter((account) => account.verification?.status === 'verified' || account.verification?.error)
    .map((account) => {
      const strategy = strategyOf(account);
      const provider = providers.find((p) => p.strategy === strategy) ?? describeProvider(strategy);
      const identifier = account.username || account.emailAddress || account.providerUserId || '';
      const verificationError = account.verification?.status === 'verified' ? undefined : account.verification?.error;
      if (verificationError) {
        const error: ElementError = {
          code: verificationError.code,
          message: verificationError.longMessage || verificationError.message || verificationError.code,
        };
        return { account, strategy, provider, identifier, state: RECONNECT_CODES.has(error.code) ? 'reconnect' : 'error', missingScopes: [], error };
      }
      const approved = new Set(scopesOf(account.approvedScopes));
      const missingScopes = (scopes[strategy] ?? []).filter((scope) => !approved.has(scope));
      return { account, strategy, provider, identifier, state: missingScopes.length ? 'needs-scopes' : 'connected', missingScopes };
    });
}

/** The enabled providers (connect-only and custom ones included) the user has no verified account for yet. */
export function connectable(providers: readonly SocialProvider[], rows: readonly AccountRow[]): SocialProvider[] {
  const linked = new Set(rows.filter((row) => row.state !== 'reconnect' && row.state !== 'error').map((row) => row.strategy));
  return providers.filter((provider) => !linked.has(provider.strategy));
}
