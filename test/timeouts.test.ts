/**
 * Bounded waits: every step that waits on Clerk ends in the `timeout` error after the provider's `timeout`
 * (here 80 ms), with a way out that works; a Try again while the first call is still unanswered waits for
 * that call instead of sending it again, and a late answer carries the flow on.
 */
import { expect } from '@open-wc/testing';
import type { LitElement } from 'lit';
import { ConnectedAccountsElement } from '../src/elements/connected-accounts/connected-accounts.js';
import { ContinueSignupElement } from '../src/elements/continue-signup/continue-signup.js';
import { OAuthButtonsElement } from '../src/elements/oauth-buttons/oauth-buttons.js';
import { SsoCallbackElement } from '../src/elements/sso-callback/sso-callback.js';
import { setPageLoader } from '../src/page-load.js';
import { FakeClerk, scenarios } from '../src/testing/index.js';
import { mount, until, type Mounted } from './helpers.js';

const TIMEOUT = { timeout: '80' };
const MESSAGE = 'Clerk did not answer in time. Check your connection and try again.';
const later = <T>(ms: number, value: () => T | Promise<T>) => new Promise<T>((resolve, reject) => setTimeout(() => Promise.resolve().then(value).then(resolve, reject), ms));
const part = (m: Mounted<HTMLElement>, name: string) => m.root.querySelector<HTMLElement>(`[part~=${name}]`);
const status = (m: Mounted<HTMLElement>) => m.el.getAttribute('status');

