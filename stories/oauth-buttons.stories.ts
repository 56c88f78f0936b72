import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html, nothing, type TemplateResult } from 'lit';
import { expect, waitFor } from 'storybook/test';
import { FakeClerk, scenarios, type FakeClerkOptions, type FakeProvider } from '../src/testing/index.js';
import type { OAuthButtonsElement, OAuthButtonsStatus } from '../src/elements/oauth-buttons/oauth-buttons.js';
import type { Localization } from '../src/localization.js';

/** Self-hosted icons (the emulator's): img.clerk.com is not reachable offline. Providers without one show their initial. */
// Served from emulator/assets/providers (staticDirs in .storybook/main.ts), in dev, tests and the static build alike.
const ICONS = 'provider-icons';
const MANY = scenarios.manyProviders.providers as FakeProvider[];

interface Setup {
  fake?: FakeClerkOptions;
  attrs?: Partial<Record<'strategies' | 'variant' | 'columns' | 'mode' | 'icon-base-url' | 'redirect-url', string>>;
  showLastUsed?: boolean;
  localization?: Localization;
  /** Wraps the provider, e.g. for `dir` or a colour scheme. */
  wrap?: (content: TemplateResult) => TemplateResult;
}

const buttons = ({ fake = {}, attrs = {}, showLastUsed, localization, wrap = (c) => c }: Setup) =>
  wrap(html`<clerk-provider .clerk=${new FakeClerk(fake)} .localization=${localization}>
    <oauth-buttons
      icon-base-url=${attrs['icon-base-url'] ?? ICONS}
      strategies=${attrs.strategies ?? nothing}
      variant=${attrs.variant ?? nothing}
      columns=${attrs.columns ?? nothing}
      mode=${attrs.mode ?? nothing}
      redirect-url=${attrs['redirect-url'] ?? nothing}
      ?show-last-used=${showLastUsed}
    ></oauth-buttons>
  </clerk-provider>`);

const element = (canvas: HTMLElement) => canvas.querySelector('oauth-buttons') as OAuthButtonsElement;
const shown = (canvas: HTMLElement) => [...element(canvas).shadowRoot!.querySelectorAll<HTMLButtonElement>('button[part~=button]')];
const expectStatus = (canvas: HTMLElement, status: OAuthButtonsStatus) => waitFor(() => expect(element(canvas).getAttribute('status')).toBe(status));
const errorMessage = (canvas: HTMLElement) => element(canvas).shadowRoot!.querySelector('[part=error] > [part=error-message]');
/** A failed click: back to `ready`, the message in the error block, no retry (the buttons are the way out). */
const expectClickFailed = async (canvas: HTMLElement, text: string) => {
  await waitFor(() => expect(errorMessage(canvas)?.textContent).toContain(text));
  await expectStatus(canvas, 'ready');
  await expect(element(canvas).shadowRoot!.querySelector('[part=retry]')).toBeNull();
};
/** No broken-image glyphs: every icon either loaded or was replaced by its initial. */
const iconsSettled = (canvas: HTMLElement) =>
  waitFor(() => {
    for (const img of element(canvas).shadowRoot!.querySelectorAll('img')) expect(img.complete && img.naturalWidth > 0).toBe(true);
  });

// Every status has a story: loading (two), ready (most), empty, redirecting, error (Clerk failed to load).
const meta: Meta = {
  title: 'Elements/oauth-buttons',
  component: 'oauth-buttons',
};
export default meta;
type Story = StoryObj;

/** Before Clerk has loaded and without `strategies`, nothing is known yet: a status message. */
export const LoadingWithoutStrategies: Story = {
  name: 'Loading, without strategies',
  render: () => buttons({ fake: scenarios.loading }),
  play: async ({ canvasElement }) => {
    await expectStatus(canvasElement, 'loading');
    await expect(element(canvasElement).shadowRoot!.querySelector('[part=loading]')!.textContent).toBe('Loading sign-in options…');
  },
};

