import { expect } from '@open-wc/testing';
import { SSO_CALLBACK_STATUSES, SsoCallbackElement } from '../src/elements/sso-callback/sso-callback.js';
import { redirectReason, SSO_REDIRECT_REASONS } from '../src/elements/sso-callback/redirect-reasons.js';
import { checkCallbackUrls, taskUrl, withProviderUrls } from '../src/elements/sso-callback/callback-urls.js';
import { CallbackRun, claimRun, existingRun, type RunInit } from '../src/elements/sso-callback/callback-run.js';
import type { ClerkInstance } from '../src/context.js';
import type { ClerkRedirectEvent, SsoErrorEvent, SsoRedirectEvent } from '../src/events.js';
import { FakeClerk, asClerk, clerkApiError, scenarios, type FakeClerkOptions } from '../src/testing/index.js';
import { expectEvery, mount, resetClerkGlobals, tagOf, until, type MountOptions } from './helpers.js';

const abs = (path: string) => new URL(path, window.location.href).href;

const PROVIDER_ATTRS = {
  'sign-in-url': '/sign-in',
  'sign-up-url': '/sign-up',
  'sign-in-fallback-redirect-url': '/home',
  'sign-up-fallback-redirect-url': '/welcome',
};

/** `mount()` with the provider's URLs and a router hook that records, so nothing leaves the test page. */
async function setup(clerk: FakeClerk | FakeClerkOptions, attrs: MountOptions['attrs'] = {}, more: Partial<MountOptions> = {}) {
  const navigations: string[] = [];
  const mounted = await mount<SsoCallbackElement>(SsoCallbackElement, {
    clerk,
    attrs,
    providerAttrs: PROVIDER_ATTRS,
    navigate: (to) => void navigations.push(to),
    ...more,
  });
  return {
    ...mounted,
    navigations,
    redirects: () => mounted.events.of<SsoRedirectEvent>('sso-redirect'),
    errors: () => mounted.events.of<SsoErrorEvent>('sso-error'),
    part: (name: string) => mounted.root.querySelector<HTMLElement>(`[part~=${name}]`),
  };
}
type Setup = Awaited<ReturnType<typeof setup>>;

const settled = async (s: Setup) => {
  await until(() => s.el.status === 'redirecting' || s.el.status === 'error', 'a final status');
  await s.el.updateComplete;
};
/** From now on in this test, the page cancels every `sso-redirect` (a framework app routing itself). */
let cancelling = false;
const cancelAll = () => void (cancelling = true);
document.addEventListener('sso-redirect', (e) => cancelling && e.preventDefault());

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

const lostConnection = new Error('ClerkJS: Something went wrong initializing Clerk during the sign in flow. Please contact support.');

