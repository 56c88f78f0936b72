// The part of Clerk's Backend API that @clerk/backend's `authenticateRequest` and
// `users.getUserOauthAccessToken` call, under `/__clerk_backend` (so `apiUrl` = `<origin>/__clerk_backend`).
// Every call needs `Authorization: Bearer <secret key>`, as Clerk's does.
import type { IncomingMessage } from 'node:http';
import { timingSafeEqual } from 'node:crypto';
import type { World } from './context';
import { now } from './clock';
import { providerOf } from './settings';

export interface BackendResult {
  status: number;
  body: unknown;
}

type BackendHandler = (world: World, params: Record<string, string>, query: URLSearchParams) => BackendResult;

export interface BackendRoute {
  method: string;
  /** Relative to the backend prefix: `/v1/jwks`. */
  pattern: string;
  handler: BackendHandler;
}

const error = (status: number, code: string, message: string, longMessage = message): BackendResult => ({
  status,
  body: { errors: [{ code, message, long_message: longMessage, meta: {} }], clerk_trace_id: 'emulator' },
});

/** Clerk's answer to a missing or wrong secret key (`@clerk/backend` recognises the code). */
export const invalidSecretKey = (): BackendResult =>
  error(401, 'clerk_key_invalid', 'The provided Clerk Secret Key is invalid. Make sure that your Clerk Secret Key is correct.');

export const backendNotFound = (what = 'resource'): BackendResult => error(404, 'resource_not_found', 'not found', `The ${what} you are looking for was not found.`);

export function authorized(req: IncomingMessage, world: World): boolean {
  const m = /^Bearer\s+(\S+)$/i.exec(req.headers.authorization ?? '');
  if (!m) return false;
  const given = Buffer.from(m[1]!);
  const expected = Buffer.from(world.keys.secretKey);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

export const BACKEND_ROUTES: BackendRoute[] = [
  // The keys session tokens are signed with (`verifyToken` / `authenticateRequest` fetch them).
  { method: 'GET', pattern: '/v1/jwks', handler: (world) => ({ status: 200, body: { keys: [world.keys.jwk] } }) },

  // `users.getUserOauthAccessToken(userId, 'google')`: the token Clerk got at the user's last consent.
  {
    method: 'GET',
    pattern: '/v1/users/:id/oauth_access_tokens/:provider',
    handler: (world, params, query) => {
      const user = world.store.data.users[params.id ?? ''];
      if (!user) return backendNotFound('user');
      const provider = providerOf(params.provider ?? '');
      const data = user.externalAccounts
        .filter((a) => a.provider === provider && a.verification.status === 'verified' && a.accessToken)
        .flatMap((a) => {
          let issued = world.store.data.providerTokens[a.accessToken!];
          if (!issued) return [];
          if (issued.expiresAt < now()) {
            // Clerk keeps the token fresh: an expired one is refreshed with the provider before it is handed out.
            a.accessToken = world.store.issueProviderToken(issued.identity, issued.scopes);
            issued = world.store.data.providerTokens[a.accessToken]!;
            world.store.save();
          }
          return [
            {
              object: 'oauth_access_token',
              external_account_id: a.id,
              provider: `oauth_${provider}`,
              token: issued.token,
              public_metadata: {},
              label: '',
              scopes: issued.scopes,
              token_secret: null,
              expires_at: Math.floor(issued.expiresAt / 1000),
            },
          ];
        });
      return { status: 200, body: query.get('paginated') === 'true' ? { data, total_count: data.length } : data };
    },
  },
];
