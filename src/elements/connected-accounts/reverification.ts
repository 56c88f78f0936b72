import type { SessionVerificationLevel, SessionVerificationResource, SignedInSessionResource } from '@clerk/shared/types';
import { elementError, isClerkApiError } from '../../errors.js';

/** The first factors this element can ask for itself. */
export type ReverificationFactor =
  | { strategy: 'password' }
  | { strategy: 'email_code'; emailAddressId: string; identifier: string }
  | { strategy: 'phone_code'; phoneNumberId: string; identifier: string };

export const UNSUPPORTED =
  'This account can only be confirmed with a method this page does not offer (for example a passkey or a second factor). Confirm it in your account settings.';

const LEVELS: readonly SessionVerificationLevel[] = ['first_factor', 'second_factor', 'multi_factor'];

/**
 * The level Clerk asks for when an action needs a recent verification (`session_reverification_required`),
 * or undefined when the error is anything else. Clerk's prebuilt UI defaults to the first factor.
 */
export function reverificationLevel(cause: unknown): SessionVerificationLevel | undefined {
  if (!isClerkApiError(cause)) return undefined;
  const item = cause.errors.find((e) => e.code === 'session_reverification_required');
  if (!item) return undefined;
  const meta = (item.meta ?? {}) as Record<string, unknown>;
  const nested = (meta.sessionVerification ?? meta.session_verification) as { level?: unknown } | undefined;
  const level = nested?.level ?? meta.level ?? meta.sessionVerificationLevel;
  return LEVELS.includes(level as SessionVerificationLevel) ? (level as SessionVerificationLevel) : 'first_factor';
}

/** Password first (nothing to send), then an email code, then a phone code. */
export function chooseFactor(verification: SessionVerificationResource): ReverificationFactor | undefined {
  const factors = verification.supportedFirstFactors ?? [];
  if (factors.some((f) => f.strategy === 'password')) return { strategy: 'password' };
  for (const factor of factors) {
    if (factor.strategy === 'email_code') return { strategy: 'email_code', emailAddressId: factor.emailAddressId, identifier: factor.safeIdentifier };
    if (factor.strategy === 'phone_code') return { strategy: 'phone_code', phoneNumberId: factor.phoneNumberId, identifier: factor.safeIdentifier };
  }
  return undefined;
}

/**
 * Starts the session's verification and, for a code factor, sends the code; `verified` when Clerk already
 * counts the session as recently verified (confirmed meanwhile, in another tab): nothing to ask then.
 */
export async function startReverification(session: SignedInSessionResource, level: SessionVerificationLevel): Promise<ReverificationFactor | 'verified'> {
  const verification = await session.startVerification({ level });
  if (verification.status === 'complete') return 'verified';
  const factor = chooseFactor(verification);
  if (!factor) {
    throw elementError('reverification_unsupported', UNSUPPORTED);
  }
  if (factor.strategy === 'email_code') await session.prepareFirstFactorVerification({ strategy: 'email_code', emailAddressId: factor.emailAddressId });
  if (factor.strategy === 'phone_code') await session.prepareFirstFactorVerification({ strategy: 'phone_code', phoneNumberId: factor.phoneNumberId });
  return factor;
}

/** Checks the password or code; true once the session counts as recently verified. */
export async function attemptReverification(session: SignedInSessionResource, factor: ReverificationFactor, value: string): Promise<boolean> {
  const attempt =
    factor.strategy === 'password'
      ? session.attemptFirstFactorVerification({ strategy: 'password', password: value })
      : session.attemptFirstFactorVerification({ strategy: factor.strategy, code: value.trim() });
  return (await attempt).status === 'complete';
}
