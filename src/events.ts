import type { ClerkInstance } from './context.js';
import type { ElementError } from './errors.js';
import { EVENT_INIT as INIT, StatusChangeEvent } from './status-event.js';

export { StatusChangeEvent };

/** `<clerk-provider>`: Clerk is loaded and ready. */
export class ClerkReadyEvent extends Event {
  static readonly eventName = 'clerk-ready';
  constructor(readonly clerk: ClerkInstance) {
    super(ClerkReadyEvent.eventName, INIT);
  }

  /** The same fields as a `CustomEvent`-style `detail`, for listeners written that way. */
  get detail(): { clerk: ClerkInstance } {
    return { clerk: this.clerk };
  }
}

/** Base of the error events: Clerk's code, a message for people, and the field it belongs to, if any. */
abstract class ElementErrorEvent extends Event {
  readonly code: string;
  readonly message: string;
  readonly field?: string;
  readonly error: ElementError;
  constructor(type: string, error: ElementError) {
    super(type, INIT);
    this.error = error;
    this.code = error.code;
    this.message = error.message;
    this.field = error.field;
  }

  /** The same fields as a `CustomEvent`-style `detail`, for listeners written that way. */
  get detail(): { code: string; message: string; field?: string; error: ElementError } {
    return { code: this.code, message: this.message, field: this.field, error: this.error };
  }
}

/** `<clerk-provider>`: loading Clerk failed (bad key, script not loaded, `load()` rejected). */
export class ClerkErrorEvent extends ElementErrorEvent {
  static readonly eventName = 'clerk-error';
  constructor(error: ElementError) {
    super(ClerkErrorEvent.eventName, error);
  }
}

/**
 * Base of the redirect events: call `preventDefault()` to route yourself to `url`. When `cancelable` is false,
 * the navigation is already under way without the element (clerk-js navigated by itself): the event only says where.
 */
abstract class RedirectEvent extends Event {
  constructor(
    type: string,
    /** The validated absolute target. */
    readonly url: string,
    /** Why the element leaves the page. */
    readonly reason: string,
    cancelable = true,
  ) {
    super(type, { ...INIT, cancelable });
  }

  /** The same fields as a `CustomEvent`-style `detail`, for listeners written that way. */
  get detail(): { url: string; reason: string } {
    return { url: this.url, reason: this.reason };
  }
}

/** `<clerk-provider>`: clerk-js asks its router to go somewhere (`routerPush` / `routerReplace`). Cancelable. */
export class ClerkRedirectEvent extends RedirectEvent {
  static readonly eventName = 'clerk-redirect';
  constructor(url: string, cancelable = true) {
    super(ClerkRedirectEvent.eventName, url, 'clerk', cancelable);
  }
}

export type OAuthMode = 'sign-in' | 'sign-up';

/** `<oauth-buttons>`: about to leave for the identity provider. Cancelable. */
export class OAuthRedirectEvent extends RedirectEvent {
  static readonly eventName = 'oauth-redirect';
  constructor(
    readonly strategy: string,
    readonly mode: OAuthMode,
    url: string,
  ) {
    super(OAuthRedirectEvent.eventName, url, 'oauth');
  }

  /** The same fields as a `CustomEvent`-style `detail`, for listeners written that way. */
  override get detail(): { url: string; reason: string; strategy: string; mode: OAuthMode } {
    return { ...super.detail, strategy: this.strategy, mode: this.mode };
  }
}

/** `<oauth-buttons>`: starting the OAuth flow failed. */
export class OAuthErrorEvent extends ElementErrorEvent {
  static readonly eventName = 'oauth-error';
  constructor(
    readonly strategy: string | undefined,
    error: ElementError,
  ) {
    super(OAuthErrorEvent.eventName, error);
  }

  /** The same fields as a `CustomEvent`-style `detail`, for listeners written that way. */
  override get detail(): { code: string; message: string; field?: string; error: ElementError; strategy: string | undefined } {
    return { ...super.detail, strategy: this.strategy };
  }
}

/** `<sso-callback>`: where the finished (or unfinished) callback sends the visitor, and why. Cancelable. */
export class SsoRedirectEvent extends RedirectEvent {
  static readonly eventName = 'sso-redirect';
  constructor(
    url: string,
    reason: string,
    /** Set when clerk-js moved the attempt over: `sign-up` (a new user on sign-in), `sign-in` (an existing user on sign-up). */
    readonly transfer?: 'sign-in' | 'sign-up',
    cancelable = true,
  ) {
    super(SsoRedirectEvent.eventName, url, reason, cancelable);
  }

  /** The same fields as a `CustomEvent`-style `detail`, for listeners written that way. */
  override get detail(): { url: string; reason: string; transfer?: 'sign-in' | 'sign-up' } {
    return { ...super.detail, transfer: this.transfer };
  }
}

/** `<sso-callback>`: the callback failed. */
export class SsoErrorEvent extends ElementErrorEvent {
  static readonly eventName = 'sso-error';
  constructor(error: ElementError) {
    super(SsoErrorEvent.eventName, error);
  }
}

/** `<continue-signup>`: the sign-up is complete and its session active. */
export class SignUpCompleteEvent extends Event {
  static readonly eventName = 'signup-complete';
  constructor(
    readonly sessionId: string | null,
    /** The session's pending task (e.g. `choose-organization`), when it has one. */
    readonly task?: string,
  ) {
    super(SignUpCompleteEvent.eventName, INIT);
  }

