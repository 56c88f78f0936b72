import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html, nothing, type TemplateResult } from 'lit';
import { expect, waitFor } from 'storybook/test';
import { FakeClerk, clerkApiError, scenarios, type FakeClerkOptions } from '../src/testing/index.js';
import type { ConnectedAccountsElement, ConnectedAccountsStatus } from '../src/elements/connected-accounts/connected-accounts.js';

// Served from emulator/assets/providers (staticDirs in .storybook/main.ts): img.clerk.com is not reachable offline.
const ICONS = 'provider-icons';

interface Setup {
  fake?: FakeClerkOptions | FakeClerk;
  scopes?: string;
  wrap?: (content: TemplateResult) => TemplateResult;
}

const accounts = ({ fake = {}, scopes, wrap = (c) => c }: Setup) =>
  wrap(html`<clerk-provider .clerk=${fake instanceof FakeClerk ? fake : new FakeClerk(fake)}>
    <connected-accounts icon-base-url=${ICONS} additional-scopes=${scopes ?? nothing}>
      <p slot="signed-out">Sign in to manage your connected accounts. <a href="/sign-in">Sign in</a></p>
    </connected-accounts>
  </clerk-provider>`);

const element = (canvas: HTMLElement) => canvas.querySelector('connected-accounts') as ConnectedAccountsElement;
const root = (canvas: HTMLElement) => element(canvas).shadowRoot!;
const part = (canvas: HTMLElement, name: string) => root(canvas).querySelector<HTMLElement>(`[part~=${name}]`);
const expectStatus = (canvas: HTMLElement, status: ConnectedAccountsStatus) => waitFor(() => expect(element(canvas).getAttribute('status')).toBe(status));
/** Keeps the story on the page: the provider's URL is a fake one. */
const stayHere = (canvas: HTMLElement) => element(canvas).addEventListener('account-connect', (e) => e.preventDefault());
/** Holds an action's Clerk call until the story ends, to show its busy status. */
const hold = () => new Promise<never>(() => {});
const dark = (content: TemplateResult) => html`<div style="color-scheme: dark; background: #111318; color: #f4f4f5; padding: 1rem">${content}</div>`;

const meta: Meta = {
  title: 'Elements/connected-accounts',
  component: 'connected-accounts',
};
export default meta;
type Story = StoryObj;

export const Loading: Story = {
  render: () => accounts({ fake: scenarios.loading }),
  play: ({ canvasElement }) => expectStatus(canvasElement, 'loading'),
};

export const SignedOut: Story = {
  name: 'Signed out (the signed-out slot)',
  render: () => accounts({ fake: scenarios.ready }),
  play: ({ canvasElement }) => expectStatus(canvasElement, 'signed-out'),
};

export const NoAccounts: Story = {
  name: 'Ready: no account linked',
  render: () => accounts({ fake: scenarios.accountsNone }),
  play: async ({ canvasElement }) => {
    await expectStatus(canvasElement, 'ready');
    await expect(part(canvasElement, 'empty')?.textContent).toContain('No accounts');
  },
};

export const OneAccount: Story = {
  name: 'Ready: one account',
  render: () => accounts({ fake: scenarios.accountsSignedIn }),
  play: ({ canvasElement }) => expectStatus(canvasElement, 'ready'),
};

/** Connected, needs scopes, reconnect and error rows; a custom provider and a long identifier among them. */
export const EveryAccountState: Story = {
  name: 'Ready: every account state',
  render: () => accounts({ fake: scenarios.accountsEveryState, scopes: 'github: repo' }),
  play: async ({ canvasElement }) => {
    await expectStatus(canvasElement, 'ready');
    const states = [...root(canvasElement).querySelectorAll<HTMLElement>('[part~=account]')].map((r) => r.dataset.state);
    await expect(states).toEqual(['connected', 'needs-scopes', 'reconnect', 'error']);
  },
};

export const EveryAccountStateDark: Story = {
  name: 'Ready: every account state (dark)',
  render: () => accounts({ fake: scenarios.accountsEveryState, scopes: 'github: repo', wrap: dark }),
  play: ({ canvasElement }) => expectStatus(canvasElement, 'ready'),
};

export const EveryAccountStateRtl: Story = {
  name: 'Ready: every account state (RTL, narrow)',
  render: () => accounts({ fake: scenarios.accountsEveryState, scopes: 'github: repo', wrap: (c) => html`<div dir="rtl" style="max-width: 18rem">${c}</div>` }),
  play: ({ canvasElement }) => expectStatus(canvasElement, 'ready'),
};

/** The connect menu: a sign-in provider, a connect-only one (Microsoft) and a custom one. */
export const ConnectMenu: Story = {
  name: 'Ready: connect menu (connect-only and custom providers)',
  render: () => accounts({ fake: scenarios.accountsSignedIn }),
  play: async ({ canvasElement }) => {
    await expectStatus(canvasElement, 'ready');
    part(canvasElement, 'connect')!.click();
    await waitFor(() => expect(part(canvasElement, 'connect-only')?.textContent).toBe('Connect only'));
  },
};

