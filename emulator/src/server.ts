import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { BACKEND_ROUTES, authorized, backendNotFound, invalidSecretKey } from './backend';
import { parseBody, parseCookies, readBody, type LogEntry, type RequestContext, type World } from './context';
import { CONTROL_ROUTES, type ControlApi } from './control';
import { PROVIDER_PROFILE_URLS, frontendApiOf, mountDemo, type DemoOptions } from './demo';
import { FAPI_ERRORS, FapiError, apiError, codeForStatus } from './errors';
import { FAPI_ROUTES } from './fapi';
import { Faults, type FaultSpec } from './faults';
import { CLIENT_COOKIE, type FapiRoute } from './flows';
import { MIME, PAGE_CSP, sendFile, setCompression } from './http';
import { clientJSON } from './json';
import { MINUTE_MS } from './durations';
import { generateInstanceKeys } from './keys';
import { ASSETS_DIR, clerkJsDist } from './paths';
import { authorizeDecision, authorizePage, providerMe } from './provider';
import { RouteTable, type RouteRequest } from './router';
import { DEFAULT_SETTINGS, loadSettingsFile, mergeSettings, type EmulatorSettings, type SeedUser, type SettingsInput } from './settings';
import { Store, type UserRecord } from './state';
import { AUTHORIZE_PATH, BACKEND_PATH, CONTROL_PATH, PROVIDER_API_PATH, PROXY_PATH } from './urls';

export { PROXY_PATH, CONTROL_PATH, BACKEND_PATH } from './urls';

/** `pk_test_` + base64(`clerk.emu.test$`): a host with a dot and no dev suffix, so no dev-browser handshake. */
export const EMULATOR_PUBLISHABLE_KEY = `pk_test_${Buffer.from('clerk.emu.test$').toString('base64')}`;

export interface EmulatorOptions {
  /** 0 (default) picks a free port. Always bound to 127.0.0.1. */
  port?: number;
  /** A settings object merged over the defaults, or a path to a JSON settings file. */
  settings?: SettingsInput | string;
  /** Enables the test control API under `/__emulator/*` (404 otherwise). */
  control?: boolean;
  /** Persist state to this JSON file (loaded at start when present). */
  persist?: string | null;
  /** Serve the demo site (`demo/*.html`, `/elements.js`) on the same origin. */
  demo?: boolean | DemoOptions;
  /**
   * Serve a single-page app's built folder (e.g. `examples/react/dist`) on the same origin, below every other
   * route: its files, and its `index.html` for any other GET path, so the app's router owns the paths.
   */
  app?: { dir: string };
  /** Print one line per request; or a function receiving each log entry. */
  logRequests?: boolean | ((entry: LogEntry) => void);
  /** Gzip text files and bench pages for clients that accept it (the bench; off by default). */
  compress?: boolean;
  /** Keep at most this many log entries in memory (default 5000). */
  logLimit?: number;
}

export interface RunningEmulator {
  /** `http://127.0.0.1:<port>` */
  url: string;
  port: number;
  publishableKey: string;
  proxyUrl: string;
  /** Requests answered so far (method, path, status...), oldest first. */
  log: LogEntry[];
  world: World;
  faults: Faults;
  readonly settings: EmulatorSettings;
  /** `sk_test_emulator…`: the Backend API's bearer token (fresh at every start). */
  secretKey: string;
  /** `<url>/__clerk_backend`: `apiUrl` for `@clerk/backend`'s `createClerkClient`. */
  backendApiUrl: string;
  /** The session-token signing key's public half (PEM), for `verifyToken({ jwtKey })` without a JWKS fetch. */
  jwtKey: string;
  reset(settings?: SettingsInput): void;
  seedUser(user: SeedUser): UserRecord;
  setSettings(patch: SettingsInput): EmulatorSettings;
  injectFault(spec: FaultSpec): number;
  /** Moves every active session's last first-factor verification `minutes` into the past (reverification tests). */
  ageSessions(minutes: number): number;
  clearLog(): void;
  close(): Promise<void>;
}

function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string | string[]> = {}): void {
  const data = body === null && status === 204 ? '' : JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store', ...headers });
  res.end(data);
}

