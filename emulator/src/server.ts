import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { parseBody, parseCookies, readBody, type LogEntry, type RequestContext, type World } from './context';
import { FAPI_ERRORS, FapiError, apiError, codeForStatus } from './errors';
import { CLIENT_COOKIE, matchFapiRoute, routeExists } from './fapi';
import { Faults, type FaultSpec } from './faults';
import { clientJSON } from './json';
import { MIME, PAGE_CSP, sendFile } from './http';
import { AUTHORIZE_PATH, authorizeDecision, authorizePage } from './oauth';
import { ASSETS_DIR, clerkJsDist } from './paths';
import { DEFAULT_SETTINGS, loadSettingsFile, mergeSettings, type EmulatorSettings, type SeedUser, type SettingsInput } from './settings';
import { Store, type UserRecord } from './state';
import { handleControl } from './control';
import { frontendApiOf, handleDemo, type DemoOptions } from './demo';

/** `pk_test_` + base64(`clerk.emu.test$`): a host with a dot and no dev suffix, so no dev-browser handshake. */
export const EMULATOR_PUBLISHABLE_KEY = `pk_test_${Buffer.from('clerk.emu.test$').toString('base64')}`;
export const PROXY_PATH = '/__clerk';
export const CONTROL_PATH = '/__emulator';

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
  /** Print one line per request; or a function receiving each log entry. */
  logRequests?: boolean | ((entry: LogEntry) => void);
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
  reset(settings?: SettingsInput): void;
  seedUser(user: SeedUser): UserRecord;
  setSettings(patch: SettingsInput): EmulatorSettings;
  injectFault(spec: FaultSpec): number;
  clearLog(): void;
  close(): Promise<void>;
}

