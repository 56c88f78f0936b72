import type { ClerkOptions } from '@clerk/shared/types';
import type { ClerkInstance } from '../../context.js';
import { onLoadEnd } from '../../clerk-loader.js';
import { onPlaceholderEnvironment } from '../../clerk-store.js';
import { elementError, toElementError, type ElementError } from '../../errors.js';

/**
 * `Clerk.load()` for `<clerk-provider>`: once per instance (however many providers share it), and the
 * check that clerk-js really reached its Frontend API. The script itself is `clerk-loader.ts`.
 */

/** One `load()` per Clerk instance, shared likewise by every copy of this package (kept on `window`). */
const INSTANCE_LOADS = Symbol.for('clerk-oauth-elements/instance-loads');
const instanceLoads = () => ((window as Window & { [INSTANCE_LOADS]?: WeakMap<object, Promise<ClerkInstance>> })[INSTANCE_LOADS] ??= new WeakMap());

/** Calls `clerk.load(options)` once per instance, however many providers share it. A rejected load may be retried. */
export function loadClerkInstance(clerk: ClerkInstance, options: ClerkOptions): Promise<ClerkInstance> {
  const loads = instanceLoads();
  const pending = loads.get(clerk);
  if (pending) return pending;
  if (clerk.loaded) return Promise.resolve(clerk);
  const promise = (loadUnderWay(clerk) ? untilLoaded(clerk) : Promise.resolve().then(() => clerk.load(options)))
    .then(() => clerk)
    .catch((cause: unknown) => {
      loads.delete(clerk);
      const error = toElementError(cause, 'clerk_load_failed');
      throw { ...error, code: error.code === 'unexpected_error' ? 'clerk_load_failed' : error.code, message: `Clerk could not start: ${error.message}` } satisfies ElementError;
    });
  loads.set(clerk, promise);
  return promise;
}

/**
 * The page started this instance's `load()` itself and it has not ended (a page Clerk adopted mid-load): clerk-js
 * keeps a started load's options, its defaults included (`standardBrowser`), and has none before. A second
 * `load()` would fetch the environment and the client again and register its listeners twice; the page's options
 * stand instead of ours.
 */
function loadUnderWay(clerk: ClerkInstance): boolean {
  const option = (clerk as { __internal_getOption?: (key: string) => unknown }).__internal_getOption;
  return typeof option === 'function' && option.call(clerk, 'standardBrowser') !== undefined && clerk.status === 'loading' && !!clerk.on && !!clerk.off;
}

/** The load under way, to its end. */
function untilLoaded(clerk: ClerkInstance): Promise<void> {
  return new Promise((resolve, reject) => {
    const stop = onLoadEnd(clerk, (failed) => {
      stop?.();
      if (failed) reject(new Error("the page's own Clerk.load() failed"));
      else resolve();
    });
  });
}

const recovered = new WeakSet<object>();

/**
 * clerk-js resolves `load()` even when it could not reach its Frontend API: it reports `degraded` and runs on
 * an empty environment (no providers, a placeholder client), or it says nothing (see `missingResources`). Sign-in flows cannot work then, so it is an error;
 * a retry asks clerk-js to fetch its resources again.
 */
export async function ensureReachable(clerk: ClerkInstance, retrying: boolean): Promise<void> {
  if (recovered.has(clerk) || !startedUnreachable(clerk)) return;
  const reload = (clerk as { __internal_reloadInitialResources?: () => Promise<void> }).__internal_reloadInitialResources;
  const unavailable = (cause?: unknown) =>
    elementError('clerk_unavailable', "Clerk's servers could not be reached, so signing in is not possible right now.", cause);
  if (!retrying || !reload) throw unavailable();
  // One reload at a time per instance: a Try again while one is still on the wire waits for it.
  let pending = reloads.get(clerk);
  if (!pending) {
    pending = Promise.resolve()
      .then(() => reload.call(clerk))
      .finally(() => reloads.delete(clerk));
    reloads.set(clerk, pending);
  }
  try {
    await pending;
  } catch (cause) {
    throw unavailable(cause);
  }
  if (missingResources(clerk)) throw unavailable();
  recovered.add(clerk);
}

/**
 * The other ways clerk-js resolves `load()` without its servers (seen with clerk-js 6.40 against the emulator's
 * faults): a dropped environment request leaves its empty placeholder environment (`displayConfig.id` is '')
 * with status `ready`, so the page would show "no providers"; a rate-limited client request leaves no client
 * at all, so a click could only fail.
 */
function missingResources(clerk: ClerkInstance): boolean {
  return !clerk.client || onPlaceholderEnvironment(clerk);
}

const startedUnreachable = (clerk: ClerkInstance): boolean => clerk.status === 'degraded' || missingResources(clerk);
const reloads = new WeakMap<object, Promise<void>>();
