import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { expect, waitFor } from 'storybook/test';
import { FakeClerk, clerkApiError, scenarios, type FakeClerkOptions } from '../src/testing/index.js';
import type { ContinueSignupElement } from '../src/elements/continue-signup/continue-signup.js';
import type { Localization } from '../src/localization.js';

/** The element inside a provider on a fake Clerk. Its redirects are cancelled so the story stays on screen. */
const withFake = (options: FakeClerkOptions, localization?: Localization) =>
  html`<clerk-provider .clerk=${new FakeClerk(options)} .localization=${localization} sign-in-url="/sign-in"
    ><continue-signup
      redirect-url-complete="/welcome"
      @signup-redirect=${(e: Event) => e.preventDefault()}
    ></continue-signup
  ></clerk-provider>`;

const element = (canvas: HTMLElement) => canvas.querySelector('continue-signup') as ContinueSignupElement;
const part = (canvas: HTMLElement, selector: string) => element(canvas).shadowRoot!.querySelector(selector) as HTMLElement;
const expectStatus = (canvas: HTMLElement, status: string) => waitFor(() => expect(element(canvas).getAttribute('status')).toBe(status));
const expectStep = (canvas: HTMLElement, step: string) => waitFor(() => expect(element(canvas).getAttribute('step')).toBe(step));
const settled = async (canvas: HTMLElement) => {
  await waitFor(() => expect(element(canvas).getAttribute('status')).not.toBe('submitting'));
  await element(canvas).updateComplete;
};

function type(canvas: HTMLElement, id: string, value: string) {
  const input = part(canvas, `#${id}`) as HTMLInputElement;
  input.value = value;
  input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
}
async function submit(canvas: HTMLElement) {
  part(canvas, '[part~=submit]').click();
  await settled(canvas);
}

const meta: Meta = {
  title: 'Elements/continue-signup',
  component: 'continue-signup',
};
export default meta;
type Story = StoryObj;

export const Loading: Story = {
  render: () => withFake({ ...scenarios.continueUsernameLegal, loadDelay: Infinity }),
  play: async ({ canvasElement }) => {
    await expectStatus(canvasElement, 'loading');
    await expect(part(canvasElement, '[part=message]').textContent).toContain('Loading your sign-up');
  },
};

/** Opened directly: no sign-up in progress, so it says why and sends the visitor to sign in. */
export const Redirecting: Story = {
  render: () => withFake(scenarios.continueNoSignUp),
  play: async ({ canvasElement }) => {
    await expectStatus(canvasElement, 'redirecting');
    await expect(part(canvasElement, '[part=message]').textContent).toContain('no sign-up to continue');
  },
};

/** The common case: username (4 to 20 characters) and the terms. */
export const UsernameAndLegal: Story = {
  name: 'Ready: username + legal acceptance',
  render: () => withFake(scenarios.continueUsernameLegal),
  play: async ({ canvasElement }) => {
    await expectStatus(canvasElement, 'ready');
    await expect(part(canvasElement, '#username')).toBeTruthy();
    await expect(element(canvasElement).shadowRoot!.querySelectorAll('[part=legal-link]')).toHaveLength(2);
  },
};

const alone = (field: string, extra: FakeClerkOptions = {}): Story => ({
  name: `Field alone: ${field}`,
  render: () => withFake({ signUp: { status: 'missing_requirements', missingFields: [field] }, ...extra }),
  play: async ({ canvasElement }) => {
    await expectStatus(canvasElement, 'ready');
    await expect(part(canvasElement, `#${field}`)).toBeTruthy();
  },
});
const legal = { legal: { termsUrl: 'https://example.com/terms', privacyPolicyUrl: 'https://example.com/privacy' } };

export const FirstName = alone('first_name');
export const LastName = alone('last_name');
export const Username = alone('username', { username: { minLength: 4, maxLength: 20 } });
export const EmailAddress = alone('email_address');
export const PhoneNumber = alone('phone_number');
export const EmailOrPhone = alone('email_address_or_phone_number');
export const Password = alone('password');
export const LegalAccepted = alone('legal_accepted', legal);
export const UnknownField = alone('company_name');

export const AllFields: Story = {
  name: 'Ready: every field together',
  render: () => withFake(scenarios.continueAllFields),
  play: async ({ canvasElement }) => {
    await expectStatus(canvasElement, 'ready');
    await expect(element(canvasElement).shadowRoot!.querySelectorAll('input')).toHaveLength(7);
  },
};

