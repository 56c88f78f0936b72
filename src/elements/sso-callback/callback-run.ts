import type { ElementError } from '../../errors.js';
import type { SsoCallbackStatus } from './callback-params.js';

export interface RunState {
  status: SsoCallbackStatus;
  error?: ElementError;
  /** The failure was not a verdict on the attempt (network, server): loading the page again may finish it. */
  retryable?: boolean;
}

/**
 * The one `handleRedirectCallback` run of a page load. Every `<sso-callback>` on the page follows it,
 * and its events are fired from `host`: the element that started it, or the one that took over when
 * that element left the document.
 */
export class CallbackRun extends EventTarget {
  state: RunState = { status: 'verifying' };
  /** Every element showing this run (the starter included). */
  readonly followers = new Set<HTMLElement>();
  constructor(private readonly host: HTMLElement) {
    super();
  }
  /** Where the run's events are fired: its starter, or a follower still in the document when the starter left. */
  get target(): HTMLElement {
    if (this.host.isConnected) return this.host;
    return [...this.followers].find((el) => el.isConnected) ?? this.host;
  }
  set(state: RunState): void {
    this.state = state;
    this.dispatchEvent(new Event('change'));
  }
}

// On `window` (a new one per page load) and under `Symbol.for`, so two copies of this package share it.
// Keyed by the Clerk instance, so a page that swaps instances (a fake per story) starts afresh.
const RUNS = Symbol.for('clerk-oauth-elements/sso-callback-runs');
type Holder = { [RUNS]?: WeakMap<object, CallbackRun> };

function runs(): WeakMap<object, CallbackRun> {
  const holder = window as unknown as Holder;
  return (holder[RUNS] ??= new WeakMap());
}

/** The run already started for this Clerk instance on this page load, if any. */
export const existingRun = (clerk: object): CallbackRun | undefined => runs().get(clerk);

/** Starts the page load's run, or returns undefined when one already exists (it must never run twice). */
export function claimRun(clerk: object, host: HTMLElement): CallbackRun | undefined {
  if (runs().has(clerk)) return undefined;
  const run = new CallbackRun(host);
  runs().set(clerk, run);
  return run;
}
