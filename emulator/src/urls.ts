// Where each part of the emulator lives on its one origin.

/** FAPI (clerk-js `proxyUrl` = `<origin>/__clerk`). */
export const PROXY_PATH = '/__clerk';
/** The test control API. */
export const CONTROL_PATH = '/__emulator';
/** Clerk's Backend API as `@clerk/backend` calls it (`apiUrl` = `<origin>/__clerk_backend`). */
export const BACKEND_PATH = '/__clerk_backend';
/** The fake identity provider's consent page. */
export const AUTHORIZE_PATH = '/oauth/authorize';
/** The fake provider's API, called with the access tokens it issued. */
export const PROVIDER_API_PATH = '/fake-idp/api';
/** FAPI's OAuth callback the provider redirects to. */
export const CALLBACK_PATH = `${PROXY_PATH}/v1/oauth_callback`;