/** Submitting with nothing filled in: every field shows its error, the first has focus. Not blocking: still `ready`. */
export const FieldErrors: Story = {
  name: 'Ready: field errors before submit',
  render: () => withFake(scenarios.continueAllFields),
  play: async ({ canvasElement }) => {
    await expectStatus(canvasElement, 'ready');
    type(canvasElement, 'username', 'ab');
    await submit(canvasElement);
    await expectStatus(canvasElement, 'ready');
    await expect(part(canvasElement, '#username-error').textContent).toContain('between 4 and 20');
    await expect(part(canvasElement, '#first_name-error').textContent).toContain('First name is required');
  },
};

export const UsernameTaken: Story = {
  name: 'Ready: username taken (field error)',
  render: () => withFake(scenarios.continueUsernameTaken),
  play: async ({ canvasElement }) => {
    await expectStatus(canvasElement, 'ready');
    type(canvasElement, 'username', 'alice');
    (part(canvasElement, '#legal_accepted') as HTMLInputElement).click();
    await submit(canvasElement);
    await expectStatus(canvasElement, 'ready');
    await expect(part(canvasElement, '#username-error').textContent).toContain('taken');
    await expect((part(canvasElement, '#username') as HTMLInputElement).value).toBe('alice');
  },
};

/** An error Clerk did not tie to a field goes to the error block; the form and the typed values stay (`ready`, no retry). */
export const GeneralError: Story = {
  name: 'Ready: error not tied to a field',
  render: () => withFake({ ...scenarios.continueUsernameLegal, updateErrors: [clerkApiError('rate_limit_exceeded', 'Too many requests. Please try again in a bit.', { status: 429 })] }),
  play: async ({ canvasElement }) => {
    await expectStatus(canvasElement, 'ready');
    type(canvasElement, 'username', 'ninanew');
    (part(canvasElement, '#legal_accepted') as HTMLInputElement).click();
    await submit(canvasElement);
    await expectStatus(canvasElement, 'ready');
    await expect(part(canvasElement, '[part=error-message]').textContent).toContain('Too many requests');
    await expect(part(canvasElement, '[part=retry]')).toBeNull();
  },
};

/** `submitting`: the update never answers. */
export const Submitting: Story = {
  render: () => {
    const fake = new FakeClerk(scenarios.continueUsernameLegal);
    fake.client.signUp.update = () => new Promise(() => {});
    return html`<clerk-provider .clerk=${fake}><continue-signup></continue-signup></clerk-provider>`;
  },
  play: async ({ canvasElement }) => {
    await expectStatus(canvasElement, 'ready');
    type(canvasElement, 'username', 'ninanew');
    (part(canvasElement, '#legal_accepted') as HTMLInputElement).click();
    part(canvasElement, '[part~=submit]').click();
    await expectStatus(canvasElement, 'submitting');
    await expect(part(canvasElement, '[part~=submit]').getAttribute('aria-disabled')).toBe('true');
  },
};

const toCodeStep = async (canvas: HTMLElement) => {
  await expectStatus(canvas, 'ready');
  type(canvas, 'phone_number', '+15550100100');
  await submit(canvas);
  await expectStep(canvas, 'code');
  await expectStatus(canvas, 'ready');
};

export const VerifyingPhone: Story = {
  name: 'Ready: phone code step',
  render: () => withFake(scenarios.continuePhone),
  play: async ({ canvasElement }) => {
    await toCodeStep(canvasElement);
    await expect(part(canvasElement, '[part=message]').textContent).toContain('+15550100100');
  },
};

export const VerifyingEmail: Story = {
  name: 'Ready: email code step',
  render: () => withFake(scenarios.continueEmail),
  play: async ({ canvasElement }) => {
    await expectStatus(canvasElement, 'ready');
    type(canvasElement, 'email_address', 'nina@example.com');
    await submit(canvasElement);
    await expectStep(canvasElement, 'code');
    await expect(part(canvasElement, '[part~=heading]').textContent).toContain('Verify your email');
  },
};

export const WrongCode: Story = {
  name: 'Ready: wrong code (field error)',
  render: () => withFake(scenarios.continuePhone),
  play: async ({ canvasElement }) => {
    await toCodeStep(canvasElement);
    type(canvasElement, 'code', '111111');
    await submit(canvasElement);
    await expectStatus(canvasElement, 'ready');
    await expect(part(canvasElement, '#code-error').textContent).toContain('incorrect');
  },
};

