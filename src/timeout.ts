import { timeoutOf } from './context.js';
import { elementError, type ElementError } from './errors.js';

/** The code of every wait that ran out of time; its message for people is `oauthElements.errors.timeout`. */
export const TIMEOUT_CODE = 'timeout';

export const isTimeout = (value: unknown): value is ElementError => (value as ElementError | undefined)?.code === TIMEOUT_CODE;


/**
 * `work`, or the `timeout` error once `ms` have passed without an answer. The work itself is not cancelled
 * (a request on the wire cannot be taken back): callers keep `work` and wait for it again on Try again
 * instead of starting a second copy.
 */
export function withTimeout<T>(work: Promise<T>, ms: number, what: string): Promise<T> {
  const limit = timeoutOf(ms);
  let timer: ReturnType<typeof setTimeout> | undefined;
  const expired = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(elementError(TIMEOUT_CODE, `${what} did not answer within ${Math.round(limit / 100) / 10} s.`)), limit);
  });
  return Promise.race([work, expired]).finally(() => clearTimeout(timer));
}

/**
 * Remembers the one unsettled copy of a mutation so a Try again waits for it instead of sending it twice.
 * `run(start)` calls `start()` only when no earlier call is still unsettled.
 */
export class PendingWork<T = unknown> {
  #pending?: Promise<T>;

  get busy(): boolean {
    return this.#pending !== undefined;
  }

  run(start: () => Promise<T>): Promise<T> {
    if (this.#pending) return this.#pending;
    const pending = start();
    this.#pending = pending;
    const clear = () => {
      if (this.#pending === pending) this.#pending = undefined;
    };
    pending.then(clear, clear);
    return pending;
  }
}
