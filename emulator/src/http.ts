import type { ServerResponse } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';
import { gzipSync } from 'node:zlib';

export const MIME: Record<string, string> = {
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.html': 'text/html; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.json': 'application/json',
  '.map': 'application/json',
};

export const PAGE_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  'worker-src blob:',
  "base-uri 'none'",
  "object-src 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
  "require-trusted-types-for 'script'",
  'trusted-types default lit-html clerk-oauth-elements',
].join('; ');

let compression = false;
const gzipped = new Map<string, Buffer>();

/**
 * `compress: true` (the bench): text responses go out gzipped to clients that accept it, as from Clerk's CDN or
 * any production server, so byte counts and throttled timings are what visitors get. Off by default.
 */
export function setCompression(on: boolean): void {
  compression = on;
}

/** The body as sent: gzipped when compression is on, the type is text and the client accepts gzip. */
export function encodeBody(res: ServerResponse, type: string, data: Buffer, cacheKey?: string): { body: Buffer; headers: Record<string, string> } {
  const accepts = /\bgzip\b/.test(String(res.req?.headers['accept-encoding'] ?? ''));
  if (!compression || !accepts || !/^(text\/|application\/json|image\/svg)/.test(type)) return { body: data, headers: {} };
  let body = cacheKey ? gzipped.get(cacheKey) : undefined;
  if (!body) {
    body = gzipSync(data, { level: 9 });
    if (cacheKey) gzipped.set(cacheKey, body);
  }
  return { body, headers: { 'content-encoding': 'gzip', vary: 'accept-encoding' } };
}

/** Serves one file from `dir` (no escaping it); resolves false when absent. */
export async function sendFile(res: ServerResponse, dir: string, relative: string, headers: Record<string, string> = {}): Promise<boolean> {
  const file = normalize(join(dir, relative));
  if (!file.startsWith(normalize(dir) + sep)) return false;
  try {
    const info = await stat(file);
    if (!info.isFile()) return false;
    const type = MIME[extname(file)] ?? 'application/octet-stream';
    const { body, headers: encoding } = encodeBody(res, type, await readFile(file), `${file}@${info.mtimeMs}`);
    res.writeHead(200, { 'content-type': type, 'content-length': String(body.length), ...encoding, ...headers });
    res.end(body);
    return true;
  } catch {
    return false;
  }
}

