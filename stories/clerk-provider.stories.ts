import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { expect, waitFor } from 'storybook/test';
import { FakeClerk, scenarios, type FakeClerkOptions } from '../src/testing/index.js';
import type { ClerkProviderElement } from '../src/elements/clerk-provider/clerk-provider.js';

/** A provider around some page content, on a fake Clerk set up as `options` says. */
const withFake = (options: FakeClerkOptions) =>
  html`<clerk-provider .clerk=${new FakeClerk(options)}><p>Page content inside the provider.</p></clerk-provider>`;

const provider = (canvas: HTMLElement) => canvas.querySelector('clerk-provider') as ClerkProviderElement;
const expectStatus = async (canvas: HTMLElement, status: string) =>
  waitFor(() => expect(provider(canvas).getAttribute('status')).toBe(status));

const meta: Meta = {
  title: 'Elements/clerk-provider',
  component: 'clerk-provider',
};
export default meta;
type Story = StoryObj;

export const Loading: Story = {
  render: () => withFake(scenarios.loading),
  play: ({ canvasElement }) => expectStatus(canvasElement, 'loading'),
};

export const Ready: Story = {
  render: () => withFake(scenarios.ready),
  play: ({ canvasElement }) => expectStatus(canvasElement, 'ready'),
};

/** A malformed key is reported at once, with no network request. */
export const ErrorInvalidKey: Story = {
  name: 'Error: invalid publishable key',
  render: () => html`<clerk-provider publishable-key="pk_test_not-a-real-key"></clerk-provider>`,
  play: async ({ canvasElement }) => {
    await expectStatus(canvasElement, 'error');
    await expect(provider(canvasElement).shadowRoot!.querySelector('[part=error]')!.textContent).toContain('publishable key is not valid');
  },
};

export const ErrorScriptFailed: Story = {
  name: 'Error: clerk-js could not be loaded',
  render: () =>
    html`<clerk-provider publishable-key="pk_test_Y2xlcmsuZXhhbXBsZS5jb20k" clerk-js-url="/no-such-clerk.js"></clerk-provider>`,
  play: async ({ canvasElement }) => {
    await expectStatus(canvasElement, 'error');
    await expect(provider(canvasElement).shadowRoot!.querySelector('[part=retry]')).toBeTruthy();
  },
};

export const ErrorLoadRejected: Story = {
  name: 'Error: Clerk failed to start',
  render: () => withFake(scenarios.loadFailed),
  play: async ({ canvasElement }) => {
    await expectStatus(canvasElement, 'error');
    await expect(provider(canvasElement).shadowRoot!.querySelector('[part=error]')!.textContent).toContain('Clerk could not start');
    await expect(provider(canvasElement).error?.message, 'the detail stays on the element and its clerk-error event').toContain('Failed to fetch');
  },
};

/** clerk-js loaded but never reached its Frontend API (`status: 'degraded'`): the provider reports it as an error. */
const unreachable = () => {
  const fake = new FakeClerk(scenarios.ready);
  const load = fake.load.bind(fake);
  fake.load = async (options) => {
    await load(options);
    fake.status = 'degraded' as typeof fake.status;
  };
  return Object.assign(fake, { __internal_reloadInitialResources: () => Promise.reject(new Error('Failed to fetch')) });
};

export const ErrorUnreachable: Story = {
  name: 'Error: Frontend API unreachable',
  render: () => html`<clerk-provider .clerk=${unreachable()}><p>Page content inside the provider.</p></clerk-provider>`,
  play: async ({ canvasElement }) => {
    await expectStatus(canvasElement, 'error');
    await expect(provider(canvasElement).error?.code).toBe('clerk_unavailable');
    await expect(provider(canvasElement).shadowRoot!.querySelector('[part=error-message]')!.textContent).toContain("Clerk's servers could not be reached");
  },
};

/** Every element inside a failed provider shows the provider's error and its *Try again*, each in its own error block. */
export const ElementsShowProviderError: Story = {
  name: "Error: the elements show the provider's error",
  render: () => html`<clerk-provider .clerk=${unreachable()}>
    <oauth-buttons strategies="google, github" icon-base-url="provider-icons"></oauth-buttons>
    <connected-accounts></connected-accounts>
  </clerk-provider>`,
  play: async ({ canvasElement }) => {
    await expectStatus(canvasElement, 'error');
    for (const tag of ['oauth-buttons', 'connected-accounts']) {
      const element = canvasElement.querySelector(tag)!;
      await waitFor(() => expect(element.getAttribute('status')).toBe('error'));
      await expect(element.shadowRoot!.querySelector('[part=error-message]')!.textContent).toContain("Clerk's servers could not be reached");
      await expect(element.shadowRoot!.querySelector('[part=retry]')).toBeTruthy();
    }
  },
};
