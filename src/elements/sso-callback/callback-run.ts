import type { HandleOAuthCallbackParams, SessionResource } from '@clerk/shared/types';
import type { ClerkInstance, NavigateHook } from '../../context.js';
import { elementError, isClerkApiError, toElementError, type ElementError } from '../../errors.js';
import { SsoErrorEvent, SsoRedirectEvent } from '../../events.js';
import { leavePage, pageUrl, type TrustedTarget } from '../../navigation.js';
import { isTimeout, withTimeout } from '../../timeout.js';
import { taskUrl, type CallbackUrls } from './callback-urls.js';
import { completesSignUp, nothingToFinish, sessionHandledByClerk, transferOf, verificationError, type Transfer } from './callback-state.js';
import { redirectReason, type SsoRedirectReason } from './redirect-reasons.js';

export type SignUpUnsafeMetadata = NonNullable<HandleOAuthCallbackParams['unsafeMetadata']>;

/** The part of `<sso-callback>`'s statuses a run goes through (`loading` is before any run). */
export type RunStatus = 'verifying' | 'redirecting' | 'error';

export interface RunState {
  status: RunStatus;
  error?: ElementError;
  /** The failure was not a verdict on the attempt (network, server): loading the page again may finish it. */
  retryable?: boolean;
}

/** Everything a run needs, read once when it is claimed. */
export interface RunInit {
  clerk: ClerkInstance;
  /** The element's URLs, already checked and absolute. */
  urls: CallbackUrls;
  /** Origins other targets may point to (the provider's `allowed-redirect-origins`). */
  allowedOrigins: readonly string[];
  /** The page's router hook. */
  hook?: NavigateHook;
  /** The Frontend API origins Clerk's `decorateUrl` may answer with (its cookie refresh). */
  frontendApiOrigins: readonly string[];
  /** The sign-in page by the one trust rule: the fallback and task pages go there, trusted as the back link is. */
  signIn: TrustedTarget;
  transferable: boolean;
  unsafeMetadata?: SignUpUnsafeMetadata;
  /** The message for people when clerk-js fails without an API error (a dropped connection). */
  unexpectedError: string;
  /** How long (ms) clerk-js may take to finish the callback before the run stops with `timeout`. */
  timeout: number;
}

interface Exit {
  allowedOrigins?: readonly string[];
  decorate?: (url: string) => string;
  pageLoad?: boolean;
  cancelable?: boolean;
  /** The exit is not where the attempt goes (a reload, a task the visitor already had): no `transfer` on the event. */
  noTransfer?: boolean;
}

/**
 * The one `handleRedirectCallback` run of a page load: it owns the callback flow and every exit from it.
 * Every `<sso-callback>` on the page follows its `state` (a `change` event on every step), and its events
 * are fired from `target`: the element that started it, or the one that took over when that element left.
 */
export class CallbackRun extends EventTarget {
  state: RunState = { status: 'verifying' };
  /** Every element showing this run (the starter included). */
  readonly followers = new Set<HTMLElement>();
  readonly clerk: ClerkInstance;
  readonly urls: CallbackUrls;
  readonly allowedOrigins: readonly string[];
  readonly hook?: NavigateHook;
  readonly frontendApiOrigins: readonly string[];
  readonly signIn: TrustedTarget;
  readonly transferable: boolean;
  readonly unsafeMetadata?: SignUpUnsafeMetadata;
  readonly unexpectedError: string;
  readonly timeout: number;
  /** The callback call to Clerk while it has not answered: a Try again waits for it rather than starting another. */
  #pending?: Promise<unknown>;
  /** Which way clerk-js is about to move the attempt, read before it does. */
  readonly transfer: Transfer;
  /** Whether a completion uses the sign-up redirect URLs. */
  readonly signUp: boolean;
  #started = false;

