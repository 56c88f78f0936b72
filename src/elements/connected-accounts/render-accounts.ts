import { html, nothing } from 'lit';
import type { ElementError } from '../../errors.js';
import type { SocialProvider } from '../../providers.js';
import { renderProviderIcon } from '../../provider-icon.js';
import type { AccountRow } from './accounts.js';
import type { ReverificationFactor } from './reverification.js';

type T = (key: string, params?: Record<string, string | number | undefined>) => string;

const S = 'userProfile.start.connectedAccountsSection.';
const P = 'userProfile.connectedAccountPage.';

export interface ListView {
  rows: AccountRow[];
  busy: boolean;
  /** The account whose removal is being confirmed. */
  confirming?: string;
  iconBaseUrl?: string;
  brokenIcons: ReadonlySet<string>;
  t: T;
  /** A row's failed connection, localized like the error block (Clerk's `unstable__errors`, then ours). */
  errorText: (error: ElementError) => string;
  onIconError: (url: string) => void;
  onReauthorize: (row: AccountRow) => void;
  onReconnect: (row: AccountRow) => void;
  onAskRemove: (row: AccountRow) => void;
  onCancelRemove: (row: AccountRow) => void;
  onRemove: (row: AccountRow) => void;
}

/** The accounts, each with its state, the action it needs, and Remove (confirmed inline). */
export function renderAccountList(view: ListView) {
  const { rows, t } = view;
  if (!rows.length) return html`<p part="empty">${t('oauthElements.connectedAccounts.noAccounts')}</p>`;
  return html`<ul part="list" role="list">
    ${rows.map((row) => {
      const label = `${row.provider.name}${row.identifier ? ` (${row.identifier})` : ''}`;
      const confirmId = `confirm-${row.account.id}`;
      return html`<li part="account account-${row.provider.id} state-${row.state}" data-account=${row.account.id} data-state=${row.state}>
        <div class="summary">
          ${renderProviderIcon(row.provider, { iconBaseUrl: view.iconBaseUrl, broken: view.brokenIcons, onError: view.onIconError })}
          <span class="names"><span part="account-name">${row.provider.name}</span>
            ${row.identifier ? html`<span part="account-identifier">${row.identifier}</span>` : nothing}</span>
          ${row.state === 'connected' ? nothing : html`<span part="badge">${t('badge__requiresAction')}</span>`}
        </div>
        ${row.state === 'needs-scopes'
          ? html`<p part="account-message">${t('oauthElements.connectedAccounts.missingScopes', { scopes: row.missingScopes.join(', ') })}</p>`
          : row.error
            ? html`<p part="account-message">${view.errorText(row.error)}</p>`
            : nothing}
        <div class="row-actions">
          ${row.state === 'needs-scopes'
            ? html`<button part="reauthorize" type="button" aria-disabled=${view.busy ? 'true' : 'false'} @click=${() => !view.busy && view.onReauthorize(row)}>
                ${t(`${S}actionLabel__reauthorize`)}<span class="visually-hidden">: ${label}</span>
              </button>`
            : nothing}
          ${row.state === 'reconnect'
            ? html`<button part="reconnect" type="button" aria-disabled=${view.busy ? 'true' : 'false'} @click=${() => !view.busy && view.onReconnect(row)}>
                ${t(`${S}actionLabel__connectionFailed`)}<span class="visually-hidden">: ${label}</span>
              </button>`
            : nothing}
          ${view.confirming === row.account.id
            ? nothing
            : html`<button part="remove" type="button" aria-disabled=${view.busy ? 'true' : 'false'} @click=${() => !view.busy && view.onAskRemove(row)}>
                ${t(`${S}destructiveActionTitle`)}<span class="visually-hidden">: ${label}</span>
              </button>`}
        </div>
        ${view.confirming === row.account.id
          ? html`<div part="confirm" role="group" aria-labelledby=${confirmId}>
              <p id=${confirmId}><strong>${t(`${P}removeResource.title`)}</strong>
                ${t(`${P}removeResource.messageLine1`, { identifier: label })} ${t(`${P}removeResource.messageLine2`)}</p>
              <div class="row-actions">
                <button part="confirm-remove" type="button" @click=${() => view.onRemove(row)}>${t(`${S}destructiveActionTitle`)}<span class="visually-hidden">: ${label}</span></button>
                <button part="cancel" type="button" @click=${() => view.onCancelRemove(row)}>${t('oauthElements.connectedAccounts.cancel')}</button>
              </div>
            </div>`
          : nothing}
      </li>`;
    })}
  </ul>`;
}