/** The Backend API's JSON: `@clerk/backend` parses a body only when the content type is exactly `application/json`. */
function sendBackendJson(res: ServerResponse, out: { status: number; body: unknown }): void {
  res.writeHead(out.status, { 'content-type': 'application/json', 'cache-control': 'no-store' });
  res.end(JSON.stringify(out.body));
}

function resolveSettings(input: SettingsInput | string | undefined): EmulatorSettings {
  if (typeof input === 'string') return loadSettingsFile(input);
  return mergeSettings(DEFAULT_SETTINGS, input ?? {});
}

/** A listen failure as a sentence a person can act on (the original error stays as `cause`, its `code` is kept). */
function listenError(err: NodeJS.ErrnoException, port: number): Error {
  const reason =
    err.code === 'EADDRINUSE'
      ? `port ${port} on 127.0.0.1 is already in use (another server, or a second \`npm start\`?). Stop it, or pick another port: PORT=${port + 1} npm start`
      : err.code === 'EACCES'
        ? `no permission to listen on port ${port} (ports below 1024 need privileges). Pick another port: PORT=4400 npm start`
        : `cannot listen on 127.0.0.1:${port}: ${err.message}`;
  return Object.assign(new Error(reason, { cause: err }), { code: err.code });
}

/** `PORT` / `--port` text -> a port number, or a clear error. */
export function parsePort(value: string | number | undefined, fallback: number): number {
  if (value === undefined || value === '') return fallback;
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`invalid port ${JSON.stringify(String(value))}: use a whole number from 0 to 65535 (0 picks a free port)`);
  return port;
}

