import type { IncomingMessage, ServerResponse } from 'node:http';
import { readFile } from 'node:fs/promises';
import { DEMO_DIR, ELEMENTS_BUNDLE } from './paths';
import { PAGE_CSP, sendFile } from './http';

export interface DemoOptions {
  /** A real Clerk publishable key: pages then load clerk-js from Clerk, not from the emulator. */
  publishableKey?: string;
  /** The single-file browser build served at `/elements.js`. */
  elementsPath?: string;
  /** Folder of the demo pages (default `<repo>/demo`). */
  dir?: string;
}

/** Route -> page file. Pages are plain HTML using only our tags. */
export const DEMO_ROUTES: Record<string, string> = {
  '/': 'index.html',
  '/sign-in': 'sign-in.html',
  '/sign-in/sso-callback': 'sso-callback.html',
  '/sign-in/continue': 'continue.html',
  '/sign-up': 'sign-up.html',
  '/account': 'account.html',
  '/terms': 'terms.html',
  '/privacy': 'privacy.html',
};

/**
 * The Frontend API host a publishable key names (`pk_test_`/`pk_live_` + base64 of `<host>$`).
 * Throws on anything else: the key is written into the pages and the host into their CSP header,
 * so a malformed value must never reach either.
 */
export function frontendApiOf(publishableKey: string): string {
  const m = /^pk_(test|live)_([A-Za-z0-9+/]+={0,2})$/.exec(publishableKey);
  const decoded = m ? Buffer.from(m[2]!, 'base64').toString('utf8') : '';
  const host = decoded.endsWith('$') ? decoded.slice(0, -1) : '';
  if (!/^[a-z0-9-]+(\.[a-z0-9-]+)+$/i.test(host)) {
    throw new Error(`invalid Clerk publishable key ${JSON.stringify(publishableKey.slice(0, 16) + (publishableKey.length > 16 ? '…' : ''))}: expected pk_test_… or pk_live_… from the Clerk dashboard (API keys)`);
  }
  return host;
}

function csp(o: DemoOptions): string {
  if (!o.publishableKey) return PAGE_CSP;
  const fapi = `https://${frontendApiOf(o.publishableKey)}`;
  return PAGE_CSP.replace("script-src 'self'", `script-src 'self' ${fapi} https://challenges.cloudflare.com`)
    .replace("connect-src 'self'", `connect-src 'self' ${fapi}`)
    .replace("img-src 'self' data:", "img-src 'self' data: https://img.clerk.com")
    .replace("default-src 'self'", "default-src 'self'; frame-src https://challenges.cloudflare.com");
}

/** Rewrites the provider tag for real Clerk: that key, no proxy. */
function rewriteProvider(html: string, o: DemoOptions): string {
  if (!o.publishableKey) return html;
  return html.replace(/<clerk-provider\b([^>]*)>/g, (_m, attrs: string) => {
    const kept = attrs.replace(/\s+publishable-key="[^"]*"/, '').replace(/\s+proxy-url="[^"]*"/, '');
    return `<clerk-provider publishable-key="${o.publishableKey}"${kept}>`;
  });
}

export async function handleDemo(req: IncomingMessage, res: ServerResponse, url: URL, o: DemoOptions): Promise<boolean> {
  if (req.method !== 'GET' && req.method !== 'HEAD') return false;
  const dir = o.dir ?? DEMO_DIR;
  const path = url.pathname.replace(/\/$/, '') || '/';
  const headers = { 'content-security-policy': csp(o), 'cache-control': 'no-cache', 'x-content-type-options': 'nosniff' };
  const page = DEMO_ROUTES[path];
  if (page) {
    try {
      const html = rewriteProvider(await readFile(`${dir}/${page}`, 'utf8'), o);
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', ...headers });
      res.end(html);
      return true;
    } catch {
      return false;
    }
  }
  if (path === '/clerk-oauth-elements.js.map') {
    const file = `${o.elementsPath ?? ELEMENTS_BUNDLE}.map`;
    const slash = file.lastIndexOf('/');
    return sendFile(res, file.slice(0, slash), file.slice(slash + 1), { 'cache-control': 'no-cache' });
  }
  if (path === '/elements.js') {
    const file = o.elementsPath ?? ELEMENTS_BUNDLE;
    const slash = file.lastIndexOf('/');
    if (await sendFile(res, file.slice(0, slash), file.slice(slash + 1), { 'cache-control': 'no-cache' })) return true;
    res.writeHead(404, { 'content-type': 'text/javascript; charset=utf-8' });
    res.end('// elements bundle missing: run `npm run build` (or `npm start`, which builds it)\n');
    return true;
  }
  // Page scripts and styles: only flat .js / .css / .svg files of the demo folder.
  const asset = /^\/([a-z0-9-]+\.(js|css|svg))$/.exec(path);
  if (asset) return sendFile(res, dir, asset[1]!, { 'cache-control': 'no-cache', 'x-content-type-options': 'nosniff' });
  return false;
}
