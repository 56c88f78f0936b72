import { expect, html } from '@open-wc/testing';
import { ConnectedAccountsElement, CONNECTED_ACCOUNTS_STATUSES } from '../src/elements/connected-accounts/connected-accounts.js';
import { accountRows, connectable, normaliseScopes, parseScopes } from '../src/elements/connected-accounts/accounts.js';
import { reverificationLevel } from '../src/elements/connected-accounts/reverification.js';
import { rememberReturn, takeReturn } from '../src/elements/connected-accounts/return-marker.js';
import type { AccountConnectEvent, AccountErrorEvent, AccountRemovedEvent, NeedsReverificationEvent } from '../src/events.js';
import { describeProvider } from '../src/providers.js';
import { FakeClerk, clerkApiError, scenarios, type FakeClerkOptions } from '../src/testing/index.js';
import { expectEvery, mount, until, type MountOptions, type Mounted } from './helpers.js';

type M = Mounted<ConnectedAccountsElement>;

const setup = (clerk: FakeClerkOptions | FakeClerk, options: Omit<MountOptions, 'clerk'> = {}) => mount<ConnectedAccountsElement>(ConnectedAccountsElement, { clerk, ...options });
const rows = (m: M) => [...m.root.querySelectorAll<HTMLElement>('[part~=account]')];
const row = (m: M, provider: string) => m.root.querySelector<HTMLElement>(`[part~=account-${provider}]`)!;
const part = <E extends HTMLElement = HTMLElement>(m: M, name: string, within: ParentNode = m.root) => within.querySelector<E>(`[part~=${name}]`);
const text = (m: M, name: string) => part(m, name)?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
const settle = async (m: M) => {
  for (let i = 0; i < 5; i++) {
    await new Promise((r) => setTimeout(r, 0));
    await m.el.updateComplete;
  }
};
/** Remove, then the inline confirmation's Remove, on the first row. */
const confirmRemove = async (m: M) => {
  part<HTMLButtonElement>(m, 'remove')!.click();
  await settle(m);
  part<HTMLButtonElement>(m, 'confirm-remove')!.click();
};
/** Keeps the test page here: a connect's navigation is taken over, as a framework app would. */
const stayHere = (m: M) => m.el.addEventListener('account-connect', (e) => e.preventDefault());

describe('connected-accounts helpers', () => {
  it('parses additional-scopes by provider id or strategy, and names a malformed part', () => {
    expect(parseScopes(' google: a b; oauth_github: repo ,read:org; ').scopes).to.deep.equal({ oauth_google: ['a', 'b'], oauth_github: ['repo', 'read:org'] });
    const bad = parseScopes('google: a; github repo');
    expect(bad.error?.code).to.equal('invalid_additional_scopes');
    expect(bad.error?.message).to.contain('"github repo"');
    expect(parseScopes('google:').error?.message).to.contain('"google:"');
    expect(parseScopes(undefined).scopes).to.deep.equal({});
    expect(normaliseScopes({ google: 'a b', oauth_custom_acme: ['x'] })).to.deep.equal({ oauth_google: ['a', 'b'], oauth_custom_acme: ['x'] });
  });

  it('classifies rows, hides abandoned attempts, and offers what is not linked yet (connect-only included)', () => {
    const account = (provider: string, status: string, error?: { code: string; message: string }, approvedScopes = 'openid') =>
      ({ id: provider, provider, username: '', emailAddress: `${provider}@x.example`, providerUserId: 'u', approvedScopes, verification: { status, error: error ?? null } }) as never;
    const providers = [describeProvider('oauth_google'), describeProvider('oauth_github'), describeProvider('oauth_microsoft'), describeProvider('oauth_custom_acme', { name: 'Acme' })];
    const list = accountRows(
      [
        account('google', 'verified'),
        account('github', 'verified', undefined, 'read:user'),
        account('microsoft', 'failed', { code: 'oauth_token_exchange_error', message: 'x' }),
        account('custom_acme', 'failed', { code: 'oauth_access_denied', message: 'denied' }),
        account('gitlab', 'unverified'),
      ],
      { oauth_github: ['repo', 'read:user'] },
      providers,
    );
    expect(list.map((r) => [r.strategy, r.state, r.missingScopes])).to.deep.equal([
      ['oauth_google', 'connected', []],
      ['oauth_github', 'needs-scopes', ['repo']],
      ['oauth_microsoft', 'reconnect', []],
      ['oauth_custom_acme', 'error', []],
    ]);
    expect(list[3]!.provider.name).to.equal('Acme');
    expect(connectable(providers, list).map((p) => p.strategy)).to.deep.equal(['oauth_microsoft', 'oauth_custom_acme']);
  });

  it('reads the reverification level from Clerk’s error, and nothing from other errors', () => {
    const fake = new FakeClerk({ reverification: { level: 'second_factor' } });
    let thrown: unknown;
    try {
      fake.requireRecentVerification();
    } catch (e) {
      thrown = e;
    }
    expect(reverificationLevel(thrown)).to.equal('second_factor');
    expect(reverificationLevel(clerkApiError('form_param_missing', 'x'))).to.equal(undefined);
    expect(reverificationLevel(new Error('x'))).to.equal(undefined);
  });

  it('remembers a trip to the provider for one user only, once', () => {
    rememberReturn({ action: 'connect', strategy: 'oauth_github', userId: 'user_a' });
    expect(takeReturn('user_b')).to.equal(undefined);
    expect(takeReturn('user_a')).to.deep.include({ strategy: 'oauth_github' });
    expect(takeReturn('user_a')).to.equal(undefined);
  });
});