/** With `strategies` the buttons are there in the first frame; a click is held until Clerk is ready. */
export const LoadingWithStrategies: Story = {
  name: 'Loading, with strategies',
  render: () => buttons({ fake: scenarios.loading, attrs: { strategies: 'google, github, microsoft' } }),
  play: async ({ canvasElement }) => {
    await expectStatus(canvasElement, 'loading');
    await expect(shown(canvasElement)).toHaveLength(3);
    await iconsSettled(canvasElement);
  },
};

const count = (n: number): Story => ({
  name: `${n} provider${n === 1 ? '' : 's'}`,
  render: () => buttons({ fake: { providers: MANY.slice(0, n) } }),
  play: async ({ canvasElement }) => {
    await expectStatus(canvasElement, 'ready');
    await expect(shown(canvasElement)).toHaveLength(n);
    await iconsSettled(canvasElement);
    // Google, GitHub, Microsoft and Apple have self-hosted icons and the eighth (Acme) a logo; the rest show their initial.
    await expect(element(canvasElement).shadowRoot!.querySelectorAll('img')).toHaveLength(Math.min(n, 4) + (n === 8 ? 1 : 0));
  },
});
export const OneProvider = count(1);
export const TwoProviders = count(2);
export const FiveProviders = count(5);
export const EightProviders = count(8);

export const BlockVariant: Story = {
  name: 'Variant: block (5 providers)',
  render: () => buttons({ fake: { providers: MANY.slice(0, 5) }, attrs: { variant: 'block' } }),
  play: async ({ canvasElement }) => {
    await expectStatus(canvasElement, 'ready');
    await expect(shown(canvasElement).every((b) => b.className === 'block')).toBe(true);
  },
};

export const IconVariant: Story = {
  name: 'Variant: icon (2 providers)',
  render: () => buttons({ fake: scenarios.ready, attrs: { variant: 'icon' } }),
  play: async ({ canvasElement }) => {
    await expectStatus(canvasElement, 'ready');
    await expect(shown(canvasElement).every((b) => b.className === 'icon')).toBe(true);
  },
};

export const AutoVariantThreeColumns: Story = {
  name: 'Variant: auto, columns=3 (8 providers)',
  render: () => buttons({ fake: scenarios.manyProviders, attrs: { columns: '3' } }),
  play: ({ canvasElement }) => expectStatus(canvasElement, 'ready'),
};

export const LastUsed: Story = {
  name: 'Last used',
  render: () => buttons({ fake: { ...scenarios.manyProviders, lastAuthenticationStrategy: 'oauth_github' }, showLastUsed: true }),
  play: async ({ canvasElement }) => {
    await expectStatus(canvasElement, 'ready');
    await expect(shown(canvasElement)[0]!.querySelector('[part=badge]')!.textContent).toBe('Last used');
  },
};

const ACME_LOGO =
  'data:image/svg+xml,%3Csvg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 16 16"%3E%3Crect width="16" height="16" rx="3" fill="%23663399"/%3E%3C/svg%3E';

export const CustomProviderWithLogo: Story = {
  name: 'Custom provider with logo',
  render: () => buttons({ fake: { providers: [{ strategy: 'oauth_custom_acme', name: 'Acme SSO', logoUrl: ACME_LOGO }] } }),
  play: async ({ canvasElement }) => {
    await expectStatus(canvasElement, 'ready');
    await iconsSettled(canvasElement);
    await expect(shown(canvasElement)[0]!.querySelector('img')).toBeTruthy();
  },
};

/** A custom provider without a logo, and a built-in whose icon fails to load: both show their initial, never a broken image. */
export const MissingLogo: Story = {
  name: 'Missing logo (initial letter)',
  render: () =>
    buttons({
      fake: { providers: ['oauth_discord', { strategy: 'oauth_custom_internal', name: 'Internal Login' }] },
      attrs: { 'icon-base-url': '/no-such-icons' },
    }),
  play: async ({ canvasElement }) => {
    await expectStatus(canvasElement, 'ready');
    await waitFor(() => expect(element(canvasElement).shadowRoot!.querySelectorAll('[part~=initial]')).toHaveLength(2));
  },
};

export const Redirecting: Story = {
  render: () => buttons({ fake: scenarios.ready }),
  play: async ({ canvasElement }) => {
    await expectStatus(canvasElement, 'ready');
    shown(canvasElement)[0]!.click();
    await expectStatus(canvasElement, 'redirecting');
    await expect(shown(canvasElement)[0]!.getAttribute('aria-busy')).toBe('true');
  },
};