export const PendingRemoval: Story = {
  name: 'Ready: removal waiting for confirmation',
  render: () => accounts({ fake: scenarios.accountsSignedIn }),
  play: async ({ canvasElement }) => {
    await expectStatus(canvasElement, 'ready');
    part(canvasElement, 'remove')!.click();
    await waitFor(() => expect(part(canvasElement, 'confirm')?.textContent).toContain('will be removed'));
  },
};

export const RemoveFailed: Story = {
  name: 'Ready: a removal failed (message, account kept)',
  render: () =>
    accounts({ fake: { ...scenarios.accountsSignedIn, externalAccountError: clerkApiError('network_error', 'x', { longMessage: 'The connection was lost. Please try again.', status: 503 }) } }),
  play: async ({ canvasElement }) => {
    await expectStatus(canvasElement, 'ready');
    part(canvasElement, 'remove')!.click();
    await waitFor(() => expect(part(canvasElement, 'confirm-remove')).toBeTruthy());
    part(canvasElement, 'confirm-remove')!.click();
    await waitFor(() => expect(part(canvasElement, 'error-message')?.textContent).toContain('connection was lost'));
    await expectStatus(canvasElement, 'ready');
  },
};

const held = (method: 'createExternalAccount' | 'reauthorize' | 'destroy') => {
  const fake = new FakeClerk({ ...scenarios.accountsEveryState });
  if (method === 'createExternalAccount') fake.user!.createExternalAccount = hold;
  else for (const account of fake.user!.externalAccounts) account[method] = hold;
  return fake;
};

export const Connecting: Story = {
  render: () => accounts({ fake: held('createExternalAccount') }),
  play: async ({ canvasElement }) => {
    await expectStatus(canvasElement, 'ready');
    part(canvasElement, 'connect')!.click();
    await waitFor(() => expect(part(canvasElement, 'connect-option')).toBeTruthy());
    part(canvasElement, 'connect-option')!.click();
    await expectStatus(canvasElement, 'connecting');
  },
};

export const Reauthorizing: Story = {
  render: () => accounts({ fake: held('reauthorize'), scopes: 'github: repo' }),
  play: async ({ canvasElement }) => {
    await expectStatus(canvasElement, 'ready');
    part(canvasElement, 'reauthorize')!.click();
    await expectStatus(canvasElement, 'reauthorizing');
  },
};

export const Removing: Story = {
  render: () => accounts({ fake: held('destroy') }),
  play: async ({ canvasElement }) => {
    await expectStatus(canvasElement, 'ready');
    part(canvasElement, 'remove')!.click();
    await waitFor(() => expect(part(canvasElement, 'confirm-remove')).toBeTruthy());
    part(canvasElement, 'confirm-remove')!.click();
    await expectStatus(canvasElement, 'removing');
  },
};

export const Redirecting: Story = {
  name: 'Redirecting to the provider',
  render: () => accounts({ fake: scenarios.accountsSignedIn }),
  play: async ({ canvasElement }) => {
    await expectStatus(canvasElement, 'ready');
    // The page takes the navigation over once it has seen the status (the fake provider URL is not real).
    element(canvasElement).addEventListener('account-connect', (e) => e.preventDefault());
    const seen: string[] = [];
    element(canvasElement).addEventListener('oauth-elements-status', (e) => seen.push(e.status));
    part(canvasElement, 'connect')!.click();
    await waitFor(() => expect(part(canvasElement, 'connect-option')).toBeTruthy());
    part(canvasElement, 'connect-option')!.click();
    await waitFor(() => expect(seen).toContain('redirecting'));
  },
};

export const Reverifying: Story = {
  name: 'Reverifying: password step before a removal',
  render: () => accounts({ fake: scenarios.accountsReverification }),
  play: async ({ canvasElement }) => {
    await expectStatus(canvasElement, 'ready');
    stayHere(canvasElement);
    part(canvasElement, 'remove')!.click();
    await waitFor(() => expect(part(canvasElement, 'confirm-remove')).toBeTruthy());
    part(canvasElement, 'confirm-remove')!.click();
    await expectStatus(canvasElement, 'reverifying');
    await waitFor(() => expect(root(canvasElement).querySelector('#reverify-input')).toBeTruthy());
  },
};

export const ReverifyingDark: Story = {
  name: 'Reverifying (dark)',
  render: () => accounts({ fake: scenarios.accountsReverification, wrap: dark }),
  play: Reverifying.play,
};

export const ErrorScopes: Story = {
  name: 'Error: malformed additional-scopes',
  render: () => accounts({ fake: scenarios.accountsSignedIn, scopes: 'google drive.readonly' }),
  play: async ({ canvasElement }) => {
    await expectStatus(canvasElement, 'error');
    await expect(part(canvasElement, 'error-message')?.textContent).toContain('"google drive.readonly"');
  },
};

export const ErrorClerk: Story = {
  name: 'Error: Clerk failed to load',
  render: () => accounts({ fake: scenarios.loadFailed }),
  play: async ({ canvasElement }) => {
    await expectStatus(canvasElement, 'error');
    await expect(part(canvasElement, 'retry')).toBeTruthy();
  },
};
