// Every lifetime the emulator hands out, named once (Clerk's values where they are documented or observable).

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

/** A pending verification (OAuth round trip, one-time code, reverification factor) stays open this long. */
export const VERIFICATION_LIFETIME_MS = 10 * MINUTE;
/** A session expires a week after it is created (Clerk's default inactivity/lifetime setting). */
export const SESSION_LIFETIME_MS = 7 * DAY;
/** ...and is abandoned this long after it expires. */
export const SESSION_ABANDON_AFTER_EXPIRY_MS = 23 * DAY;
/** An unfinished sign-up is abandoned a day after it starts. */
export const SIGN_UP_ABANDON_MS = DAY;
/** Session tokens (the `__session` JWT) live one minute; clerk-js refreshes them before that. */
export const SESSION_TOKEN_LIFETIME_MS = MINUTE;
/** Tokens are valid from slightly before their issue time, for clock skew. */
export const TOKEN_NOT_BEFORE_SKEW_MS = 10_000;
/** Access tokens the fake provider issues at consent. */
export const PROVIDER_TOKEN_LIFETIME_MS = 60 * MINUTE;
export const DAY_MS = DAY;
export const MINUTE_MS = MINUTE;
