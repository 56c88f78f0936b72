import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html, nothing } from 'lit';
import { expect, waitFor } from 'storybook/test';
import { FakeClerk, clerkApiError, scenarios, type FakeClerkOptions } from '../src/testing/index.js';
import type { SsoCallbackElement } from '../src/elements/sso-callback/sso-callback.js';
import type { SsoErrorEvent, SsoRedirectEvent } from '../src/events.js';

interface Args {
  options: FakeClerkOptions;
  attrs?: Record<string, string>;
  /** The page routes itself: every (cancelable) `sso-redirect` is cancelled. */
  cancel?: boolean;
  /** Use this Clerk instead of a fake built from `options`. */
  clerk?: () => FakeClerk;
}

/** Writes the last `sso-redirect` on the provider for the play functions, and cancels it when the story says so. */
const onRedirect = (cancel?: boolean) => (e: SsoRedirectEvent) => {
  const provider = e.currentTarget as HTMLElement;
  provider.dataset.redirect = `${e.reason} ${new URL(e.url).pathname}${new URL(e.url).hash}`;
  provider.dataset.cancelable = String(e.cancelable);
  if (cancel) e.preventDefault();
};

/**
 * A callback page on a fake Clerk. The provider routes through a hook that goes nowhere, so redirects stay
 * on the story; the last `sso-redirect` / `sso-error` is written on the provider for the play functions.
 */
const page = ({ options, attrs = {}, cancel, clerk }: Args) => html`<clerk-provider
  .clerk=${clerk ? clerk() : new FakeClerk(options)}
  .navigate=${() => {}}
  sign-in-url="/sign-in"
  sign-up-url="/sign-up"
  sign-in-fallback-redirect-url="/dashboard"
  sign-up-fallback-redirect-url="/welcome"
  @sso-redirect=${onRedirect(cancel)}
  @sso-error=${(e: SsoErrorEvent) => ((e.currentTarget as HTMLElement).dataset.error = e.code)}
>
  <sso-callback
    continue-sign-up-url=${attrs['continue-sign-up-url'] ?? nothing}
    first-factor-url=${attrs['first-factor-url'] ?? nothing}
    second-factor-url=${attrs['second-factor-url'] ?? nothing}
    verify-email-address-url=${attrs['verify-email-address-url'] ?? nothing}
    verify-phone-number-url=${attrs['verify-phone-number-url'] ?? nothing}
    reset-password-url=${attrs['reset-password-url'] ?? nothing}
    sign-in-force-redirect-url=${attrs['sign-in-force-redirect-url'] ?? nothing}
    transferable=${attrs.transferable ?? nothing}
  ></sso-callback>
</clerk-provider>`;

const callback = (canvas: HTMLElement) => canvas.querySelector('sso-callback') as SsoCallbackElement;
const part = (canvas: HTMLElement, name: string) => callback(canvas).shadowRoot!.querySelector(`[part=${name}]`);
const expectStatus = (canvas: HTMLElement, status: string) =>
  waitFor(() => expect(callback(canvas).getAttribute('status')).toBe(status));

/** Waits for the redirect and checks its reason and target. */
const redirectsTo = (reason: string, target: string) => async ({ canvasElement }: { canvasElement: HTMLElement }) => {
  await expectStatus(canvasElement, 'redirecting');
  await waitFor(() => expect(canvasElement.querySelector('clerk-provider')!.dataset.redirect).toBe(`${reason} ${target}`));
  await expect(part(canvasElement, 'status')!.textContent).toContain('Redirecting…');
};

/** Waits for the error and checks its code, its title and message in the alert and the way back. */
const failsWith = (code: string, message: string) => async ({ canvasElement }: { canvasElement: HTMLElement }) => {
  await expectStatus(canvasElement, 'error');
  await waitFor(() => expect(canvasElement.querySelector('clerk-provider')!.dataset.error).toBe(code));
  await waitFor(() => expect(part(canvasElement, 'error-message')!.textContent).toContain(message));
  await expect(part(canvasElement, 'error')!.getAttribute('role')).toBe('alert');
  await expect(part(canvasElement, 'error-title')!.textContent).toBe('We could not finish signing you in.');
  await expect(part(canvasElement, 'back-link')!.getAttribute('href')).toBe('/sign-in');
};

