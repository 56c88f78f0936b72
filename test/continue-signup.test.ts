import { expect } from '@open-wc/testing';
import { ContinueSignupElement, CONTINUE_SIGNUP_STATUSES } from '../src/elements/continue-signup/continue-signup.js';
import { parseLegalLabel, safeLinkUrl } from '../src/elements/continue-signup/legal-consent.js';
import { fieldsFor, updateParams } from '../src/elements/continue-signup/fields.js';
import type { SignUpCompleteEvent, SignUpErrorEvent, SignUpRedirectEvent } from '../src/events.js';
import { FakeClerk, asClerk, clerkApiError, scenarios, type FakeClerkOptions } from '../src/testing/index.js';
import type { ClerkInstance } from '../src/context.js';
import type { Localization } from '../src/localization.js';
import { expectEvery, mount, resetClerkGlobals, until, type Mounted, type MountOptions } from './helpers.js';

interface Opened extends Mounted<ContinueSignupElement> {
  /** Paths the provider's router hook received. */
  routed: string[];
  /** The hook's `replace` option, per path. */
  replaced: boolean[];
  completes: SignUpCompleteEvent[];
  errors: SignUpErrorEvent[];
  redirects: SignUpRedirectEvent[];
}

let cleanups: Array<() => void> = [];

/**
 * `mount()` inside a provider with `sign-in-url="/sign-in"` and a recording router hook. `onRedirect` listens on the
 * document from before the element connects (its first redirect can come before `mount()` returns).
 */
async function open(
  clerk: FakeClerkOptions | FakeClerk,
  { onRedirect, ...options }: Omit<MountOptions, 'clerk' | 'navigate'> & { onRedirect?: (e: SignUpRedirectEvent) => void } = {},
): Promise<Opened> {
  const routed: string[] = [];
  const replaced: boolean[] = [];
  if (onRedirect) {
    const handler = (e: Event) => onRedirect(e as SignUpRedirectEvent);
    document.addEventListener('signup-redirect', handler);
    cleanups.push(() => document.removeEventListener('signup-redirect', handler));
  }
  const m = await mount<ContinueSignupElement>(ContinueSignupElement, {
    clerk,
    navigate: (to, options) => {
      routed.push(to);
      replaced.push(Boolean(options?.replace));
    },
    ...options,
    providerAttrs: { 'sign-in-url': '/sign-in', ...options.providerAttrs },
  });
  return {
    ...m,
    routed,
    replaced,
    get completes() {
      return m.events.of<SignUpCompleteEvent>('signup-complete');
    },
    get errors() {
      return m.events.of<SignUpErrorEvent>('signup-error');
    },
    get redirects() {
      return m.events.of<SignUpRedirectEvent>('signup-redirect');
    },
  };
}

const $ = <T extends Element = HTMLElement>(m: Opened, selector: string) => m.root.querySelector(selector) as T;
const input = (m: Opened, id: string) => $<HTMLInputElement>(m, `#${id}`);
function type(m: Opened, id: string, value: string) {
  const field = input(m, id);
  field.value = value;
  field.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
}
function check(m: Opened, id = 'legal_accepted') {
  input(m, id).click();
}
async function submit(m: Opened) {
  $<HTMLButtonElement>(m, '[part~=submit]').click();
  await settle(m);
}
async function settle(m: Opened) {
  await until(() => m.el.status !== 'submitting', 'the action to settle');
  await m.el.updateComplete;
  await new Promise((r) => setTimeout(r, 0));
}
const text = (m: Opened, selector: string) => $(m, selector)?.textContent?.trim() ?? '';
const signedUp = (m: Opened) => until(() => m.completes.length > 0 && m.el.status === 'redirecting', 'signed up');
describe('<continue-signup> helpers', () => {
  it('splits Clerk legal labels into text and safe links', () => {
    const parts = parseLegalLabel('I agree to the {{ termsOfServiceLink || link("Terms of Service") }} and {{ privacyPolicyLink || link("Privacy Policy") }}', {
      termsOfServiceLink: 'https://example.com/terms',
      privacyPolicyLink: undefined,
    });
    expect(parts).to.deep.equal([
      { text: 'I agree to the ' },
      { text: 'Terms of Service', param: 'termsOfServiceLink', href: 'https://example.com/terms' },
      { text: ' and ' },
      { text: 'Privacy Policy', param: 'privacyPolicyLink', href: undefined },
    ]);
    expect(safeLinkUrl('javascript:alert(1)')).to.equal(undefined);
    expect(safeLinkUrl('/terms')).to.equal(`${location.origin}/terms`);
  });

  it('orders fields and builds update parameters (identifier by its @, passwords untrimmed)', () => {
    const fields = fieldsFor(['legal_accepted', 'custom_thing', 'username', 'first_name', 'password', 'email_address_or_phone_number']);
    expect(fields.map((f) => f.name)).to.deep.equal(['first_name', 'username', 'email_address_or_phone_number', 'password', 'custom_thing', 'legal_accepted']);
    const values = { first_name: ' Nina ', username: ' nina ', email_address_or_phone_number: 'n@x.io', password: ' p w ', custom_thing: 'x', legal_accepted: 'true' };
    expect(updateParams(fields, values)).to.deep.equal({ firstName: 'Nina', username: 'nina', emailAddress: 'n@x.io', password: ' p w ', customThing: 'x', legalAccepted: true });
    expect(updateParams(fieldsFor(['email_address_or_phone_number']), { email_address_or_phone_number: '+15550100100' })).to.deep.equal({ phoneNumber: '+15550100100' });
  });
});

