import { html, nothing, type PropertyValues } from 'lit';
import { englishFor } from '../../english.js';
import { CONNECTED_ACCOUNTS_ENGLISH } from './strings.js';
import { property, state } from 'lit/decorators.js';
import type { ExternalAccountResource, OAuthScope, OAuthStrategy, SessionVerificationLevel, UserResource } from '@clerk/shared/types';
import { ClerkFlowElement, type ShownError } from '../../base-element.js';
import type { ClerkContextValue, ClerkInstance } from '../../context.js';
import { elementError, toElementError, type ElementError } from '../../errors.js';
import { AccountConnectEvent, AccountErrorEvent, AccountRemovedEvent, NeedsReverificationEvent, type AccountAction } from '../../events.js';
import { isRedirectError, leavePage, pageUrl, validateRedirectUrl } from '../../navigation.js';
import { PendingWork, isTimeout, withTimeout } from '../../timeout.js';
import type { SocialProvider } from '../../providers.js';
import { providerIconStyles } from '../../provider-icon.js';
import { hostStyles } from '../../styles.js';
import { accountRows, connectable, normaliseScopes, parseScopes, scopesOf, type AccountRow, type ScopeMap } from './accounts.js';
import { rememberReturn, takeReturn, type PendingReturn } from './return-marker.js';
import { UNSUPPORTED, attemptReverification, reverificationLevel, startReverification, type ReverificationFactor } from './reverification.js';
import { renderAccountList, renderConnect, renderReverify, type ListView } from './render-accounts.js';
import { styles } from './connected-accounts.styles.js';

export const CONNECTED_ACCOUNTS_STATUSES = [
  'loading',
  'signed-out',
  'ready',
  'connecting',
  'reauthorizing',
  'removing',
  'reverifying',
  'redirecting',
  'error',
] as const;
export type ConnectedAccountsStatus = (typeof CONNECTED_ACCOUNTS_STATUSES)[number];

/** The busy status of each action. */
const BUSY: Record<AccountAction, ConnectedAccountsStatus> = { connect: 'connecting', reconnect: 'connecting', reauthorize: 'reauthorizing', remove: 'removing' };

type Reverification = { level: SessionVerificationLevel; action: AccountAction; retry: () => Promise<void>; factor?: ReverificationFactor; value: string; error?: string; own: boolean };

const L = 'oauthElements.connectedAccounts.';

/**
 * A signed-in user's linked social accounts: connect one (connect-only and custom providers included),
 * re-authorize for the scopes this page needs, reconnect a failed one, remove one, with Clerk's
 * reverification when the instance asks for it.
 *
 * @tagname connected-accounts
 * @summary Lists, links, re-authorizes and removes the signed-in user's social accounts.
 *
 * @slot signed-out - Shown (alone) when nobody is signed in.
 * @slot heading - Replaces the default heading.
 * @slot - Extra content below the list.
 * @csspart heading - The default heading.
 * @csspart status - The live region with progress and outcome messages.
 * @csspart list - The list of accounts.
 * @csspart account - One account row; also `account-<provider>` and `state-<state>` (`state-connected`, `state-needs-scopes`, `state-reconnect`, `state-error`).
 * @csspart icon - A provider icon (also `icon-<provider>`); `initial` when it is a letter.
 * @csspart initial - The letter shown when a provider has no icon.
 * @csspart account-name - The provider's name.
 * @csspart account-identifier - The username or email address of the linked account.
 * @csspart badge - "Requires action" on rows that need something.
 * @csspart account-message - Why a row needs action (missing scopes, the verification's error).
 * @csspart reauthorize - "Authorize now".
 * @csspart reconnect - "Reconnect".
 * @csspart remove - "Remove" on a row.
 * @csspart confirm - The inline removal confirmation.
 * @csspart confirm-remove - The confirmation's "Remove" button.
 * @csspart cancel - "Cancel" (removal confirmation, reverification).
 * @csspart empty - "No accounts are connected yet."
 * @csspart connect - The "Connect account" button.
 * @csspart connect-menu - The providers that can be connected.
 * @csspart connect-option - One provider in it; also `connect-option-<provider>`.
 * @csspart reverify - The reverification form.
 * @csspart input - The password or code input.
 * @csspart submit - The reverification form's "Continue".
 * @csspart field-error - The reverification input's error.
 * @csspart error - The error block (a live region, always present).
 * @csspart error-message - The error's message.
 * @csspart actions - The way out under the message.
 * @csspart retry - "Try again".
 * @cssprop [--clerk-elements-radius=6px] - Corner radius (shared by every element).
 * @cssprop [--clerk-elements-error-color=light-dark(#b3261e, #ffb4ab)] - Error text (shared).
 * @cssprop [--clerk-elements-focus-color=light-dark(#2f6fde, #8ab4f8)] - Focus ring (shared).
 * @cssprop [--clerk-elements-muted-color=light-dark(#4b5563, #b4b4bb)] - Identifiers and hints (shared).
 * @cssprop [--connected-accounts-gap=0.75rem] - Space between rows.
 * @cssprop [--connected-accounts-border=1px solid light-dark(#d9d9de, #3f4046)] - Row and button borders.
 * @cssprop [--connected-accounts-icon-size=1.25rem] - Provider icon size.
 * @cssprop [--connected-accounts-badge-background=light-dark(#fef3c7, #4a3b10)] - "Requires action" background.
 * @cssprop [--connected-accounts-badge-color=light-dark(#92400e, #fde68a)] - "Requires action" text.
 * @fires account-connect - Cancelable, before leaving for the provider. `event.url`, `event.strategy`, `event.action` (`connect`, `reconnect`, `reauthorize`).
 * @fires account-removed - An account was removed. `event.strategy`, `event.accountId`, `event.identifier`.
 * @fires account-error - An action failed, or a connection came back failed. `event.code`, `event.message`, `event.strategy`, `event.action`.
 * @fires needs-reverification - Cancelable: Clerk wants a recent verification. `preventDefault()`, run your own, then `event.complete()` or `event.cancel()`.
 * @fires oauth-elements-status - `status` changed. `event.status`, `event.previous`.
 */