/** A clerk-js that ignores the completion hook: it activates the session and navigates through its own router. */
const navigatingByItself = () => {
  const fake = new FakeClerk(scenarios.ssoSignInComplete);
  fake.handleRedirectCallback = async (params) => {
    fake.record('handleRedirectCallback', [params]);
    await fake.setActive({ session: 'sess_new' });
    await fake.navigate('/dashboard');
  };
  return fake;
};

const meta: Meta<Args> = {
  title: 'Elements/sso-callback',
  component: 'sso-callback',
  render: page,
};
export default meta;
type Story = StoryObj<Args>;

// Statuses

export const Loading: Story = {
  name: 'Status: loading (waiting for Clerk)',
  args: { options: scenarios.loading },
  play: async ({ canvasElement }) => {
    await expectStatus(canvasElement, 'loading');
    await waitFor(() => expect(part(canvasElement, 'status')!.textContent).toContain('Verifying your sign-in…'));
  },
};

export const Verifying: Story = {
  name: 'Status: verifying',
  args: { options: scenarios.ssoVerifying },
  play: async ({ canvasElement }) => {
    await expectStatus(canvasElement, 'verifying');
    await expect(part(canvasElement, 'status')!.getAttribute('role')).toBe('status');
  },
};

/** The default slot replaces the progress content. */
export const VerifyingCustomContent: Story = {
  name: 'Status: verifying, custom slot content',
  args: { options: scenarios.ssoVerifying },
  render: ({ options }) => html`<clerk-provider .clerk=${new FakeClerk(options)} sign-in-url="/sign-in">
    <sso-callback><p>Hang on, we are checking with your provider…</p></sso-callback>
  </clerk-provider>`,
  play: async ({ canvasElement }) => {
    await expectStatus(canvasElement, 'verifying');
    const slot = callback(canvasElement).shadowRoot!.querySelector<HTMLSlotElement>('slot:not([name])')!;
    await expect(slot.assignedElements()[0]!.textContent).toContain('Hang on');
  },
};

export const Redirecting: Story = {
  name: 'Status: redirecting',
  args: { options: scenarios.ssoSignInComplete },
  play: redirectsTo('complete', '/dashboard'),
};

export const ErrorStatus: Story = {
  name: 'Status: error',
  args: { options: scenarios.ssoAccessDenied },
  play: async (context) => {
    await failsWith('oauth_access_denied', 'You did not grant access to your account.')(context);
    await expect(part(context.canvasElement, 'retry')).toBeNull();
  },
};

export const ErrorRetryable: Story = {
  name: 'Status: error, retryable (Try again)',
  args: { options: { redirectCallback: { kind: 'error', error: clerkApiError('internal_clerk_error', 'Something went wrong on our side.', { status: 503 }) } } },
  play: async (context) => {
    await failsWith('internal_clerk_error', 'Something went wrong on our side.')(context);
    await expect(part(context.canvasElement, 'retry')!.textContent).toBe('Try again');
  },
};

// Reasons that need more than a scenario

export const RetryReload: Story = {
  name: 'Reason: retry (Try again reloads the page, announced; here the page takes it over)',
  args: {
    options: { redirectCallback: { kind: 'error', error: new Error('ClerkJS: Something went wrong initializing Clerk during the sign in flow.') } },
    cancel: true,
  },
  play: async ({ canvasElement }) => {
    await expectStatus(canvasElement, 'error');
    await waitFor(() => expect(part(canvasElement, 'retry')).toBeTruthy());
    (part(canvasElement, 'retry') as HTMLButtonElement).click();
    await expectStatus(canvasElement, 'redirecting');
    const provider = canvasElement.querySelector('clerk-provider')!;
    await waitFor(() => expect(provider.dataset.redirect).toMatch(/^retry /));
    await expect(provider.dataset.cancelable).toBe('true');
  },
};

export const CancelledByPage: Story = {
  name: 'Reason: complete, cancelled (the page routes itself)',
  args: { options: scenarios.ssoSignInComplete, cancel: true },
  play: async (context) => {
    await redirectsTo('complete', '/dashboard')(context);
    await expect(context.canvasElement.querySelector('clerk-provider')!.dataset.cancelable).toBe('true');
  },
};

