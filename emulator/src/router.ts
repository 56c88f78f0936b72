import type { IncomingMessage, ServerResponse } from 'node:http';

/** What a route handler gets: the raw request and response, the parsed URL and the path parameters. */
export interface RouteRequest {
  req: IncomingMessage;
  res: ServerResponse;
  url: URL;
  origin: string;
  /** The `_method` override when present (clerk-js sends PATCH/DELETE as POST), else the wire method. */
  method: string;
  params: Record<string, string>;
}

/** Writes the answer; resolving `false` means "not mine after all" and the table tries the next match. */
export type RouteHandler = (r: RouteRequest) => void | false | Promise<void | false>;

export interface RouteOptions {
  /** Injected faults apply (default true; the control API turns it off). */
  faults?: boolean;
  /** The request is written to the request log (default true). */
  log?: boolean;
  /** The route's name in the log (default `METHOD pattern`). */
  name?: string;
}

export interface Route {
  /** `GET`, `POST`, ... or `*` for any method. */
  method: string;
  pattern: string;
  name: string;
  handler: RouteHandler;
  faults: boolean;
  log: boolean;
  regex: RegExp;
  keys: string[];
}

/**
 * `:name` matches one path segment (or the rest of one: `clerk-js@:version`), a trailing `*` matches any
 * rest (as the parameter `*`). Every other character is literal.
 */
export function compilePattern(pattern: string): { regex: RegExp; keys: string[] } {
  const keys: string[] = [];
  let source = '';
  const re = /:([a-zA-Z_]+)|\*$|[^:*]+|[:*]/g;
  for (const m of pattern.matchAll(re)) {
    if (m[1]) {
      keys.push(m[1]);
      source += '([^/]+)';
    } else if (m[0] === '*' && m.index === pattern.length - 1) {
      keys.push('*');
      source += '(.*)';
    } else {
      source += m[0].replace(/[.+?^${}()|[\]\\*]/g, '\\$&');
    }
  }
  return { regex: new RegExp(`^${source}${pattern.endsWith('*') ? '' : '/?'}$`), keys };
}

/** The one route table of the server: every route is registered with `on()` and found by `match()`. */
export class RouteTable {
  readonly routes: Route[] = [];

  on(method: string, pattern: string, handler: RouteHandler, options: RouteOptions = {}): this {
    const { regex, keys } = compilePattern(pattern);
    this.routes.push({
      method: method.toUpperCase(),
      pattern,
      name: options.name ?? `${method.toUpperCase()} ${pattern}`,
      handler,
      faults: options.faults ?? true,
      log: options.log ?? true,
      regex,
      keys,
    });
    return this;
  }

  /** Every route matching the method and path, in registration order (HEAD matches GET routes). */
  *matches(method: string, path: string): Generator<{ route: Route; params: Record<string, string> }> {
    for (const route of this.routes) {
      if (route.method !== '*' && route.method !== method && !(method === 'HEAD' && route.method === 'GET')) continue;
      const m = route.regex.exec(path);
      if (!m) continue;
      const params: Record<string, string> = {};
      route.keys.forEach((k, i) => {
        const raw = m[i + 1] ?? '';
        try {
          params[k] = decodeURIComponent(raw);
        } catch {
          params[k] = raw;
        }
      });
      yield { route, params };
    }
  }

  /** The first route that matches (the one the request log names). */
  match(method: string, path: string): { route: Route; params: Record<string, string> } | null {
    for (const found of this.matches(method, path)) return found;
    return null;
  }

  /** Whether some route (of another method, not a catch-all) has this path: 405 rather than 404. */
  pathKnown(path: string, except?: (r: Route) => boolean): boolean {
    return this.routes.some((r) => r.method !== '*' && !except?.(r) && r.regex.test(path));
  }

  names(filter: (r: Route) => boolean = () => true): string[] {
    return this.routes.filter(filter).map((r) => r.name);
  }
}