export class ConnectedAccountsElement extends ClerkFlowElement<ConnectedAccountsStatus> {
  static override styles = [hostStyles, providerIconStyles, styles];
  /** @internal */
  protected static override english = englishFor(CONNECTED_ACCOUNTS_ENGLISH);

  /** Where the provider sends the visitor back to. Default: this page. */
  @property({ attribute: 'redirect-url' }) redirectUrl?: string;
  /** Scopes this page needs per provider: `google: scope-a scope-b; github: repo`. */
  @property({ attribute: 'additional-scopes' }) additionalScopesAttr?: string;
  /** The same as an object (`{ google: ['scope-a'], github: 'repo' }`); wins over the attribute. */
  @property({ attribute: false }) additionalScopes?: Record<string, string | readonly string[]>;
  /** OIDC `prompt` sent to the provider (e.g. `consent` to get a refresh token again). */
  @property({ attribute: 'oidc-prompt' }) oidcPrompt?: string;
  /** Self-hosted icons for built-in providers: `<icon-base-url>/<provider>.svg`. */
  @property({ attribute: 'icon-base-url' }) iconBaseUrl?: string;

  @state() private notice = '';
  @state() private confirming?: string;
  @state() private menuOpen = false;
  @state() private reverification?: Reverification;
  @state() private brokenIcons: ReadonlySet<string> = new Set();

  #busy = false;
  /** The Clerk action under way, kept until it answers (see `#act`). */
  readonly #pendingWork = new PendingWork<void>();
  /** An action that got no answer in time: blocking, with Try again. */
  #stalled?: ShownError;
  /** The error block holds a blocking error of `#derive`'s (provider, attributes), cleared once it is gone. */
  #blocked = false;
  #checkedReturnFor?: string;
  #clerk?: ClerkInstance;

  protected override clerkChanged(value: ClerkContextValue): void {
    if (value.clerk !== this.#clerk) {
      this.#clerk = value.clerk;
      this.#checkedReturnFor = undefined;
    }
    if (value.status === 'ready' && value.user && this.#checkedReturnFor !== value.user.id) {
      this.#checkedReturnFor = value.user.id;
      const pending = takeReturn(value.user.id);
      if (pending) void this.#reportReturn(value.user, pending);
    }
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    this.#derive();
  }