describe('<sso-callback>', () => {
  beforeEach(() => {
    resetClerkGlobals();
    cancelling = false;
  });
  afterEach(() => {
    document.querySelectorAll('#clerk-captcha').forEach((el) => el.remove());
    resetClerkGlobals();
  });

  it('maps every attribute to handleRedirectCallback, validated and absolute, with the provider URLs as fallbacks', async () => {
    const s = await setup(scenarios.ssoVerifying, {
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
    expect(s.statuses()).to.deep.equal(['verifying']);
  });

  it('passes transferable="false" and unsafeMetadata on', async () => {
    const s = await setup(scenarios.ssoVerifying, { transferable: 'false' }, { props: { unsafeMetadata: { plan: 'pro' } } });
    await until(() => s.fake.callsTo('handleRedirectCallback').length === 1, 'the callback');
    expect(s.fake.callsTo('handleRedirectCallback')[0]![0]).to.deep.include({ transferable: false, unsafeMetadata: { plan: 'pro' } });
  });

  it('status is read-only: assignments and status attributes are ignored', async () => {
    const s = await setup(scenarios.ssoVerifying);
    (s.el as unknown as { status: string }).status = 'error';
    s.el.setAttribute('status', 'error');
    expect(s.el.status).to.equal('verifying');
    expect(s.el.getAttribute('status')).to.equal('verifying');
  });

  it('shows the verifying message with the shared spinner in a status region while Clerk loads', async () => {
    const s = await setup(scenarios.loading, {}, { waitReady: false });
    await until(() => s.root?.querySelector('[part=message]') != null, 'first render');
    expect(s.el.status).to.equal('loading');
    const region = s.part('status')!;
    expect(region.getAttribute('role')).to.equal('status');
    expect(region.textContent).to.contain('Verifying your sign-in…');
    expect(region.querySelector('[part=spinner]')!.getAttribute('aria-hidden')).to.equal('true');
    expect(s.fake.callsTo('handleRedirectCallback')).to.have.length(0);
  });

  it('lets the page replace the progress content through the default slot', async () => {
    const custom = document.createElement('p');
    custom.textContent = 'One moment…';
    const s = await setup(scenarios.ssoVerifying);
    s.el.append(custom);
    const slot = s.root.querySelector<HTMLSlotElement>('slot:not([name])')!;
    expect(slot.assignedElements()).to.deep.equal([custom]);
    await expect(s.el).to.be.accessible();
  });

  describe('every status', () => {
    const byStatus: Record<(typeof SSO_CALLBACK_STATUSES)[number], FakeClerkOptions> = {
      loading: scenarios.loading,
      verifying: scenarios.ssoVerifying,
      redirecting: scenarios.ssoSignInComplete,
      error: scenarios.ssoAccessDenied,
    };
    for (const status of SSO_CALLBACK_STATUSES) {
      it(`${status}: reflected and accessible`, async () => {
        const s = await setup(byStatus[status], {}, { waitReady: false });
        await until(() => s.el.status === status && s.root?.querySelector('[part=status]') != null, status);
        await s.el.updateComplete;
        expect(s.el.getAttribute('status')).to.equal(status);
        expect(s.part('status')!.hidden).to.equal(status === 'error');
        expect(s.part('error')!.childElementCount > 0).to.equal(status === 'error');
        await expect(s.el).to.be.accessible();
      });
    }
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
      const s = await setup(options, attrs);
      await settled(s);
      expect(s.fake.callsTo('setActive')).to.have.length(1);
      expect(s.redirects().map((e) => [e.reason, e.url, e.transfer])).to.deep.equal([['complete', abs(target), transfer]]);
      const event = s.redirects()[0]!;
      expect([event.type, event.bubbles, event.composed, event.cancelable, event.target]).to.deep.equal(['sso-redirect', true, true, true, s.el]);
      expect(s.navigations).to.deep.equal([target]);
      expect(s.statuses()).to.deep.equal(['verifying', 'redirecting']);
      expect(s.errors()).to.have.length(0);
      expect(s.part('status')!.textContent).to.contain('Redirecting…');
    });
  }

  it('completion: validates first, then decorates with Clerk’s decorateUrl; an absolute decorated URL is a page load', async () => {
    const decorated: string[] = [];
    const s = await setup({ ...scenarios.ssoSignInComplete, decorateUrl: (url) => (decorated.push(url), `${url}?__clerk_touch=1`) });
    await settled(s);
    expect(decorated).to.deep.equal(['/home']);
    expect(s.navigations).to.deep.equal(['/home?__clerk_touch=1']);
    expect(s.redirects().map((e) => e.url), 'the event carries the validated target, not the decorated one').to.deep.equal([abs('/home')]);
  });

  it('completion to a target the page does not allow: an error, never decorated', async () => {
    const decorated: string[] = [];
    const fake = new FakeClerk(scenarios.ssoSignInComplete);
    fake.handleRedirectCallback = async (params) => {
      const hook = params.__internal_navigateOnSetActive as (p: unknown) => Promise<unknown>;
      await hook({ session: { id: 'sess_1' }, redirectUrl: 'https://elsewhere.example/', decorateUrl: (u: string) => (decorated.push(u), u) });
    };
    const s = await setup(fake);
    await settled(s);
    expect(s.el.status).to.equal('error');
    expect(s.errors().map((e) => e.code)).to.deep.equal(['redirect_origin_not_allowed']);
    expect(s.navigations).to.have.length(0);
    expect(decorated).to.have.length(0);
  });

  const intermediates: Array<[string, FakeClerkOptions, Record<string, string>, string, string, string | undefined]> = [
    ['missing requirements', scenarios.ssoMissingRequirements, { 'continue-sign-up-url': '/sign-up/continue' }, 'continue-sign-up', '/sign-up/continue', 'sign-up'],
    ['first factor', scenarios.ssoFirstFactor, { 'first-factor-url': '/sign-in/factor-one' }, 'first-factor', '/sign-in/factor-one', undefined],
    ['second factor', scenarios.ssoSecondFactor, { 'second-factor-url': '/sign-in/factor-two' }, 'second-factor', '/sign-in/factor-two', undefined],
    ['nothing to finish', scenarios.ssoNothingToFinish, {}, 'sign-in', '/sign-in', undefined],
  ];
  for (const [name, options, attrs, reason, target, transfer] of intermediates) {
    it(`${name}: customNavigate announces reason "${reason}" and navigates`, async () => {
      const s = await setup(options, attrs);
      await settled(s);
      expect(s.redirects().map((e) => [e.reason, e.url, e.transfer, e.cancelable])).to.deep.equal([[reason, abs(target), transfer, true]]);
      expect(s.navigations).to.deep.equal([target]);
      expect(s.fake.callsTo('setActive')).to.have.length(0);
      expect(s.statuses()).to.deep.equal(['verifying', 'redirecting']);
    });
  }

  it('session task: announces reason "session-task" with the task page', async () => {
    const s = await setup(scenarios.ssoSessionTask);
    await settled(s);
    expect(s.redirects().map((e) => [e.reason, e.url])).to.deep.equal([['session-task', abs('/sign-in#/tasks/choose-organization')]]);
    expect(s.navigations).to.deep.equal(['/sign-in#/tasks/choose-organization']);
  });

  it('never leaves a spinner when clerk-js settles without navigating: goes to sign-in', async () => {
    const s = await setup({ redirectCallback: { kind: 'none' } });
    await settled(s);
    expect(s.redirects().map((e) => [e.reason, e.url])).to.deep.equal([['sign-in', abs('/sign-in')]]);
  });

  it("without a sign-in URL of the page's own, the fallback and the back link go to Clerk's hosted sign-in page alike", async () => {
    const hosted = 'https://accounts.example.dev/sign-in';
    const fake = new FakeClerk({ redirectCallback: { kind: 'none' } });
    (fake.__internal_environment.displayConfig as { signInUrl?: string }).signInUrl = hosted;
    // Cross-origin: a page load would leave the test page, so the page takes it over.
    cancelAll();
    const s = await setup(fake, {}, { providerAttrs: {} });
    await settled(s);
    expect(s.redirects().map((e) => [e.reason, e.url, e.defaultPrevented])).to.deep.equal([['sign-in', hosted, true]]);
    expect(s.fake.callsTo('handleRedirectCallback')[0]![0]).to.not.have.property('signInUrl');
  });

  it("a step clerk-js sends to Clerk's hosted sign-in page is followed when that page is the sign-in target, and refused when it is not", async () => {
    const hosted = 'https://accounts.example.dev/sign-in';
    const step = `${hosted}#/factor-one`;
    const hostedFake = () => {
      const fake = new FakeClerk({ redirectCallback: { kind: 'navigate', to: step } });
      (fake.__internal_environment.displayConfig as { signInUrl?: string }).signInUrl = hosted;
      return fake;
    };
    cancelAll();
    const followed = await setup(hostedFake(), {}, { providerAttrs: {} });
    await settled(followed);
    expect(followed.redirects().map((e) => [e.reason, e.url])).to.deep.equal([['first-factor', step]]);
    const own = await setup(hostedFake(), { 'sign-in-url': '/sign-in' }, { providerAttrs: {} });
    await settled(own);
    expect(own.el.status).to.equal('error');
    expect(own.redirects()).to.deep.equal([]);
  });

  it('a signed-in visitor with a pending task opening the page directly: announces "session-task" instead of leaving it to clerk-js', async () => {
    const s = await setup(scenarios.ssoPendingTaskOpenedDirectly);
    await settled(s);
    // clerk-js would call redirectToTasks itself, past every hook: the element goes there, announced and cancelable.
    expect(s.fake.callsTo('handleRedirectCallback')).to.have.length(0);
    expect(s.redirects().map((e) => [e.reason, e.url, e.cancelable])).to.deep.equal([['session-task', abs('/sign-in#/tasks/choose-organization'), true]]);
    expect(s.navigations).to.deep.equal(['/sign-in#/tasks/choose-organization']);
  });

  it('a pending session with an attempt to finish still hands it to handleRedirectCallback', async () => {
    const s = await setup({ ...scenarios.ssoTransferToSignUp, user: { id: 'user_pat' }, currentTask: 'choose-organization' });
    await settled(s);
    expect(s.fake.callsTo('handleRedirectCallback')).to.have.length(1);
  });

  const ignored: Array<[string, FakeClerkOptions, string, string, string | undefined]> = [
    ['sign-in', scenarios.ssoSignInComplete, '/home', 'complete', undefined],
    ['transfer to sign-up', scenarios.ssoTransferToSignUp, '/welcome', 'complete', 'sign-up'],
  ];
  for (const [name, options, target, reason, transfer] of ignored) {
    it(`completion by a clerk-js that ignores the hook (${name}): announced with a non-cancelable event, never sent to sign-in`, async () => {
      cancelAll();
      const s = await setup(ignoringHook(options, target));
      await settled(s);
      // clerk-js navigated through the provider's router (clerk-redirect); the element only says where the page goes.
      expect(s.events.of<ClerkRedirectEvent>('clerk-redirect').map((e) => e.url)).to.deep.equal([abs(target)]);
      expect(s.navigations).to.deep.equal([target]);
      expect(s.redirects().map((e) => [e.reason, e.url, e.transfer, e.cancelable, e.defaultPrevented])).to.deep.equal([[reason, abs(target), transfer, false, false]]);
      expect(s.el.status).to.equal('redirecting');
      expect(s.errors()).to.have.length(0);
    });
  }

  it("a pending task handled by clerk-js itself (the page's Clerk has taskUrls): announced, not overridden", async () => {
    const fake = ignoringHook(scenarios.ssoSignInComplete, '/home', 'choose-organization');
    const load = fake.load.bind(fake);
    fake.load = async (options) => load({ ...options, taskUrls: { 'choose-organization': '/choose-org' } });
    const s = await setup(fake);
    await settled(s);
    expect(s.navigations).to.deep.equal(['/choose-org']);
    expect(s.redirects().map((e) => [e.reason, e.url, e.cancelable])).to.deep.equal([['session-task', abs('/choose-org'), false]]);
  });

  describe('a cancelled redirect stays cancelled', () => {
    const paths: Array<[string, FakeClerkOptions, Record<string, string>, string]> = [
      ['completion', scenarios.ssoSignInComplete, {}, 'complete'],
      ['completion after a transfer', scenarios.ssoTransferToSignUp, {}, 'complete'],
      ['completion with a session task', scenarios.ssoSessionTask, {}, 'session-task'],
      ['an intermediate step', scenarios.ssoMissingRequirements, { 'continue-sign-up-url': '/sign-up/continue' }, 'continue-sign-up'],
      ['the fallback to sign-in', { redirectCallback: { kind: 'none' } }, {}, 'sign-in'],
      ['a pending task opened directly', scenarios.ssoPendingTaskOpenedDirectly, {}, 'session-task'],
    ];
    for (const [name, options, attrs, reason] of paths) {
      it(`${name}: the page routes, the element never navigates or decorates, and stays redirecting`, async () => {
        const decorated: string[] = [];
        cancelAll();
        const s = await setup({ ...options, decorateUrl: (url) => (decorated.push(url), url) }, attrs);
        await settled(s);
        await new Promise((r) => setTimeout(r, 30));
        expect(s.redirects().map((e) => [e.reason, e.cancelable, e.defaultPrevented])).to.deep.equal([[reason, true, true]]);
        expect(s.navigations).to.deep.equal([]);
        expect(decorated).to.deep.equal([]);
        expect(s.el.status).to.equal('redirecting');
        expect(s.errors()).to.have.length(0);
      });
    }
  });

  const failures: Array<[string, FakeClerkOptions, Record<string, string>, string, string]> = [
    ['locked user', scenarios.ssoUserLocked, {}, 'user_locked', 'Your account is locked.'],
    ['provider denied consent', scenarios.ssoAccessDenied, {}, 'oauth_access_denied', 'You did not grant access'],
    ['Frontend API error', scenarios.ssoFapiError, {}, 'form_identifier_exists', 'That email address is taken.'],
    ['new user when transfer is off', { ...scenarios.ssoTransferToSignUp, redirectCallback: { kind: 'navigate', to: 'signInUrl' } }, { transferable: 'false' }, 'external_account_not_found', 'The External Account was not found.'],
  ];
  for (const [name, options, attrs, code, message] of failures) {
    it(`${name}: shows the title and Clerk's message in the error block with Back to sign in, fires sso-error, does not navigate`, async () => {
      const s = await setup(options, attrs);
      await settled(s);
      expect(s.el.status).to.equal('error');
      expect(s.statuses()).to.deep.equal(['verifying', 'error']);
      expect(s.errors().map((e) => e.code)).to.deep.equal([code]);
      expect(s.errors()[0]!.message).to.contain(message);
      expect([s.errors()[0]!.bubbles, s.errors()[0]!.composed]).to.deep.equal([true, true]);
      expect(s.redirects()).to.have.length(0);
      expect(s.navigations).to.have.length(0);
      const alert = s.part('error')!;
      expect(alert.getAttribute('role')).to.equal('alert');
      expect(s.part('error-title')!.textContent).to.equal('We could not finish signing you in.');
      expect(s.part('error-message')!.textContent).to.contain(message);
      expect(s.part('back-link')!.getAttribute('href')).to.equal('/sign-in');
      expect(s.part('status')!.hidden).to.equal(true);
      expect(s.part('retry')).to.equal(null);
    });
  }

  const retryable: Array<[string, unknown, string, string]> = [
    ["a lost connection (clerk-js's own error)", lostConnection, 'sso_callback_failed', 'Check your connection and try again.'],
    ['a server error', clerkApiError('internal_clerk_error', 'Something went wrong on our side.', { status: 503 }), 'internal_clerk_error', 'Something went wrong on our side.'],
    ['too many requests', clerkApiError('too_many_requests', 'Too many requests.', { status: 429 }), 'too_many_requests', 'Too many requests.'],
  ];
  for (const [name, error, code, message] of retryable) {
    it(`${name}: a message for people, Back to sign in, and a Try again that reloads the page through sso-redirect (reason "retry")`, async () => {
      const s = await setup({ redirectCallback: { kind: 'error', error } });
      await settled(s);
      expect(s.errors().map((e) => e.code)).to.deep.equal([code]);
      expect(s.errors()[0]!.message).to.contain(message);
      expect(s.part('error-message')!.textContent).to.contain(message);
      expect(s.part('error-message')!.textContent).to.not.contain('ClerkJS');
      expect(s.part('back-link')!.getAttribute('href')).to.equal('/sign-in');
      const retry = s.part('retry')!;
      expect([retry.localName, (retry as HTMLButtonElement).type, retry.textContent]).to.deep.equal(['button', 'button', 'Try again']);
      // The reload would leave the test page: the page takes it over.
      cancelAll();
      retry.click();
      await until(() => s.redirects().length === 1, 'the retry redirect');
      expect(s.redirects().map((e) => [e.reason, e.url, e.cancelable, e.defaultPrevented, e.transfer])).to.deep.equal([['retry', window.location.href, true, true, undefined]]);
      expect(s.el.status).to.equal('redirecting');
      expect(s.navigations, 'a reload never goes through the router hook').to.deep.equal([]);
    });
  }

  it('refuses a URL attribute on another origin before calling Clerk', async () => {
    const s = await setup(scenarios.ssoSignInComplete, { 'sign-in-force-redirect-url': 'https://evil.example/steal' });
    await until(() => s.el.status === 'error', 'error');
    await s.el.updateComplete;
    expect(s.errors().map((e) => e.code)).to.deep.equal(['redirect_origin_not_allowed']);
    expect(s.part('error-title')!.textContent).to.equal('We could not finish signing you in.');
    expect(s.part('back-link')).to.not.equal(null);
    expect(s.fake.callsTo('handleRedirectCallback')).to.have.length(0);
    // Fixing the attribute lets the callback run.
    s.el.removeAttribute('sign-in-force-redirect-url');
    await until(() => s.el.status === 'redirecting', 'redirecting');
    expect(s.fake.callsTo('handleRedirectCallback')).to.have.length(1);
    expect(s.errors(), 'reported once').to.have.length(1);
  });

  it('never renders a back link to a URL that fails validation', async () => {
    const s = await setup(scenarios.ssoSignInComplete, { 'sign-in-url': 'javascript:alert(1)' });
    await until(() => s.el.status === 'error', 'error');
    await s.el.updateComplete;
    expect(s.errors().map((e) => e.code)).to.deep.equal(['invalid_redirect_url']);
    // The provider's sign-in URL instead.
    expect(s.part('back-link')!.getAttribute('href')).to.equal('/sign-in');
  });

  it('the sign-in-url attribute is the back link (and the sign-in target) when it is allowed', async () => {
    const s = await setup(scenarios.ssoAccessDenied, { 'sign-in-url': '/login' });
    await settled(s);
    expect(s.part('back-link')!.getAttribute('href')).to.equal('/login');
  });

  it('refuses a javascript: URL attribute', async () => {
    const s = await setup(scenarios.ssoSignInComplete, { 'continue-sign-up-url': 'javascript:alert(1)' });
    await until(() => s.el.status === 'error', 'error');
    expect(s.errors().map((e) => e.code)).to.deep.equal(['invalid_redirect_url']);
  });

  it("shows a Clerk load failure with the provider's retry and Back to sign in", async () => {
    const s = await setup(scenarios.loadFailed);
    await until(() => s.el.status === 'error', 'error');
    await s.el.updateComplete;
    expect(s.errors().map((e) => e.code)).to.deep.equal(['clerk_load_failed']);
    expect(s.part('error-title')!.textContent).to.equal('We could not finish signing you in.');
    expect(s.part('error-message')!.textContent).to.equal('Clerk could not start. Please try again.');
    expect(s.part('back-link')!.getAttribute('href')).to.equal('/sign-in');
    const loads = s.fake.callsTo('load').length;
    s.part('retry')!.click();
    await until(() => s.fake.callsTo('load').length > loads, 'Clerk loads again');
    expect(s.redirects(), 'reloading Clerk is not a page exit').to.have.length(0);
  });

  describe('once per page load', () => {
    it('a moved element does not call handleRedirectCallback again and keeps its status', async () => {
      const s = await setup(scenarios.ssoVerifying);
      const elsewhere = document.createElement('section');
      s.provider!.append(elsewhere);
      elsewhere.append(s.el);
      s.el.remove();
      s.provider!.append(s.el);
      await new Promise((r) => setTimeout(r, 30));
      expect(s.fake.callsTo('handleRedirectCallback')).to.have.length(1);
      expect(s.el.status).to.equal('verifying');
    });

    it('the run lets go of removed elements (no element kept alive by it), and follows one that comes back', async () => {
      const s = await setup(scenarios.ssoVerifying);
      const run = existingRun(s.fake)!;
      const extra = Array.from({ length: 20 }, () => document.createElement(tagOf(SsoCallbackElement)) as SsoCallbackElement);
      for (const el of extra) s.provider!.append(el);
      await until(() => extra.every((el) => el.status === 'verifying'), 'followers');
      expect(run.followers.size).to.equal(21);
      for (const el of extra) el.remove();
      expect(run.followers.size).to.equal(1);
      s.provider!.append(extra[0]!);
      await until(() => run.followers.size === 2, 'followed again');
      expect(extra[0]!.status).to.equal('verifying');
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
      const s = await setup(fake);
      const second = document.createElement(tagOf(SsoCallbackElement)) as SsoCallbackElement;
      s.provider!.append(second);
      await until(() => second.status === 'verifying', 'second follows');
      // The starter leaves the page: the follower takes over the events.
      s.el.remove();
      finish();
      await until(() => second.status === 'redirecting', 'second redirecting');
      expect(fake.callsTo('handleRedirectCallback')).to.have.length(1);
      expect(s.redirects().map((e) => [e.reason, e.target])).to.deep.equal([['sign-in', second]]);
      expect(s.navigations).to.deep.equal(['/sign-in']);
    });

    it('a re-created element after the run does not start it again', async () => {
      const s = await setup(scenarios.ssoNothingToFinish);
      await settled(s);
      s.el.remove();
      const again = document.createElement(tagOf(SsoCallbackElement)) as SsoCallbackElement;
      s.provider!.append(again);
      await until(() => again.status === 'redirecting', 'mirrors the finished run');
      expect(s.fake.callsTo('handleRedirectCallback')).to.have.length(1);
      expect(s.navigations).to.deep.equal(['/sign-in']);
    });

    it('a follower shows the run’s error with the same way out', async () => {
      const s = await setup({ redirectCallback: { kind: 'error', error: lostConnection } });
      await settled(s);
      const second = document.createElement(tagOf(SsoCallbackElement)) as SsoCallbackElement;
      s.provider!.append(second);
      await until(() => second.status === 'error', 'second shows the error');
      await second.updateComplete;
      const parts = (el: Element) => [...el.shadowRoot!.querySelectorAll('[part~=error] [part]')].map((p) => p.getAttribute('part'));
      expect(parts(second)).to.deep.equal(parts(s.el));
      expect(s.errors(), 'the failure is announced once').to.have.length(1);
    });
  });

  describe('captcha container', () => {
    it('adds #clerk-captcha in the light DOM when the page has none, and removes it with the element', async () => {
      const s = await setup(scenarios.ssoVerifying);
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
      const s = await setup(scenarios.ssoVerifying);
      expect(document.querySelectorAll('#clerk-captcha')).to.have.length(1);
      expect(s.el.querySelector('#clerk-captcha')).to.equal(null);
    });
  });
});

describe('CallbackRun', () => {
  const hostIn = () => document.body.appendChild(document.createElement('div'));
  const init = (fake: FakeClerk, more: Partial<RunInit> = {}): RunInit => ({
    clerk: asClerk<ClerkInstance>(fake),
    urls: { signInUrl: abs('/sign-in'), signInFallbackRedirectUrl: abs('/home'), signUpFallbackRedirectUrl: abs('/welcome') },
    allowedOrigins: [],
    frontendApiOrigins: [],
    timeout: 30_000,
    hook: () => {},
    signIn: { url: '/sign-in', allowedOrigins: [] },
    transferable: true,
    unexpectedError: 'Unexpected.',
    ...more,
  });
  const hosts: HTMLElement[] = [];
  afterEach(() => hosts.splice(0).forEach((h) => h.remove()));

  it('is claimed once per Clerk instance; the second claim gets nothing', () => {
    const fake = new FakeClerk();
    const host = hostIn();
    hosts.push(host);
    const run = claimRun(host, init(fake));
    expect(run).to.be.instanceOf(CallbackRun);
    expect(existingRun(fake)).to.equal(run);
    expect(claimRun(host, init(fake))).to.equal(undefined);
  });

  it('reads the transfer once, when it is created, and carries it on its exits', async () => {
    const fake = new FakeClerk(scenarios.ssoMissingRequirements);
    const host = hostIn();
    hosts.push(host);
    const routed: string[] = [];
    const run = new CallbackRun(host, init(fake, { urls: { continueSignUpUrl: abs('/continue') }, hook: (to) => void routed.push(to) }));
    expect(run.transfer).to.equal('sign-up');
    const seen: SsoRedirectEvent[] = [];
    host.addEventListener('sso-redirect', (e) => seen.push(e));
    const states: string[] = [];
    run.addEventListener('change', () => states.push(run.state.status));
    await run.start();
    await run.start();
    expect(fake.callsTo('handleRedirectCallback'), 'start runs once').to.have.length(1);
    expect(states).to.deep.equal(['redirecting']);
    expect(seen.map((e) => [e.reason, e.transfer])).to.deep.equal([['continue-sign-up', 'sign-up']]);
    expect(routed).to.deep.equal(['/continue']);
  });

  it('fires its events from a follower still in the document when its starter left', async () => {
    const fake = new FakeClerk({ redirectCallback: { kind: 'error', error: lostConnection } });
    const starter = document.createElement('div');
    const follower = hostIn();
    hosts.push(follower);
    const run = new CallbackRun(starter, init(fake));
    run.followers.add(follower);
    const errors: SsoErrorEvent[] = [];
    follower.addEventListener('sso-error', (e) => errors.push(e));
    await run.start();
    expect(run.state).to.deep.include({ status: 'error', retryable: true });
    expectEvery(errors, (e) => e.target === follower && e.code === 'sso_callback_failed' && e.message === 'Unexpected.', 'sso-error from the follower');
  });

  it('goes to the sign-in target under its own allowed origins', async () => {
    const fake = new FakeClerk({ redirectCallback: { kind: 'none' } });
    const host = hostIn();
    hosts.push(host);
    const hosted = 'https://accounts.example.dev/sign-in';
    const run = new CallbackRun(host, init(fake, { signIn: { url: hosted, allowedOrigins: ['https://accounts.example.dev'] } }));
    const seen: SsoRedirectEvent[] = [];
    host.addEventListener('sso-redirect', (e) => (seen.push(e), e.preventDefault()));
    await run.start();
    expect(seen.map((e) => [e.reason, e.url])).to.deep.equal([['sign-in', hosted]]);
    expect(run.state.status).to.equal('redirecting');
  });
});

describe('callback URLs and redirect reasons', () => {
  const urls = { signInUrl: abs('/sign-in'), signUpUrl: abs('/sign-in'), continueSignUpUrl: abs('/continue') };
  it('lists retry among the reasons', () => {
    expect(SSO_REDIRECT_REASONS).to.include('retry');
  });
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
  it('checks every URL that is set and makes it absolute, or says which one is not allowed', () => {
    expect(checkCallbackUrls({ signInUrl: ' /in ', signUpUrl: '' }, [])).to.deep.equal({ signInUrl: abs('/in') });
    expect(checkCallbackUrls({ continueSignUpUrl: 'https://evil.example/' }, [])).to.include({ code: 'redirect_origin_not_allowed' });
  });
  it("fills the provider's URLs in where the element leaves them unset", () => {
    expect(withProviderUrls({ signInUrl: '/mine', signUpUrl: '', firstFactorUrl: '/f1' }, { signInUrl: '/theirs', signUpUrl: '/up', signUpFallbackRedirectUrl: '/w' })).to.deep.equal({
      signInUrl: '/mine',
      signUpUrl: '/up',
      firstFactorUrl: '/f1',
      signInFallbackRedirectUrl: undefined,
      signUpFallbackRedirectUrl: '/w',
    });
  });
  it('puts the task on the sign-in page', () => {
    expect(taskUrl('/sign-in', 'choose-organization')).to.equal(abs('/sign-in#/tasks/choose-organization'));
  });
});