/** Signed up: `signup-complete`, then `redirecting` (the story cancels the redirect, so it stays on screen). */
export const Complete: Story = {
  name: 'Redirecting: signed up',
  render: () => withFake(scenarios.continuePhone),
  play: async ({ canvasElement }) => {
    await toCodeStep(canvasElement);
    type(canvasElement, 'code', '424242');
    await submit(canvasElement);
    await expectStatus(canvasElement, 'redirecting');
    await expect(part(canvasElement, '[part=message]').textContent).toContain('You are signed up');
  },
};

export const ErrorClerkFailed: Story = {
  name: 'Error: Clerk failed to load',
  render: () => withFake(scenarios.loadFailed),
  play: async ({ canvasElement }) => {
    await expectStatus(canvasElement, 'error');
    await expect(part(canvasElement, '[part=retry]')).toBeTruthy();
  },
};

/** Dark colour scheme: every text colour (the shared tokens and this element's own) follows it. */
export const Dark: Story = {
  name: 'Ready: dark scheme, field errors',
  render: () => html`<div style="color-scheme: dark; background: #111827; color: #f9fafb; padding: 1rem">${withFake(scenarios.continueUsernameLegal)}</div>`,
  play: async ({ canvasElement }) => {
    await expectStatus(canvasElement, 'ready');
    await submit(canvasElement);
    await expect(part(canvasElement, '#username-error')).toBeTruthy();
  },
};

export const Abandoned: Story = {
  name: 'Error: sign-up expired',
  render: () => withFake(scenarios.continueAbandoned),
  play: async ({ canvasElement }) => {
    await expectStatus(canvasElement, 'error');
    await expect(part(canvasElement, '[part=error-message]').textContent).toContain('expired');
    await expect(part(canvasElement, '[part=back-link]')).toBeTruthy();
  },
};

/** Clerk asks for nothing this form can collect: a blocking error with the way back to sign in. */
export const NothingToCollect: Story = {
  name: 'Error: nothing to collect',
  render: () => withFake({ signUp: { status: 'missing_requirements', missingFields: [] } }),
  play: async ({ canvasElement }) => {
    await expectStatus(canvasElement, 'error');
    await expect(part(canvasElement, '[part=back-link]')).toBeTruthy();
  },
};

/** A redirect target the page does not allow: refused, with the way back to sign in. */
export const RefusedRedirect: Story = {
  name: 'Error: redirect target refused',
  render: () =>
    html`<clerk-provider .clerk=${new FakeClerk(scenarios.continueUsernameLegal)} sign-in-url="/sign-in"
      ><continue-signup redirect-url-complete="https://elsewhere.example/"></continue-signup
    ></clerk-provider>`,
  play: async ({ canvasElement }) => {
    await expectStatus(canvasElement, 'ready');
    type(canvasElement, 'username', 'ninanew');
    (part(canvasElement, '#legal_accepted') as HTMLInputElement).click();
    part(canvasElement, '[part~=submit]').click();
    await expectStatus(canvasElement, 'error');
    await expect(part(canvasElement, '[part=error-message]').textContent).toContain('elsewhere.example');
    await expect(part(canvasElement, '[part=back-link]')).toBeTruthy();
  },
};

const german: Localization = {
  formFieldLabel__firstName: 'Vorname',
  formFieldLabel__lastName: 'Nachname',
  formFieldLabel__username: 'Benutzername',
  formFieldLabel__emailAddress: 'E-Mail-Adresse',
  formFieldLabel__phoneNumber: 'Telefonnummer',
  formFieldLabel__password: 'Passwort',
  formButtonPrimary: 'Weiter',
  signUp: {
    continue: {
      title: 'Fehlende Felder ausfüllen',
      subtitle: 'Bitte füllen Sie die verbleibenden Angaben aus, um fortzufahren.',
      actionText: 'Haben Sie bereits ein Konto?',
      actionLink: 'Anmelden',
    },
    legalConsent: {
      checkbox: {
        label__termsOfServiceAndPrivacyPolicy:
          'Ich stimme den {{ termsOfServiceLink || link("Nutzungsbedingungen") }} und der {{ privacyPolicyLink || link("Datenschutzerklärung") }} zu',
      },
    },
  },
  oauthElements: {
    continueSignUp: {
      required: '{{field}} ist erforderlich.',
      legalRequired: 'Bitte akzeptieren Sie die Bedingungen.',
      usernameLength: 'Der Benutzername muss zwischen {{min}} und {{max}} Zeichen lang sein.',
      usernameHint: '{{min}} bis {{max}} Zeichen.',
      phoneHint: 'Mit Ländervorwahl, zum Beispiel +49 30 1234567.',
    },
  },
};

