import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { PROVIDER_PROFILE_PATH, PROVIDER_PROFILE_URLS, providerProfileRoute } from '../../demo/server/provider-profile';

export { PROVIDER_PROFILE_URLS };
import { DEMO_DIR, ELEMENTS_BUNDLE } from './paths';
import { PAGE_CSP, encodeBody, sendFile } from './http';
import type { RouteTable } from './router';
import { PROXY_PATH } from './urls';

export interface DemoOptions {
  /** A real Clerk publishable key: pages then load clerk-js from Clerk, not from the emulator. */
  publishableKey?: string;
  /** The single-file browser build served at `/elements.js`. */
  elementsPath?: string;
  /** Folder of the demo pages (default `<repo>/demo`). */
  dir?: string;
  /** Real-Clerk mode: the instance's secret key, so `/api/provider-profile` can call Clerk's Backend API. */
  secretKey?: string;
  /** Real-Clerk mode: another Backend API than https://api.clerk.com. */
  backendApiUrl?: string;
  /**
   * The provider API the demo's server route calls (default: the fake provider's `/fake-idp/api/me`; in real-Clerk
   * mode the providers' own, `PROVIDER_PROFILE_URLS`).
   */
  providerProfileUrl?: (origin: string, provider: string) => string | undefined;
  /** More pages (route -> absolute file), served without the demo's CSP: the bench's comparison pages. */
  extraPages?: Record<string, string>;
  /** An installed `@clerk/ui/dist` folder, served at Clerk's CDN layout under the proxy (the bench's prebuilt UI). */
  clerkUiDist?: string;
}

/** Route -> page file. Pages are plain HTML using only our tags. */
export const DEMO_ROUTES: Record<string, string> = {
  '/': 'index.html',
  '/sign-in': 'sign-in.html',
  '/sign-in/loader': 'sign-in-loader.html',
  '/sign-in/own-clerk': 'sign-in-own-clerk.html',
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

/**
 * Rewrites a page for real Clerk: the provider tag gets that key and no proxy; a page's own clerk-js script tag
 * (`sign-in-own-clerk.html`) gets that key and the instance's clerk-js, without the proxy.
 */
function rewriteForInstance(html: string, o: DemoOptions): string {
  if (!o.publishableKey) return html;
  const key = o.publishableKey;
  return html
    .replace(/<clerk-provider\b([^>]*)>/g, (_m, attrs: string) => {
      const kept = attrs.replace(/\s+publishable-key="[^"]*"/, '').replace(/\s+proxy-url="[^"]*"/, '');
      return `<clerk-provider publishable-key="${key}"${kept}>`;
    })
    .replace(/<script\b([^>]*)\sdata-clerk-publishable-key="[^"]*"([^>]*)>/g, (_m, before: string, after: string) => {
      const attrs = `${before}${after}`
        .replace(/\s+data-clerk-proxy-url="[^"]*"/, '')
        .replace(/\ssrc="\/__clerk(\/npm\/[^"]*)"/, (_s, path: string) => ` src="https://${frontendApiOf(key)}${path}"`);
      return `<script${attrs} data-clerk-publishable-key="${key}">`;
    });
}

/** What the demo's server route needs to reach the Backend API (the emulator's own, or real Clerk's). */
export interface DemoBackend {
  secretKey: string;
  publishableKey: string;
  /** The emulator's `<origin>/__clerk_backend` (per request origin); undefined for Clerk's `https://api.clerk.com`. */
  apiUrl: (origin: string) => string | undefined;
  /** The provider API the route calls with the user's access token (the fake provider's `/fake-idp/api/me`). */
  providerProfileUrl: (origin: string, provider: string) => string | undefined;
}

