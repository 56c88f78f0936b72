import { expect } from '@open-wc/testing';
import { ClerkProviderElement } from '../src/elements/clerk-provider/clerk-provider.js';
import { SsoCallbackElement } from '../src/elements/sso-callback/sso-callback.js';
import { redirectReason } from '../src/elements/sso-callback/callback-params.js';
import type { SsoErrorEvent, SsoRedirectEvent, StatusChangeEvent } from '../src/events.js';
import { FakeClerk, asClerk, clerkApiError, scenarios, type FakeClerkOptions } from '../src/testing/index.js';
import { freshTag, resetClerkGlobals, until } from './helpers.js';

const PROVIDER = freshTag('sso-test-provider', ClerkProviderElement);
const CALLBACK = freshTag('sso-test-callback', SsoCallbackElement);
const abs = (path: string) => new URL(path, window.location.href).href;

interface Setup {
  fake: FakeClerk;
  provider: ClerkProviderElement;
  el: SsoCallbackElement;
  navigations: string[];
  statuses: string[];
  redirects: SsoRedirectEvent[];
  errors: SsoErrorEvent[];
}

const mounted: HTMLElement[] = [];

/** A provider (with a router hook, so nothing leaves the test page) around one `<sso-callback>`. */
function setup(options: FakeClerkOptions, attrs: Record<string, string> = {}, fake = new FakeClerk(options)): Setup {
  const provider = document.createElement(PROVIDER) as ClerkProviderElement;
  provider.clerk = asClerk(fake);
  provider.signInUrl = '/sign-in';
  provider.signUpUrl = '/sign-up';
  provider.signInFallbackRedirectUrl = '/home';
  provider.signUpFallbackRedirectUrl = '/welcome';
  const navigations: string[] = [];
  provider.navigate = (to) => void navigations.push(to);
  const el = document.createElement(CALLBACK) as SsoCallbackElement;
  for (const [name, value] of Object.entries(attrs)) el.setAttribute(name, value);
  const statuses: string[] = [];
  const redirects: SsoRedirectEvent[] = [];
  const errors: SsoErrorEvent[] = [];
  provider.addEventListener('oauth-elements-status', (e: StatusChangeEvent) => e.target === el && statuses.push(e.status));
  provider.addEventListener('sso-redirect', (e) => redirects.push(e));
  provider.addEventListener('sso-error', (e) => errors.push(e));
  provider.append(el);
  document.body.append(provider);
  mounted.push(provider);
  return { fake, provider, el, navigations, statuses, redirects, errors };
}

const settled = (s: Setup) => until(() => s.el.status === 'redirecting' || s.el.status === 'error', 'a final status');
const shadow = (el: HTMLElement) => el.shadowRoot!;