function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string | string[]> = {}): void {
  const data = body === null && status === 204 ? '' : JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store', ...headers });
  res.end(data);
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
  const world: World = { settings: initialSettings, initialSettings, store };
  if (store.isEmpty) store.reset(initialSettings);
  const faults = new Faults();
  const log: LogEntry[] = [];
  const logLimit = options.logLimit ?? 5000;
  let seq = 0;
  const clerkDist = clerkJsDist();
  const demo: DemoOptions | null = options.demo ? (options.demo === true ? {} : options.demo) : null;
  const sockets = new Set<Socket>();

  const api = {
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
    clearLog() {
      log.length = 0;
    },
  };

  async function handle(req: IncomingMessage, res: ServerResponse, entry: LogEntry): Promise<void> {
    const host = req.headers.host ?? '127.0.0.1';
    const origin = `http://${host}`;
    const url = new URL(req.url ?? '/', origin);
    const path = url.pathname;

    if (path.startsWith(CONTROL_PATH + '/') || path === CONTROL_PATH) {
      if (!options.control) return sendJson(res, 404, { errors: [apiError('resource_not_found', 'not found')] });
      const raw = await readBody(req);
      const out = await handleControl({ world, faults, log, api, method: req.method ?? 'GET', path: path.slice(CONTROL_PATH.length), query: url.searchParams, body: raw ? (JSON.parse(raw) as unknown) : undefined });
      return sendJson(res, out.status, out.body);
    }

    const fault = faults.take(req.method ?? 'GET', entry.effectiveMethod, path);
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
        return sendJson(res, fault.status, { errors: [{ code, message: 'Injected fault', long_message: `The emulator was told to fail this request with ${fault.status}.`, meta: {} }] });
      }
    }

    const npm = /^\/__clerk\/npm\/@clerk\/clerk-js@[^/]+\/dist\/([^/]+)$/.exec(path);
    if (npm) {
      if (await sendFile(res, clerkDist, npm[1]!, { 'cache-control': 'public, max-age=300', 'access-control-allow-origin': '*' })) return;
      return sendJson(res, 404, { errors: [apiError('resource_not_found', 'not found')] });
    }

    if (path.startsWith(PROXY_PATH + '/v1/') || path === PROXY_PATH + '/v1') {
      return handleFapi(req, res, url, origin, entry);
    }

    if (path === AUTHORIZE_PATH) {
      const ctx = await makeContext(req, res, url, origin);
      const headers = { 'content-security-policy': PAGE_CSP, 'cache-control': 'no-store' };
      if (req.method === 'POST') {
        const out = authorizeDecision(ctx);
        if (out.location) {
          res.writeHead(302, { location: out.location, 'cache-control': 'no-store' });
          return void res.end();
        }
        res.writeHead(out.status, { 'content-type': MIME['.html']!, ...headers });
        return void res.end(out.html);
      }
      const out = authorizePage(ctx);
      res.writeHead(out.status, { 'content-type': MIME['.html']!, ...headers });
      return void res.end(out.html);
    }

    if (path.startsWith('/emulator-assets/')) {
      if (await sendFile(res, ASSETS_DIR, path.slice('/emulator-assets/'.length), { 'cache-control': 'public, max-age=300' })) return;
    }

    if (demo && (await handleDemo(req, res, url, demo))) return;

    if (path === '/favicon.ico') {
      res.writeHead(204, { 'cache-control': 'public, max-age=3600' });
      return void res.end();
    }

    res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' });
    res.end('Not found');
  }

  async function makeContext(req: IncomingMessage, res: ServerResponse, url: URL, origin: string): Promise<RequestContext> {
    const raw = req.method === 'GET' || req.method === 'HEAD' ? '' : await readBody(req);
    const cookies = parseCookies(req.headers.cookie);
    const clientId = cookies[CLIENT_COOKIE];
    return {
      world,
      req,
      res,
      url,
      origin,
      method: req.method ?? 'GET',
      body: parseBody(raw, req.headers['content-type']),
      cookies,
      params: {},
      client: (clientId && store.data.clients[clientId]) || null,
      setCookies: [],
    };
  }

  async function handleFapi(req: IncomingMessage, res: ServerResponse, url: URL, origin: string, entry: LogEntry): Promise<void> {
    const ctx = await makeContext(req, res, url, origin);
    ctx.method = entry.effectiveMethod;
    const sub = url.pathname.slice(PROXY_PATH.length);
    const match = matchFapiRoute(ctx.method, sub);
    const headers: Record<string, string | string[]> = {};
    if (!match) {
      const status = routeExists(sub) ? 405 : 404;
      return sendJson(res, status, { errors: [apiError('resource_not_found', 'not found', `No emulated route for ${ctx.method} ${sub}`)] });
    }
    entry.route = `${ctx.method} ${match.route.pattern}`;
    ctx.params = match.params;
    try {
      const out = await match.route.handler(ctx);
      if (ctx.setCookies.length) headers['set-cookie'] = ctx.setCookies;
      if (out.redirect) {
        res.writeHead(out.status ?? 302, { location: out.redirect, 'cache-control': 'no-store', ...headers });
        return void res.end();
      }
      return sendJson(res, out.status ?? 200, out.body, headers);
    } catch (e) {
      if (ctx.setCookies.length) headers['set-cookie'] = ctx.setCookies;
      if (e instanceof FapiError) {
        store.save();
        const client = ctx.client;
        return sendJson(res, e.status, { errors: e.errors, meta: client ? { client: clientJSON(client, store, world.settings, origin) } : {} }, headers);
      }
      throw e;
    }
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
      if (entry.path.startsWith(CONTROL_PATH)) return;
      log.push(entry);
      if (log.length > logLimit) log.splice(0, log.length - logLimit);
      if (typeof options.logRequests === 'function') options.logRequests(entry);
      else if (options.logRequests) {
        const m = entry.effectiveMethod !== entry.method ? `${entry.method}(${entry.effectiveMethod})` : entry.method;
        process.stdout.write(`${m} ${entry.path} ${entry.fault === 'drop' ? 'dropped' : entry.status} ${entry.durationMs}ms\n`);
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
  const port = (server.address() as AddressInfo).port;
  const url = `http://127.0.0.1:${port}`;
  return {
    url,
    port,
    publishableKey: EMULATOR_PUBLISHABLE_KEY,
    proxyUrl: `${url}${PROXY_PATH}`,
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