describe('<connected-accounts>', () => {
  afterEach(() => sessionStorage.clear());

  it('signed out: status signed-out and only the signed-out slot', async () => {
    const m = await setup(scenarios.ready, { children: html`<a slot="signed-out" href="/sign-in">Sign in first</a>` });
    expect(m.el.status).to.equal('signed-out');
    expect(m.root.querySelectorAll('slot').length).to.equal(1);
    expect(m.root.querySelector('slot')!.name).to.equal('signed-out');
    expect(rows(m)).to.have.length(0);
    await expect(m.el).to.be.accessible();
  });

  it('lists every account with its name, identifier and state', async () => {
    const m = await setup(scenarios.accountsEveryState, { attrs: { 'additional-scopes': 'github: repo' } });
    expect(m.el.status).to.equal('ready');
    expect(rows(m).map((r) => r.dataset.state)).to.deep.equal(['connected', 'needs-scopes', 'reconnect', 'error']);
    expect(text(m, 'account-google')).to.contain('Google').and.contain('bob@example.com');
    expect(text(m, 'account-github')).to.contain('bob_builder').and.contain('Needs access to: repo');
    expectEvery(
      rows(m).filter((r) => r.dataset.state !== 'connected'),
      (r) => r.querySelector('[part~=badge]')?.textContent === 'Requires action',
      'rows needing action carry the badge',
    );
    expect(part(m, 'reauthorize', row(m, 'github'))).to.not.equal(null);
    expect(text(m, 'account-microsoft')).to.contain('Reconnect to keep using it');
    expect(part(m, 'reconnect', row(m, 'microsoft'))).to.not.equal(null);
    expect(text(m, 'account-custom_acme')).to.contain('Acme SSO').and.contain('You did not grant access');
    expect(part(m, 'reconnect', row(m, 'custom_acme')), 'an error that reconnecting cannot heal offers no Reconnect').to.equal(null);
    await expect(m.el).to.be.accessible();
  });

  it('connect lists connect-only and custom providers, and sends Clerk the strategy, return URL, scopes and prompt', async () => {
    const m = await setup(scenarios.accountsSignedIn, { attrs: { 'additional-scopes': 'oauth_custom_acme: files.read', 'oidc-prompt': 'consent' } });
    stayHere(m);
    const toggle = part<HTMLButtonElement>(m, 'connect')!;
    expect(toggle.getAttribute('aria-expanded')).to.equal('false');
    toggle.click();
    await m.el.updateComplete;
    expect(toggle.getAttribute('aria-expanded')).to.equal('true');
    const options = [...m.root.querySelectorAll<HTMLButtonElement>('[part~=connect-option]')];
    expect(options.map((o) => o.dataset.strategy)).to.deep.equal(['oauth_github', 'oauth_microsoft', 'oauth_custom_acme']);
    expect(options[1]!.textContent).to.contain('Connect only');
    await expect(m.el).to.be.accessible();
    options[2]!.click();
    await settle(m);
    expect(m.fake.callsTo('user.createExternalAccount')).to.deep.equal([
      [{ strategy: 'oauth_custom_acme', redirectUrl: location.href, additionalScopes: ['files.read'], oidcPrompt: 'consent' }],
    ]);
    const [connect] = m.events.of<AccountConnectEvent>('account-connect');
    expect(connect!.url).to.equal('https://provider.example/authorize?strategy=oauth_custom_acme');
    expect([connect!.strategy, connect!.action, connect!.cancelable]).to.deep.equal(['oauth_custom_acme', 'connect', true]);
    expect(m.statuses()).to.deep.equal(['ready', 'connecting', 'redirecting', 'ready']);
  });

  it('refuses a redirect-url on another origin before asking Clerk', async () => {
    const m = await setup(scenarios.accountsSignedIn, { attrs: { 'redirect-url': 'https://evil.example/back' } });
    part<HTMLButtonElement>(m, 'connect')!.click();
    await m.el.updateComplete;
    part<HTMLButtonElement>(m, 'connect-option-github')!.click();
    await settle(m);
    expect(m.fake.callsTo('user.createExternalAccount')).to.have.length(0);
    expect(m.el.status).to.equal('ready');
    expect(text(m, 'error')).to.contain('evil.example');
    expect(m.events.of<AccountErrorEvent>('account-error').map((e) => [e.code, e.action])).to.deep.equal([['redirect_origin_not_allowed', 'connect']]);
  });

  it('re-authorizes with the full list the page asks for, and reconnects a failed account with a fresh connection', async () => {
    const m = await setup(scenarios.accountsEveryState, { props: { additionalScopes: { github: ['repo', 'read:user'] } } });
    stayHere(m);
    part<HTMLButtonElement>(m, 'reauthorize', row(m, 'github'))!.click();
    await settle(m);
    expect(m.fake.callsTo('externalAccount.reauthorize')).to.deep.equal([['eac_2', { additionalScopes: ['repo', 'read:user'], redirectUrl: location.href }]]);
    expect(m.events.of<AccountConnectEvent>('account-connect').map((e) => e.action)).to.deep.equal(['reauthorize']);
    part<HTMLButtonElement>(m, 'reconnect', row(m, 'microsoft'))!.click();
    await settle(m);
    expect(m.fake.callsTo('user.createExternalAccount').map(([p]) => (p as { strategy: string }).strategy)).to.deep.equal(['oauth_microsoft']);
    expect(m.events.of<AccountConnectEvent>('account-connect').map((e) => e.action)).to.deep.equal(['reauthorize', 'reconnect']);
  });

  it('a malformed additional-scopes is a blocking error naming the bad part', async () => {
    const m = await setup(scenarios.accountsSignedIn, { attrs: { 'additional-scopes': 'google scope-a' } });
    expect(m.el.status).to.equal('error');
    expect(text(m, 'error')).to.contain('"google scope-a"');
    m.el.setAttribute('additional-scopes', 'google: scope-a');
    await m.el.updateComplete;
    expect(m.el.status).to.equal('ready');
    expect(text(m, 'error')).to.equal('');
  });

  it('removes after an inline confirmation naming the account; the focus moves on sensibly', async () => {
    const m = await setup(scenarios.accountsEveryState);
    part<HTMLButtonElement>(m, 'remove', row(m, 'google'))!.click();
    await settle(m);
    const confirm = part(m, 'confirm', row(m, 'google'))!;
    expect(confirm.getAttribute('role')).to.equal('group');
    expect(confirm.textContent).to.contain('Google (bob@example.com) will be removed');
    expect(m.root.activeElement?.getAttribute('part')).to.equal('cancel');
    await expect(m.el).to.be.accessible();
    (m.root.activeElement as HTMLElement).click();
    await settle(m);
    expect(part(m, 'confirm')).to.equal(null);
    expect(m.root.activeElement).to.equal(part(m, 'remove', row(m, 'google')));
    part<HTMLButtonElement>(m, 'remove', row(m, 'google'))!.click();
    await settle(m);
    part<HTMLButtonElement>(m, 'confirm-remove', row(m, 'google'))!.click();
    await until(() => m.events.of('account-removed').length === 1, 'removed');
    await settle(m);
    expect(m.fake.callsTo('externalAccount.destroy')).to.deep.equal([['eac_1']]);
    const [removed] = m.events.of<AccountRemovedEvent>('account-removed');
    expect([removed!.strategy, removed!.accountId, removed!.identifier]).to.deep.equal(['oauth_google', 'eac_1', 'bob@example.com']);
    expect(rows(m).map((r) => r.dataset.account)).to.not.include('eac_1');
    expect(text(m, 'status')).to.equal('Google has been removed from your account.');
    expect(m.root.activeElement, 'the focus goes to the next row').to.equal(part(m, 'remove', rows(m)[0]!));
    expect(m.statuses()).to.deep.equal(['ready', 'removing', 'ready']);
  });

  it('a failed removal keeps the account, says why, and returns the focus to its Remove', async () => {
    const fake = new FakeClerk({ ...scenarios.accountsSignedIn, externalAccountError: clerkApiError('network_error', 'x', { longMessage: 'The connection was lost.', status: 503 }) });
    const m = await setup(fake);
    await confirmRemove(m);
    await until(() => m.events.of('account-error').length === 1, 'error');
    await settle(m);
    expect(m.el.status).to.equal('ready');
    expect(rows(m)).to.have.length(1);
    expect(text(m, 'error')).to.equal('The connection was lost.');
    expect(part(m, 'error')!.getAttribute('role')).to.equal('alert');
    expect(m.root.activeElement).to.equal(part(m, 'remove', row(m, 'google')));
    expect(m.events.of<AccountErrorEvent>('account-error').map((e) => [e.code, e.action, e.strategy])).to.deep.equal([['network_error', 'remove', 'oauth_google']]);
  });

  it('reverification: its own password step, a wrong password kept for correction, then the removal goes through', async () => {
    const m = await setup(scenarios.accountsReverification);
    await confirmRemove(m);
    await until(() => m.el.status === 'reverifying' && !!m.root.querySelector('#reverify-input'), 'the password step');
    await settle(m);
    expect(m.events.of<NeedsReverificationEvent>('needs-reverification').map((e) => [e.level, e.action])).to.deep.equal([['first_factor', 'remove']]);
    const input = m.root.querySelector<HTMLInputElement>('#reverify-input')!;
    expect(m.root.activeElement).to.equal(input);
    expect(input.type).to.equal('password');
    await expect(m.el).to.be.accessible();
    input.value = 'wrong';
    input.dispatchEvent(new Event('input'));
    part<HTMLButtonElement>(m, 'submit')!.click();
    await until(() => !!part(m, 'field-error'), 'field error');
    expect(text(m, 'field-error')).to.contain('Password is incorrect');
    expect(m.root.querySelector<HTMLInputElement>('#reverify-input')!.value, 'what was typed stays').to.equal('wrong');
    const again = m.root.querySelector<HTMLInputElement>('#reverify-input')!;
    again.value = 'correct horse';
    again.dispatchEvent(new Event('input'));
    part<HTMLButtonElement>(m, 'submit')!.click();
    await until(() => m.events.of('account-removed').length === 1, 'removed after reverification');
    expect(m.fake.callsTo('externalAccount.destroy')).to.have.length(2);
    expect(m.statuses()).to.deep.equal(['ready', 'removing', 'reverifying', 'removing', 'ready']);
  });

  it('reverification Clerk no longer needs (confirmed meanwhile, in another tab) retries the action at once, with no step shown', async () => {
    const m = await setup(scenarios.accountsReverification);
    // The session is confirmed elsewhere while the element asks Clerk how to confirm it.
    m.el.addEventListener('needs-reverification', () => (m.fake.reverified = true));
    await confirmRemove(m);
    await until(() => m.events.of('account-removed').length === 1, 'removed without a step');
    expect(m.root.querySelector('#reverify-input')).to.equal(null);
    expect(m.fake.callsTo('session.startVerification')).to.have.length(1);
    expect(m.fake.callsTo('externalAccount.destroy')).to.have.length(2);
    expect(m.statuses()).to.deep.equal(['ready', 'removing', 'reverifying', 'removing', 'ready']);
  });

  it('reverification cancelled leaves the list as it was, with a message', async () => {
    const m = await setup(scenarios.accountsReverification);
    await confirmRemove(m);
    await until(() => !!m.root.querySelector('#reverify-input'), 'the password step');
    part<HTMLButtonElement>(m, 'cancel', part(m, 'reverify')!)!.click();
    await settle(m);
    expect(m.el.status).to.equal('ready');
    expect(rows(m)).to.have.length(1);
    expect(text(m, 'status')).to.contain('cancelled');
    expect(m.fake.callsTo('externalAccount.destroy')).to.have.length(1);
  });

  it('a page can run its own reverification through the cancelable event', async () => {
    const m = await setup(scenarios.accountsReverification);
    stayHere(m);
    let event: NeedsReverificationEvent | undefined;
    m.el.addEventListener('needs-reverification', (e) => {
      e.preventDefault();
      event = e;
    });
    part<HTMLButtonElement>(m, 'connect')!.click();
    await m.el.updateComplete;
    part<HTMLButtonElement>(m, 'connect-option-github')!.click();
    await until(() => !!event, 'needs-reverification');
    await settle(m);
    expect(m.el.status).to.equal('reverifying');
    expect(m.root.querySelector('#reverify-input'), 'no own step when the page runs its own').to.equal(null);
    expect(m.fake.callsTo('session.startVerification')).to.have.length(0);
    m.fake.reverified = true;
    event!.complete();
    await until(() => m.events.of('account-connect').length === 1, 'connect retried');
    expect(m.fake.callsTo('user.createExternalAccount')).to.have.length(2);
  });

  it('back from the provider: says how it went from the user clerk-js loaded, without reloading it', async () => {
    rememberReturn({ action: 'reauthorize', strategy: 'oauth_github', userId: 'user_bob', missingScopes: ['repo'] });
    const fake = new FakeClerk(scenarios.accountsEveryState);
    fake.user!.externalAccounts[1]!.approvedScopes = 'read:user repo';
    const m = await setup(fake, { attrs: { 'additional-scopes': 'github: repo' } });
    await until(() => text(m, 'status') !== '', 'outcome message');
    expect(m.fake.callsTo('user.reload')).to.have.length(0);
    expect(text(m, 'status')).to.equal('GitHub now has access to: repo');
    expect(row(m, 'github').dataset.state).to.equal('connected');
  });

  it('back from the provider with scopes still missing: names them', async () => {
    rememberReturn({ action: 'reauthorize', strategy: 'oauth_github', userId: 'user_bob', missingScopes: ['repo'] });
    const m = await setup(scenarios.accountsEveryState, { attrs: { 'additional-scopes': 'github: repo' } });
    await until(() => text(m, 'status') !== '', 'outcome message');
    expect(text(m, 'status')).to.equal('GitHub still lacks access to: repo');
  });

  it('back from a connection the loaded user does not show yet: reloads the user once, then reports it', async () => {
    rememberReturn({ action: 'connect', strategy: 'oauth_github', userId: 'user_alice' });
    const fake = new FakeClerk(scenarios.accountsSignedIn);
    const reload = fake.user!.reload.bind(fake.user!);
    fake.user!.reload = async () => {
      await reload();
      await fake.user!.createExternalAccount({ strategy: 'oauth_github' });
      const added = fake.user!.externalAccounts.at(-1)!;
      added.verification = { status: 'verified', error: null, externalVerificationRedirectURL: null };
      return fake.user!;
    };
    const m = await setup(fake);
    await until(() => text(m, 'status') !== '', 'outcome message');
    expect(m.fake.callsTo('user.reload')).to.have.length(1);
    expect(text(m, 'status')).to.equal('The provider has been added to your account');
    expect(row(m, 'github').dataset.state).to.equal('connected');
  });

  it('a code factor: the code is sent to the session’s email and checked', async () => {
    const m = await setup({ ...scenarios.accountsReverification, reverification: { factors: ['email_code'] } });
    await confirmRemove(m);
    await until(() => !!m.root.querySelector('#reverify-input'), 'the code step');
    expect(m.fake.callsTo('session.prepareFirstFactorVerification')).to.deep.equal([[{ strategy: 'email_code', emailAddressId: 'idn_email' }]]);
    const input = m.root.querySelector<HTMLInputElement>('#reverify-input')!;
    expect([input.type, input.autocomplete]).to.deep.equal(['text', 'one-time-code']);
    expect(text(m, 'reverify')).to.contain('Enter the verification code sent to your email');
    input.value = '424242';
    input.dispatchEvent(new Event('input'));
    part<HTMLButtonElement>(m, 'submit')!.click();
    await until(() => m.events.of('account-removed').length === 1, 'removed');
    expect(m.fake.callsTo('session.attemptFirstFactorVerification')).to.deep.equal([[{ strategy: 'email_code', code: '424242' }]]);
  });

  it('an empty reverification field is a field error, without a Clerk call', async () => {
    const m = await setup(scenarios.accountsReverification);
    await confirmRemove(m);
    await until(() => !!m.root.querySelector('#reverify-input'), 'the password step');
    part<HTMLButtonElement>(m, 'submit')!.click();
    await settle(m);
    expect(text(m, 'field-error')).to.equal('Password is required.');
    expect(m.fake.callsTo('session.attemptFirstFactorVerification')).to.have.length(0);
  });

  it('a reverification that cannot start is an action error; the list stays', async () => {
    const m = await setup({ ...scenarios.accountsReverification, startVerificationError: clerkApiError('network_error', 'x', { longMessage: 'No connection.', status: 503 }) });
    await confirmRemove(m);
    await until(() => m.events.of('account-error').length === 1, 'account-error');
    await settle(m);
    expect(m.el.status).to.equal('ready');
    expect(text(m, 'error')).to.equal('No connection.');
    expect(rows(m)).to.have.length(1);
  });

  it('a page that cancels its own reverification leaves the list as it was', async () => {
    const m = await setup(scenarios.accountsReverification);
    m.el.addEventListener('needs-reverification', (e) => {
      e.preventDefault();
      setTimeout(() => e.cancel());
    });
    await confirmRemove(m);
    await until(() => text(m, 'status').includes('cancelled'), 'cancelled message');
    expect(m.el.status).to.equal('ready');
    expect(m.fake.callsTo('externalAccount.destroy')).to.have.length(1);
    expect(rows(m)).to.have.length(1);
  });

  it('Clerk without a provider URL for the connection is an error, not a stuck redirect', async () => {
    const fake = new FakeClerk(scenarios.accountsSignedIn);
    const create = fake.user!.createExternalAccount.bind(fake.user!);
    fake.user!.createExternalAccount = async (p) => {
      const account = await create(p);
      account.verification.externalVerificationRedirectURL = null;
      return account;
    };
    const m = await setup(fake);
    part<HTMLButtonElement>(m, 'connect')!.click();
    await m.el.updateComplete;
    part<HTMLButtonElement>(m, 'connect-option-github')!.click();
    await until(() => m.events.of('account-error').length === 1, 'account-error');
    expect(m.events.of<AccountErrorEvent>('account-error')[0]!.code).to.equal('oauth_missing_verification_url');
    expect(m.el.status).to.equal('ready');
  });

  it('back from a failed connection: the verification’s message and account-error', async () => {
    rememberReturn({ action: 'reconnect', strategy: 'oauth_custom_acme', userId: 'user_bob' });
    const m = await setup(scenarios.accountsEveryState);
    await until(() => text(m, 'error') !== '', 'error message');
    expect(text(m, 'error')).to.equal('You did not grant access to Acme SSO.');
    expect(m.events.of<AccountErrorEvent>('account-error').map((e) => [e.code, e.action])).to.deep.equal([['oauth_access_denied', 'reconnect']]);
  });

  it('shows the provider’s load error with Try again', async () => {
    const m = await setup(scenarios.loadFailed);
    expect(m.el.status).to.equal('error');
    expect(part(m, 'retry')).to.not.equal(null);
    await expect(m.el).to.be.accessible();
  });

  it('has every status accessible', async () => {
    const seen = new Set<string>();
    const visit = async (m: M) => {
      seen.add(m.el.status);
      await expect(m.el).to.be.accessible();
    };
    await visit(await setup(scenarios.loading, { waitReady: false }));
    await visit(await setup(scenarios.ready));
    await visit(await setup(scenarios.loadFailed));
    const m = await setup(scenarios.accountsReverification);
    await visit(m);
    stayHere(m);
    m.el.addEventListener('account-connect', () => seen.add(m.el.status));
    await confirmRemove(m);
    expect(m.el.status).to.equal('removing');
    await visit(m);
    await until(() => m.el.status === 'reverifying' && !!m.root.querySelector('#reverify-input'), 'reverifying');
    await visit(m);
    part<HTMLButtonElement>(m, 'cancel', part(m, 'reverify')!)!.click();
    await settle(m);
    part<HTMLButtonElement>(m, 'connect')!.click();
    await m.el.updateComplete;
    part<HTMLButtonElement>(m, 'connect-option-github')!.click();
    expect(m.el.status).to.equal('connecting');
    await visit(m);
    await until(() => m.el.status === 'reverifying', 'reverifying again');
    part<HTMLButtonElement>(m, 'cancel', part(m, 'reverify')!)!.click();
    await settle(m);
    m.el.setAttribute('additional-scopes', 'google: drive');
    await m.el.updateComplete;
    part<HTMLButtonElement>(m, 'reauthorize')!.click();
    expect(m.el.status).to.equal('reauthorizing');
    await visit(m);
    await until(() => m.events.of('account-connect').length === 1, 'redirecting to the provider');
    expect([...CONNECTED_ACCOUNTS_STATUSES].filter((s) => !seen.has(s))).to.deep.equal([]);
  });
});