export const German: Story = {
  name: 'German labels',
  render: () => html`<div lang="de">${withFake(scenarios.continueAllFields, german)}</div>`,
  play: async ({ canvasElement }) => {
    await expectStatus(canvasElement, 'ready');
    await expect(part(canvasElement, 'label[for=username]').textContent).toBe('Benutzername');
    await submit(canvasElement);
    await expect(part(canvasElement, '#first_name-error').textContent).toBe('Vorname ist erforderlich.');
    await expect(part(canvasElement, '[part=legal-link]').textContent).toBe('Nutzungsbedingungen');
  },
};

/** The sign-up is complete but the session could not be activated: the message, and *Try again* with the focus. */
export const ErrorSetActive: Story = {
  name: 'Error: session not activated (retry)',
  render: () => withFake({ ...scenarios.continueUsernameLegal, setActiveError: new Error('Session could not be activated') }),
  play: async ({ canvasElement }) => {
    await expectStatus(canvasElement, 'ready');
    type(canvasElement, 'username', 'ninanew');
    (part(canvasElement, '#legal_accepted') as HTMLInputElement).click();
    part(canvasElement, '[part~=submit]').focus();
    await submit(canvasElement);
    await expectStatus(canvasElement, 'error');
    await waitFor(() => expect(element(canvasElement).shadowRoot!.activeElement?.getAttribute('part')).toBe('retry'));
  },
};

/** Right to left in a narrow box: labels, hint and terms wrap and mirror, nothing overflows. */
export const RightToLeft: Story = {
  name: 'RTL, narrow',
  render: () => html`<div dir="rtl" style="max-width: 16rem">${withFake(scenarios.continueUsernameLegal)}</div>`,
  play: async ({ canvasElement }) => {
    await expectStatus(canvasElement, 'ready');
    const el = element(canvasElement);
    await expect(el.scrollWidth).toBeLessThanOrEqual(el.clientWidth);
  },
};

// The code step's ways out

export const CodeResent: Story = {
  name: 'Ready: code resent',
  render: () => withFake(scenarios.continuePhone),
  play: async ({ canvasElement }) => {
    await toCodeStep(canvasElement);
    part(canvasElement, '[part~=resend]').click();
    await waitFor(() => expect(part(canvasElement, '[part=message]').textContent).toContain('A new code was sent to +15550100100'));
  },
};

export const UseDifferentNumber: Story = {
  name: 'Ready: "Use a different phone number" (back to the form)',
  render: () => withFake(scenarios.continuePhone),
  play: async ({ canvasElement }) => {
    await toCodeStep(canvasElement);
    await expect(part(canvasElement, '[part~=change]').textContent).toBe('Use a different phone number');
    part(canvasElement, '[part~=change]').click();
    await waitFor(() => expect(part(canvasElement, '#phone_number')).toBeTruthy());
  },
};

export const UseDifferentEmail: Story = {
  name: 'Ready: email code step, "Use a different email address"',
  render: () => withFake(scenarios.continueEmail),
  play: async ({ canvasElement }) => {
    await expectStatus(canvasElement, 'ready');
    type(canvasElement, 'email_address', 'nina@example.com');
    await submit(canvasElement);
    await expectStep(canvasElement, 'code');
    await expect(part(canvasElement, '[part~=change]').textContent).toBe('Use a different email address');
  },
};

export const CodeSendFailed: Story = {
  name: 'Ready: the code could not be sent (message, form kept)',
  render: () =>
    withFake({ ...scenarios.continuePhone, prepareError: clerkApiError('form_param_format_invalid', 'x', { longMessage: 'Enter a valid phone number.', paramName: 'phone_number' }) }),
  play: async ({ canvasElement }) => {
    await expectStatus(canvasElement, 'ready');
    type(canvasElement, 'phone_number', '+15550100100');
    await submit(canvasElement);
    await expectStatus(canvasElement, 'ready');
    await waitFor(() => expect(element(canvasElement).shadowRoot!.textContent).toContain('Enter a valid phone number.'));
  },
};

