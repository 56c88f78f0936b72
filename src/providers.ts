import { titleize } from './localization.js';

/** One social provider as the elements show it. */
export interface SocialProvider {
  /** Clerk's strategy, e.g. `oauth_google` or `oauth_custom_acme`. */
  strategy: string;
  /** The provider id without the `oauth_` prefix, e.g. `google`, `custom_acme`. */
  id: string;
  /** The display name, never blank. */
  name: string;
  /** The instance's own logo (custom providers), if any. */
  logoUrl?: string;
}

/** Names of well-known providers, so buttons rendered before Clerk loads are named correctly. */
const KNOWN_NAMES: Record<string, string> = {
  apple: 'Apple', atlassian: 'Atlassian', bitbucket: 'Bitbucket', box: 'Box', coinbase: 'Coinbase',
  discord: 'Discord', dropbox: 'Dropbox', enstall: 'Enstall', facebook: 'Facebook', github: 'GitHub',
  gitlab: 'GitLab', google: 'Google', hubspot: 'HubSpot', hugging_face: 'Hugging Face', instagram: 'Instagram',
  line: 'LINE', linear: 'Linear', linkedin: 'LinkedIn', linkedin_oidc: 'LinkedIn', microsoft: 'Microsoft',
  notion: 'Notion', slack: 'Slack', spotify: 'Spotify', tiktok: 'TikTok', twitch: 'Twitch', twitter: 'Twitter',
  x: 'X', xero: 'Xero', vercel: 'Vercel',
};

/** Where Clerk serves its own provider icons. */
export const CLERK_ICON_BASE_URL = 'https://img.clerk.com/static';

export const providerIdOf = (strategy: string): string => strategy.replace(/^oauth_/, '');

/** `oauth_custom_acme` -> `acme`; the part that names the provider. */
const nameSourceOf = (id: string) => id.replace(/^custom_/, '');

/** Builds the display data for a strategy from Clerk's settings entry (`user_settings.social[strategy]`). */
export function describeProvider(strategy: string, settings?: { name?: string | null; logo_url?: string | null }): SocialProvider {
  const id = providerIdOf(strategy);
  const name = settings?.name?.trim() || KNOWN_NAMES[id] || titleize(nameSourceOf(id)) || strategy;
  return { strategy, id, name, logoUrl: settings?.logo_url || undefined };
}

/** The letter shown when there is no icon. */
export const providerInitial = (provider: SocialProvider): string =>
  (provider.name.trim().charAt(0) || provider.id.charAt(0) || '?').toUpperCase();