export async function startEmulator(options: EmulatorOptions = {}): Promise<RunningEmulator> {
  if (options.port !== undefined) parsePort(options.port, 0);
  if (options.demo && options.demo !== true && options.demo.publishableKey) frontendApiOf(options.demo.publishableKey);
  const initialSettings = resolveSettings(options.settings);
  const store = new Store(options.persist ?? null);
  const keys = generateInstanceKeys();
  const world: World = { settings: initialSettings, initialSettings, store, keys };
  if (store.isEmpty) store.reset(initialSettings);
  const faults = new Faults();
  const log: LogEntry[] = [];
  const logLimit = options.logLimit ?? 5000;
  let seq = 0;
  const clerkDist = clerkJsDist();
  const demo: DemoOptions | null = options.demo ? (options.demo === true ? {} : options.demo) : null;
  setCompression(options.compress === true);
  const sockets = new Set<Socket>();
  /** The port listened on (set once listening; the control API's Host check compares with it). */
  let port = -1;

  const api: ControlApi = {
    reset(settings?: SettingsInput) {
      world.settings = settings ? mergeSettings(world.initialSettings, settings) : world.initialSettings;
      store.reset(world.settings);
      faults.clear();
    },
    seedUser: (user: SeedUser) => store.seedUser(user),
    setSettings(patch: SettingsInput) {
      world.settings = mergeSettings(world.settings, patch);
      return world.settings;
    },
    injectFault: (spec: FaultSpec) => faults.add(spec).id,
    ageSessions(minutes: number) {
      const sessions = Object.values(store.data.sessions).filter((s) => s.status === 'active');
      for (const s of sessions) s.firstFactorVerifiedAt = (s.firstFactorVerifiedAt ?? s.createdAt) - minutes * MINUTE_MS;
      store.save();
      return sessions.length;
    },
    clearLog() {
      log.length = 0;
    },
  };

  // ------------------------------------------------------------------ the one route table
  const table = new RouteTable();
  const unlogged = new WeakSet<LogEntry>();

  async function makeContext(r: RouteRequest): Promise<RequestContext> {
    const { req } = r;
    const raw = req.method === 'GET' || req.method === 'HEAD' ? '' : await readBody(req);
    const cookies = parseCookies(req.headers.cookie);
    const clientId = cookies[CLIENT_COOKIE];
    return {
      world,
      req,
      res: r.res,
      url: r.url,
      origin: r.origin,
      method: r.method,
      body: parseBody(raw, req.headers['content-type']),
      cookies,
      params: r.params,
      client: (clientId && store.data.clients[clientId]) || null,
      setCookies: [],
    };
  }

  // Test control API: never faulted, never logged; 404 for everything when it is off. It runs on a developer's
  // machine, so a web page must not be able to drive it: only the emulator's own Host (a DNS-rebinding page has
  // another) and only JSON bodies (a cross-site form or `no-cors` fetch cannot send `application/json` without a
  // CORS preflight, which this API never answers).
  if (options.control) {
    for (const route of CONTROL_ROUTES) {
      table.on(
        route.method,
        CONTROL_PATH + route.path,
        async ({ req, res, url }) => {
          const refused = controlRefusal(req);
          if (refused) return void (await readBody(req), sendJson(res, 403, { error: refused }));
          const raw = await readBody(req);
          let out: { status: number; body: unknown };
          try {
            out = route.handler({ world, faults, log, api, query: url.searchParams, body: raw ? (JSON.parse(raw) as unknown) : undefined });
          } catch (e) {
            out = { status: 400, body: { error: (e as Error).message } };
          }
          sendJson(res, out.status, out.body);
        },
        { faults: false, log: false },
      );
    }
  }
  /** Why a control request is refused (403), or null: a foreign Host, or a body that is not JSON. */
  function controlRefusal(req: IncomingMessage): string | null {
    const host = (req.headers.host ?? '').toLowerCase();
    if (host !== `127.0.0.1:${port}` && host !== `localhost:${port}`) return `control API: Host ${JSON.stringify(req.headers.host ?? '')} is not this emulator (127.0.0.1:${port} or localhost:${port})`;
    if (req.method === 'GET' || req.method === 'HEAD') return null;
    const type = (req.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
    // Every change needs the JSON type, a body or not: a cross-site `fetch(url, { method: 'POST', mode: 'no-cors' })`
    // without a body carries no content type at all.
    if (type !== 'application/json') return `control API: only application/json bodies (got ${JSON.stringify(req.headers['content-type'] ?? '')})`;
    return null;
  }
  const controlMissing = async ({ req, res, method, url }: RouteRequest) =>
    options.control
      ? (await readBody(req), sendJson(res, controlRefusal(req) ? 403 : 404, { error: controlRefusal(req) ?? `no control route ${method} ${url.pathname.slice(CONTROL_PATH.length)}` }))
      : sendJson(res, 404, { errors: [apiError('resource_not_found', 'not found')] });
  table.on('*', CONTROL_PATH, controlMissing, { faults: false, log: false });
  table.on('*', `${CONTROL_PATH}/*`, controlMissing, { faults: false, log: false });

  // clerk-js at Clerk's CDN layout under the proxy (script + lazy chunks).
  table.on('GET', `${PROXY_PATH}/npm/@clerk/clerk-js@:version/dist/:file`, async ({ res, params }) => {
    if (await sendFile(res, clerkDist, params.file!, { 'cache-control': 'public, max-age=300', 'access-control-allow-origin': '*' })) return;
    sendJson(res, 404, { errors: [apiError('resource_not_found', 'not found')] });
  });

  // Frontend API.
  for (const route of FAPI_ROUTES) {
    table.on(route.method, PROXY_PATH + route.pattern, (r) => answerFapi(r, route), { name: `${route.method} ${route.pattern}` });
  }
  table.on('*', `${PROXY_PATH}/v1/*`, ({ res, method, url }) => {
    const sub = url.pathname.slice(PROXY_PATH.length);
    const status = table.pathKnown(url.pathname) ? 405 : 404;
    sendJson(res, status, { errors: [apiError('resource_not_found', 'not found', `No emulated route for ${method} ${sub}`)] });
  });

  // Backend API (for @clerk/backend): the secret key first, then the route.
  for (const route of BACKEND_ROUTES) {
    table.on(route.method, BACKEND_PATH + route.pattern, ({ req, res, params, url }) => {
      sendBackendJson(res, authorized(req, world) ? route.handler(world, params, url.searchParams) : invalidSecretKey());
    });
  }
  table.on('*', `${BACKEND_PATH}/*`, ({ req, res, url }) => {
    sendBackendJson(res, authorized(req, world) ? backendNotFound(`route ${url.pathname.slice(BACKEND_PATH.length)}`) : invalidSecretKey());
  });

  // The fake identity provider: consent page, its decision, its API.
  const providerHeaders = { 'content-security-policy': PAGE_CSP, 'cache-control': 'no-store' };
  table.on('GET', AUTHORIZE_PATH, async (r) => {
    const out = authorizePage(await makeContext(r));
    r.res.writeHead(out.status, { 'content-type': MIME['.html']!, ...providerHeaders });
    r.res.end(out.html);
  });
  table.on('POST', AUTHORIZE_PATH, async (r) => {
    const out = authorizeDecision(await makeContext(r));
    if (out.location) {
      r.res.writeHead(302, { location: out.location, 'cache-control': 'no-store' });
      return void r.res.end();
    }
    r.res.writeHead(out.status, { 'content-type': MIME['.html']!, ...providerHeaders });
    r.res.end(out.html);
  });
  table.on('GET', `${PROVIDER_API_PATH}/me`, async (r) => {
    const out = providerMe(await makeContext(r));
    sendJson(r.res, out.status, out.body, out.headers);
  });

  table.on('GET', '/emulator-assets/*', async ({ res, params }) => {
    if (!(await sendFile(res, ASSETS_DIR, params['*']!, { 'cache-control': 'public, max-age=300' }))) return false;
  });

  if (demo) {
    // The demo's server route talks to this emulator's Backend API; in real-Clerk mode to Clerk's, and only
    // when a secret key for that instance is given.
    const backend = demo.publishableKey
      ? demo.secretKey
        ? { secretKey: demo.secretKey, publishableKey: demo.publishableKey, apiUrl: () => demo.backendApiUrl, providerProfileUrl: demo.providerProfileUrl ?? ((_origin: string, provider: string) => PROVIDER_PROFILE_URLS[provider]) }
        : null
      : { secretKey: keys.secretKey, publishableKey: EMULATOR_PUBLISHABLE_KEY, apiUrl: (origin: string) => `${origin}${BACKEND_PATH}`, providerProfileUrl: (origin: string) => `${origin}${PROVIDER_API_PATH}/me` };
    mountDemo(table, demo, backend);
  }

  table.on('GET', '/favicon.ico', ({ res }) => {
    res.writeHead(204, { 'cache-control': 'public, max-age=3600' });
    res.end();
  });

  if (options.app) {
    const appDir = options.app.dir;
    table.on('GET', '/*', async ({ res, params }) => {
      const path = params['*'] || 'index.html';
      if (await sendFile(res, appDir, path, { 'cache-control': 'no-cache' })) return;
      if (/\.\w+$/.test(path)) return false;
      if (!(await sendFile(res, appDir, 'index.html', { 'cache-control': 'no-cache' }))) return false;
    });
  }

  async function answerFapi(r: RouteRequest, route: FapiRoute): Promise<void> {
    const ctx = await makeContext(r);
    const headers: Record<string, string | string[]> = {};
    try {
      const out = await route.handler(ctx);
      if (ctx.setCookies.length) headers['set-cookie'] = ctx.setCookies;
      if (out.redirect) {
        r.res.writeHead(out.status ?? 302, { location: out.redirect, 'cache-control': 'no-store', ...headers });
        return void r.res.end();
      }
      return sendJson(r.res, out.status ?? 200, out.body, headers);
    } catch (e) {
      if (ctx.setCookies.length) headers['set-cookie'] = ctx.setCookies;
      if (e instanceof FapiError) {
        store.save();
        const client = ctx.client;
        return sendJson(r.res, e.status, { errors: e.errors, meta: client ? { client: clientJSON(client, store, world.settings, ctx.origin, keys) } : {} }, headers);
      }
      throw e;
    }
  }

  async function handle(req: IncomingMessage, res: ServerResponse, entry: LogEntry): Promise<void> {
    const host = req.headers.host ?? '127.0.0.1';
    const origin = `http://${host}`;
    const url = new URL(req.url ?? '/', origin);
    const first = table.match(entry.effectiveMethod, url.pathname);
    if (first) entry.route = first.route.name;
    if (first && !first.route.log) unlogged.add(entry);

    if (!first || first.route.faults) {
      const fault = faults.take(req.method ?? 'GET', entry.effectiveMethod, url.pathname);
      if (fault) {
        if (fault.latencyMs) {
          entry.fault = 'latency';
          await new Promise((r) => setTimeout(r, fault.latencyMs));
        }
        if (fault.drop) {
          entry.fault = 'drop';
          entry.status = 0;
          req.socket.destroy();
          return;
        }
        if (fault.status !== undefined) {
          entry.fault = 'status';
          const code = fault.code ?? codeForStatus(fault.status);
          const headers: Record<string, string> = fault.retryAfter !== undefined ? { 'retry-after': String(fault.retryAfter) } : {};
          return sendJson(res, fault.status, { errors: [{ code, message: 'Injected fault', long_message: `The emulator was told to fail this request with ${fault.status}.`, meta: {} }] }, headers);
        }
      }
    }

    for (const { route, params } of table.matches(entry.effectiveMethod, url.pathname)) {
      entry.route = route.name;
      if ((await route.handler({ req, res, url, origin, method: entry.effectiveMethod, params })) !== false) return;
    }
    delete entry.route;
    res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' });
    res.end('Not found');
  }

  const server = createServer((req, res) => {
    const started = performance.now();
    const url = new URL(req.url ?? '/', 'http://x');
    const entry: LogEntry = {
      seq: ++seq,
      time: Date.now(),
      method: req.method ?? 'GET',
      effectiveMethod: (url.searchParams.get('_method') ?? req.method ?? 'GET').toUpperCase(),
      path: url.pathname,
      query: url.search,
      status: 0,
      durationMs: 0,
    };
    const finish = () => {
      entry.status = entry.fault === 'drop' ? 0 : res.statusCode;
      entry.durationMs = Math.round((performance.now() - started) * 10) / 10;
      if (unlogged.has(entry)) return;
      log.push(entry);
      if (log.length > logLimit) log.splice(0, log.length - logLimit);
      if (typeof options.logRequests === 'function') options.logRequests(entry);
      else if (options.logRequests) {
        const m = entry.effectiveMethod !== entry.method ? `${entry.method}(${entry.effectiveMethod})` : entry.method;
        process.stdout.write(`${m} ${entry.path} ${entry.fault === 'drop' ? 'dropped' : entry.status} ${entry.durationMs}ms${entry.route ? ` [${entry.route}]` : ''}\n`);
      }
    };
    let done = false;
    const once = () => {
      if (!done) {
        done = true;
        finish();
      }
    };
    res.on('finish', once);
    res.on('close', once);
    handle(req, res, entry).catch((err: unknown) => {
      process.stderr.write(`emulator: ${req.method} ${req.url}: ${(err as Error)?.stack ?? String(err)}\n`);
      if (!res.headersSent) sendJson(res, 500, { errors: [apiError('internal_clerk_error', FAPI_ERRORS.internal_clerk_error.message, String((err as Error)?.message ?? err))] });
      else res.end();
    });
  });
  server.on('connection', (s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  const wantedPort = options.port ?? 0;
  await new Promise<void>((resolve, reject) => {
    server.once('error', (err: NodeJS.ErrnoException) => reject(listenError(err, wantedPort)));
    server.listen(wantedPort, '127.0.0.1', () => resolve());
  });
  port = (server.address() as AddressInfo).port;
  const url = `http://127.0.0.1:${port}`;
  return {
    url,
    port,
    publishableKey: EMULATOR_PUBLISHABLE_KEY,
    proxyUrl: `${url}${PROXY_PATH}`,
    secretKey: keys.secretKey,
    backendApiUrl: `${url}${BACKEND_PATH}`,
    jwtKey: keys.publicKeyPem,
    log,
    world,
    faults,
    get settings() {
      return world.settings;
    },
    ...api,
    close: () =>
      new Promise<void>((resolve) => {
        store.save();
        server.close(() => resolve());
        for (const s of sockets) s.destroy();
      }),
  };
}
