// Reverification ("step-up"): the guard on account changes, and session.startVerification's routes
// (`/v1/client/sessions/:id/verify`, `prepare_first_factor`, `attempt_first_factor`). First factors only.
import type { RequestContext } from './context';
import { newId, now } from './clock';
import { MINUTE_MS } from './durations';
import { fail, notFound, paramMissing, unauthenticated } from './errors';
import { VERIFICATION_CODE, sessionOfClient, withClient, type FapiHandler, type FapiRoute } from './flows';
import { sessionJSON, verificationJSON } from './json';
import type { ReverificationAction } from './settings';
import type { SessionRecord, UserRecord } from './state';
import type { ClerkAPIErrorJSON, SessionVerificationJSON, SignInFirstFactorJSON } from './types';
import { verification, verified } from './verification';

export const REVERIFICATION_ROUTES: FapiRoute[] = [];
const route = (method: string, pattern: string, handler: FapiHandler) => void REVERIFICATION_ROUTES.push({ method, pattern, handler });

/** 403 `session_reverification_required` when the instance guards this action and the session's factor is too old. */
export function requireRecentVerification(ctx: RequestContext, session: SessionRecord, action: ReverificationAction): void {
  const r = ctx.world.settings.reverification;
  if (!r || !r.actions.includes(action)) return;
  if (now() - (session.firstFactorVerifiedAt ?? session.createdAt) <= r.afterMinutes * MINUTE_MS) return;
  throw fail('session_reverification_required', undefined, undefined, { reverification: { level: r.level, after_minutes: r.afterMinutes } } as unknown as ClerkAPIErrorJSON['meta']);
}

function sessionVerificationJSON(ctx: RequestContext, session: SessionRecord, user: UserRecord): SessionVerificationJSON {
  const r = session.reverification!;
  const factors: SignInFirstFactorJSON[] = [];
  if (user.password) factors.push({ strategy: 'password' });
  for (const e of user.emails) factors.push({ strategy: 'email_code', email_address_id: e.id, safe_identifier: e.email, primary: e === user.emails[0] });
  return {
    object: 'session_verification',
    id: r.id,
    status: r.status,
    level: r.level,
    session: sessionJSON(session, ctx.world.store, ctx.origin, ctx.world.keys)!,
    first_factor_verification: verificationJSON(r.firstFactorVerification),
    second_factor_verification: null,
    supported_first_factors: factors,
    supported_second_factors: null,
  };
}

function verifyingSession(ctx: RequestContext): { session: SessionRecord; user: UserRecord } {
  const session = sessionOfClient(ctx, ctx.params.id);
  const user = ctx.world.store.data.users[session.userId];
  if (session.status !== 'active' || !user) throw unauthenticated();
  return { session, user };
}

route('POST', '/v1/client/sessions/:id/verify', (ctx) => {
  const { session, user } = verifyingSession(ctx);
  const level = ctx.body.get('level') ?? '';
  if (level !== 'first_factor' && level !== 'second_factor' && level !== 'multi_factor') {
    throw fail('form_param_value_invalid', `${level} does not match one of the allowed values for parameter level`, 'level');
  }
  // Only first factors are emulated: every level is satisfied by one (no user here has a second factor).
  session.reverification = { id: newId('sv'), level, status: 'needs_first_factor', firstFactorVerification: null };
  return withClient(ctx, sessionVerificationJSON(ctx, session, user));
});

function startedVerification(ctx: RequestContext) {
  const { session, user } = verifyingSession(ctx);
  if (!session.reverification) throw fail('verification_missing', 'Start a session verification (POST /sessions/:id/verify) first.');
  return { session, user, r: session.reverification };
}

route('POST', '/v1/client/sessions/:id/verify/prepare_first_factor', (ctx) => {
  const { session, user, r } = startedVerification(ctx);
  const strategy = ctx.body.get('strategy');
  if (strategy !== 'email_code') throw fail('form_param_value_invalid', `${strategy ?? ''} does not match one of the allowed values for parameter strategy`, 'strategy');
  const emailId = ctx.body.get('email_address_id');
  if (!emailId) throw paramMissing('email_address_id');
  if (!user.emails.some((e) => e.id === emailId)) throw notFound('email address');
  r.firstFactorVerification = verification('unverified', 'email_code');
  return withClient(ctx, sessionVerificationJSON(ctx, session, user));
});

route('POST', '/v1/client/sessions/:id/verify/attempt_first_factor', (ctx) => {
  const { session, user, r } = startedVerification(ctx);
  const strategy = ctx.body.get('strategy');
  if (strategy === 'password') {
    const password = ctx.body.get('password');
    if (!password) throw paramMissing('password');
    if (!user.password || password !== user.password) {
      r.firstFactorVerification = { ...verification('unverified', 'password'), attempts: (r.firstFactorVerification?.attempts ?? 0) + 1 };
      ctx.world.store.save();
      throw fail('form_password_incorrect', undefined, 'password');
    }
    r.firstFactorVerification = verified('password', 1);
  } else if (strategy === 'email_code') {
    const v = r.firstFactorVerification?.strategy === 'email_code' ? r.firstFactorVerification : null;
    if (!v) throw fail('verification_missing', undefined, 'code');
    const code = ctx.body.get('code');
    if (!code) throw paramMissing('code');
    if (v.expireAt < now()) {
      v.status = 'expired';
      throw fail('verification_expired', undefined, 'code');
    }
    v.attempts += 1;
    if (code !== VERIFICATION_CODE) {
      ctx.world.store.save();
      throw fail('form_code_incorrect', undefined, 'code');
    }
    v.status = 'verified';
  } else {
    throw fail('form_param_value_invalid', `${strategy ?? ''} does not match one of the allowed values for parameter strategy`, 'strategy');
  }
  r.status = 'complete';
  session.firstFactorVerifiedAt = now();
  session.updatedAt = now();
  return withClient(ctx, sessionVerificationJSON(ctx, session, user));
});

