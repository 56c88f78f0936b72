/**
 * The locales the package ships its own strings for, each a module a page imports on its own
 * (`src/locales/<tag>.ts`). Storybook's locale toolbar and the locale tests read this list.
 */
export const SHIPPED_LOCALES = {
  'fr-FR': () => import('./fr-FR.js'),
  'de-DE': () => import('./de-DE.js'),
  'ja-JP': () => import('./ja-JP.js'),
  'ar-SA': () => import('./ar-SA.js'),
  'es-ES': () => import('./es-ES.js'),
  'pt-BR': () => import('./pt-BR.js'),
  'zh-CN': () => import('./zh-CN.js'),
} as const;
export type ShippedLocale = keyof typeof SHIPPED_LOCALES;