describe('bounded waits', () => {
  let loads: string[];
  let restore: () => void;
  beforeEach(() => {
    loads = [];
    restore = setPageLoader((href) => void loads.push(href));
  });
  afterEach(() => restore());

  it('<sso-callback>: a callback Clerk does not answer stops with timeout; Try again waits for the same call, whose answer goes on', async () => {
    const fake = new FakeClerk({});
    const hooks: string[] = [];
    let calls = 0;
    fake.handleRedirectCallback = (params: Record<string, unknown>, nav?: (to: string) => Promise<unknown>) => {
      calls++;
      return later(400, () => nav!(params.signUpUrl as string)).then(() => {});
    };
    const m = await mount<HTMLElement>(SsoCallbackElement, { clerk: fake, providerAttrs: TIMEOUT, attrs: { 'sign-up-url': '/sign-up' }, navigate: (to) => void hooks.push(to) });
    await until(() => status(m) === 'error', 'the timeout');
    expect(part(m, 'error-message')!.textContent).to.equal(MESSAGE);
    expect(m.events.of('sso-error').map((e) => (e as unknown as { code: string }).code)).to.deep.equal(['timeout']);
    part(m, 'retry')!.click();
    await until(() => status(m) === 'verifying' || status(m) === 'error', 'Try again');
    await until(() => status(m) === 'redirecting', 'the late answer', 2000);
    expect(calls, 'handleRedirectCallback is called once').to.equal(1);
    expect(hooks).to.deep.equal(['/sign-up']);
    expect(loads, 'no page reload while the first call was pending').to.deep.equal([]);
  });

  it('<sso-callback>: Try again after the unanswered call failed loads the page again (a fresh run)', async () => {
    const fake = new FakeClerk({});
    fake.handleRedirectCallback = () => later(120, () => Promise.reject(new Error('dropped')));
    const m = await mount<HTMLElement>(SsoCallbackElement, { clerk: fake, providerAttrs: TIMEOUT });
    await until(() => status(m) === 'error', 'the timeout');
    await new Promise((r) => setTimeout(r, 150));
    part(m, 'retry')!.click();
    await until(() => loads.length > 0, 'the reload');
    expect(loads).to.deep.equal([location.href]);
  });

  it('<oauth-buttons>: a start Clerk does not answer ends with the message and working buttons; a click waits for the same start', async () => {
    const m = await mount<HTMLElement>(OAuthButtonsElement, { clerk: scenarios.ready, providerAttrs: TIMEOUT });
    const google = () => m.root.querySelector<HTMLButtonElement>('[part~=button-google]')!;
    google().click();
    await until(() => status(m) === 'redirecting', 'the start');
    await until(() => status(m) === 'ready', 'the timeout');
    await (m.el as unknown as LitElement).updateComplete;
    expect(part(m, 'error-message')!.textContent).to.equal(MESSAGE);
    const buttons = [...m.root.querySelectorAll<HTMLButtonElement>('[part~=button]')];
    expect(buttons.map((b) => b.disabled)).to.deep.equal(buttons.map(() => false));
    m.root.querySelector<HTMLButtonElement>('[part~=button-github]')!.click();
    await until(() => status(m) === 'redirecting', 'waiting again');
    expect(m.fake.callsTo('signIn.authenticateWithRedirect'), 'one start, never a second sign-in attempt').to.have.length(1);
    await until(() => status(m) === 'ready', 'the second timeout');
    expect(m.events.of('oauth-error').map((e) => (e as unknown as { strategy: string }).strategy)).to.deep.equal(['oauth_google', 'oauth_google']);
  });

  it('<oauth-buttons>: a start that answers after the timeout takes the buttons back to redirecting (no second start), and a navigation that never comes frees them', async () => {
    const fake = new FakeClerk(scenarios.ready);
    let answer!: () => void;
    // clerk-js resolves once it has sent the page to the provider.
    fake.client.signIn.authenticateWithRedirect = (async (params: unknown) => {
      fake.record('signIn.authenticateWithRedirect', [params]);
      await new Promise<void>((resolve) => (answer = resolve));
    }) as never;
    const m = await mount<HTMLElement>(OAuthButtonsElement, { clerk: fake, providerAttrs: TIMEOUT });
    const button = (id: string) => m.root.querySelector<HTMLButtonElement>(`[part~=button-${id}]`)!;
    button('google').click();
    await until(() => status(m) === 'ready', 'the timeout');
    answer();
    await until(() => status(m) === 'redirecting', 'the late answer: Clerk is navigating');
    button('github').click();
    await new Promise((r) => setTimeout(r, 20));
    expect(fake.callsTo('signIn.authenticateWithRedirect'), 'a click while Clerk navigates starts nothing').to.have.length(1);
    await until(() => status(m) === 'ready', 'no navigation came: usable again');
    expect(part(m, 'error-message')?.textContent ?? '').to.equal('');
  });

  it('<continue-signup>: an update Clerk does not answer stops with timeout; Try again waits for it and the sign-up completes once', async () => {
    const fake = new FakeClerk(scenarios.continueUsernameLegal);
    const update = fake.client.signUp.update.bind(fake.client.signUp);
    fake.client.signUp.update = (params: Record<string, unknown>) => later(400, () => update(params));
    const hooks: string[] = [];
    const m = await mount<HTMLElement>(ContinueSignupElement, { clerk: fake, providerAttrs: TIMEOUT, attrs: { 'redirect-url-complete': '/welcome' }, navigate: (to) => void hooks.push(to) });
    const username = m.root.querySelector<HTMLInputElement>('#username')!;
    username.value = 'ninanew';
    username.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
    m.root.querySelector<HTMLInputElement>('#legal_accepted')!.click();
    part(m, 'submit')!.click();
    await until(() => status(m) === 'error', 'the timeout');
    expect(part(m, 'error-message')!.textContent).to.equal(MESSAGE);
    part(m, 'retry')!.click();
    await until(() => hooks.length > 0, 'the late answer', 2000);
    expect(m.fake.callsTo('signUp.update')).to.have.length(1);
    expect(m.fake.callsTo('setActive')).to.have.length(1);
    expect(hooks).to.deep.equal(['/welcome']);
    expect(status(m)).to.equal('redirecting');
  });

  it('<connected-accounts>: a connect Clerk does not answer stops with timeout; Try again waits for it and goes to the provider once', async () => {
    const fake = new FakeClerk({ ...scenarios.accountsNone, providerAuthorizeUrl: 'https://idp.example/authorize' });
    const user = fake.user!;
    const create = user.createExternalAccount.bind(user);
    user.createExternalAccount = (params: Parameters<typeof create>[0]) => later(400, () => create(params));
    const m = await mount<HTMLElement>(ConnectedAccountsElement, { clerk: fake, providerAttrs: TIMEOUT });
    part(m, 'connect')!.click();
    await (m.el as unknown as LitElement).updateComplete;
    part(m, 'connect-option')!.click();
    await until(() => status(m) === 'error', 'the timeout');
    expect(part(m, 'error-message')!.textContent).to.equal(MESSAGE);
    part(m, 'retry')!.click();
    await until(() => loads.length > 0, 'the late answer', 2000);
    expect(m.fake.callsTo('user.createExternalAccount')).to.have.length(1);
    expect(loads).to.have.length(1);
    expect(loads[0]).to.match(/^https:\/\/idp.example\/authorize/);
  });

  it('<clerk-provider>: a Clerk that never loads leaves every element inside in error with Try again, not loading', async () => {
    const m = await mount<HTMLElement>(OAuthButtonsElement, { clerk: { loadDelay: Infinity }, providerAttrs: TIMEOUT, waitReady: false });
    await until(() => status(m) === 'error', 'the timeout');
    await (m.el as unknown as LitElement).updateComplete;
    expect(part(m, 'error-message')!.textContent).to.equal(MESSAGE);
    expect(part(m, 'retry')).to.be.instanceOf(HTMLButtonElement);
  });
});
