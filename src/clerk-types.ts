import type {
  ClientResource,
  HandleOAuthCallbackParams,
  HandleSamlCallbackParams,
  OrganizationResource,
  SessionResource,
  SignedInSessionResource,
  UserResource,
} from '@clerk/shared/types';

/**
 * The part of clerk-js the elements call, written out rather than picked from `HeadlessBrowserClerk`: the
 * published declarations inline the Clerk types they mention (`@clerk/shared` is not a dependency), and
 * the whole `Clerk` type drags in Stripe's, Coinbase's and zxcvbn's types. clerk-js's instance stays assignable to
 * this (test/types/clerk-types.assert.ts), so `provider.clerk = clerk` keeps type-checking.
 */
export interface ClerkInstance {
  readonly loaded: boolean;
  readonly status?: ClerkStatus;
  readonly client: ClientResource | undefined;
  readonly session: SignedInSessionResource | null | undefined;
  readonly user: UserResource | null | undefined;
  load(options?: ClerkLoadOptions): Promise<void>;
  addListener(callback: (emission: ClerkResources) => void, options?: { skipInitialEmit?: boolean }): () => void;
  /**
   * clerk-js's status events (`ready` once `load()` is done): the only signal of a load the page started itself
   * (listeners hear of the client while `loaded` is still false). Optional: older clerk-js lacks it.
   */
  on?(event: 'status', handler: (status: ClerkStatus) => void, options?: { notify?: boolean }): void;
  off?(event: 'status', handler: (status: ClerkStatus) => void): void;
  setActive(params: ClerkSetActiveParams): Promise<void>;
  buildTasksUrl(): string;
  handleRedirectCallback(
    params: HandleOAuthCallbackParams | HandleSamlCallbackParams,
    customNavigate?: (to: string) => Promise<unknown>,
  ): Promise<unknown>;
}

/** clerk-js's own status: `loaded` is true once it is `ready` or `degraded`. */
export type ClerkStatus = 'degraded' | 'error' | 'loading' | 'ready';

/** What `<clerk-provider>` passes to `clerk.load()`: Clerk's `ClerkOptions`, of which it sets URLs and the router. */
export interface ClerkLoadOptions {
  [option: string]: unknown;
}

/** What `addListener` callbacks receive. */
export interface ClerkResources {
  client: ClientResource;
  session?: SignedInSessionResource | null;
  user?: UserResource | null;
  organization?: OrganizationResource | null;
}

/** `clerk.setActive()`'s parameters, as the elements use them. */
export interface ClerkSetActiveParams {
  session?: SignedInSessionResource | string | null;
  organization?: OrganizationResource | string | null;
  redirectUrl?: string;
  navigate?: (params: { session: SessionResource; decorateUrl: (url: string) => string }) => void | Promise<unknown>;
}
