/**
 * The loader (`<script type="module" src=".../browser/loader.js">`): defines each tag of this package the
 * first time it appears, in the document or in a shadow root handed to `observe()`, by importing that tag's
 * chunk (`./elements/<tag>.js` next to this file). A page downloads only the tags it uses.
 *
 * It also starts clerk-js's download at once for every `<clerk-provider publishable-key>` it sees, before the
 * element chunks (a `<link rel="preload">` of the very URL the provider will ask for), so the two downloads
 * overlap instead of following each other. The provider adds the script tag itself, which runs the
 * preloaded file: one request, and the script is never added twice.
 */
import { clerkScriptUrl, decodePublishableKey, pageClerkScript, scriptSourceProblem } from './clerk-loader.js';

/** Every tag, and the chunk that defines it. The provider first: elements upgraded with it find it at once. */
export const LOADER_TAGS = ['clerk-provider', 'oauth-buttons', 'sso-callback', 'continue-signup', 'connected-accounts'] as const;
export type LoaderTag = (typeof LOADER_TAGS)[number];

const PROVIDER: LoaderTag = 'clerk-provider';
const SELECTOR = LOADER_TAGS.join(',');
// Through a variable: Vite rewrites `new URL(…, import.meta.url)` into a build-time asset lookup.
const here = import.meta.url;
const chunkUrl = (name: string) => new URL(`./elements/${name}.js`, here).href;

/**
 * Each chunk's other chunks, written in by the build (absent when this module runs from source): what its
 * first frame imports (`now`), and what it imports after (`later`).
 */
declare const __LOADER_CHUNKS__: Record<string, { now: string[]; later: string[] }> | undefined;
const CHUNKS: Record<string, { now: string[]; later: string[] }> = typeof __LOADER_CHUNKS__ === 'undefined' ? {} : __LOADER_CHUNKS__;

const imported = new Map<string, Promise<unknown>>();
const preloaded = new Set<string>();

/** Fetches a module now (and its shared chunks, known from the build), to evaluate it later. */
function preload(file: string): void {
  const url = new URL(`./elements/${file}`, here).href;
  if (preloaded.has(url)) return;
  preloaded.add(url);
  const link = document.createElement('link');
  link.rel = 'modulepreload';
  link.href = url;
  document.head.append(link);
}
/** What must have run before the next element chunk evaluates: Lit's hydration support, then the provider. */
let gate: Promise<unknown> = Promise.resolve();

/** Starts clerk-js's download for a provider element (when the page has no Clerk, nor its own clerk-js tag, and the settings are usable). */
function startClerk(provider: Element): void {
  const key = provider.getAttribute('publishable-key')?.trim();
  if (!key || (window as { Clerk?: unknown }).Clerk || pageClerkScript()) return;
  const parsed = decodePublishableKey(key);
  if ('why' in parsed) return; // The provider reports the bad key itself.
  const attr = (name: string) => provider.getAttribute(name)?.trim() || undefined;
  const source = {
    publishableKey: key,
    frontendApi: parsed.frontendApi,
    proxyUrl: attr('proxy-url'),
    domain: attr('domain'),
    clerkJsUrl: attr('clerk-js-url'),
    clerkJsVersion: attr('clerk-js-version'),
    integrity: attr('clerk-js-integrity'),
  };
  if (scriptSourceProblem(source)) return; // Reported by the provider, which refuses the same settings.
  const href = clerkScriptUrl(source);
  if (document.head.querySelector(`link[rel=preload][data-clerk-oauth-elements="${CSS.escape(href)}"]`)) return;
  // The same request the provider's script tag makes (CORS, integrity, nonce), so the browser hands it the file.
  const link = document.createElement('link');
  link.rel = 'preload';
  link.as = 'script';
  link.crossOrigin = 'anonymous';
  if (source.integrity) link.integrity = source.integrity;
  const nonce = (provider as HTMLElement).nonce;
  if (nonce) link.nonce = nonce;
  link.href = href;
  link.dataset.clerkOauthElements = href;
  document.head.append(link);
}

/**
 * Asks for a chunk once: fetched at once (a module preload, with the chunks its first frame imports),
 * evaluated after `after`. So every download overlaps, while consumers still upgrade with their provider
 * defined (no page-Clerk fallback in between) and server-rendered elements find hydration support in place.
 */
function chunk(name: string, after: Promise<unknown>): Promise<unknown> {
  let pending = imported.get(name);
  if (pending) return pending;
  const url = chunkUrl(name);
  for (const file of [`${name}.js`, ...(CHUNKS[name]?.now ?? [])]) preload(file);
  pending = after.then(() => import(/* @vite-ignore */ url));
  pending.catch((cause: unknown) => console.error(`clerk-oauth-elements loader: ${url} could not be loaded.`, cause));
  imported.set(name, pending);
  return pending;
}

const settled = (promise: Promise<unknown>) => promise.catch(() => undefined);

/** Loads what `root` (a document, fragment or shadow root) uses now. */
function discover(root: ParentNode): void {
  const found = new Set<LoaderTag>();
  const providers: Element[] = [];
  let serverRendered = false;
  const visit = (el: Element) => {
    const tag = el.localName as LoaderTag;
    if (tag === PROVIDER) providers.push(el);
    if (customElements.get(tag)) return;
    found.add(tag);
    // A declarative shadow root from the server (`renderOAuthButtons`): hydrate it rather than render again.
    if (el.shadowRoot) serverRendered = true;
  };
  if (root instanceof Element && root.matches(SELECTOR)) visit(root);
  root.querySelectorAll(SELECTOR).forEach(visit);
  // clerk-js first: its request must not queue behind the element chunks.
  providers.forEach(startClerk);
  if (serverRendered && !imported.has('hydrate')) gate = settled(chunk('hydrate', gate));
  if (found.has(PROVIDER) && !imported.has(PROVIDER)) gate = settled(chunk(PROVIDER, gate));
  for (const tag of LOADER_TAGS) if (found.has(tag)) void chunk(tag, gate);
  // Then what they need after their first frame (loading Clerk, starting a flow): fetched now, behind the
  // first frame's chunks, so it is here when Clerk is.
  for (const tag of found) for (const file of CHUNKS[tag]?.later ?? []) preload(file);
}

const observed = new WeakSet<Node>();

/**
 * Watches a root for tags of this package and defines them on first sight. The document is observed
 * already; call this for shadow roots (or other roots) whose content should be watched too.
 */
export function observe(root: Document | ShadowRoot | DocumentFragment | Element = document): void {
  if (observed.has(root)) return;
  observed.add(root);
  discover(root);
  new MutationObserver((records) => {
    for (const record of records) {
      for (const node of record.addedNodes) if (node instanceof Element) discover(node);
    }
  }).observe(root, { childList: true, subtree: true });
}

/** Resolves once every tag of this package now in `root` is defined. */
export async function allDefined(root: ParentNode = document): Promise<void> {
  discover(root);
  const tags = new Set([...root.querySelectorAll(SELECTOR)].map((el) => el.localName as LoaderTag));
  await Promise.all([...tags].map((tag) => customElements.whenDefined(tag)));
}

// In Node (a server render importing every entry) there is no document to watch.
if (typeof document !== 'undefined') observe(document);
