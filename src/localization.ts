/**
 * Labels, keyed like `@clerk/localizations` where Clerk has a key, so a Clerk locale file can be passed
 * to `<clerk-provider>.localization` as is. Keys Clerk has no equivalent for live under `oauthElements`.
 */
export interface LocalizationTree {
  [key: string]: string | LocalizationTree | undefined;
}
export type Localization = LocalizationTree;

const isTree = (value: unknown): value is LocalizationTree =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Deep-merges page overrides over the defaults. Empty strings in overrides are ignored (never blank labels). */
export function mergeLocalization(base: LocalizationTree, override?: LocalizationTree | null): LocalizationTree {
  if (!override) return base;
  const out: LocalizationTree = { ...base };
  for (const [key, value] of Object.entries(override)) {
    const current = out[key];
    if (isTree(value)) out[key] = mergeLocalization(isTree(current) ? current : {}, value);
    else if (typeof value === 'string' && value.length > 0) out[key] = value;
  }
  return out;
}

export const titleize = (value: string): string =>
  value
    .split(/[\s_-]+/)
    .filter(Boolean)
    .map((word) => word.charAt(0).toUpperCase() + word.slice(1))
    .join(' ');

const modifiers: Record<string, (value: string) => string> = {
  titleize,
  capitalize: (v) => v.charAt(0).toUpperCase() + v.slice(1),
  lowercase: (v) => v.toLowerCase(),
};

/** Replaces `{{name}}` and `{{name|modifier}}` the way Clerk's localization does. Unknown names stay empty. */
export function interpolate(template: string, params: Record<string, string | number | undefined> = {}): string {
  return template.replace(/\{\{\s*([\w.]+)\s*(?:\|\s*(\w+)\s*)?\}\}/g, (_, name: string, modifier?: string) => {
    const raw = params[name];
    const value = raw === undefined ? '' : String(raw);
    return modifier && modifiers[modifier] ? modifiers[modifier](value) : value;
  });
}

const find = (tree: LocalizationTree | undefined, key: string) => {
  let node: unknown = tree;
  for (const part of key.split('.')) node = isTree(node) ? node[part] : undefined;
  return typeof node === 'string' && node.length > 0 ? node : undefined;
};

/** A dotted key's label (page localization, then `english`), or undefined when neither has it. */
export function lookup(
  localization: LocalizationTree | undefined,
  key: string,
  params?: Record<string, string | number | undefined>,
  english?: LocalizationTree,
): string | undefined {
  const template = find(localization, key) ?? find(english, key);
  return template === undefined ? undefined : interpolate(template, params);
}

/** Looks up a dotted key (`signUp.continue.title`), falling back to `english`, then to the key. */
export function translate(
  localization: LocalizationTree | undefined,
  key: string,
  params?: Record<string, string | number | undefined>,
  english?: LocalizationTree,
): string {
  return lookup(localization, key, params, english) ?? key;
}