/** Registers the demo pages, their scripts, the elements bundle and the server route in the route table. */
export function mountDemo(table: RouteTable, o: DemoOptions, backend: DemoBackend | null): void {
  const dir = o.dir ?? DEMO_DIR;
  const headers = { 'content-security-policy': csp(o), 'cache-control': 'no-cache', 'x-content-type-options': 'nosniff' };
  for (const [path, page] of Object.entries(DEMO_ROUTES)) {
    table.on('GET', path, async ({ res }) => {
      let html: string;
      try {
        html = rewriteForInstance(await readFile(`${dir}/${page}`, 'utf8'), o);
      } catch {
        return false;
      }
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', ...headers });
      res.end(html);
    });
  }
  const bundle = o.elementsPath ?? ELEMENTS_BUNDLE;
  const slash = bundle.lastIndexOf('/');
  table.on('GET', '/clerk-oauth-elements.js.map', async ({ res }) => {
    if (!(await sendFile(res, bundle.slice(0, slash), `${bundle.slice(slash + 1)}.map`, { 'cache-control': 'no-cache' }))) return false;
  });
  // The loader and the per-element chunks, beside the single file in dist/browser.
  const browserDir = dirname(bundle);
  table.on('GET', '/loader.js', async ({ res }) => {
    if (!(await sendFile(res, browserDir, 'loader.js', { 'cache-control': 'no-cache' }))) return false;
  });
  table.on('GET', '/elements/:file', async ({ res, params }) => {
    if (!/^[\w-]+\.js(\.map)?$/.test(params.file ?? '')) return false;
    if (!(await sendFile(res, `${browserDir}/elements`, params.file!, { 'cache-control': 'no-cache' }))) return false;
  });
  // The sign-in page with <oauth-buttons> rendered on the server (declarative shadow DOM), per request.
  table.on('GET', '/sign-in/ssr', async ({ res }) => {
    let html: string;
    try {
      html = await readFile(`${dir}/sign-in-ssr.html`, 'utf8');
    } catch {
      return false;
    }
    const { renderSsrSlots } = await import('./demo-ssr');
    html = await renderSsrSlots(rewriteForInstance(html, o));
    // The declarative shadow roots carry their styles inline: allowed by hash, nothing else inline is.
    const hashes = [...html.matchAll(/<style>([\s\S]*?)<\/style>/g)].map((m) => `'sha256-${createHash('sha256').update(m[1]!).digest('base64')}'`);
    const policy = headers['content-security-policy'].replace("style-src 'self'", `style-src 'self' ${[...new Set(hashes)].join(' ')}`);
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', ...headers, 'content-security-policy': policy });
    res.end(html);
  });
  for (const [path, file] of Object.entries(o.extraPages ?? {})) {
    table.on('GET', path, async ({ res }) => {
      const html = await readFile(file).catch(() => undefined);
      if (html === undefined) return false;
      const { body, headers: encoding } = encodeBody(res, 'text/html', html);
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-cache', ...encoding });
      res.end(body);
    });
  }
  if (o.clerkUiDist) {
    const uiDist = o.clerkUiDist;
    table.on('GET', `${PROXY_PATH}/npm/@clerk/ui@:version/dist/:file`, async ({ res, params }) => {
      if (!(await sendFile(res, uiDist, params.file!, { 'cache-control': 'public, max-age=300', 'access-control-allow-origin': '*' }))) return false;
    });
  }
  table.on('GET', '/elements.js', async ({ res }) => {
    if (await sendFile(res, bundle.slice(0, slash), bundle.slice(slash + 1), { 'cache-control': 'no-cache' })) return;
    res.writeHead(404, { 'content-type': 'text/javascript; charset=utf-8' });
    res.end('// elements bundle missing: run `npm run build` (or `npm start`, which builds it)\n');
  });
  if (backend) {
    // One handler (one Clerk client) per origin the pages are served on: it is the authorized party.
    const handlers = new Map<string, ReturnType<typeof providerProfileRoute>>();
    const handlerFor = (origin: string) => {
      let handler = handlers.get(origin);
      if (!handler) {
        handler = providerProfileRoute({
          secretKey: backend.secretKey,
          publishableKey: backend.publishableKey,
          apiUrl: backend.apiUrl(origin),
          authorizedParties: [origin],
          providerProfileUrl: (provider) => backend.providerProfileUrl(origin, provider),
        });
        handlers.set(origin, handler);
      }
      return handler;
    };
    table.on('GET', PROVIDER_PROFILE_PATH, async ({ req, res, url, origin }) => {
      const handler = handlerFor(origin);
      const request = new Request(url, { method: 'GET', headers: new Headers(Object.entries(req.headers).flatMap(([k, v]) => (v === undefined ? [] : [[k, Array.isArray(v) ? v.join(', ') : v] as [string, string]]))) });
      const response = await handler(request);
      res.writeHead(response.status, Object.fromEntries(response.headers));
      res.end(Buffer.from(await response.arrayBuffer()));
    });
  }
  // Page scripts and styles: only flat .js / .css / .svg files of the demo folder.
  table.on('GET', '/:file', async ({ res, params }) => {
    const file = params.file ?? '';
    if (!/^[a-z0-9-]+\.(js|css|svg)$/.test(file)) return false;
    if (!(await sendFile(res, dir, file, { 'cache-control': 'no-cache', 'x-content-type-options': 'nosniff' }))) return false;
  });
}
