/** A fault injected on matching requests for the next `times` calls (tests of error paths). */
export interface FaultSpec {
  /** Wire method or `_method` override (`GET`, `POST`, `PATCH`, `DELETE`...); any when omitted. */
  method?: string;
  /** Path pattern on the full URL path, `*` matching any run of characters: `/__clerk/v1/client/sign_ins*`. */
  path: string;
  /** Answer with this status and a FAPI error body instead of the real route. */
  status?: number;
  /** Seconds for a `Retry-After` header on that answer (a 429 or 503 as a rate-limited Clerk sends it). */
  retryAfter?: number;
  /** Error code of that body (default `emulator_injected_fault`). */
  code?: string;
  /** Wait this long before answering (combined with the other effects, or alone). */
  latencyMs?: number;
  /** Destroy the connection without answering. */
  drop?: boolean;
  /** How many matching calls it applies to (default 1). */
  times?: number;
}

export interface Fault extends Required<Pick<FaultSpec, 'path' | 'times'>> {
  id: number;
  spec: FaultSpec;
  regex: RegExp;
  hits: number;
}

export class Faults {
  private list: Fault[] = [];
  private nextId = 1;

  add(spec: FaultSpec): Fault {
    if (typeof spec.path !== 'string' || !spec.path.startsWith('/')) throw new Error('fault.path must be a path starting with /');
    if (spec.status === undefined && spec.latencyMs === undefined && !spec.drop) throw new Error('fault needs status, latencyMs or drop');
    const regex = new RegExp('^' + spec.path.split('*').map((p) => p.replace(/[.+?^${}()|[\]\\]/g, '\\$&')).join('.*') + '$');
    const fault: Fault = { id: this.nextId++, spec, path: spec.path, times: spec.times ?? 1, regex, hits: 0 };
    this.list.push(fault);
    return fault;
  }

  clear(): void {
    this.list = [];
  }

  all(): { id: number; spec: FaultSpec; remaining: number; hits: number }[] {
    return this.list.map((f) => ({ id: f.id, spec: f.spec, remaining: f.times - f.hits, hits: f.hits }));
  }

  /** Takes the first fault matching this request, counting it down. */
  take(method: string, effectiveMethod: string, path: string): FaultSpec | null {
    const fault = this.list.find(
      (f) => f.regex.test(path) && (!f.spec.method || f.spec.method.toUpperCase() === method || f.spec.method.toUpperCase() === effectiveMethod),
    );
    if (!fault) return null;
    fault.hits += 1;
    if (fault.hits >= fault.times) this.list = this.list.filter((f) => f !== fault);
    return fault.spec;
  }
}