export interface ConnectView {
  /** Providers that can be connected (connect-only and custom ones included). */
  providers: SocialProvider[];
  /** The sign-in providers, to mark the connect-only ones. */
  signInProviders: SocialProvider[];
  open: boolean;
  busy: boolean;
  iconBaseUrl?: string;
  brokenIcons: ReadonlySet<string>;
  t: T;
  onIconError: (url: string) => void;
  onToggle: () => void;
  onConnect: (provider: SocialProvider) => void;
}

/** "Connect account" and the providers it offers. */
export function renderConnect(view: ConnectView) {
  const { t } = view;
  const signIn = new Set(view.signInProviders.map((p) => p.strategy));
  return html`<div class="connect">
    <button part="connect" type="button" aria-expanded=${view.open ? 'true' : 'false'} aria-controls="connect-menu" aria-disabled=${view.busy ? 'true' : 'false'} @click=${() => !view.busy && view.onToggle()}>
      ${t(`${S}primaryButton`)}
    </button>
    <div id="connect-menu" ?hidden=${!view.open}>
      <p part="hint">${t(view.providers.length ? `${P}formHint` : `${P}formHint__noAccounts`)}</p>
      ${view.providers.length
        ? html`<ul part="connect-menu" role="list">
            ${view.providers.map(
              (provider) => html`<li>
                <button part="connect-option connect-option-${provider.id}" type="button" data-strategy=${provider.strategy} aria-disabled=${view.busy ? 'true' : 'false'} @click=${() => !view.busy && view.onConnect(provider)}>
                  ${renderProviderIcon(provider, { iconBaseUrl: view.iconBaseUrl, broken: view.brokenIcons, onError: view.onIconError })}
                  <span>${t(`${P}socialButtonsBlockButton`, { provider: provider.name })}</span>
                  ${signIn.has(provider.strategy) ? nothing : html`<span part="connect-only">${t('oauthElements.connectedAccounts.connectOnly')}</span>`}
                </button>
              </li>`,
            )}
          </ul>`
        : nothing}
    </div>
  </div>`;
}

export interface ReverifyView {
  factor?: ReverificationFactor;
  value: string;
  error?: string;
  /** False when the page runs its own reverification: only a note and Cancel. */
  own: boolean;
  t: T;
  onInput: (value: string) => void;
  onSubmit: (event: Event) => void;
  onCancel: () => void;
}

/** The element's own reverification step: the session's password, or a code sent to its email or phone. */
export function renderReverify(view: ReverifyView) {
  const { t, factor } = view;
  const key = factor?.strategy === 'email_code' ? 'reverification.emailCode' : factor?.strategy === 'phone_code' ? 'reverification.phoneCode' : 'reverification.password';
  const password = factor?.strategy === 'password';
  return html`<form part="reverify" aria-labelledby="reverify-title" novalidate @submit=${view.onSubmit}>
    <h3 id="reverify-title">${t(`${key}.title`)}</h3>
    ${view.own && factor
      ? html`<p part="hint" id="reverify-hint">${t(`${key}.subtitle`)}</p>
          <label for="reverify-input">${t(password ? 'formFieldLabel__password' : `${key}.formTitle`)}</label>
          <input
            id="reverify-input"
            part="input"
            type=${password ? 'password' : 'text'}
            autocomplete=${password ? 'current-password' : 'one-time-code'}
            inputmode=${password ? nothing : 'numeric'}
            aria-describedby="reverify-hint${view.error ? ' reverify-error' : ''}"
            aria-invalid=${view.error ? 'true' : 'false'}
            .value=${view.value}
            @input=${(e: Event) => view.onInput((e.target as HTMLInputElement).value)}
          />
          ${view.error ? html`<p part="field-error" id="reverify-error">${view.error}</p>` : nothing}
          <div class="row-actions">
            <button part="submit" type="submit">${t('formButtonPrimary')}</button>
            <button part="cancel" type="button" @click=${view.onCancel}>${t('oauthElements.connectedAccounts.cancel')}</button>
          </div>`
      : html`<div class="row-actions"><button part="cancel" type="button" @click=${view.onCancel}>${t('oauthElements.connectedAccounts.cancel')}</button></div>`}
  </form>`;
}
