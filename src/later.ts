import type { ElementError } from './errors.js';
import type * as Events from './events.js';
import { reloadPage } from './page-load.js';

/** A module imported on first use: `get()` imports it once (a failed import may be asked for again). */
export interface Later<M> {
  (): Promise<M>;
  /** The module once it has arrived, for code that must not wait a microtask. */
  readonly loaded: M | undefined;
}

/**
 * Code an element needs only after its first frame (loading Clerk, starting a flow, the page-Clerk fallback),
 * in its own chunk: the first frame downloads none of it. Ask for it as soon as it may be needed (the
 * provider at once, a flow when Clerk is ready), never on the click itself when that can be helped.
 */
export function later<M>(load: () => Promise<M>): Later<M> {
  let pending: Promise<M> | undefined;
  let loaded: M | undefined;
  const get = () =>
    (pending ??= load().then(
      (module) => (loaded = module),
      (cause: unknown) => {
        pending = undefined;
        throw cause;
      },
    ));
  return Object.defineProperty(get, 'loaded', { get: () => loaded }) as Later<M>;
}

/**
 * What a deferred chunk that could not be fetched shows, and its way out: Clerk's script-load message (the
 * visitor's way out is the same: check the connection, Try again), the detail for the developer. Browsers do
 * not fetch a module again once its import failed, so Try again loads the page again.
 */
export const chunkFailure = (cause: unknown): { error: ElementError; retry: () => void } => ({
  error: {
    code: 'script_load_failed',
    message: `Part of clerk-oauth-elements could not be loaded: ${cause instanceof Error ? cause.message : String(cause)}`,
    cause,
  },
  retry: reloadPage,
});

/** The event classes, in the shared chunk: a later chunk that failed does not take them with it. */
const eventClasses = later(() => import('./events.js'));

/**
 * Fires an element's error event (`clerk-error`, `oauth-error`) for a chunk that could not be fetched, once
 * the event classes are here. When their chunk cannot be fetched either, the error block alone says it.
 */
export function announceFailure(host: EventTarget, event: (events: typeof Events) => Event): void {
  eventClasses().then(
    (events) => host.dispatchEvent(event(events)),
    () => {},
  );
}
