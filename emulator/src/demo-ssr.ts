// The server-rendered demo page's slots, filled with the package's own SSR entry. Imported at run time (by URL,
// through tsx) on first request: it installs Lit's server DOM shim in this process, which the rest of the
// emulator never needs, and the emulator's type check stays out of the package's sources.
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { REPO_ROOT } from './paths';

interface SsrEntry {
  clerkPreloadHint(options: { publishableKey: string; proxyUrl?: string }): string;
  renderOAuthButtons(options: { strategies: string; mode?: 'sign-in' | 'sign-up'; redirectUrl?: string; redirectUrlComplete?: string; iconBaseUrl?: string }): string;
}
let entry: Promise<SsrEntry> | undefined;
const ssrEntry = () => (entry ??= import(pathToFileURL(join(REPO_ROOT, 'src/ssr/index.ts')).href) as Promise<SsrEntry>);

const attrOf = (tag: string, name: string) => new RegExp(`\\s${name}="([^"]*)"`).exec(tag)?.[1];

/**
 * `<!--ssr:preload-->` -> the clerk-js preload hint for the page's `<clerk-provider>` (key and proxy as written
 * on the tag); `<!--ssr:oauth-buttons strategies="…" redirect-url="…" icon-base-url="…"-->` -> the server-rendered element.
 */
export async function renderSsrSlots(html: string): Promise<string> {
  const { clerkPreloadHint, renderOAuthButtons } = await ssrEntry();
  const provider = /<clerk-provider\b[^>]*>/.exec(html)?.[0] ?? '';
  const publishableKey = attrOf(provider, 'publishable-key') ?? '';
  const proxyUrl = attrOf(provider, 'proxy-url');
  return html
    .replace('<!--ssr:preload-->', publishableKey ? clerkPreloadHint({ publishableKey, proxyUrl }) : '')
    .replace(/<!--ssr:oauth-buttons([^>]*)-->/g, (_m, attrs: string) =>
      renderOAuthButtons({
        strategies: attrOf(attrs, 'strategies') ?? 'oauth_google',
        mode: attrOf(attrs, 'mode') === 'sign-up' ? 'sign-up' : undefined,
        redirectUrl: attrOf(attrs, 'redirect-url'),
        redirectUrlComplete: attrOf(attrs, 'redirect-url-complete'),
        iconBaseUrl: attrOf(attrs, 'icon-base-url'),
      }),
    );
}