// The three legal labels: terms and privacy, terms only, privacy only

const legalStory = (name: string, urls: { termsUrl?: string; privacyPolicyUrl?: string }, links: number): Story => ({
  name: `Ready: legal label, ${name}`,
  render: () => withFake({ signUp: { status: 'missing_requirements', missingFields: ['legal_accepted'] }, legal: urls }),
  play: async ({ canvasElement }) => {
    await expectStatus(canvasElement, 'ready');
    await expect(element(canvasElement).shadowRoot!.querySelectorAll('[part=legal-link]')).toHaveLength(links);
  },
});
export const LegalBoth = legalStory('terms and privacy policy', legal.legal, 2);
export const LegalTermsOnly = legalStory('terms only', { termsUrl: 'https://example.com/terms' }, 1);
export const LegalPrivacyOnly = legalStory('privacy policy only', { privacyPolicyUrl: 'https://example.com/privacy' }, 1);

/** Signed up into a session with a pending task: on to `task-url` (reason `session-task`). */
export const CompleteIntoTask: Story = {
  name: 'Redirecting: signed up, on to a session task',
  render: () =>
    html`<clerk-provider .clerk=${new FakeClerk({ ...scenarios.continueUsernameLegal, sessionTask: 'choose-organization' })} sign-in-url="/sign-in"
      ><continue-signup
        redirect-url-complete="/welcome"
        task-url="/tasks/{task}"
        @signup-redirect=${(e: Event & { reason?: string; url?: string }) => {
          e.preventDefault();
          (e.currentTarget as HTMLElement).dataset.redirect = `${e.reason} ${new URL(e.url!).pathname}`;
        }}
      ></continue-signup
    ></clerk-provider>`,
  play: async ({ canvasElement }) => {
    await expectStatus(canvasElement, 'ready');
    type(canvasElement, 'username', 'ninanew');
    (part(canvasElement, '#legal_accepted') as HTMLInputElement).click();
    await submit(canvasElement);
    await expectStatus(canvasElement, 'redirecting');
    await waitFor(() => expect(element(canvasElement).dataset.redirect).toBe('session-task /tasks/choose-organization'));
  },
};

/** The heading slot replaces the title; the default slot adds content under the form. */
export const Slots: Story = {
  name: 'Ready: heading and default slots',
  render: () =>
    html`<clerk-provider .clerk=${new FakeClerk(scenarios.continueUsernameLegal)} sign-in-url="/sign-in"
      ><continue-signup redirect-url-complete="/welcome" @signup-redirect=${(e: Event) => e.preventDefault()}
        ><h2 slot="heading">Almost there</h2>
        <p>Questions? <a href="/help">Contact support</a></p></continue-signup
      ></clerk-provider
    >`,
  play: async ({ canvasElement }) => {
    await expectStatus(canvasElement, 'ready');
    const heading = element(canvasElement).shadowRoot!.querySelector<HTMLSlotElement>('slot[name=heading]')!;
    await expect(heading.assignedElements()[0]!.textContent).toBe('Almost there');
  },
};

export const CodeStepDark: Story = {
  name: 'Ready: phone code step (dark)',
  render: () => withFake(scenarios.continuePhone),
  globals: { scheme: 'dark' },
  play: (context) => toCodeStep(context.canvasElement),
};

export const FieldErrorsDarkRtl: Story = {
  name: 'Ready: every field, field errors (dark, RTL)',
  render: () => withFake(scenarios.continueAllFields),
  globals: { scheme: 'dark', dir: 'rtl' },
  play: async ({ canvasElement }) => {
    await expectStatus(canvasElement, 'ready');
    await submit(canvasElement);
    await expect(part(canvasElement, '#first_name-error')).toBeTruthy();
  },
};

/** The controls drive the element: `sign-in-url` from args becomes the footer link. */
export const FromControls: Story = {
  name: 'Controls: sign-in-url from args',
  args: { 'sign-in-url': '/login' },
  render: () => withFake(scenarios.continueUsernameLegal),
  play: async ({ canvasElement }) => {
    await expectStatus(canvasElement, 'ready');
    await waitFor(() => expect(part(canvasElement, '[part=link]').getAttribute('href')).toBe('/login'));
  },
};