describe('<sso-callback>', () => {
  beforeEach(resetClerkGlobals);
  afterEach(() => {
    mounted.splice(0).forEach((el) => el.remove());
    document.querySelectorAll('#clerk-captcha').forEach((el) => el.remove());
    resetClerkGlobals();
  });

  it('maps every attribute to handleRedirectCallback, validated and absolute, with the provider URLs as fallbacks', async () => {
    const s = setup(scenarios.ssoVerifying, {
      'sign-up-url': '/join',
      'continue-sign-up-url': '/join/continue',
      'sign-in-force-redirect-url': '/dashboard',
      'sign-up-force-redirect-url': '/onboarding',
      'sign-up-fallback-redirect-url': '/after-sign-up',
      'first-factor-url': '/sign-in/factor-one',
      'second-factor-url': '/sign-in/factor-two',
      'reset-password-url': '/sign-in/reset',
      'verify-email-address-url': '/join/verify-email',
      'verify-phone-number-url': '/join/verify-phone',
    });
    await until(() => s.fake.callsTo('handleRedirectCallback').length === 1, 'the callback');
    const params = s.fake.callsTo('handleRedirectCallback')[0]![0] as Record<string, unknown>;
    expect(params).to.include({
      signInUrl: abs('/sign-in'),
      signUpUrl: abs('/join'),
      continueSignUpUrl: abs('/join/continue'),
      signInForceRedirectUrl: abs('/dashboard'),
      signInFallbackRedirectUrl: abs('/home'),
      signUpForceRedirectUrl: abs('/onboarding'),
      signUpFallbackRedirectUrl: abs('/after-sign-up'),
      firstFactorUrl: abs('/sign-in/factor-one'),
      secondFactorUrl: abs('/sign-in/factor-two'),
      resetPasswordUrl: abs('/sign-in/reset'),
      verifyEmailAddressUrl: abs('/join/verify-email'),
      verifyPhoneNumberUrl: abs('/join/verify-phone'),
      transferable: true,
    });
    expect(params.__internal_navigateOnSetActive).to.be.a('function');
    expect(s.el.status).to.equal('verifying');
    expect(s.el.getAttribute('status')).to.equal('verifying');
    expect(s.statuses).to.deep.equal(['verifying']);
  });

  it('passes transferable="false" and unsafeMetadata on', async () => {
    const fake = new FakeClerk(scenarios.ssoVerifying);
    const s = setup({}, { transferable: 'false' }, fake);
    s.el.unsafeMetadata = { plan: 'pro' };
    await until(() => fake.callsTo('handleRedirectCallback').length === 1, 'the callback');
    expect(fake.callsTo('handleRedirectCallback')[0]![0]).to.deep.include({ transferable: false, unsafeMetadata: { plan: 'pro' } });
  });

  it('shows the verifying message in a live region while Clerk loads and verifies, and passes axe', async () => {
    const s = setup(scenarios.loading);
    await until(() => s.el.shadowRoot?.querySelector('[part=message]') !== null, 'first render');
    expect(s.el.status).to.equal('loading');
    const region = shadow(s.el).querySelector('[part=status]')!;
    expect(region.getAttribute('role')).to.equal('status');
    expect(region.textContent).to.contain('Verifying your sign-in…');
    expect(s.fake.callsTo('handleRedirectCallback')).to.have.length(0);
    await expect(s.el).to.be.accessible();
  });

  it('lets the page replace the progress content through the default slot', async () => {
    const s = setup(scenarios.ssoVerifying);
    const custom = document.createElement('p');
    custom.textContent = 'One moment…';
    s.el.append(custom);
    await until(() => s.el.status === 'verifying', 'verifying');
    const slot = shadow(s.el).querySelector<HTMLSlotElement>('slot:not([name])')!;
    expect(slot.assignedElements()).to.deep.equal([custom]);
    await expect(s.el).to.be.accessible();
  });

  const completions: Array<[string, FakeClerkOptions, Record<string, string>, string, string | undefined]> = [
    ['sign-in complete', scenarios.ssoSignInComplete, {}, '/home', undefined],
    ['sign-in complete with a force URL', scenarios.ssoSignInComplete, { 'sign-in-force-redirect-url': '/dashboard' }, '/dashboard', undefined],
    ['sign-up complete', scenarios.ssoSignUpComplete, {}, '/welcome', undefined],
    ['new user on sign-in transferred to sign-up', scenarios.ssoTransferToSignUp, {}, '/welcome', 'sign-up'],
    ['existing user on sign-up transferred to sign-in', scenarios.ssoTransferToSignIn, {}, '/home', 'sign-in'],
    ['already signed in', scenarios.ssoAlreadySignedIn, {}, '/home', undefined],
  ];
  for (const [name, options, attrs, target, transfer] of completions) {
    it(`${name}: activates the session, announces reason "complete" and navigates`, async () => {
      const s = setup(options, attrs);
      await settled(s);
      expect(s.fake.callsTo('setActive')).to.have.length(1);
      expect(s.redirects.map((e) => [e.reason, e.url, e.transfer])).to.deep.equal([['complete', abs(target), transfer]]);
      const event = s.redirects[0]!;
      expect([event.type, event.bubbles, event.composed, event.cancelable, event.target]).to.deep.equal(['sso-redirect', true, true, true, s.el]);
      expect(s.navigations).to.deep.equal([target]);
      expect(s.statuses).to.deep.equal(['verifying', 'redirecting']);
      expect(s.errors).to.have.length(0);
      expect(shadow(s.el).querySelector('[part=status]')!.textContent).to.contain('Redirecting…');
      await expect(s.el).to.be.accessible();
    });
  }

  const intermediates: Array<[string, FakeClerkOptions, Record<string, string>, string, string, string | undefined]> = [
    ['missing requirements', scenarios.ssoMissingRequirements, { 'continue-sign-up-url': '/sign-up/continue' }, 'continue-sign-up', '/sign-up/continue', 'sign-up'],
    ['first factor', scenarios.ssoFirstFactor, { 'first-factor-url': '/sign-in/factor-one' }, 'first-factor', '/sign-in/factor-one', undefined],
    ['second factor', scenarios.ssoSecondFactor, { 'second-factor-url': '/sign-in/factor-two' }, 'second-factor', '/sign-in/factor-two', undefined],
    ['nothing to finish', scenarios.ssoNothingToFinish, {}, 'sign-in', '/sign-in', undefined],
  ];
  for (const [name, options, attrs, reason, target, transfer] of intermediates) {
    it(`${name}: customNavigate announces reason "${reason}" and navigates`, async () => {
      const s = setup(options, attrs);
      await settled(s);
      expect(s.redirects.map((e) => [e.reason, e.url, e.transfer])).to.deep.equal([[reason, abs(target), transfer]]);
      expect(s.navigations).to.deep.equal([target]);
      expect(s.fake.callsTo('setActive')).to.have.length(0);
      expect(s.statuses).to.deep.equal(['verifying', 'redirecting']);
    });
  }

  it('session task: announces reason "session-task" with the task page', async () => {
    const s = setup(scenarios.ssoSessionTask);
    await settled(s);
    expect(s.redirects.map((e) => [e.reason, e.url])).to.deep.equal([['session-task', abs('/sign-in#/tasks/choose-organization')]]);
    expect(s.navigations).to.deep.equal(['/sign-in#/tasks/choose-organization']);
  });

  it('never leaves a spinner when clerk-js settles without navigating: goes to sign-in', async () => {
    const s = setup({ redirectCallback: { kind: 'none' } });
    await settled(s);
    expect(s.redirects.map((e) => [e.reason, e.url])).to.deep.equal([['sign-in', abs('/sign-in')]]);
  });

  it('a signed-in visitor with a pending task opening the page directly: announces "session-task" instead of leaving it to clerk-js', async () => {
    const s = setup(scenarios.ssoPendingTaskOpenedDirectly);
    await settled(s);
    // clerk-js would call redirectToTasks itself, past every hook: the element goes there, announced and cancelable.
    expect(s.fake.callsTo('handleRedirectCallback')).to.have.length(0);
    expect(s.redirects.map((e) => [e.reason, e.url, e.cancelable])).to.deep.equal([['session-task', abs('/sign-in#/tasks/choose-organization'), true]]);
    expect(s.navigations).to.deep.equal(['/sign-in#/tasks/choose-organization']);
  });

  it('a pending session with an attempt to finish still hands it to handleRedirectCallback', async () => {
    const s = setup({ ...scenarios.ssoTransferToSignUp, user: { id: 'user_pat' }, currentTask: 'choose-organization' });
    await settled(s);
    expect(s.fake.callsTo('handleRedirectCallback')).to.have.length(1);
  });

  /** A clerk-js that ignores `__internal_navigateOnSetActive`: it activates the session and navigates through its router. */
  const ignoringHook = (options: FakeClerkOptions, target: string, task?: string) => {
    const fake = new FakeClerk(options);
    fake.handleRedirectCallback = async (params) => {
      fake.record('handleRedirectCallback', [params]);
      fake.nextSessionTask = task;
      await fake.setActive({ session: 'sess_new' });
      await fake.navigate(task ? fake.buildTasksUrl() : target);
    };
    return fake;
  };

  const ignored: Array<[string, FakeClerkOptions, string, string, string | undefined]> = [
    ['sign-in', scenarios.ssoSignInComplete, '/home', 'complete', undefined],
    ['transfer to sign-up', scenarios.ssoTransferToSignUp, '/welcome', 'complete', 'sign-up'],
  ];
  for (const [name, options, target, reason, transfer] of ignored) {
    it(`completion by a clerk-js that ignores the hook (${name}): clerk-js navigates, the element announces it and never sends the visitor to sign-in`, async () => {
      const s = setup({}, {}, ignoringHook(options, target));
      await settled(s);
      expect(s.navigations).to.deep.equal([target]);
      expect(s.redirects.map((e) => [e.reason, e.url, e.transfer])).to.deep.equal([[reason, abs(target), transfer]]);
      expect(s.el.status).to.equal('redirecting');
      expect(s.errors).to.have.length(0);
    });
  }

  it("a pending task handled by clerk-js itself (the page's Clerk has taskUrls): announced, not overridden", async () => {
    const fake = ignoringHook(scenarios.ssoSignInComplete, '/home', 'choose-organization');
    const load = fake.load.bind(fake);
    fake.load = async (options) => load({ ...options, taskUrls: { 'choose-organization': '/choose-org' } });
    const s = setup({}, {}, fake);
    await settled(s);
    expect(s.navigations).to.deep.equal(['/choose-org']);
    expect(s.redirects.map((e) => [e.reason, e.url])).to.deep.equal([['session-task', abs('/choose-org')]]);
  });

  it('a cancelled redirect leaves the routing to the page', async () => {
    const s = setup(scenarios.ssoSignInComplete);
    s.provider.addEventListener('sso-redirect', (e) => e.preventDefault());
    await settled(s);
    expect(s.redirects).to.have.length(1);
    expect(s.navigations).to.deep.equal([]);
    expect(s.el.status).to.equal('redirecting');
  });

  const failures: Array<[string, FakeClerkOptions, Record<string, string>, string, string]> = [
    ['locked user', scenarios.ssoUserLocked, {}, 'user_locked', 'Your account is locked.'],
    ['provider denied consent', scenarios.ssoAccessDenied, {}, 'oauth_access_denied', 'You did not grant access'],
    ['Frontend API error', scenarios.ssoFapiError, {}, 'form_identifier_exists', 'That email address is taken.'],
    ['new user when transfer is off', { ...scenarios.ssoTransferToSignUp, redirectCallback: { kind: 'navigate', to: 'signInUrl' } }, { transferable: 'false' }, 'external_account_not_found', 'The External Account was not found.'],
  ];
  for (const [name, options, attrs, code, message] of failures) {
    it(`${name}: shows Clerk's message in an alert with a link back to sign-in, fires sso-error, does not navigate`, async () => {
      const s = setup(options, attrs);
      await settled(s);
      expect(s.el.status).to.equal('error');
      expect(s.statuses).to.deep.equal(['verifying', 'error']);
      expect(s.errors.map((e) => e.code)).to.deep.equal([code]);
      expect(s.errors[0]!.message).to.contain(message);
      expect([s.errors[0]!.bubbles, s.errors[0]!.composed]).to.deep.equal([true, true]);
      expect(s.redirects).to.have.length(0);
      expect(s.navigations).to.have.length(0);
      await s.el.updateComplete;
      const alert = shadow(s.el).querySelector('[part=error]')!;
      expect(alert.getAttribute('role')).to.equal('alert');
      expect(alert.textContent).to.contain(message);
      expect(shadow(s.el).querySelector('[part=back-link]')!.getAttribute('href')).to.equal('/sign-in');
      expect(shadow(s.el).querySelector('[part=status]')!.hasAttribute('hidden')).to.equal(true);
      expect(shadow(s.el).querySelector('[part=retry]')).to.equal(null);
      await expect(s.el).to.be.accessible();
    });
  }

  const retryable: Array<[string, unknown, string, string]> = [
    ['a lost connection (clerk-js\'s own error)', new Error('ClerkJS: Something went wrong initializing Clerk during the sign in flow. Please contact support.'), 'sso_callback_failed', 'Check your connection and try again.'],
    ['a server error', clerkApiError('internal_clerk_error', 'Something went wrong on our side.', { status: 503 }), 'internal_clerk_error', 'Something went wrong on our side.'],
  ];
  for (const [name, error, code, message] of retryable) {
    it(`${name}: shows a message for people and a "Try again" that loads the page afresh`, async () => {
      const s = setup({ redirectCallback: { kind: 'error', error } });
      await settled(s);
      await s.el.updateComplete;
      expect(s.errors.map((e) => e.code)).to.deep.equal([code]);
      expect(s.errors[0]!.message).to.contain(message);
      expect(shadow(s.el).querySelector('[part=error-message]')!.textContent).to.contain(message);
      expect(shadow(s.el).querySelector('[part=error-message]')!.textContent).to.not.contain('ClerkJS');
      const retry = shadow(s.el).querySelector<HTMLButtonElement>('[part=retry]')!;
      expect([retry.localName, retry.type, retry.textContent]).to.deep.equal(['button', 'button', 'Try again']);
      await expect(s.el).to.be.accessible();
    });
  }

  it('refuses a URL attribute on another origin before calling Clerk', async () => {
    const s = setup(scenarios.ssoSignInComplete, { 'sign-in-force-redirect-url': 'https://evil.example/steal' });
    await until(() => s.el.status === 'error', 'error');
    expect(s.errors.map((e) => e.code)).to.deep.equal(['redirect_origin_not_allowed']);
    expect(s.fake.callsTo('handleRedirectCallback')).to.have.length(0);
    // Fixing the attribute lets the callback run.
    s.el.removeAttribute('sign-in-force-redirect-url');
    await settled(s);
    await until(() => s.el.status === 'redirecting', 'redirecting');
    expect(s.fake.callsTo('handleRedirectCallback')).to.have.length(1);
  });

  it('never renders a back link to a URL that fails validation', async () => {
    const s = setup(scenarios.ssoSignInComplete, { 'sign-in-url': 'javascript:alert(1)' });
    await until(() => s.el.status === 'error', 'error');
    await s.el.updateComplete;
    expect(s.errors.map((e) => e.code)).to.deep.equal(['invalid_redirect_url']);
    // The provider's sign-in URL instead.
    expect(shadow(s.el).querySelector('[part=back-link]')!.getAttribute('href')).to.equal('/sign-in');
  });

  it('refuses a javascript: URL attribute', async () => {
    const s = setup(scenarios.ssoSignInComplete, { 'continue-sign-up-url': 'javascript:alert(1)' });
    await until(() => s.el.status === 'error', 'error');
    expect(s.errors.map((e) => e.code)).to.deep.equal(['invalid_redirect_url']);
  });

  it('reports a completion target the page does not allow as an error', async () => {
    const fake = new FakeClerk(scenarios.ssoSignInComplete);
    fake.handleRedirectCallback = async (params) => {
      const hook = params.__internal_navigateOnSetActive as (p: unknown) => Promise<unknown>;
      await hook({ session: { id: 'sess_1' }, redirectUrl: 'https://elsewhere.example/', decorateUrl: (u: string) => u });
    };
    const s = setup({}, {}, fake);
    await settled(s);
    expect(s.el.status).to.equal('error');
    expect(s.errors.map((e) => e.code)).to.deep.equal(['redirect_origin_not_allowed']);
    expect(s.navigations).to.have.length(0);
  });

  it('shows a Clerk load failure with retry and back-to-sign-in', async () => {
    const s = setup(scenarios.loadFailed);
    await until(() => s.el.status === 'error', 'error');
    await s.el.updateComplete;
    expect(s.errors.map((e) => e.code)).to.deep.equal(['clerk_load_failed']);
    expect(shadow(s.el).querySelector('[part=error-message]')!.textContent).to.contain('Failed to fetch');
    expect(shadow(s.el).querySelector('[part=retry]')).to.not.equal(null);
    await expect(s.el).to.be.accessible();
  });

  describe('once per page load', () => {
    it('a moved element does not call handleRedirectCallback again and keeps its status', async () => {
      const s = setup(scenarios.ssoVerifying);
      await until(() => s.el.status === 'verifying', 'verifying');
      const elsewhere = document.createElement('section');
      s.provider.append(elsewhere);
      elsewhere.append(s.el);
      s.el.remove();
      s.provider.append(s.el);
      await new Promise((r) => setTimeout(r, 30));
      expect(s.fake.callsTo('handleRedirectCallback')).to.have.length(1);
      expect(s.el.status).to.equal('verifying');
    });

    it('a second <sso-callback> follows the first run instead of starting another', async () => {
      let finish!: () => void;
      const fake = new FakeClerk();
      const gate = new Promise<void>((r) => (finish = r));
      fake.handleRedirectCallback = async (params, customNavigate) => {
        fake.record('handleRedirectCallback', [params]);
        await gate;
        await customNavigate!(params.signInUrl as string);
      };
      const s = setup({}, {}, fake);
      await until(() => s.el.status === 'verifying', 'verifying');
      const second = document.createElement(CALLBACK) as SsoCallbackElement;
      s.provider.append(second);
      await until(() => second.status === 'verifying', 'second follows');
      // The starter leaves the page: the follower takes over the events.
      s.el.remove();
      finish();
      await until(() => second.status === 'redirecting', 'second redirecting');
      expect(fake.callsTo('handleRedirectCallback')).to.have.length(1);
      expect(s.redirects.map((e) => [e.reason, e.target])).to.deep.equal([['sign-in', second]]);
      expect(s.navigations).to.deep.equal(['/sign-in']);
    });

    it('a re-created element after the run does not start it again', async () => {
      const s = setup(scenarios.ssoNothingToFinish);
      await settled(s);
      s.el.remove();
      const again = document.createElement(CALLBACK) as SsoCallbackElement;
      s.provider.append(again);
      await until(() => again.status === 'redirecting', 'mirrors the finished run');
      expect(s.fake.callsTo('handleRedirectCallback')).to.have.length(1);
      expect(s.navigations).to.deep.equal(['/sign-in']);
    });
  });

  describe('captcha container', () => {
    it('adds #clerk-captcha in the light DOM when the page has none, and removes it with the element', async () => {
      const s = setup(scenarios.ssoVerifying);
      const captcha = document.getElementById('clerk-captcha');
      expect(captcha?.parentElement).to.equal(s.el);
      expect(captcha?.slot).to.equal('captcha');
      s.el.remove();
      expect(document.getElementById('clerk-captcha')).to.equal(null);
    });

    it('leaves the page alone when it has one', async () => {
      const own = document.createElement('div');
      own.id = 'clerk-captcha';
      document.body.append(own);
      const s = setup(scenarios.ssoVerifying);
      expect(document.querySelectorAll('#clerk-captcha')).to.have.length(1);
      expect(s.el.querySelector('#clerk-captcha')).to.equal(null);
    });
  });
});

describe('redirectReason', () => {
  const urls = { signInUrl: abs('/sign-in'), signUpUrl: abs('/sign-in'), continueSignUpUrl: abs('/continue') };
  it('matches the parameter the target is, most specific first', () => {
    expect(redirectReason('/continue', urls)).to.equal('continue-sign-up');
    expect(redirectReason('/sign-in', urls)).to.equal('sign-in');
    expect(redirectReason(abs('/sign-in'), { signUpUrl: abs('/sign-up') })).to.equal('other');
    expect(redirectReason('/sign-up', { signUpUrl: abs('/sign-up') })).to.equal('sign-up');
  });
  it("names clerk-js's own hash routes when the parameter was not given", () => {
    expect(redirectReason('/sign-in#/continue', urls)).to.equal('continue-sign-up');
    expect(redirectReason('/sign-in#/factor-two', urls)).to.equal('second-factor');
    expect(redirectReason('/sign-in#/verify-email-address', urls)).to.equal('verify-email-address');
    expect(redirectReason('/sign-in#/protect-check', urls)).to.equal('protect-check');
    expect(redirectReason('/sign-in?x=1', urls)).to.equal('sign-in');
    expect(redirectReason('http://[bad', urls)).to.equal('other');
  });
});
