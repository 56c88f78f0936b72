import { createContext } from '@lit/context';
import type { ClientResource, SignedInSessionResource, UserResource } from '@clerk/shared/types';
import type { ClerkInstance } from './clerk-types.js';
import type { ElementError } from './errors.js';
import type { Localization } from './localization.js';
import { EMPTY_INSTANCE, type InstanceSettings } from './instance.js';

/** The default for `<clerk-provider timeout>`: no network wait lasts longer than this (ms). */
export const DEFAULT_TIMEOUT = 30_000;

/** A usable wait (ms): a positive finite number, else the default. */
export const timeoutOf = (value: unknown): number => (typeof value === 'number' && Number.isFinite(value) && value > 0 ? value : DEFAULT_TIMEOUT);

export const PROVIDER_STATUSES = ['loading', 'ready', 'error'] as const;
export type ProviderStatus = (typeof PROVIDER_STATUSES)[number];

/** The Clerk instance as the elements use it: clerk-js in the browser (`window.Clerk`). */
export type { ClerkInstance };

/** Where the page's flows live and where they may send people. Unset values fall back to Clerk's own. */
export interface ClerkUrls {
  signInUrl?: string;
  signUpUrl?: string;
  signInFallbackRedirectUrl?: string;
  signUpFallbackRedirectUrl?: string;
  /** Origins (besides the page's own) that redirect targets may point to. */
  allowedRedirectOrigins: string[];
}

/** Hands a same-origin path to the app's router instead of a full page load. */
export type NavigateHook = (to: string, options?: { replace?: boolean }) => unknown;

/**
 * What `<clerk-provider>` shares with every element inside it. Replaced (never mutated) on every
 * change Clerk reports, so consumers re-render by identity.
 */
export interface ClerkContextValue {
  status: ProviderStatus;
  /** The Clerk instance once it is ready. */
  clerk?: ClerkInstance;
  error?: ElementError;
  client?: ClientResource;
  session?: SignedInSessionResource | null;
  user?: UserResource | null;
  /** The instance's settings (providers, sign-in URL, legal URLs, username rules), read once per change. */
  instance: InstanceSettings;
  /** The page's labels (`<clerk-provider>.localization`, else none): every element falls back to its own English. */
  localization: Localization;
  urls: ClerkUrls;
  /** The page's router hook, if it gave one. */
  navigate?: NavigateHook;
  /**
   * The loaded Clerk's Frontend API origins (its proxy, its host): where Clerk's `decorateUrl` may send a
   * completion for the client-cookie refresh. Empty until Clerk is ready.
   */
  frontendApiOrigins: string[];
  /** How long (ms) any step that waits on the network may take before it ends in the `timeout` error. */
  timeout: number;
  /** Tries loading Clerk again after an error. */
  retry: () => void;
}

/**
 * The one context key. `Symbol.for` so two copies of this package on one page still find each other.
 */
export const clerkContext = createContext<ClerkContextValue | undefined>(Symbol.for('clerk-oauth-elements/clerk'));

/** What a context value's owner (the provider, or the page-Clerk fallback) decides besides Clerk itself. */
export type ContextConfig = Pick<ClerkContextValue, 'localization' | 'urls' | 'navigate' | 'retry'> & {
  /** ms; `DEFAULT_TIMEOUT` when unset. */
  timeout?: number;
};

/** The value before Clerk answers: the owner's settings, no Clerk, no providers yet. */
export const loadingValue = (config: ContextConfig): ClerkContextValue => ({
  status: 'loading',
  instance: EMPTY_INSTANCE,
  frontendApiOrigins: [],
  ...config,
  timeout: timeoutOf(config.timeout),
});
