import { resolveUrl } from '../../navigation.js';

/** A piece of Clerk's legal-consent label: plain text, or a link whose target is named by `param`. */
export type LegalPart = { text: string } | { text: string; param: string; href?: string };

/** Clerk's locale syntax for a link: `{{ termsOfServiceLink || link("Terms of Service") }}`. */
const LINK = /\{\{\s*(\w+)\s*\|\|\s*link\(\s*(["'])(.*?)\2\s*\)\s*\}\}/g;

/**
 * Only web links, for the legal links from Clerk's settings (any origin: the terms may live anywhere): a
 * `javascript:` or `data:` URL in the instance settings must never become a link.
 */
export function safeLinkUrl(url: string | null | undefined): string | undefined {
  const parsed = resolveUrl(url ?? undefined);
  return parsed && (parsed.protocol === 'http:' || parsed.protocol === 'https:') ? parsed.href : undefined;
}

/**
 * Splits a label template into text and link parts, so the links become real `<a>` elements without
 * ever parsing HTML. A link whose URL is missing or unsafe stays plain text.
 */
export function parseLegalLabel(template: string, urls: Record<string, string | undefined>): LegalPart[] {
  const parts: LegalPart[] = [];
  let last = 0;
  for (const match of template.matchAll(LINK)) {
    if (match.index > last) parts.push({ text: template.slice(last, match.index) });
    const param = match[1]!;
    parts.push({ text: match[3]!, param, href: safeLinkUrl(urls[param]) });
    last = match.index + match[0].length;
  }
  if (last < template.length) parts.push({ text: template.slice(last) });
  return parts;
}

/** Picks Clerk's label key for the links the instance has. */
export function legalLabelKey(termsUrl?: string, privacyPolicyUrl?: string): string {
  const base = 'signUp.legalConsent.checkbox.';
  if (termsUrl && !privacyPolicyUrl) return `${base}label__onlyTermsOfService`;
  if (privacyPolicyUrl && !termsUrl) return `${base}label__onlyPrivacyPolicy`;
  return `${base}label__termsOfServiceAndPrivacyPolicy`;
}
