import { now } from './clock';
import { VERIFICATION_LIFETIME_MS } from './durations';
import type { ClerkAPIErrorJSON, VerificationStatus } from './types';

/** The stored form of every verification (sign-in factor, sign-up field, external account, reverification). */
export interface VerificationRecord {
  status: VerificationStatus;
  strategy: string;
  redirectUrl?: string;
  error?: ClerkAPIErrorJSON;
  attempts: number;
  expireAt: number;
}

export interface VerificationOptions {
  /** The fake provider's authorize URL (OAuth verifications that are waiting for consent). */
  redirectUrl?: string;
  error?: ClerkAPIErrorJSON;
  attempts?: number;
  /** From now; default `VERIFICATION_LIFETIME_MS`. 0: expires at once (a finished failure). */
  lifetimeMs?: number;
}

/** The one factory for verification records. */
export function verification(status: VerificationStatus, strategy: string, o: VerificationOptions = {}): VerificationRecord {
  const v: VerificationRecord = { status, strategy, attempts: o.attempts ?? 0, expireAt: now() + (o.lifetimeMs ?? VERIFICATION_LIFETIME_MS) };
  if (o.redirectUrl) v.redirectUrl = o.redirectUrl;
  if (o.error) v.error = o.error;
  return v;
}

/** Waiting for the person at the provider: `external_verification_redirect_url` = `authorizeUrl`. */
export const pendingOAuth = (strategy: string, authorizeUrl: string): VerificationRecord => verification('unverified', strategy, { redirectUrl: authorizeUrl });

export const verified = (strategy: string, attempts = 0): VerificationRecord => verification('verified', strategy, { attempts });

/** A finished failure carrying Clerk's error (`status` is `failed`, or `transferable` for the transfer cases). */
export function failedVerification(strategy: string, error: ClerkAPIErrorJSON, status: VerificationStatus = 'failed'): VerificationRecord {
  return verification(status, strategy, { error, attempts: 1, lifetimeMs: 0 });
}