  constructor(
    private readonly host: HTMLElement,
    init: RunInit,
  ) {
    super();
    this.clerk = init.clerk;
    this.urls = init.urls;
    this.allowedOrigins = init.allowedOrigins;
    this.hook = init.hook;
    this.frontendApiOrigins = init.frontendApiOrigins;
    this.signIn = init.signIn;
    this.transferable = init.transferable;
    this.unsafeMetadata = init.unsafeMetadata;
    this.unexpectedError = init.unexpectedError;
    this.timeout = init.timeout;
    this.transfer = transferOf(init.clerk.client, init.transferable);
    this.signUp = completesSignUp(init.clerk.client, this.transfer);
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

  /** Runs the callback. Only the first call does anything: a run never runs twice. */
  async start(): Promise<void> {
    if (this.#started) return;
    this.#started = true;
    const { clerk } = this;
    const params: HandleOAuthCallbackParams = {
      ...this.urls,
      transferable: this.transferable,
      ...(this.unsafeMetadata ? { unsafeMetadata: this.unsafeMetadata } : {}),
      // Completion goes through setActive and clerk-js's own navigation, which never reaches `customNavigate`:
      // this hook hands it to us, so completion is announced (and cancelable) like every other redirect.
      __internal_navigateOnSetActive: ({ session, redirectUrl, decorateUrl }) => this.#complete(session, redirectUrl, decorateUrl),
    };
    try {
      // A pending session and nothing to finish: clerk-js would go to the task page by itself, unannounced.
      const task = clerk.session?.currentTask?.key;
      if (task && nothingToFinish(clerk.client)) return await this.#task(task, false);
      const pending = clerk.handleRedirectCallback(params, (to) => this.#intermediate(to));
      this.#pending = pending;
      const settled = () => {
        if (this.#pending === pending) this.#pending = undefined;
      };
      pending.then(settled, settled);
      await this.#bounded(pending);
      await this.#afterCallback();
    } catch (cause) {
      this.#failed(cause);
    }
  }

  /** Waits for Clerk, at most `timeout`. A timeout after the run already moved on (it is leaving) is no failure. */
  async #bounded(pending: Promise<unknown>): Promise<void> {
    try {
      await withTimeout(pending, this.timeout, 'Clerk');
    } catch (cause) {
      if (isTimeout(cause) && this.state.status !== 'verifying') return;
      throw cause;
    }
  }

  /** After clerk-js answered without asking us to navigate. */
  async #afterCallback(): Promise<void> {
    if (this.state.status !== 'verifying') return;
    // clerk-js activated a session and navigated by itself (the page's Clerk has `taskUrls`, or it ignored the
    // hook): the page is already leaving, so only announce where it goes.
    if (sessionHandledByClerk(this.clerk)) return await this.#announced();
    // clerk-js found nothing it could do: never leave a spinner behind.
    await this.#go(this.signIn.url, 'sign-in', { allowedOrigins: this.signIn.allowedOrigins });
  }

  #failed(cause: unknown): void {
    // No answer in time: Try again waits for the same call (or loads the page again once it failed).
    if (isTimeout(cause)) return this.fail(cause, true);
    // Only Clerk's API errors carry a message for people; clerk-js's own ("ClerkJS: …", e.g. after a dropped
    // connection) do not. Those and server errors may pass on a fresh page load; a 4xx verdict would not.
    const api = isClerkApiError(cause);
    const status = (cause as { status?: unknown } | undefined)?.status;
    const error = api ? toElementError(cause, 'sso_callback_failed') : elementError('sso_callback_failed', this.unexpectedError, cause);
    this.fail(error, !api || (typeof status === 'number' && (status >= 500 || status === 429)));
  }

  /**
   * "Try again" after a retryable failure: a fresh page load is a fresh run (the attempt is still on the
   * client). While Clerk has still not answered the first call, it waits for that call again instead, so the
   * callback (a transfer, a session activation) is never sent twice.
   */
  async retry(): Promise<void> {
    const pending = this.#pending;
    if (!pending) return this.#go(pageUrl(), 'retry', { pageLoad: true, noTransfer: true });
    this.set({ status: 'verifying' });
    try {
      await this.#bounded(pending);
      await this.#afterCallback();
    } catch (cause) {
      this.#failed(cause);
    }
  }

  /** Stops with an error: shown by every follower, and announced with `sso-error`. */
  fail(error: ElementError, retryable = false): void {
    this.set({ status: 'error', error, retryable });
    this.target.dispatchEvent(new SsoErrorEvent(error));
  }

  async #intermediate(to: string): Promise<void> {
    const reason = redirectReason(to, this.urls);
    // clerk-js sends failed attempts (denied consent, locked user, disabled transfer) back to sign-in or sign-up
    // and leaves the error on the resource for Clerk's prebuilt pages to show: show it here instead.
    const error = reason === 'sign-in' || reason === 'sign-up' || reason === 'other' ? verificationError(this.clerk.client) : undefined;
    if (error) return this.fail(error);
    // Steps clerk-js sends to its own hosted pages are trusted where the sign-in target is Clerk's (one trust rule).
    await this.#go(to, reason, { allowedOrigins: [...new Set([...this.allowedOrigins, ...this.signIn.allowedOrigins])] });
  }