export const AnnouncedByClerk: Story = {
  name: 'Reason: complete, announced (clerk-js navigated by itself: not cancelable)',
  args: { options: {}, clerk: navigatingByItself, cancel: true },
  play: async (context) => {
    await redirectsTo('complete', '/dashboard')(context);
    await expect(context.canvasElement.querySelector('clerk-provider')!.dataset.cancelable).toBe('false');
  },
};

// Outcomes

export const SignInComplete: Story = {
  name: 'Outcome: sign-in complete',
  args: { options: scenarios.ssoSignInComplete, attrs: { 'sign-in-force-redirect-url': '/inbox' } },
  play: redirectsTo('complete', '/inbox'),
};

export const SignUpComplete: Story = {
  name: 'Outcome: sign-up complete',
  args: { options: scenarios.ssoSignUpComplete },
  play: redirectsTo('complete', '/welcome'),
};

export const TransferToSignUp: Story = {
  name: 'Outcome: new user on sign-in, transferred to sign-up',
  args: { options: scenarios.ssoTransferToSignUp },
  play: redirectsTo('complete', '/welcome'),
};

export const TransferToSignIn: Story = {
  name: 'Outcome: existing user on sign-up, transferred to sign-in',
  args: { options: scenarios.ssoTransferToSignIn },
  play: redirectsTo('complete', '/dashboard'),
};

export const MissingRequirements: Story = {
  name: 'Outcome: missing requirements, on to continue',
  args: { options: scenarios.ssoMissingRequirements, attrs: { 'continue-sign-up-url': '/sign-up/continue' } },
  play: redirectsTo('continue-sign-up', '/sign-up/continue'),
};

export const FirstFactor: Story = {
  name: 'Outcome: needs a first factor',
  args: { options: scenarios.ssoFirstFactor, attrs: { 'first-factor-url': '/sign-in/factor-one' } },
  play: redirectsTo('first-factor', '/sign-in/factor-one'),
};

export const SecondFactor: Story = {
  name: 'Outcome: needs a second factor',
  args: { options: scenarios.ssoSecondFactor, attrs: { 'second-factor-url': '/sign-in/factor-two' } },
  play: redirectsTo('second-factor', '/sign-in/factor-two'),
};

export const SessionTask: Story = {
  name: 'Outcome: session task',
  args: { options: scenarios.ssoSessionTask },
  play: redirectsTo('session-task', '/sign-in#/tasks/choose-organization'),
};

export const AlreadySignedIn: Story = {
  name: 'Outcome: already signed in',
  args: { options: scenarios.ssoAlreadySignedIn },
  play: redirectsTo('complete', '/dashboard'),
};

export const NothingToFinish: Story = {
  name: 'Outcome: opened directly, nothing to finish',
  args: { options: scenarios.ssoNothingToFinish },
  play: redirectsTo('sign-in', '/sign-in'),
};

export const PendingTaskOpenedDirectly: Story = {
  name: 'Outcome: opened directly with a pending session task',
  args: { options: scenarios.ssoPendingTaskOpenedDirectly },
  play: redirectsTo('session-task', '/sign-in#/tasks/choose-organization'),
};

export const UserLocked: Story = {
  name: 'Outcome: locked user',
  args: { options: scenarios.ssoUserLocked },
  play: failsWith('user_locked', 'Your account is locked.'),
};

export const AccessDenied: Story = {
  name: 'Outcome: provider denied consent',
  args: { options: scenarios.ssoAccessDenied },
  play: failsWith('oauth_access_denied', 'You did not grant access'),
};

export const FapiError: Story = {
  name: 'Outcome: Frontend API error',
  args: { options: scenarios.ssoFapiError },
  play: failsWith('form_identifier_exists', 'That email address is taken.'),
};

export const ConnectionLost: Story = {
  name: 'Outcome: connection lost while finishing',
  args: {
    options: { redirectCallback: { kind: 'error', error: new Error('ClerkJS: Something went wrong initializing Clerk during the sign in flow.') } },
  },
  play: async (context) => {
    await failsWith('sso_callback_failed', 'Check your connection and try again.')(context);
    await expect(part(context.canvasElement, 'retry')!.textContent).toBe('Try again');
  },
};

export const TransferDisabled: Story = {
  name: 'Outcome: new user on sign-in, transfer turned off',
  args: {
    options: { ...scenarios.ssoTransferToSignUp, redirectCallback: { kind: 'navigate', to: 'signInUrl' } },
    attrs: { transferable: 'false' },
  },
  play: failsWith('external_account_not_found', 'The External Account was not found.'),
};