/** Clerk refused the strategy: the element is `ready` again with the message; the buttons are the way out. */
export const FailedClick: Story = {
  name: 'Ready, after a failed click (strategy not enabled)',
  render: () => buttons({ fake: scenarios.strategyDisabled }),
  play: async ({ canvasElement }) => {
    await expectStatus(canvasElement, 'ready');
    shown(canvasElement)[0]!.click();
    await expectClickFailed(canvasElement, 'not enabled');
  },
};

/** The one blocking error: Clerk could not load. The message and *Try again*. */
export const ErrorClerkLoadFailed: Story = {
  name: 'Error: Clerk failed to load',
  render: () => buttons({ fake: scenarios.loadFailed, attrs: { strategies: 'google, github' } }),
  play: async ({ canvasElement }) => {
    await expectStatus(canvasElement, 'error');
    await expect(errorMessage(canvasElement)!.textContent).toBe('Clerk could not start. Please try again.');
    await expect(element(canvasElement).shadowRoot!.querySelector('[part=actions] > [part=retry]')).toBeTruthy();
  },
};

export const Empty: Story = {
  name: 'Empty (no provider enabled)',
  render: () => buttons({ fake: scenarios.noProviders }),
  play: ({ canvasElement }) => expectStatus(canvasElement, 'empty'),
};

const de: Localization = {
  socialButtonsBlockButton: 'Weiter mit {{provider|titleize}} und Ihrem bestehenden Unternehmenskonto anmelden',
  socialButtonsBlockButtonManyInView: '{{provider|titleize}}',
  lastAuthenticationStrategy: 'Zuletzt verwendet',
};

export const LongGermanLabel: Story = {
  name: 'Long German label',
  render: () =>
    buttons({
      fake: { providers: ['oauth_microsoft'] },
      localization: de,
      wrap: (c) => html`<div lang="de" style="max-width: 20rem">${c}</div>`,
    }),
  play: async ({ canvasElement }) => {
    await expectStatus(canvasElement, 'ready');
    await expect(shown(canvasElement)[0]!.textContent).toContain('Weiter mit Microsoft');
    // Wrapped, not cut off.
    const label = shown(canvasElement)[0]!.querySelector<HTMLElement>('[part=label]')!;
    await expect(label.scrollWidth).toBeLessThanOrEqual(label.clientWidth + 1);
  },
};

const he: Localization = {
  socialButtonsBlockButton: 'המשך עם {{provider|titleize}}',
  socialButtonsBlockButtonManyInView: '{{provider|titleize}}',
  lastAuthenticationStrategy: 'בשימוש לאחרונה',
};

export const RightToLeft: Story = {
  name: 'Right to left',
  render: () =>
    buttons({
      fake: { providers: MANY.slice(0, 3), lastAuthenticationStrategy: 'oauth_google' },
      showLastUsed: true,
      localization: he,
      wrap: (c) => html`<div dir="rtl" lang="he">${c}</div>`,
    }),
  play: async ({ canvasElement }) => {
    await expectStatus(canvasElement, 'ready');
    await expect(shown(canvasElement)[0]!.textContent).toContain('המשך עם Google');
  },
};

export const DarkTheme: Story = {
  name: 'Dark theme',
  render: () =>
    buttons({
      fake: { ...scenarios.manyProviders, lastAuthenticationStrategy: 'oauth_google' },
      showLastUsed: true,
      wrap: (c) => html`<div style="color-scheme: dark; background: #131316; color: #f4f4f5; padding: 1.5rem">${c}</div>`,
    }),
  play: async ({ canvasElement }) => {
    await expectStatus(canvasElement, 'ready');
    // GitHub's logo is black: on a dark button it sits on a light tile.
    const github = element(canvasElement).shadowRoot!.querySelector('img[part~=icon-github]')!;
    await expect(getComputedStyle(github).backgroundColor).toBe('rgb(244, 244, 245)');
  },
};