  /** The same fields as a `CustomEvent`-style `detail`, for listeners written that way. */
  get detail(): { sessionId: string | null; task?: string } {
    return { sessionId: this.sessionId, task: this.task };
  }
}

/** `<continue-signup>`: a step failed; `field` names the form field when Clerk said which. */
export class SignUpErrorEvent extends ElementErrorEvent {
  static readonly eventName = 'signup-error';
  constructor(error: ElementError) {
    super(SignUpErrorEvent.eventName, error);
  }
}

/** `<continue-signup>`: leaving the page (complete, session task, nothing to continue). Cancelable. */
export class SignUpRedirectEvent extends RedirectEvent {
  static readonly eventName = 'signup-redirect';
  constructor(url: string, reason: string, cancelable = true) {
    super(SignUpRedirectEvent.eventName, url, reason, cancelable);
  }
}

/** What `<connected-accounts>` was doing. */
export type AccountAction = 'connect' | 'reconnect' | 'reauthorize' | 'remove';

/** `<connected-accounts>`: about to leave for the provider to link (or re-authorize) an account. Cancelable. */
export class AccountConnectEvent extends RedirectEvent {
  static readonly eventName = 'account-connect';
  constructor(
    url: string,
    readonly strategy: string,
    readonly action: Exclude<AccountAction, 'remove'>,
    cancelable = true,
  ) {
    super(AccountConnectEvent.eventName, url, action, cancelable);
  }

  /** The same fields as a `CustomEvent`-style `detail`, for listeners written that way. */
  override get detail(): { url: string; reason: string; strategy: string; action: Exclude<AccountAction, 'remove'> } {
    return { ...super.detail, strategy: this.strategy, action: this.action };
  }
}

/** `<connected-accounts>`: an account was removed. */
export class AccountRemovedEvent extends Event {
  static readonly eventName = 'account-removed';
  constructor(
    readonly strategy: string,
    readonly accountId: string,
    readonly identifier: string,
  ) {
    super(AccountRemovedEvent.eventName, INIT);
  }

  /** The same fields as a `CustomEvent`-style `detail`, for listeners written that way. */
  get detail(): { strategy: string; accountId: string; identifier: string } {
    return { strategy: this.strategy, accountId: this.accountId, identifier: this.identifier };
  }
}

/** `<connected-accounts>`: an action failed, or a connection came back with a failed verification. */
export class AccountErrorEvent extends ElementErrorEvent {
  static readonly eventName = 'account-error';
  constructor(
    readonly strategy: string | undefined,
    readonly action: AccountAction | undefined,
    error: ElementError,
  ) {
    super(AccountErrorEvent.eventName, error);
  }

  /** The same fields as a `CustomEvent`-style `detail`, for listeners written that way. */
  override get detail(): {
    code: string;
    message: string;
    field?: string;
    error: ElementError;
    strategy: string | undefined;
    action: AccountAction | undefined;
  } {
    return { ...super.detail, strategy: this.strategy, action: this.action };
  }
}

/**
 * `<connected-accounts>`: Clerk wants a recent verification before `action`. Cancelable: `preventDefault()`
 * to run your own, then call `complete()` (the action is retried) or `cancel()` (nothing changes).
 */
export class NeedsReverificationEvent extends Event {
  static readonly eventName = 'needs-reverification';
  constructor(
    readonly level: string,
    readonly action: AccountAction,
    readonly complete: () => void,
    readonly cancel: () => void,
  ) {
    super(NeedsReverificationEvent.eventName, { ...INIT, cancelable: true });
  }

  /** The same fields as a `CustomEvent`-style `detail`, for listeners written that way. */
  get detail(): { level: string; action: AccountAction; complete: () => void; cancel: () => void } {
    return { level: this.level, action: this.action, complete: this.complete, cancel: this.cancel };
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'clerk-ready': ClerkReadyEvent;
    'clerk-error': ClerkErrorEvent;
    'clerk-redirect': ClerkRedirectEvent;
    'oauth-elements-status': StatusChangeEvent;
    'oauth-redirect': OAuthRedirectEvent;
    'oauth-error': OAuthErrorEvent;
    'sso-redirect': SsoRedirectEvent;
    'sso-error': SsoErrorEvent;
    'signup-complete': SignUpCompleteEvent;
    'signup-error': SignUpErrorEvent;
    'signup-redirect': SignUpRedirectEvent;
    'account-connect': AccountConnectEvent;
    'account-removed': AccountRemovedEvent;
    'account-error': AccountErrorEvent;
    'needs-reverification': NeedsReverificationEvent;
  }
}

/** Every event name this package fires, for listeners (and tests) that want them all. */
export const EVENT_NAMES = [
  ClerkReadyEvent.eventName,
  ClerkErrorEvent.eventName,
  ClerkRedirectEvent.eventName,
  StatusChangeEvent.eventName,
  OAuthRedirectEvent.eventName,
  OAuthErrorEvent.eventName,
  SsoRedirectEvent.eventName,
  SsoErrorEvent.eventName,
  SignUpCompleteEvent.eventName,
  SignUpErrorEvent.eventName,
  SignUpRedirectEvent.eventName,
  AccountConnectEvent.eventName,
  AccountRemovedEvent.eventName,
  AccountErrorEvent.eventName,
  NeedsReverificationEvent.eventName,
] as const;
