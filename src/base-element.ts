import { LitElement, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { state } from 'lit/decorators.js';
import { keyed } from 'lit/directives/keyed.js';
import { ClerkController } from './clerk-controller.js';
import type { ClerkContextValue } from './context.js';
import type { ElementError } from './errors.js';
import { StatusChangeEvent } from './status-event.js';
import { COMMON_ENGLISH } from './english.js';
import { lookup, translate, type Localization, type LocalizationTree } from './localization.js';
import type { TrustedTarget } from './navigation.js';
import type { FlowStatus } from './status.js';
import { hostStyles } from './styles.js';

/** What the error block shows: the message, and the way out when there is one. */
export interface ShownError {
  error: ElementError;
  /** "Try again": what it does depends on the step that failed (reload Clerk, repeat the call, reload the page). */
  retry?: () => void;
  /** Adds the "Back to sign in" link (to the trusted sign-in URL). */
  signIn?: boolean;
  /** A heading line above the message. */
  title?: string;
}

type Params = Record<string, string | number | undefined>;

/** Where the focus goes when it would otherwise be lost: the way out first. */
const FOCUS_FALLBACKS = ['[part~=retry]', '[part~=back-link]', '[part~=error]:not(:empty)', '[role=status]'];

/**
 * What every element of this package shares, the provider included: a read-only reflected `status` from the
 * shared vocabulary, announced by `oauth-elements-status`; labels from the localization; the one error
 * block (an always-present live region, the message, the way out) and the one focus rule.
 */
export abstract class ClerkElement<S extends FlowStatus> extends LitElement {
  static override styles = [hostStyles];
  /**
   * The English every label falls back to: the common strings and the element's own (`englishFor(...)`).
   * @internal
   */
  protected static english: LocalizationTree = COMMON_ENGLISH;

  @state() private currentStatus = 'loading' as S;
  /** The error shown in the error block, if any. Blocking when `status` is `error`; a message otherwise. */
  @state() protected shownError?: ShownError;
  #focusWasInside = false;
  #enteredError = false;

  /** The element's state, from the shared status vocabulary; reflected as the `status` attribute. Read-only. */
  get status(): S {
    return this.currentStatus;
  }
  /** Pages cannot set the status: assignments (and `status` attributes) are ignored. */
  set status(_ignored: never) {}

  static override get observedAttributes(): string[] {
    return [...super.observedAttributes, 'status'];
  }

  override attributeChangedCallback(name: string, old: string | null, value: string | null): void {
    if (name !== 'status') return super.attributeChangedCallback(name, old, value);
    if (value !== this.currentStatus) this.setAttribute('status', this.currentStatus);
  }

  override connectedCallback(): void {
    super.connectedCallback();
    if (this.getAttribute('status') !== this.currentStatus) this.setAttribute('status', this.currentStatus);
  }

  /** The localization labels come from (English for every key it lacks). */
  protected abstract get labels(): Localization | undefined;

  /** Label lookup, English by default. */
  protected t(key: string, params?: Params): string {
    return translate(this.labels, key, params, this.#english());
  }

  #english(): LocalizationTree {
    return (this.constructor as typeof ClerkElement).english;
  }

  /**
   * An error's text for people, in the one order every element uses: our own codes
   * (`oauthElements.errors.<code>`), then Clerk's localized API errors the way Clerk's components look them up
   * (`unstable__errors.<code>__<param_name>`, then `unstable__errors.<code>`), else the error's own message.
   */
  protected errorText(error: ElementError): string {
    const labels = this.labels;
    const english = this.#english();
    const param = error.field?.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
    return (
      lookup(labels, `oauthElements.errors.${error.code}`, undefined, english) ??
      (param ? lookup(labels, `unstable__errors.${error.code}__${param}`) : undefined) ??
      lookup(labels, `unstable__errors.${error.code}`) ??
      error.message
    );
  }

  /** Moves to a new status and announces it (synchronously, so listeners see every step). */
  protected setStatus(next: S): void {
    const previous = this.currentStatus;
    if (previous === next) return;
    this.currentStatus = next;
    if (next === 'error') this.#enteredError = true;
    this.setAttribute('status', next);
    this.dispatchEvent(new StatusChangeEvent<S>(next, previous));
  }

  /**
   * Where "Back to sign in" goes. Elements with a sign-in link override it with `signInTargetOf(this.ctx, own)`
   * (`navigation.ts`): the one trust rule.
   */
  protected signInTarget(): TrustedTarget {
    return { url: '/sign-in', allowedOrigins: [] };
  }

  /** The error block: always in the DOM (so every message is announced), empty when there is nothing to say. */
  protected renderErrorBlock(): TemplateResult {
    const shown = this.shownError;
    // Keyed by the error itself: a new failure with the same message is new content, so it is announced again,
    // while re-renders of the same error (elements rebuild the ShownError wrapper) leave the region alone.
    return html`<div part="error" role="alert" tabindex="-1">${shown
      ? keyed(shown.error, html`${shown.title ? html`<p part="error-title">${shown.title}</p>` : nothing}<p part="error-message">${this.errorText(shown.error)}</p>${shown.retry || shown.signIn
            ? html`<div part="actions">
                ${shown.retry ? html`<button part="retry" type="button" @click=${shown.retry}>${this.t('oauthElements.retry')}</button>` : nothing}
                ${shown.signIn ? html`<a part="back-link" href=${this.signInTarget().url}>${this.t('oauthElements.backToSignIn')}</a>` : nothing}
              </div>`
            : nothing}`)
      : nothing}</div>`;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    this.#focusWasInside = Boolean(this.shadowRoot?.activeElement);
  }

  /**
   * The one focus rule: the focus moves only when it would otherwise be lost — the focused control went away
   * with the step it belonged to, or the element stopped with an error while nothing on the page had focus.
   * It goes to the way out (Try again, Back to sign in), else the message.
   */
  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    const enteredError = this.#enteredError;
    this.#enteredError = false;
    const root = this.shadowRoot;
    if (!root || root.activeElement) return;
    const nothingFocused = !document.activeElement || document.activeElement === document.body;
    if (!this.#focusWasInside && !(enteredError && nothingFocused)) return;
    for (const selector of FOCUS_FALLBACKS) {
      const target = root.querySelector<HTMLElement>(selector);
      if (target) return target.focus();
    }
  }
}

/**
 * A flow element: a `ClerkElement` that takes the Clerk context (from a provider or the page's Clerk).
 */
export abstract class ClerkFlowElement<S extends FlowStatus> extends ClerkElement<S> {
  protected readonly clerkContext = new ClerkController(this, (value) => this.clerkChanged(value));

  /** The shared Clerk context value; never undefined. */
  protected get ctx(): ClerkContextValue {
    return this.clerkContext.value;
  }

  protected override get labels(): Localization {
    return this.ctx.localization;
  }

  /** Called on every context change (before the re-render), to derive status or start one-time work. */
  protected clerkChanged(_value: ClerkContextValue): void {}

  /** The provider's load error as this element shows it: blocking, with Try again (reload Clerk). */
  protected providerError(): ShownError | undefined {
    const ctx = this.ctx;
    if (ctx.status !== 'error') return undefined;
    return { error: ctx.error ?? { code: 'clerk_load_failed', message: this.t('oauthElements.errors.clerk_load_failed') }, retry: () => ctx.retry() };
  }
}
