// GET /api/provider-profile?provider=google
//
// The server half of "use the provider's API with the user's OAuth token", written as an app would write it
// with @clerk/backend: authenticate the request from Clerk's session cookie, ask Clerk's Backend API for the
// user's access token at that provider, call the provider's API with it, answer JSON.
//
// Against the emulator: secretKey = emu.secretKey, apiUrl = emu.backendApiUrl, the provider API is the fake
// provider's /fake-idp/api/me. Against a real Clerk instance only the keys and URLs change (no apiUrl, the
// provider's real API, e.g. https://openidconnect.googleapis.com/v1/userinfo for Google).
import { createClerkClient } from '@clerk/backend';

export const PROVIDER_PROFILE_PATH = '/api/provider-profile';

export interface ProviderProfileConfig {
  secretKey: string;
  publishableKey: string;
  /** Clerk's Backend API; omit for https://api.clerk.com. */
  apiUrl?: string;
  /** Origins whose session tokens are accepted (the `azp` claim): the app's own origin. */
  authorizedParties: string[];
  /** The provider's API answering "who is this token's user" (per provider: google, github...); undefined: none. */
  providerProfileUrl: (provider: string) => string | undefined;
}

/** Real providers' "who am I" endpoints, for the demo against a real Clerk instance (`CLERK_SECRET_KEY`). */
export const PROVIDER_PROFILE_URLS: Record<string, string> = {
  google: 'https://openidconnect.googleapis.com/v1/userinfo',
  github: 'https://api.github.com/user',
  microsoft: 'https://graph.microsoft.com/oidc/userinfo',
};

const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' } });

export function providerProfileRoute(config: ProviderProfileConfig): (request: Request) => Promise<Response> {
  const clerk = createClerkClient({ secretKey: config.secretKey, publishableKey: config.publishableKey, apiUrl: config.apiUrl });

  return async (request) => {
    const provider = new URL(request.url).searchParams.get('provider') ?? '';
    if (!/^[a-z0-9_]+$/.test(provider)) return json(400, { error: 'provider_invalid', message: 'Pass ?provider=google (the provider without oauth_).' });

    const state = await clerk.authenticateRequest(request, { authorizedParties: config.authorizedParties });
    const { userId } = state.toAuth() ?? {};
    if (!state.isAuthenticated || !userId) return json(401, { error: 'signed_out', message: 'Sign in first.', reason: state.reason });

    // Clerk keeps the token fresh; an empty list means the user has no (working) connection to this provider.
    const { data } = await clerk.users.getUserOauthAccessToken(userId, provider as Parameters<typeof clerk.users.getUserOauthAccessToken>[1]);
    const accessToken = data[0]?.token;
    if (!accessToken) return json(404, { error: 'not_connected', message: `No ${provider} account is connected.` });

    const profileUrl = config.providerProfileUrl(provider);
    if (!profileUrl) return json(501, { error: 'provider_api_unknown', message: `No profile API is configured for ${provider}.` });
    const upstream = await fetch(profileUrl, { headers: { authorization: `Bearer ${accessToken}`, accept: 'application/json' } });
    if (!upstream.ok) return json(502, { error: 'provider_error', status: upstream.status, message: `The ${provider} API answered ${upstream.status}.` });
    return json(200, { provider, scopes: data[0]?.scopes ?? [], profile: (await upstream.json()) as unknown });
  };
}