const dark = (c: TemplateResult) => html`<div style="color-scheme: dark; background: #131316; color: #f4f4f5; padding: 1.5rem">${c}</div>`;

export const DarkThemeFailedClick: Story = {
  name: 'Dark theme, after a failed click',
  render: () => buttons({ fake: scenarios.strategyDisabled, wrap: dark }),
  play: async ({ canvasElement }) => {
    await expectStatus(canvasElement, 'ready');
    shown(canvasElement)[1]!.click();
    await expectClickFailed(canvasElement, 'not enabled');
  },
};

export const DarkThemeError: Story = {
  name: 'Dark theme, error (Clerk failed to load)',
  render: () => buttons({ fake: scenarios.loadFailed, attrs: { strategies: 'google, github' }, wrap: dark }),
  play: async ({ canvasElement }) => {
    await expectStatus(canvasElement, 'error');
    await expect(element(canvasElement).shadowRoot!.querySelector('[part=retry]')).toBeTruthy();
  },
};

/** `mode="sign-up"`: the same buttons start a sign-up (Clerk's sign-up labels, `signUp.authenticateWithRedirect`). */
export const SignUpMode: Story = {
  name: 'Ready: sign-up mode',
  render: () => buttons({ fake: scenarios.ready, attrs: { mode: 'sign-up' } }),
  play: async ({ canvasElement }) => {
    await expectStatus(canvasElement, 'ready');
    await expect(element(canvasElement).mode).toBe('sign-up');
    await expect(shown(canvasElement)).toHaveLength(2);
  },
};

/** A click before Clerk has loaded is held: the button shows it is busy, the element stays `loading`. */
export const HeldClick: Story = {
  name: 'Loading: a click held until Clerk is ready',
  render: () => buttons({ fake: scenarios.loading, attrs: { strategies: 'google, github' } }),
  play: async ({ canvasElement }) => {
    await expectStatus(canvasElement, 'loading');
    shown(canvasElement)[0]!.click();
    await waitFor(() => expect(shown(canvasElement)[0]!.getAttribute('aria-busy')).toBe('true'));
    await expectStatus(canvasElement, 'loading');
  },
};

/** `slot="icon-google"` replaces one provider's icon with the page's own. */
export const SlottedIcon: Story = {
  name: 'Ready: a slotted icon (icon-google)',
  render: () => html`<clerk-provider .clerk=${new FakeClerk(scenarios.ready)}>
    <oauth-buttons icon-base-url=${ICONS}
      ><svg slot="icon-google" viewBox="0 0 16 16" width="18" height="18" aria-hidden="true"><circle cx="8" cy="8" r="7" fill="#1a73e8" /></svg
    ></oauth-buttons>
  </clerk-provider>`,
  play: async ({ canvasElement }) => {
    await expectStatus(canvasElement, 'ready');
    const slot = element(canvasElement).shadowRoot!.querySelector<HTMLSlotElement>('slot[name=icon-google]')!;
    await expect(slot.assignedElements()[0]!.localName).toBe('svg');
  },
};

/** `redirect-url` on another origin the provider does not allow: refused before leaving, the reason in the error block. */
export const RefusedRedirectUrl: Story = {
  name: 'Ready: redirect URL refused (another origin)',
  render: () => buttons({ fake: scenarios.ready, attrs: { 'redirect-url': 'https://elsewhere.example/callback' } }),
  play: async ({ canvasElement }) => {
    await expectStatus(canvasElement, 'ready');
    shown(canvasElement)[0]!.click();
    await waitFor(() => expect(errorMessage(canvasElement)?.textContent).toContain('elsewhere.example'));
  },
};

/** The controls drive the element: args for attributes and CSS custom properties are applied to it live. */
export const FromControls: Story = {
  name: 'Controls: variant and radius from args',
  args: { variant: 'icon', '--clerk-elements-radius': '0px' },
  render: () => buttons({ fake: scenarios.ready }),
  play: async ({ canvasElement }) => {
    await expectStatus(canvasElement, 'ready');
    await waitFor(() => expect(shown(canvasElement).every((b) => b.className === 'icon')).toBe(true));
    await expect(getComputedStyle(shown(canvasElement)[0]!).borderRadius).toBe('0px');
  },
};