describe('<continue-signup>', () => {
  beforeEach(resetClerkGlobals);
  afterEach(() => {
    cleanups.forEach((c) => c());
    cleanups = [];
    resetClerkGlobals();
    document.querySelectorAll('#clerk-captcha').forEach((c) => c.remove());
  });

  it('with no sign-up in progress, says why and sends the visitor to sign-in (replace, cancelable event)', async () => {
    const m = await open(scenarios.continueNoSignUp);
    await until(() => m.routed.length > 0, 'the redirect');
    expect(m.el.getAttribute('status')).to.equal('redirecting');
    expect(text(m, '[part=message]')).to.contain('no sign-up to continue');
    expect($(m, '[part=message]').getAttribute('role')).to.equal('status');
    expect(m.redirects.map((e) => [e.url, e.reason, e.cancelable, e.bubbles, e.composed])).to.deep.equal([[`${location.origin}/sign-in`, 'no-sign-up', true, true, true]]);
    expect(m.routed).to.deep.equal(['/sign-in']);
    expect(m.replaced).to.deep.equal([true]);
    expect($<HTMLAnchorElement>(m, '[part=link]').href).to.equal(`${location.origin}/sign-in`);
    expect($(m, 'form')).to.equal(null);
    expect(m.statuses()).to.deep.equal(['redirecting']);
    await expect(m.el).to.be.accessible();
  });

  it('a cancelled redirect stays put (redirecting: the page took it over) with the sign-in link as the way out', async () => {
    const m = await open(scenarios.continueNoSignUp, { onRedirect: (e) => e.preventDefault() });
    await until(() => m.redirects.length === 1, 'the redirect event');
    expect(m.routed).to.deep.equal([]);
    expect(m.el.status).to.equal('redirecting');
    expect($(m, '[part=link]')).to.not.equal(null);
  });

  it('builds the username + legal form with labels, autocomplete, hints and real terms links', async () => {
    const m = await open(scenarios.continueUsernameLegal);
    expect(m.el.getAttribute('status')).to.equal('ready');
    const username = input(m, 'username');
    expect($(m, 'label[for=username]').textContent).to.equal('Username');
    expect(username.autocomplete).to.equal('username');
    expect(username.required).to.equal(true);
    expect(text(m, '#username-hint')).to.equal('4 to 20 characters.');
    expect(username.getAttribute('aria-describedby')).to.equal('username-hint');
    const legal = input(m, 'legal_accepted');
    expect(legal.type).to.equal('checkbox');
    const links = [...m.root.querySelectorAll<HTMLAnchorElement>('label[for=legal_accepted] a')];
    expect(links.map((a) => [a.textContent, a.href, a.target, a.rel])).to.deep.equal([
      ['Terms of Service', 'https://example.com/terms', '_blank', 'noopener noreferrer'],
      ['Privacy Policy', 'https://example.com/privacy', '_blank', 'noopener noreferrer'],
    ]);
    expect($(m, 'label[for=legal_accepted]').textContent!.replace(/\s+/g, ' ')).to.equal('I agree to the Terms of Service and Privacy Policy');
    expect(m.el.querySelector('#clerk-captcha')?.getAttribute('slot')).to.equal('captcha');
    await expect(m.el).to.be.accessible();
  });

  it('submits username + legalAccepted, activates the session and goes to redirect-url-complete', async () => {
    const m = await open(scenarios.continueUsernameLegal, { attrs: { 'redirect-url-complete': '/welcome' } });
    type(m, 'username', '  ninanew ');
    check(m);
    await submit(m);
    await until(() => m.routed.length > 0, 'navigation');
    expect(m.fake.callsTo('signUp.update')).to.deep.equal([[{ username: 'ninanew', legalAccepted: true }]]);
    expect((m.fake.callsTo('setActive')[0]![0] as { session: string }).session).to.equal('sess_fake');
    expect(m.el.getAttribute('status')).to.equal('redirecting');
    expect(m.completes.map((e) => [e.sessionId, e.task, e.bubbles, e.composed])).to.deep.equal([['sess_fake', undefined, true, true]]);
    expect(m.redirects.map((e) => [e.url, e.reason, e.cancelable])).to.deep.equal([[`${location.origin}/welcome`, 'complete', true]]);
    // signup-complete comes before the redirect (and before the status says the page is leaving).
    expect(m.events.types().filter((t) => t.startsWith('signup-'))).to.deep.equal(['signup-complete', 'signup-redirect']);
    expect(m.routed).to.deep.equal(['/welcome']);
    // Replaced: Back does not return to the spent continue page.
    expect(m.replaced).to.deep.equal([true]);
    expect(m.statuses()).to.deep.equal(['ready', 'submitting', 'redirecting']);
    expect(text(m, '[part=message]')).to.contain('You are signed up');
  });

  it('falls back to the provider after-sign-up URL, then /', async () => {
    const m = await open(scenarios.continueUsernameLegal);
    type(m, 'username', 'ninanew');
    check(m);
    await submit(m);
    await until(() => m.routed.length > 0, 'navigation');
    expect(m.routed).to.deep.equal(['/']);
  });

  it('checks username length and the terms before asking Clerk, focusing the first problem', async () => {
    const m = await open(scenarios.continueUsernameLegal);
    type(m, 'username', 'ab');
    await submit(m);
    expect(m.fake.callsTo('signUp.update')).to.have.length(0);
    // Field errors are not blocking: the form waits for the visitor.
    expect(m.el.getAttribute('status')).to.equal('ready');
    expect(m.el.getAttribute('step')).to.equal('form');
    expect(text(m, '[part=error]')).to.equal('');
    expect(text(m, '#username-error')).to.equal('Your username must be between 4 and 20 characters long.');
    expect(input(m, 'username').getAttribute('aria-invalid')).to.equal('true');
    expect(input(m, 'username').getAttribute('aria-describedby')).to.equal('username-hint username-error');
    expect(text(m, '#legal_accepted-error')).to.equal('Accept the terms to continue.');
    expect(m.root.activeElement?.id).to.equal('username');
    expect(m.errors.map((e) => [e.code, e.field])).to.deep.equal([
      ['form_username_invalid_length', 'username'],
      ['form_param_missing', 'legalAccepted'],
    ]);
    expect(input(m, 'username').value).to.equal('ab');
    await expect(m.el).to.be.accessible();
  });

  it('shows a taken username under its field, keeps every value, and succeeds on the second try', async () => {
    const m = await open(scenarios.continueUsernameTaken);
    type(m, 'username', 'alice');
    check(m);
    await submit(m);
    expect(m.el.getAttribute('status')).to.equal('ready');
    expect(text(m, '#username-error')).to.equal('That username is taken. Please try another.');
    expect(text(m, '[part=error]')).to.equal('');
    expect(m.root.activeElement?.id).to.equal('username');
    expect(input(m, 'username').value).to.equal('alice');
    expect(input(m, 'legal_accepted').checked).to.equal(true);
    expect(m.errors.map((e) => [e.code, e.field, e.message])).to.deep.equal([['form_identifier_exists', 'username', 'That username is taken. Please try another.']]);
    type(m, 'username', 'alice2');
    await submit(m);
    await signedUp(m);
    expect(m.fake.callsTo('signUp.update').map((c) => c[0])).to.deep.equal([
      { username: 'alice', legalAccepted: true },
      { username: 'alice2', legalAccepted: true },
    ]);
    expect(m.statuses()).to.deep.equal(['ready', 'submitting', 'ready', 'submitting', 'redirecting']);
  });

  it('shows errors that belong to no field in the error block (no retry: the form is the way on) and keeps the typed values', async () => {
    const m = await open({ ...scenarios.continueUsernameLegal, updateErrors: [new Error('Network error: Failed to fetch')] });
    type(m, 'username', 'ninanew');
    check(m);
    await submit(m);
    expect(m.el.getAttribute('status')).to.equal('ready');
    expect($(m, '[part=error]').getAttribute('role')).to.equal('alert');
    expect(text(m, '[part=error-message]')).to.equal('Network error: Failed to fetch');
    expect($(m, '[part=retry]')).to.equal(null);
    expect($(m, 'form')).to.not.equal(null);
    expect(input(m, 'username').value).to.equal('ninanew');
    expect(input(m, 'legal_accepted').checked).to.equal(true);
    expect(m.errors[0]!.code).to.equal('signup_failed');
  });

  it('a sign-up another tab finished (sign_up_cannot_be_updated): reads it again and activates it, no second update', async () => {
    const terminal = clerkApiError('sign_up_cannot_be_updated', 'This sign up has reached a terminal state and cannot be updated', { status: 403 });
    const m = await open({ ...scenarios.continueUsernameLegal, updateErrors: [terminal], finishedElsewhere: true });
    type(m, 'username', 'ninatwo');
    check(m);
    await submit(m);
    await signedUp(m);
    expect(m.fake.callsTo('signUp.update')).to.have.length(1);
    expect(m.fake.callsTo('signUp.reload')).to.have.length(1);
    expect(m.fake.callsTo('setActive')).to.have.length(1);
  });

  it('a terminal sign-up that is not complete: the error with Back to sign in', async () => {
    const terminal = clerkApiError('sign_up_cannot_be_updated', 'This sign up has reached a terminal state and cannot be updated', { status: 403 });
    const m = await open({ ...scenarios.continueUsernameLegal, updateErrors: [terminal] });
    type(m, 'username', 'ninatwo');
    check(m);
    await submit(m);
    await until(() => m.el.getAttribute('status') === 'error', 'error');
    expect(text(m, '[part=error-message]')).to.contain('terminal state');
    expect($(m, '[part=back-link]')).to.not.equal(null);
  });

  it('gives every known field its proper control', async () => {
    const m = await open(scenarios.continueAllFields);
    const controls = [...m.root.querySelectorAll('input')].map((i) => [i.id, i.type, i.autocomplete, m.root.querySelector(`label[for=${i.id}]`)?.textContent?.replace(/\s+/g, ' ').trim()]);
    expect(controls).to.deep.equal([
      ['first_name', 'text', 'given-name', 'First name'],
      ['last_name', 'text', 'family-name', 'Last name'],
      ['username', 'text', 'username', 'Username'],
      ['email_address', 'email', 'email', 'Email address'],
      ['phone_number', 'tel', 'tel', 'Phone number'],
      ['password', 'password', 'new-password', 'Password'],
      ['legal_accepted', 'checkbox', '', 'I agree to the Terms of Service and Privacy Policy'],
    ]);
    await submit(m);
    expect(text(m, '#first_name-error')).to.equal('First name is required.');
    expect(m.root.activeElement?.id).to.equal('first_name');
    await expect(m.el).to.be.accessible();
  });

  it('gives an unknown field a labelled text input, warns once, and sends it camelCased', async () => {
    const warnings: unknown[][] = [];
    const original = console.warn;
    console.warn = (...args: unknown[]) => void warnings.push(args);
    try {
      const m = await open({ signUp: { status: 'missing_requirements', missingFields: ['company_name'] } });
      expect($(m, 'label[for=company_name]').textContent).to.equal('Company Name');
      expect(input(m, 'company_name').type).to.equal('text');
      expect(warnings.filter((w) => String(w[0]).includes('company_name'))).to.have.length(1);
      type(m, 'company_name', 'Acme');
      await submit(m);
      expect(m.fake.callsTo('signUp.update')[0]![0]).to.deep.equal({ companyName: 'Acme' });
    } finally {
      console.warn = original;
    }
  });

  it('verifies a phone number: code step, wrong code kept with its error, resend, then complete', async () => {
    const m = await open(scenarios.continuePhone);
    expect(text(m, '#phone_number-hint')).to.contain('country code');
    type(m, 'phone_number', '+15550100100');
    await submit(m);
    expect(m.el.getAttribute('status')).to.equal('ready');
    expect(m.el.getAttribute('step')).to.equal('code');
    expect(m.fake.callsTo('signUp.preparePhoneNumberVerification')).to.deep.equal([[{ strategy: 'phone_code' }]]);
    expect(text(m, '[part~=heading]')).to.equal('Verify your phone');
    expect(text(m, '[part=message]')).to.equal('We sent a code to +15550100100.');
    const code = input(m, 'code');
    expect([code.autocomplete, code.inputMode]).to.deep.equal(['one-time-code', 'numeric']);
    expect(m.root.activeElement?.id).to.equal('code');
    await expect(m.el).to.be.accessible();

    type(m, 'code', '111111');
    await submit(m);
    expect(m.el.getAttribute('status')).to.equal('ready');
    expect(m.el.getAttribute('step')).to.equal('code');
    expect(text(m, '#code-error')).to.equal('The code you entered is incorrect. Please try again.');
    expect(input(m, 'code').value).to.equal('111111');
    expect(m.root.activeElement?.id).to.equal('code');
    expect(m.errors.at(-1)!.field).to.equal('code');
    await expect(m.el).to.be.accessible();

    $<HTMLButtonElement>(m, '[part=resend]').click();
    await settle(m);
    expect(m.fake.callsTo('signUp.preparePhoneNumberVerification')).to.have.length(2);
    expect(text(m, '[part=message]')).to.equal('A new code was sent to +15550100100.');
    expect(m.el.getAttribute('status')).to.equal('ready');
    expect(m.el.getAttribute('step')).to.equal('code');

    type(m, 'code', '424242');
    await submit(m);
    await signedUp(m);
    expect(m.el.hasAttribute('step')).to.equal(false);
    expect(m.fake.callsTo('signUp.attemptPhoneNumberVerification').map((c) => c[0])).to.deep.equal([{ code: '111111' }, { code: '424242' }]);
    expect(m.statuses()).to.deep.equal(['ready', 'submitting', 'ready', 'submitting', 'ready', 'submitting', 'ready', 'submitting', 'redirecting']);
  });

  it('an empty code is caught before asking Clerk', async () => {
    const m = await open(scenarios.continuePhone);
    type(m, 'phone_number', '+15550100100');
    await submit(m);
    await submit(m);
    expect(text(m, '#code-error')).to.equal('Verification code is required.');
    expect(m.fake.callsTo('signUp.attemptPhoneNumberVerification')).to.have.length(0);
  });

  it('verifies an email address and can go back to change it, with the typed address kept', async () => {
    const m = await open(scenarios.continueEmail);
    type(m, 'email_address', 'nina@example.com');
    await submit(m);
    expect(m.el.getAttribute('status')).to.equal('ready');
    expect(m.el.getAttribute('step')).to.equal('code');
    expect(m.fake.callsTo('signUp.prepareEmailAddressVerification')).to.deep.equal([[{ strategy: 'email_code' }]]);
    expect(text(m, '[part~=heading]')).to.equal('Verify your email');
    $<HTMLButtonElement>(m, '[part=change]').click();
    await m.el.updateComplete;
    expect(m.el.getAttribute('status')).to.equal('ready');
    expect(m.el.getAttribute('step')).to.equal('form');
    expect(input(m, 'email_address').value).to.equal('nina@example.com');
    await until(() => m.root.activeElement?.id === 'email_address', 'focus on the email field');
    type(m, 'email_address', 'nina@work.example');
    await submit(m);
    expect(m.fake.callsTo('signUp.update').map((c) => c[0])).to.deep.equal([{ emailAddress: 'nina@example.com' }, { emailAddress: 'nina@work.example' }]);
    expect(m.fake.callsTo('signUp.prepareEmailAddressVerification')).to.have.length(2);
    type(m, 'code', '424242');
    await submit(m);
    await signedUp(m);
  });

  it('an email-or-phone field sends an address with an @ as emailAddress and verifies it', async () => {
    const m = await open({ signUp: { status: 'missing_requirements', missingFields: ['email_address_or_phone_number'] } });
    expect($(m, 'label[for=email_address_or_phone_number]').textContent).to.equal('Email address or phone number');
    type(m, 'email_address_or_phone_number', 'nina@example.com');
    await submit(m);
    expect(m.fake.callsTo('signUp.update')[0]![0]).to.deep.equal({ emailAddress: 'nina@example.com' });
    expect(m.el.getAttribute('step')).to.equal('code');
  });

  it('a failing prepare shows the error on the code step with resend as the way out', async () => {
    const m = await open({ ...scenarios.continuePhone, prepareError: clerkApiError('too_many_requests', 'Too many requests', { status: 429 }) });
    type(m, 'phone_number', '+15550100100');
    await submit(m);
    expect(m.el.getAttribute('status')).to.equal('ready');
    expect(text(m, '[part=error-message]')).to.equal('Too many requests');
    expect($(m, '[part=retry]')).to.equal(null);
    expect($(m, '[part=resend]')).to.not.equal(null);
    expect($(m, '#code')).to.not.equal(null);
  });

  it('routes a pending session task (event + Clerk task URL), or to task-url', async () => {
    const m = await open({ ...scenarios.continueUsernameLegal, sessionTask: 'choose-organization' });
    type(m, 'username', 'ninanew');
    check(m);
    await submit(m);
    await until(() => m.routed.length > 0, 'navigation');
    expect(m.completes.map((e) => [e.sessionId, e.task])).to.deep.equal([['sess_fake', 'choose-organization']]);
    expect(m.redirects.map((e) => e.reason)).to.deep.equal(['session-task']);
    expect(m.routed).to.deep.equal(['/sign-in#/tasks/choose-organization']);
    expect(m.replaced).to.deep.equal([true]);

    const n = await open({ ...scenarios.continueUsernameLegal, sessionTask: 'setup-mfa' }, { attrs: { 'task-url': '/tasks/{task}' } });
    type(n, 'username', 'ninanew');
    check(n);
    await submit(n);
    await until(() => n.routed.length > 0, 'navigation');
    expect(n.routed).to.deep.equal(['/tasks/setup-mfa']);
  });

  it('an absolute decorateUrl result loads through location, never the router hook', async () => {
    const before = location.href;
    const touched = `${location.origin}${location.pathname}${location.search}#touched`;
    const seen: string[] = [];
    const m = await open({ ...scenarios.continueUsernameLegal, decorateUrl: (url) => (seen.push(url), touched) });
    type(m, 'username', 'ninanew');
    check(m);
    await submit(m);
    await until(() => location.hash === '#touched', 'the location change');
    expect(seen).to.deep.equal(['/']);
    expect(m.routed).to.deep.equal([]);
    history.replaceState(null, '', before);
  });

  it('a redirect target on another origin is refused: a blocking error with Back to sign in', async () => {
    const m = await open(scenarios.continueUsernameLegal, { attrs: { 'redirect-url-complete': 'https://evil.example/' } });
    type(m, 'username', 'ninanew');
    check(m);
    await submit(m);
    await until(() => m.el.status === 'error', 'error');
    expect(text(m, '[part=error-message]')).to.contain('https://evil.example');
    expect($<HTMLAnchorElement>(m, '[part=back-link]').href).to.equal(`${location.origin}/sign-in`);
    expect($(m, '[part=retry]')).to.equal(null);
    expect(m.errors.map((e) => e.code)).to.deep.equal(['redirect_origin_not_allowed']);
    expect(m.routed).to.deep.equal([]);
  });

  it('a failing setActive offers a retry (which gets the focus) that finishes and clears the old error', async () => {
    const m = await open({ ...scenarios.continueUsernameLegal, setActiveError: new Error('Session could not be activated') });
    type(m, 'username', 'ninanew');
    check(m);
    // A keyboard user submits from the button, which then disappears with the form.
    $<HTMLButtonElement>(m, '[part~=submit]').focus();
    await submit(m);
    expect(m.el.getAttribute('status')).to.equal('error');
    expect(text(m, '[part=error-message]')).to.equal('Session could not be activated');
    expect($(m, 'form')).to.equal(null);
    expect($(m, '[part=back-link]')).to.equal(null);
    await until(() => m.root.activeElement?.getAttribute('part') === 'retry', 'focus on the retry button');
    (m.fake.config as FakeClerkOptions).setActiveError = undefined;
    $<HTMLButtonElement>(m, '[part=retry]').click();
    await signedUp(m);
    await m.el.updateComplete;
    expect(text(m, '[part=error]')).to.equal('');
    expect($(m, '[part=retry]')).to.equal(null);
    expect(text(m, '[part=message]')).to.contain('You are signed up');
    expect(m.fake.callsTo('signUp.update')).to.have.length(1);
    expect(m.fake.callsTo('setActive')).to.have.length(2);
    expect(m.statuses()).to.deep.equal(['ready', 'submitting', 'error', 'submitting', 'redirecting']);
  });

  it('a refused redirect with the focus in the form keeps the focus inside the element (never <body>)', async () => {
    const m = await open(scenarios.continueUsernameLegal, { attrs: { 'redirect-url-complete': 'https://evil.example/' } });
    type(m, 'username', 'ninanew');
    check(m);
    $<HTMLButtonElement>(m, '[part~=submit]').focus();
    await submit(m);
    await until(() => m.el.status === 'error', 'error');
    await m.el.updateComplete;
    expect(text(m, '[part=error-message]')).to.contain('https://evil.example');
    // The form went away with the focus (redirecting, then refused): the base's one focus rule kept it inside,
    // on the status message or the way out, never <body>.
    expect(['message', 'back-link']).to.include(m.root.activeElement?.getAttribute('part'));
    expect($(m, '[part=back-link]')).to.not.equal(null);
    // Signed up: no "Already have an account?" footer next to it.
    expect($(m, '[part=footer]')).to.equal(null);
    await expect(m.el).to.be.accessible();
  });

  it('a cancelled completion redirect (the app routes itself) moves the focus to the message, not <body>', async () => {
    const m = await open(scenarios.continueUsernameLegal, { onRedirect: (e) => e.preventDefault() });
    type(m, 'username', 'ninanew');
    check(m);
    $<HTMLButtonElement>(m, '[part~=submit]').focus();
    await submit(m);
    await signedUp(m);
    expect(m.redirects.map((e) => e.reason)).to.deep.equal(['complete']);
    // The page took the navigation over: still redirecting.
    expect(m.el.status).to.equal('redirecting');
    await until(() => m.root.activeElement?.getAttribute('part') === 'message', 'focus on the message');
    expect(text(m, '[part=message]')).to.contain('You are signed up');
    expect($(m, '[part=footer]')).to.equal(null);
    await expect(m.el).to.be.accessible();
  });

  it('a field name that is no CSS identifier still gets its error focused', async () => {
    const warn = console.warn;
    console.warn = () => {};
    try {
      const m = await open({ signUp: { status: 'missing_requirements', missingFields: ['9_lives'] } });
      await submit(m);
      expect(text(m, '[id="9_lives-error"]')).to.equal('9 Lives is required.');
      await until(() => m.root.activeElement?.id === '9_lives', 'focus on the field');
    } finally {
      console.warn = warn;
    }
  });

  it('a focused invalid field shows a focus ring unlike its unfocused neighbours', async () => {
    const m = await open(scenarios.continueAllFields);
    await submit(m);
    await until(() => m.root.activeElement?.id === 'first_name', 'focus on the first field');
    const focused = getComputedStyle(input(m, 'first_name'));
    const other = getComputedStyle(input(m, 'last_name'));
    expect(other.outlineWidth).to.equal('1px');
    expect(focused.outlineWidth).to.equal('2px');
    expect(focused.outlineColor).to.not.equal(other.outlineColor);
  });

  it('a long message wraps inside a narrow element instead of widening it', async () => {
    const long = Object.assign(new Error('Network error at "https://clerk.example.com/v1/environment": Failed to fetch'), { code: 'network_error' });
    const m = await open({ loadError: long });
    m.el.style.width = '180px';
    await m.el.updateComplete;
    const error = $(m, '[part=error]');
    expect(error.textContent).to.contain('https://clerk.example.com/v1/environment');
    expect(error.scrollWidth).to.be.at.most(error.clientWidth);
    expect(m.el.scrollWidth).to.be.at.most(180);
  });

  it('an already complete sign-up is finished at once', async () => {
    const fake: FakeClerkOptions = { signUp: { status: 'missing_requirements', missingFields: [] } };
    const m = await open(fake);
    // No missing and no unverified field: nothing this form can collect.
    expect(m.el.getAttribute('status')).to.equal('error');
    expect(m.errors[0]!.code).to.equal('nothing_to_collect');
    expect(text(m, '[part=error-message]')).to.equal('Clerk needs something this form cannot collect. Please start again.');
    expect($(m, '[part=back-link]')).to.not.equal(null);
    expect($(m, '[part=retry]')).to.equal(null);
    const done = await open({ signUp: { status: 'complete', missingFields: [] } });
    await signedUp(done);
    expect(done.fake.callsTo('setActive')).to.have.length(1);
  });

  it('starts with an unverified email address at the code step', async () => {
    const m = await open({ signUp: { status: 'missing_requirements', missingFields: [], unverifiedFields: ['email_address'], emailAddress: 'nina@example.com' } });
    expect(m.el.getAttribute('status')).to.equal('ready');
    expect(m.el.getAttribute('step')).to.equal('code');
    expect(text(m, '[part=message]')).to.equal('We sent a code to nina@example.com.');
  });

  it('says when the sign-up was abandoned (a blocking error), with the way back to sign in', async () => {
    const m = await open(scenarios.continueAbandoned);
    expect(m.el.getAttribute('status')).to.equal('error');
    expect(text(m, '[part=error-message]')).to.equal('This sign-up has expired. Please start again.');
    expect(m.errors.map((e) => e.code)).to.deep.equal(['sign_up_abandoned']);
    expect($<HTMLAnchorElement>(m, '[part=back-link]').href).to.equal(`${location.origin}/sign-in`);
    expect($(m, '[part=retry]')).to.equal(null);
    expect($(m, 'form')).to.equal(null);
    await expect(m.el).to.be.accessible();
  });

  it('reports a Clerk load failure with a retry', async () => {
    const m = await open(scenarios.loadFailed);
    expect(m.el.getAttribute('status')).to.equal('error');
    // Our own code: its localized message (oauthElements.errors.clerk_load_failed).
    expect(text(m, '[part=error-message]')).to.equal('Clerk could not start. Please try again.');
    expect(m.errors.map((e) => e.code)).to.deep.equal(['clerk_load_failed']);
    $<HTMLButtonElement>(m, '[part=retry]').click();
    await until(() => m.fake.callsTo('load').length === 2, 'a second load');
  });

  it('slots a page heading in place of its own, and extra content below the form', async () => {
    const m = await open(scenarios.continueUsernameLegal);
    const heading = document.createElement('h1');
    heading.slot = 'heading';
    heading.textContent = 'Almost there';
    const extra = document.createElement('p');
    extra.textContent = 'Need help? Write to us.';
    m.el.append(heading, extra);
    await m.el.updateComplete;
    const headingSlot = $<HTMLSlotElement>(m, 'slot[name=heading]');
    expect(headingSlot.assignedElements()).to.deep.equal([heading]);
    // The default heading is fallback content: in the tree, but not rendered.
    expect($(m, '[part=heading]').getClientRects().length).to.equal(0);
    const defaultSlot = $<HTMLSlotElement>(m, 'slot:not([name])');
    expect(defaultSlot.assignedElements()).to.deep.equal([extra]);
    // Below the form.
    expect($(m, 'form').compareDocumentPosition(defaultSlot) & Node.DOCUMENT_POSITION_FOLLOWING).to.not.equal(0);
    await expect(m.el).to.be.accessible();
  });

  it('uses German labels, links included', async () => {
    const de: Localization = {
      formFieldLabel__username: 'Benutzername',
      formButtonPrimary: 'Weiter',
      signUp: {
        continue: { title: 'Fehlende Felder ausfüllen' },
        legalConsent: {
          checkbox: {
            label__termsOfServiceAndPrivacyPolicy:
              'Ich stimme den {{ termsOfServiceLink || link("Nutzungsbedingungen") }} und der {{ privacyPolicyLink || link("Datenschutzerklärung") }} zu',
          },
        },
      },
    };
    const m = await open(scenarios.continueUsernameLegal, { localization: de });
    expect($(m, 'label[for=username]').textContent).to.equal('Benutzername');
    expect(text(m, '[part~=submit]')).to.equal('Weiter');
    expect(text(m, '[part~=heading]')).to.equal('Fehlende Felder ausfüllen');
    expect([...m.root.querySelectorAll('label[for=legal_accepted] a')].map((a) => a.textContent)).to.deep.equal(['Nutzungsbedingungen', 'Datenschutzerklärung']);
  });

  it('shows only the terms link when the instance has no privacy policy, and never a javascript: link', async () => {
    const m = await open({ ...scenarios.continueUsernameLegal, legal: { termsUrl: 'javascript:alert(1)', privacyPolicyUrl: '' } });
    expect(m.root.querySelectorAll('label[for=legal_accepted] a')).to.have.length(0);
    const n = await open({ ...scenarios.continueUsernameLegal, legal: { termsUrl: 'https://example.com/terms' } });
    expect($(n, 'label[for=legal_accepted]').textContent!.replace(/\s+/g, ' ')).to.equal('I agree to the Terms of Service');
  });

  it('keeps the page captcha container when there is one, and removes its own when it leaves', async () => {
    const own = document.createElement('div');
    own.id = 'clerk-captcha';
    document.body.append(own);
    const m = await open(scenarios.continueUsernameLegal);
    expect(m.el.querySelector('#clerk-captcha')).to.equal(null);
    own.remove();
    const n = await open(scenarios.continueUsernameLegal);
    expect(n.el.querySelector('#clerk-captcha')).to.not.equal(null);
    n.el.remove();
    expect(document.getElementById('clerk-captcha')).to.equal(null);
  });

  it('moving the element does not start the flow again', async () => {
    const m = await open(scenarios.continueNoSignUp);
    await until(() => m.routed.length === 1, 'the redirect');
    const parent = m.el.parentElement!;
    m.el.remove();
    parent.append(m.el);
    await new Promise((r) => setTimeout(r, 20));
    expect(m.routed).to.have.length(1);
    expect(m.redirects).to.have.length(1);
  });

  it('visits every status of its list, each accessible', async () => {
    const seen: string[] = [];
    const visit = async (m: Opened, status: string) => {
      await until(() => m.el.status === status, status);
      await m.el.updateComplete;
      await expect(m.el).to.be.accessible();
      seen.push(status);
    };
    await visit(await open(scenarios.loading, { waitReady: false }), 'loading');
    const ready = await open(scenarios.continueUsernameLegal);
    await visit(ready, 'ready');
    const stuck = new FakeClerk(scenarios.continueUsernameLegal);
    stuck.client.signUp.update = () => new Promise<never>(() => {});
    const submitting = await open(stuck);
    type(submitting, 'username', 'ninanew');
    check(submitting);
    $<HTMLButtonElement>(submitting, '[part~=submit]').click();
    await visit(submitting, 'submitting');
    await visit(await open(scenarios.continueNoSignUp, { onRedirect: (e) => e.preventDefault() }), 'redirecting');
    await visit(await open(scenarios.continueAbandoned), 'error');
    expect(seen).to.deep.equal([...CONTINUE_SIGNUP_STATUSES]);
  });

  it('follows a provider error after the start; the same Clerk back resumes with the typed values (no restart)', async () => {
    const m = await open(scenarios.continueUsernameLegal);
    type(m, 'username', 'ninanew');
    check(m);
    m.provider!.clerk = asClerk<ClerkInstance>(new FakeClerk(scenarios.loadFailed));
    await until(() => m.el.status === 'error', 'the provider error');
    await m.el.updateComplete;
    expect(text(m, '[part=error-message]')).to.equal('Clerk could not start. Please try again.');
    expect($(m, '[part=retry]')).to.not.equal(null);
    expect($(m, 'form')).to.equal(null);
    await expect(m.el).to.be.accessible();
    m.provider!.clerk = asClerk<ClerkInstance>(m.fake);
    await until(() => m.el.status === 'ready', 'ready again');
    await m.el.updateComplete;
    expect(text(m, '[part=error]')).to.equal('');
    expect(input(m, 'username').value).to.equal('ninanew');
    expect(input(m, 'legal_accepted').checked).to.equal(true);
    expect(m.statuses()).to.deep.equal(['ready', 'loading', 'error', 'loading', 'ready']);
    await submit(m);
    await signedUp(m);
    expect(m.fake.callsTo('signUp.update')).to.deep.equal([[{ username: 'ninanew', legalAccepted: true }]]);
  });

  it('follows a localization change after the start without losing typed values or restarting', async () => {
    const m = await open(scenarios.continueUsernameLegal);
    type(m, 'username', 'ninanew');
    check(m);
    m.provider!.localization = { formFieldLabel__username: 'Benutzername', formButtonPrimary: 'Weiter' };
    await until(() => text(m, 'label[for=username]') === 'Benutzername', 'the new labels');
    expect(text(m, '[part~=submit]')).to.equal('Weiter');
    expect(input(m, 'username').value).to.equal('ninanew');
    expect(input(m, 'legal_accepted').checked).to.equal(true);
    expect(m.statuses()).to.deep.equal(['ready']);
    expect(m.fake.callsTo('signUp.update')).to.have.length(0);
  });

  it("Clerk's echo of our own update never restarts the flow (the code step stays, no second code)", async () => {
    const m = await open(scenarios.continuePhone);
    type(m, 'phone_number', '+15550100100');
    await submit(m);
    type(m, 'code', '11');
    m.fake.emit();
    m.fake.emit();
    await m.el.updateComplete;
    expect(m.el.getAttribute('step')).to.equal('code');
    expect(input(m, 'code').value).to.equal('11');
    expect(m.fake.callsTo('signUp.preparePhoneNumberVerification')).to.have.length(1);
  });

  it('a different Clerk instance starts the flow over from its sign-up', async () => {
    const m = await open(scenarios.continueUsernameLegal);
    type(m, 'username', 'ninanew');
    const other = new FakeClerk(scenarios.continuePhone);
    m.provider!.clerk = asClerk<ClerkInstance>(other);
    await until(() => m.el.status === 'ready' && input(m, 'phone_number') !== null, 'the new sign-up');
    expect(input(m, 'username')).to.equal(null);
    type(m, 'phone_number', '+15550100100');
    await submit(m);
    expect(other.callsTo('signUp.update')).to.deep.equal([[{ phoneNumber: '+15550100100' }]]);
    expect(m.fake.callsTo('signUp.update')).to.have.length(0);
  });

  it('an error of our own follows the localization after it is shown', async () => {
    const m = await open(scenarios.continueAbandoned);
    m.provider!.localization = { oauthElements: { continueSignUp: { abandoned: 'Diese Registrierung ist abgelaufen.' } } };
    await until(() => text(m, '[part=error-message]') === 'Diese Registrierung ist abgelaufen.', 'the localized message');
    expect(m.el.status).to.equal('error');
  });

  it('the footer link and the sign-in navigation share one trust rule: another origin is refused unless allowed', async () => {
    const evil = await open(scenarios.continueUsernameLegal, { attrs: { 'sign-in-url': 'https://evil.example/sign-in' } });
    expect($<HTMLAnchorElement>(evil, '[part=link]').href).to.equal(`${location.origin}/sign-in`);
    const script = await open(scenarios.continueUsernameLegal, { attrs: { 'sign-in-url': 'javascript:alert(1)' } });
    expect($<HTMLAnchorElement>(script, '[part=link]').href).to.equal(`${location.origin}/sign-in`);
    const allowed = await open(scenarios.continueUsernameLegal, {
      attrs: { 'sign-in-url': 'https://accounts.example/sign-in' },
      allowedOrigins: 'https://accounts.example',
    });
    expect($<HTMLAnchorElement>(allowed, '[part=link]').href).to.equal('https://accounts.example/sign-in');
    const leaving = await open(scenarios.continueNoSignUp, { attrs: { 'sign-in-url': 'https://evil.example/sign-in' } });
    await until(() => leaving.routed.length > 0, 'the redirect');
    expect(leaving.routed).to.deep.equal(['/sign-in']);
    expectEvery(leaving.redirects, (e) => e.url === `${location.origin}/sign-in`, 'redirects to the trusted sign-in page');
  });
});
