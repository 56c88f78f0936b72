import { describeProvider, type SocialProvider } from '../../providers.js';

export const VARIANTS = ['auto', 'block', 'icon'] as const;
export type Variant = (typeof VARIANTS)[number];

/** Clerk's own thresholds: block buttons for two providers or fewer, at most two block buttons side by side. */
const BLOCK_THRESHOLD = 2;
const BLOCK_PER_ROW = 2;
export const DEFAULT_COLUMNS = 5;

/** An attribute typo (`variant="Icons"`) gets Clerk's default layout, not whichever branch it happens to fall in. */
export const variantOf = (value: string | null | undefined): Variant => {
  const v = (value ?? '').trim().toLowerCase();
  return (VARIANTS as readonly string[]).includes(v) ? (v as Variant) : 'auto';
};

/** `columns="abc"`, `0` or negative: the default, not one button per row. */
export const columnsOf = (value: number | null | undefined): number =>
  typeof value === 'number' && Number.isFinite(value) && value >= 1 ? Math.floor(value) : DEFAULT_COLUMNS;

/** `"google, oauth_github"` -> `['oauth_google', 'oauth_github']`: the `oauth_` prefix is optional, duplicates dropped. */
export function parseStrategies(value: string | null | undefined): string[] | undefined {
  if (value === null || value === undefined || value.trim() === '') return undefined;
  const list = value
    .split(/[\s,]+/)
    .filter(Boolean)
    .map((entry) => (entry.startsWith('oauth_') ? entry : `oauth_${entry}`));
  return [...new Set(list)];
}

export interface ResolvedProviders {
  providers: SocialProvider[];
  /** Requested strategies the instance does not offer. */
  skipped: string[];
}

/**
 * The providers to show. Before Clerk is ready only the requested strategies can be shown (named from
 * what we know); once it is, requested strategies are kept only if the instance enables them.
 */
export function resolveProviders(requested: string[] | undefined, enabled: SocialProvider[], ready: boolean): ResolvedProviders {
  if (!requested) return { providers: ready ? enabled : [], skipped: [] };
  if (!ready) return { providers: requested.map((strategy) => describeProvider(strategy)), skipped: [] };
  const byStrategy = new Map(enabled.map((p) => [p.strategy, p]));
  const providers: SocialProvider[] = [];
  const skipped: string[] = [];
  for (const strategy of requested) {
    const provider = byStrategy.get(strategy);
    if (provider) providers.push(provider);
    else skipped.push(strategy);
  }
  return { providers, skipped };
}

export interface Layout {
  /** Block buttons (icon and label) or icon-only buttons. */
  block: boolean;
  /** The last used provider, shown first on its own row, if any. */
  lastUsed?: SocialProvider;
  /** The other providers, in order. */
  rest: SocialProvider[];
  /** Buttons per row for `rest`, spread evenly over the rows like Clerk does (8 with 5 columns: 4 + 4). */
  perRow: number;
  /** True when the long label ("Continue with …") fits: a single provider. */
  longLabels: boolean;
}

/** Arranges providers the way Clerk's own social buttons are arranged. */
export function layoutOf(providers: SocialProvider[], requestedVariant: string, requestedColumns: number, lastUsedStrategy?: string | null): Layout {
  const variant = variantOf(requestedVariant);
  const columns = columnsOf(requestedColumns);
  const block = variant === 'block' || (variant === 'auto' && providers.length <= BLOCK_THRESHOLD);
  const lastUsed = lastUsedStrategy ? providers.find((p) => p.strategy === lastUsedStrategy) : undefined;
  const rest = lastUsed ? providers.filter((p) => p !== lastUsed) : providers;
  const max = Math.min(block ? BLOCK_PER_ROW : Number.MAX_SAFE_INTEGER, columns);
  const rows = Math.max(1, Math.ceil(rest.length / max));
  const perRow = Math.max(1, Math.ceil(rest.length / rows));
  return { block, lastUsed, rest, perRow, longLabels: rest.length === 1 };
}

/** `mode`: `sign-up` (any case, or `signup`) or else `sign-in`; `known` is false for values that are neither. */
export function modeOf(value: string | null | undefined): { mode: 'sign-in' | 'sign-up'; known: boolean } {
  const v = (value ?? '').trim().toLowerCase().replace(/[\s_]/g, '-');
  if (v === 'sign-up' || v === 'signup') return { mode: 'sign-up', known: true };
  return { mode: 'sign-in', known: v === '' || v === 'sign-in' || v === 'signin' };
}