  /** The status and blocking errors that follow from Clerk's state and the attributes; busy statuses are the run's. */
  #derive(): void {
    const ctx = this.ctx;
    const blocking = this.providerError() ?? this.#scopes().error ?? this.#stalled;
    if (blocking) {
      this.#blocked = true;
      this.shownError = 'error' in blocking ? blocking : { error: blocking };
      return this.setStatus('error');
    }
    if (this.#blocked) {
      this.#blocked = false;
      this.shownError = undefined;
    }
    if (ctx.status === 'loading' || !ctx.clerk) return this.setStatus('loading');
    if (!ctx.user) {
      this.reverification = undefined;
      return this.setStatus('signed-out');
    }
    if (this.#busy || this.status === 'redirecting') return;
    this.setStatus(this.reverification ? 'reverifying' : 'ready');
  }

  /** The scopes this page needs: the property, else the attribute (a malformed attribute is a blocking error). */
  #scopes(): { scopes: ScopeMap; error?: ElementError } {
    if (this.additionalScopes) return { scopes: normaliseScopes(this.additionalScopes) };
    return parseScopes(this.additionalScopesAttr);
  }

  #rows(): AccountRow[] {
    const user = this.ctx.user;
    return user ? accountRows(user.externalAccounts, this.#scopes().scopes, this.ctx.instance.connectableProviders) : [];
  }

  #scopesFor(strategy: string): OAuthScope[] {
    return [...(this.#scopes().scopes[strategy] ?? [])];
  }

  #returnUrl(): URL | ElementError {
    return validateRedirectUrl(this.redirectUrl?.trim() || pageUrl(), this.ctx.urls.allowedRedirectOrigins);
  }

  /** One Clerk action at a time; Clerk's reverification answer runs the reverification step, then the action once more. */
  async #act(action: AccountAction, strategy: string | undefined, work: () => Promise<void>, retried = false): Promise<void> {
    if (this.#busy) return;
    this.#busy = true;
    this.shownError = undefined;
    this.#stalled = undefined;
    this.notice = '';
    this.setStatus(BUSY[action]);
    // No answer within the provider's `timeout`: stop with Try again, which waits for this same call while it is
    // still unanswered (an account is never linked or removed twice).
    const pending = this.#pendingWork.run(work);
    try {
      await withTimeout(pending, this.ctx.timeout, 'Clerk');
    } catch (cause) {
      const level = reverificationLevel(cause);
      this.#busy = false;
      if (isTimeout(cause)) {
        this.#stalled = { error: cause, retry: () => void this.#act(action, strategy, work, retried) };
        this.dispatchEvent(new AccountErrorEvent(strategy, action, cause));
        // A late answer clears the stop (its own outcome, a redirect or a removal, follows from the action).
        void pending.then(
          () => this.#stalled?.error === cause && ((this.#stalled = undefined), this.#derive(), this.requestUpdate()),
          () => {},
        );
        return;
      }
      if (level && !retried) return this.#reverify(level, action, () => this.#act(action, strategy, work, true));
      this.#failed(action, strategy, toElementError(cause, `${action}_failed`));
    } finally {
      this.#busy = false;
      if (this.status === BUSY[action]) this.#derive();
      this.requestUpdate();
    }
  }

  #failed(action: AccountAction | undefined, strategy: string | undefined, error: ElementError): void {
    this.shownError = { error };
    this.dispatchEvent(new AccountErrorEvent(strategy, action, error));
    this.#derive();
  }

  #connect = (provider: SocialProvider, action: 'connect' | 'reconnect' = 'connect') => {
    this.menuOpen = false;
    void this.#act(action, provider.strategy, async () => {
      const back = this.#returnUrl();
      if (isRedirectError(back)) throw back;
      const user = this.ctx.user!;
      const account = await user.createExternalAccount({
        strategy: provider.strategy as OAuthStrategy,
        redirectUrl: back.href,
        additionalScopes: this.#scopesFor(provider.strategy),
        ...(this.oidcPrompt ? { oidcPrompt: this.oidcPrompt } : {}),
      });
      await this.#toProvider(account, action, provider.strategy, user.id);
    });
  };

  #reauthorize = (row: AccountRow) => {
    void this.#act('reauthorize', row.strategy, async () => {
      const back = this.#returnUrl();
      if (isRedirectError(back)) throw back;
      const account = await row.account.reauthorize({
        additionalScopes: this.#scopesFor(row.strategy),
        redirectUrl: back.href,
        ...(this.oidcPrompt ? { oidcPrompt: this.oidcPrompt } : {}),
      });
      await this.#toProvider(account, 'reauthorize', row.strategy, this.ctx.user!.id, row.missingScopes);
    });
  };

  async #toProvider(account: ExternalAccountResource, action: 'connect' | 'reconnect' | 'reauthorize', strategy: string, userId: string, missingScopes?: string[]): Promise<void> {
    const url = account.verification?.externalVerificationRedirectURL;
    if (!url) throw elementError('oauth_missing_verification_url', 'Clerk did not say where to continue with the provider. Please try again.');
    rememberReturn({ action, strategy, userId, missingScopes });
    const provider = this.#rows().find((r) => r.strategy === strategy)?.provider.name ?? strategy;
    this.notice = this.t(`${L}redirecting`, { provider });
    this.setStatus('redirecting');
    const outcome = await leavePage(this, { url: url.href, clerkBuilt: true, event: (href, cancelable) => new AccountConnectEvent(href, strategy, action, cancelable) });
    if (outcome.kind === 'rejected') throw outcome.error;
    // A page that takes the navigation over keeps a working list.
    if (outcome.kind === 'cancelled') {
      this.notice = '';
      this.setStatus('ready');
    }
  }

  #remove = (row: AccountRow) => {
    this.confirming = undefined;
    const index = this.#rows().findIndex((r) => r.account.id === row.account.id);
    this.notice = this.t(`${L}removing`, { provider: row.provider.name });
    void this.#act('remove', row.strategy, async () => {
      await row.account.destroy();
      this.notice = this.t('userProfile.connectedAccountPage.removeResource.successMessage', { connectedAccount: row.provider.name });
      this.dispatchEvent(new AccountRemovedEvent(row.strategy, row.account.id, row.identifier));
      await this.updateComplete;
      // The next row's Remove, else the previous one's, else Connect: never the page's top.
      const removes = [...this.renderRoot.querySelectorAll<HTMLElement>('[part~=remove]')];
      (removes[index] ?? removes[index - 1] ?? this.renderRoot.querySelector<HTMLElement>('[part~=connect]'))?.focus();
    }).then(() => {
      if (this.status !== 'ready' || !this.shownError) return;
      // Removal failed: back to the row's own Remove.
      this.renderRoot.querySelector<HTMLElement>(`[data-account="${row.account.id}"] [part~=remove]`)?.focus();
    });
  };

  async #reverify(level: SessionVerificationLevel, action: AccountAction, retry: () => Promise<void>): Promise<void> {
    const settle = (run: boolean) => {
      if (!this.reverification || this.reverification.retry !== retry) return;
      this.reverification = undefined;
      if (run) void retry();
      else {
        this.notice = this.t(`${L}reverificationCancelled`);
        this.#derive();
      }
    };
    const event = new NeedsReverificationEvent(level, action, () => settle(true), () => settle(false));
    const own = this.dispatchEvent(event);
    this.reverification = { level, action, retry, value: '', own };
    this.setStatus('reverifying');
    if (!own) return;
    try {
      const factor = await withTimeout(startReverification(this.ctx.session!, level), this.ctx.timeout, 'Clerk');
      // Already verified (in another tab, say): the action is tried again at once, nothing to type.
      if (factor === 'verified') return settle(true);
      if (this.reverification?.retry === retry) this.reverification = { ...this.reverification, factor };
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>('#reverify-input')?.focus();
    } catch (cause) {
      this.reverification = undefined;
      this.#failed(action, undefined, toElementError(cause, 'reverification_failed'));
    }
  }

  #submitReverification = async (event: Event) => {
    event.preventDefault();
    const current = this.reverification;
    if (!current?.factor || this.#busy) return;
    if (!current.value.trim()) {
      this.reverification = { ...current, error: this.t('oauthElements.continueSignUp.required', { field: this.t(current.factor.strategy === 'password' ? 'formFieldLabel__password' : `reverification.${current.factor.strategy === 'phone_code' ? 'phoneCode' : 'emailCode'}.formTitle`) }) };
      return;
    }
    this.#busy = true;
    try {
      const done = await withTimeout(attemptReverification(this.ctx.session!, current.factor, current.value), this.ctx.timeout, 'Clerk');
      this.#busy = false;
      this.reverification = undefined;
      if (done) await current.retry();
      // A second factor is still asked for: not something this element offers.
      else this.#failed(current.action, undefined, elementError('reverification_unsupported', UNSUPPORTED));
    } catch (cause) {
      this.#busy = false;
      this.reverification = { ...current, value: current.value, error: this.errorText(toElementError(cause)) };
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>('#reverify-input')?.focus();
    }
  };

  #cancelReverification = () => {
    this.reverification = undefined;
    this.notice = this.t(`${L}reverificationCancelled`);
    this.#derive();
  };

  /**
   * Back from the provider: say how the connection went. clerk-js loaded the user with this page, after Clerk's
   * servers finished the exchange, so that is normally fresh: the user is reloaded only when the account is not
   * settled in it yet (no extra request otherwise).
   */
  async #reportReturn(user: UserResource, pending: PendingReturn): Promise<void> {
    const settled = () => this.#rows().find((r) => r.strategy === pending.strategy);
    if (!settled()) {
      try {
        await withTimeout(user.reload(), this.ctx.timeout, 'Clerk');
      } catch {
        // The list still shows what clerk-js loaded with the page.
      }
      this.requestUpdate();
    }
    const row = settled();
    if (!row) return;
    if (row.error) return this.#failed(pending.action, pending.strategy, row.error);
    if (pending.action === 'reauthorize') {
      const granted = (pending.missingScopes ?? []).filter((s) => scopesOf(row.account.approvedScopes).includes(s));
      this.notice = row.missingScopes.length
        ? this.t(`${L}stillMissing`, { provider: row.provider.name, scopes: row.missingScopes.join(', ') })
        : this.t(`${L}nowAuthorized`, { provider: row.provider.name, scopes: granted.join(', ') });
    } else this.notice = this.t('userProfile.connectedAccountPage.successMessage');
  }

  override render() {
    const ctx = this.ctx;
    if (this.status === 'signed-out') return html`<slot name="signed-out"></slot>`;
    const rows = this.#rows();
    const busy = this.#busy || this.status === 'redirecting';
    const view: ListView = {
      rows,
      busy,
      confirming: this.confirming,
      iconBaseUrl: this.iconBaseUrl,
      brokenIcons: this.brokenIcons,
      t: this.t.bind(this),
      errorText: this.errorText.bind(this),
      onIconError: (url) => (this.brokenIcons = new Set([...this.brokenIcons, url])),
      onReauthorize: this.#reauthorize,
      onReconnect: (row) => this.#connect(row.provider, 'reconnect'),
      onAskRemove: async (row) => {
        this.confirming = row.account.id;
        await this.updateComplete;
        this.renderRoot.querySelector<HTMLElement>('[part~=cancel]')?.focus();
      },
      onCancelRemove: async (row) => {
        this.confirming = undefined;
        await this.updateComplete;
        this.renderRoot.querySelector<HTMLElement>(`[data-account="${row.account.id}"] [part~=remove]`)?.focus();
      },
      onRemove: this.#remove,
    };
    const showList = ['ready', 'connecting', 'reauthorizing', 'removing', 'redirecting'].includes(this.status);
    return html`<slot name="heading"><h2 part="heading">${this.t('userProfile.start.connectedAccountsSection.title')}</h2></slot>
      <p part="status" role="status" tabindex="-1">${this.status === 'loading' ? this.t(`${L}loading`) : this.notice}</p>
      ${this.renderErrorBlock()}
      ${this.reverification
        ? renderReverify({
            factor: this.reverification.factor,
            value: this.reverification.value,
            error: this.reverification.error,
            own: this.reverification.own,
            t: this.t.bind(this),
            onInput: (value) => (this.reverification = { ...this.reverification!, value, error: undefined }),
            onSubmit: this.#submitReverification,
            onCancel: this.#cancelReverification,
          })
        : nothing}
      ${showList
        ? html`${renderAccountList(view)}${renderConnect({
            providers: connectable(ctx.instance.connectableProviders, rows),
            signInProviders: ctx.instance.socialProviders,
            open: this.menuOpen,
            busy,
            iconBaseUrl: this.iconBaseUrl,
            brokenIcons: this.brokenIcons,
            t: this.t.bind(this),
            onIconError: view.onIconError,
            onToggle: () => (this.menuOpen = !this.menuOpen),
            onConnect: (provider) => this.#connect(provider),
          })}`
        : nothing}
      <slot></slot>`;
  }
}
