import type { IncomingMessage, ServerResponse } from 'node:http';
import { parseCookie } from 'cookie';
import type { InstanceKeys } from './keys';
import type { EmulatorSettings } from './settings';
import type { Store, ClientRecord } from './state';

export interface LogEntry {
  seq: number;
  time: number;
  /** Method on the wire. */
  method: string;
  /** `_method` override when present (clerk-js sends PATCH/DELETE as POST). */
  effectiveMethod: string;
  path: string;
  query: string;
  status: number;
  durationMs: number;
  /**
   * The route that answered, from the server's one route table: FAPI routes relative to the proxy
   * (`PATCH /v1/client/sign_ups/:id`), every other route by its full pattern (`GET /oauth/authorize`).
   */
  route?: string;
  fault?: 'status' | 'latency' | 'drop';
}

/** Shared mutable world of one emulator instance. */
export interface World {
  settings: EmulatorSettings;
  initialSettings: EmulatorSettings;
  store: Store;
  /** Session-token signing key and the Backend API secret key. */
  keys: InstanceKeys;
}

export interface RequestContext {
  world: World;
  req: IncomingMessage;
  res: ServerResponse;
  url: URL;
  origin: string;
  method: string;
  body: URLSearchParams;
  cookies: Record<string, string>;
  params: Record<string, string>;
  /** The client identified by the `__client` cookie (or created by this request). */
  client: ClientRecord | null;
  setCookies: string[];
  route?: string;
}

/** The Cookie header as a map (the `cookie` package: a malformed value is kept as sent, never a throw). */
export function parseCookies(header: string | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(parseCookie(header ?? ''))) if (v !== undefined) out[k] = v;
  return out;
}

export async function readBody(req: IncomingMessage, limit = 1_000_000): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > limit) throw new Error('body too large');
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/** Form bodies as clerk-js sends them; JSON bodies are accepted too (flattened to strings). */
export function parseBody(raw: string, contentType: string | undefined): URLSearchParams {
  if (!raw) return new URLSearchParams();
  if (contentType?.includes('application/json')) {
    const out = new URLSearchParams();
    const obj = JSON.parse(raw) as Record<string, unknown>;
    for (const [k, v] of Object.entries(obj)) {
      if (Array.isArray(v)) for (const item of v) out.append(k, String(item));
      else if (v !== undefined && v !== null) out.append(k, typeof v === 'object' ? JSON.stringify(v) : String(v));
    }
    return out;
  }
  return new URLSearchParams(raw);
}