export const ClerkLoadFailed: Story = {
  name: 'Outcome: Clerk failed to load',
  args: { options: scenarios.loadFailed },
  play: async (context) => {
    await failsWith('clerk_load_failed', 'Clerk could not start.')(context);
    await expect(part(context.canvasElement, 'retry')).toBeTruthy();
  },
};

export const RedirectNotAllowed: Story = {
  name: 'Outcome: redirect URL on another origin',
  args: { options: scenarios.ssoSignInComplete, attrs: { 'sign-in-force-redirect-url': 'https://evil.example/' } },
  play: failsWith('redirect_origin_not_allowed', 'which this page does not allow'),
};

// The other redirect reasons: every one of SSO_REDIRECT_REASONS has a story.

const navigatesTo = (to: string) => ({ redirectCallback: { kind: 'navigate' as const, to } });

export const VerifyEmailAddress: Story = {
  name: 'Reason: verify-email-address',
  args: { options: navigatesTo('verifyEmailAddressUrl'), attrs: { 'verify-email-address-url': '/sign-up/verify-email' } },
  play: redirectsTo('verify-email-address', '/sign-up/verify-email'),
};

export const VerifyPhoneNumber: Story = {
  name: 'Reason: verify-phone-number',
  args: { options: navigatesTo('verifyPhoneNumberUrl'), attrs: { 'verify-phone-number-url': '/sign-up/verify-phone' } },
  play: redirectsTo('verify-phone-number', '/sign-up/verify-phone'),
};

export const ResetPassword: Story = {
  name: 'Reason: reset-password',
  args: { options: navigatesTo('resetPasswordUrl'), attrs: { 'reset-password-url': '/sign-in/reset-password' } },
  play: redirectsTo('reset-password', '/sign-in/reset-password'),
};

export const ProtectCheck: Story = {
  name: "Reason: protect-check (Clerk's hosted step)",
  args: { options: navigatesTo('/sign-in#/protect-check') },
  play: redirectsTo('protect-check', '/sign-in#/protect-check'),
};

export const EnterpriseConnections: Story = {
  name: "Reason: enterprise-connections (Clerk's hosted step)",
  args: { options: navigatesTo('/sign-in#/enterprise-connections') },
  play: redirectsTo('enterprise-connections', '/sign-in#/enterprise-connections'),
};

export const SignUpPage: Story = {
  name: 'Reason: sign-up',
  args: { options: navigatesTo('signUpUrl') },
  play: redirectsTo('sign-up', '/sign-up'),
};

export const OtherTarget: Story = {
  name: 'Reason: other (a same-origin target none of the URLs names)',
  args: { options: navigatesTo('/somewhere-else') },
  play: redirectsTo('other', '/somewhere-else'),
};

export const ErrorRateLimited: Story = {
  name: 'Status: error, retryable 429 (Try again)',
  args: { options: { redirectCallback: { kind: 'error', error: clerkApiError('too_many_requests', 'Too many requests. Please try again in a bit.', { status: 429 }) } } },
  play: async (context) => {
    await failsWith('too_many_requests', 'Too many requests')(context);
    await expect(part(context.canvasElement, 'retry')).toBeTruthy();
  },
};

export const VerifyingDark: Story = {
  name: 'Status: verifying (dark)',
  args: { options: scenarios.ssoVerifying },
  globals: { scheme: 'dark' },
  play: Verifying.play,
};

export const ErrorDarkRtl: Story = {
  name: 'Status: error, retryable (dark, RTL)',
  args: ErrorRetryable.args,
  globals: { scheme: 'dark', dir: 'rtl' },
  play: async (context) => {
    await ErrorRetryable.play!(context);
    // The toolbar globals reach the story: a dark, right-to-left page around it.
    const frame = context.canvasElement.querySelector('story-frame')!;
    await expect(getComputedStyle(frame).colorScheme).toBe('dark');
    await expect(getComputedStyle(callback(context.canvasElement)).direction).toBe('rtl');
  },
};

export const VerifyingRtl: Story = {
  name: 'Status: verifying (RTL)',
  args: { options: scenarios.ssoVerifying },
  globals: { dir: 'rtl' },
  play: Verifying.play,
};