  async #complete(session: SessionResource | undefined, redirectUrl: string, decorateUrl: (url: string) => string): Promise<void> {
    const task = session?.currentTask?.key;
    if (task) return this.#task(task, true);
    // Validated first, then decorated (the development browser token, or Clerk's cookie refresh).
    await this.#go(redirectUrl, 'complete', { decorate: decorateUrl });
  }

  #task(task: string, transferred: boolean): Promise<void> {
    const url = taskUrl(this.signIn.url, task);
    return this.#go(url, 'session-task', { allowedOrigins: this.signIn.allowedOrigins, noTransfer: !transferred });
  }

  /** Announces a navigation clerk-js already started: too late to cancel, but the page still learns where and why. */
  #announced(): Promise<void> {
    const { clerk, urls } = this;
    const pending = clerk.session?.currentTask?.key;
    if (pending) {
      const url = clerk.buildTasksUrl?.() || taskUrl(this.signIn.url, pending);
      return this.#go(url, 'session-task', { allowedOrigins: this.signIn.allowedOrigins, cancelable: false });
    }
    const after = this.signUp ? (urls.signUpForceRedirectUrl ?? urls.signUpFallbackRedirectUrl) : (urls.signInForceRedirectUrl ?? urls.signInFallbackRedirectUrl);
    return this.#go(after ?? '/', 'complete', { cancelable: false });
  }

  /** Every exit of the run: validated, announced with `sso-redirect` (cancelable unless clerk-js already left), then gone. */
  async #go(url: string, reason: SsoRedirectReason, exit: Exit = {}): Promise<void> {
    const transfer = exit.noTransfer ? undefined : this.transfer;
    this.set({ status: 'redirecting' });
    const outcome = await leavePage(this.target, {
      url,
      allowedOrigins: exit.allowedOrigins ?? this.allowedOrigins,
      event: (href, cancelable) => new SsoRedirectEvent(href, reason, transfer, cancelable),
      cancelable: exit.cancelable,
      decorate: exit.decorate,
      decorateOrigins: this.frontendApiOrigins,
      pageLoad: exit.pageLoad,
      hook: this.hook,
      // The callback URL is spent: Back must not return to it.
      replace: true,
    });
    if (outcome.kind === 'rejected') this.fail(outcome.error);
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

/** Claims the page load's run for `init.clerk`, or returns undefined when one already exists (it must never run twice). */
export function claimRun(host: HTMLElement, init: RunInit): CallbackRun | undefined {
  if (runs().has(init.clerk)) return undefined;
  const run = new CallbackRun(host, init);
  runs().set(init.clerk, run);
  return run;
}
