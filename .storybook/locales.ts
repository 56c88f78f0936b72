import type { LocalizationResource } from '@clerk/shared/types';
import { mergeLocalization, type LocalizationTree } from '../src/localization.js';
import { SHIPPED_LOCALES, type ShippedLocale } from '../src/locales/shipped.js';

/** Clerk's locale modules, loaded one at a time like a page would. */
const CLERK: Record<ShippedLocale, () => Promise<Record<string, LocalizationResource>>> = {
  'fr-FR': () => import('@clerk/localizations/fr-FR'),
  'de-DE': () => import('@clerk/localizations/de-DE'),
  'ja-JP': () => import('@clerk/localizations/ja-JP'),
  'ar-SA': () => import('@clerk/localizations/ar-SA'),
  'es-ES': () => import('@clerk/localizations/es-ES'),
  'pt-BR': () => import('@clerk/localizations/pt-BR'),
  'zh-CN': () => import('@clerk/localizations/zh-CN'),
};

export const LOCALES = ['en-US', ...(Object.keys(SHIPPED_LOCALES) as ShippedLocale[])] as const;
export type LocaleTag = (typeof LOCALES)[number];

/** What a page passes to `<clerk-provider>.localization` for a locale: Clerk's, with ours merged over it. */
export async function loadLocale(tag: LocaleTag): Promise<LocalizationTree | undefined> {
  if (tag === 'en-US' || !(tag in SHIPPED_LOCALES)) return undefined;
  const [clerkModule, ours] = await Promise.all([CLERK[tag](), SHIPPED_LOCALES[tag]()]);
  const clerkLocale = Object.values(clerkModule)[0] as unknown as LocalizationTree;
  return mergeLocalization(clerkLocale, ours.default);
}
