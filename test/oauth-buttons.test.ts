import { expect, html } from '@open-wc/testing';
import { OAUTH_BUTTONS_STATUSES, OAuthButtonsElement, type OAuthButtonsStatus } from '../src/elements/oauth-buttons/oauth-buttons.js';
import { layoutOf, modeOf, parseStrategies, resolveProviders } from '../src/elements/oauth-buttons/oauth-buttons-layout.js';
import { iconUrlOf } from '../src/provider-icon.js';
import type { OAuthErrorEvent, OAuthRedirectEvent } from '../src/events.js';
import { describeProvider } from '../src/providers.js';
import { FakeClerk, asClerk, scenarios } from '../src/testing/index.js';
import type { ClerkInstance } from '../src/context.js';
import type { Localization } from '../src/localization.js';
import { expectEvery, mount, resetClerkGlobals, tagOf, until, type MountOptions } from './helpers.js';

const ICONS = new URL('../emulator/assets/providers', import.meta.url).href;
const ORIGIN = window.location.origin;

/** A Clerk whose load() finishes only when the test says so. */
class GatedClerk extends FakeClerk {
  open!: () => void;
  readonly #gate = new Promise<void>((resolve) => (this.open = resolve));
  override async load(options: Record<string, unknown> = {}): Promise<void> {
    this.record('load', [options]);
    this.options = options;
    await this.#gate;
    this.loaded = true;
    this.status = 'ready';
    this.emit();
  }
}

/** The shared `mount()`, typed for this element. */
const mountButtons = (options?: MountOptions) => mount<OAuthButtonsElement>(OAuthButtonsElement, options);

const shadow = (el: OAuthButtonsElement) => el.shadowRoot!;
const buttons = (el: OAuthButtonsElement) => [...shadow(el).querySelectorAll<HTMLButtonElement>('button[part~=button]')];
const button = (el: OAuthButtonsElement, strategy: string) =>
  shadow(el).querySelector<HTMLButtonElement>(`button[data-strategy="${strategy}"]`)!;
const strategiesShown = (el: OAuthButtonsElement) => buttons(el).map((b) => b.dataset.strategy);
const accessibleName = (b: HTMLButtonElement) => b.querySelector('[part~=label]')!.textContent!.trim();
const alertText = (el: OAuthButtonsElement) => shadow(el).querySelector('[part=error]')!.textContent!.trim();
const messageNode = (el: OAuthButtonsElement) => shadow(el).querySelector('[part=error] > [part=error-message]');

describe('oauth-buttons layout helpers', () => {
  it('parses strategies: optional oauth_ prefix, commas or spaces, no duplicates, blank means all', () => {
    expect(parseStrategies(' google, oauth_github  custom_acme,google ')).to.deep.equal(['oauth_google', 'oauth_github', 'oauth_custom_acme']);
    expect(parseStrategies('')).to.equal(undefined);
    expect(parseStrategies(null)).to.equal(undefined);
  });

  it('resolves requested strategies against the enabled ones only once Clerk is ready', () => {
    const enabled = [describeProvider('oauth_google', { name: 'Google' }), describeProvider('oauth_github', { name: 'GitHub' })];
    expect(resolveProviders(undefined, enabled, false).providers).to.deep.equal([]);
    expect(resolveProviders(['oauth_github', 'oauth_x'], enabled, false).providers.map((p) => p.name)).to.deep.equal(['GitHub', 'X']);
    expect(resolveProviders(['oauth_github', 'oauth_nope'], enabled, true)).to.deep.equal({ providers: [enabled[1]], skipped: ['oauth_nope'] });
  });

  it('lays out like Clerk: block up to two, rows spread evenly, last used apart', () => {
    const many = scenarios.manyProviders.providers.map((p) => describeProvider(typeof p === 'string' ? p : p.strategy));
    expect(layoutOf(many.slice(0, 2), 'auto', 5)).to.include({ block: true, perRow: 2, longLabels: false });
    expect(layoutOf(many.slice(0, 1), 'auto', 5)).to.include({ block: true, perRow: 1, longLabels: true });
    expect(layoutOf(many, 'auto', 5)).to.include({ block: false, perRow: 4 });
    expect(layoutOf(many, 'icon', 3)).to.include({ perRow: 3 });
    expect(layoutOf(many.slice(0, 5), 'block', 5)).to.include({ block: true, perRow: 2 });
    // Nonsense columns mean the default 5 (8 providers: 4 + 4), never one button per row.
    for (const columns of [0, -2, Number.NaN]) expect(layoutOf(many, 'icon', columns)).to.include({ perRow: 4 });
    expect(layoutOf(many, 'icon', 1)).to.include({ perRow: 1 });
    // An unknown variant is auto: two providers are block buttons, eight are icons.
    expect(layoutOf(many.slice(0, 2), 'icons', 5)).to.include({ block: true });
    expect(layoutOf(many, 'Block', 5)).to.include({ block: true });
    expect(layoutOf(many, 'tiles', 5)).to.include({ block: false });
    const last = layoutOf(many.slice(0, 3), 'auto', 5, 'oauth_github');
    expect(last.lastUsed?.strategy).to.equal('oauth_github');
    expect(last.rest.map((p) => p.strategy)).to.deep.equal(['oauth_google', 'oauth_microsoft']);
    expect(layoutOf(many.slice(0, 3), 'auto', 5, 'oauth_nope').lastUsed).to.equal(undefined);
  });

  it('reads mode leniently: sign-up in any case or spelling is sign-up, anything else signs in and is flagged', () => {
    expect(modeOf('sign-up')).to.deep.equal({ mode: 'sign-up', known: true });
    expect(modeOf(' SIGN_UP ')).to.deep.equal({ mode: 'sign-up', known: true });
    expect(modeOf('signup')).to.deep.equal({ mode: 'sign-up', known: true });
    expect(modeOf(undefined)).to.deep.equal({ mode: 'sign-in', known: true });
    expect(modeOf('Sign-In')).to.deep.equal({ mode: 'sign-in', known: true });
    expect(modeOf('register')).to.deep.equal({ mode: 'sign-in', known: false });
  });

  it('picks icons: self-hosted built-ins, then the logo, then Clerk; custom without logo gets none', () => {
    const google = describeProvider('oauth_google', { logo_url: '/logo.png' });
    const acme = describeProvider('oauth_custom_acme', { logo_url: '/acme.svg' });
    expect(iconUrlOf(google, '/icons/')).to.equal('/icons/google.svg');
    expect(iconUrlOf(google)).to.equal('/logo.png');
    expect(iconUrlOf(describeProvider('oauth_github'))).to.equal('https://img.clerk.com/static/github.svg');
    expect(iconUrlOf(acme, '/icons')).to.equal('/acme.svg');
    expect(iconUrlOf(describeProvider('oauth_custom_bare'), '/icons')).to.equal(undefined);
  });
});

describe('<oauth-buttons>', () => {
  beforeEach(resetClerkGlobals);
  afterEach(() => {
    resetClerkGlobals();
    document.querySelectorAll('#clerk-captcha').forEach((c) => c.remove());
  });

  it('visits every status, each accessible', async () => {
    const clicked = async (clerk: MountOptions['clerk']) => {
      const mounted = await mountButtons({ clerk });
      button(mounted.el, 'oauth_google').click();
      return mounted.el;
    };
    const visit: Record<OAuthButtonsStatus, () => Promise<OAuthButtonsElement>> = {
      loading: async () => (await mountButtons({ clerk: scenarios.loading, attrs: { strategies: 'google' }, waitReady: false })).el,
      ready: async () => (await mountButtons({ clerk: scenarios.ready })).el,
      empty: async () => (await mountButtons({ clerk: scenarios.noProviders })).el,
      redirecting: () => clicked(scenarios.ready),
      error: async () => (await mountButtons({ clerk: scenarios.loadFailed })).el,
    };
    const visited: string[] = [];
    for (const status of OAUTH_BUTTONS_STATUSES) {
      const el = await visit[status]();
      await el.updateComplete;
      expect(el.getAttribute('status'), status).to.equal(status);
      await expect(el).to.be.accessible();
      visited.push(status);
    }
    expect(visited).to.deep.equal(['loading', 'ready', 'empty', 'redirecting', 'error']);
    // `ready` with a failed click's message is accessible too.
    const failed = await clicked(scenarios.strategyDisabled);
    await until(() => failed.error !== undefined, 'the message');
    await failed.updateComplete;
    expect(failed.status).to.equal('ready');
    await expect(failed).to.be.accessible();
  });

  it('status is read-only: assignments and status attributes from the page are ignored', async () => {
    const { el, statuses } = await mountButtons({ clerk: scenarios.ready });
    (el as unknown as { status: string }).status = 'error';
    expect(el.status).to.equal('ready');
    el.setAttribute('status', 'redirecting');
    expect(el.getAttribute('status')).to.equal('ready');
    await el.updateComplete;
    expect(el.status).to.equal('ready');
    expect(statuses()).to.deep.equal(['ready']);
  });

  it('shows the enabled providers in Clerk order; two providers are block buttons with short labels and full names', async () => {
    const { el, statuses } = await mountButtons({ clerk: scenarios.ready });
    expect(el.status).to.equal('ready');
    expect(el.getAttribute('status')).to.equal('ready');
    expect(statuses()).to.deep.equal(['ready']);
    expect(strategiesShown(el)).to.deep.equal(['oauth_google', 'oauth_github']);
    const google = button(el, 'oauth_google');
    expect(google.className).to.equal('block');
    expect(google.getAttribute('part')).to.equal('button button-google');
    // Side by side the label is short; the accessible name is what is seen (WCAG 2.5.3).
    expect(google.querySelector('[part=label]')!.textContent).to.equal('Google');
    expect(google.hasAttribute('aria-label')).to.equal(false);
    expect(google.getAttribute('aria-disabled')).to.equal('false');
    await expect(el).to.be.accessible();
  });

  it('one provider gets the long label', async () => {
    const { el } = await mountButtons({ clerk: { providers: ['oauth_github'] } });
    const github = button(el, 'oauth_github');
    expect(github.querySelector('[part=label]')!.textContent).to.equal('Continue with GitHub');
  });

  it('many providers are icon buttons, evenly spread, each keeping its full accessible name; custom providers included', async () => {
    const { el } = await mountButtons({ clerk: scenarios.manyProviders });
    expect(strategiesShown(el)).to.have.length(8);
    expect(strategiesShown(el)).to.include('oauth_custom_acme');
    const list = shadow(el).querySelector<HTMLElement>('[part=list]')!;
    expect(list.style.getPropertyValue('--_columns')).to.equal('4');
    expectEvery(buttons(el), (b) => b.className === 'icon', 'icon buttons');
    expectEvery(buttons(el), (b) => b.querySelector('[part=label]')!.classList.contains('visually-hidden'), 'visually hidden labels');
    expect(accessibleName(button(el, 'oauth_linkedin_oidc'))).to.equal('Continue with LinkedIn');
    expect(accessibleName(button(el, 'oauth_custom_acme'))).to.equal('Continue with Acme SSO');
    expect(button(el, 'oauth_custom_acme').querySelector('img')!.src).to.match(/^data:image\/svg\+xml/);
    // Two rows of four, the same width.
    const [first, , , , fifth] = buttons(el).map((b) => b.getBoundingClientRect());
    expect(fifth!.top).to.be.greaterThan(first!.top);
    expect(Math.round(fifth!.width)).to.equal(Math.round(first!.width));
    await expect(el).to.be.accessible();
  });

  it('variant and columns override the automatic layout', async () => {
    const { el } = await mountButtons({ clerk: scenarios.manyProviders, attrs: { variant: 'block', columns: '3' } });
    expectEvery(buttons(el), (b) => b.className === 'block', 'block buttons');
    expect(shadow(el).querySelector<HTMLElement>('[part=list]')!.style.getPropertyValue('--_columns')).to.equal('2');
    el.variant = 'icon';
    await el.updateComplete;
    expectEvery(buttons(el), (b) => b.className === 'icon', 'icon buttons');
    expect(shadow(el).querySelector<HTMLElement>('[part=list]')!.style.getPropertyValue('--_columns')).to.equal('3');
    const { el: two } = await mountButtons({ clerk: scenarios.ready, attrs: { variant: 'icon' } });
    expect(buttons(two).map((b) => b.className)).to.deep.equal(['icon', 'icon']);
  });

  it('strategies picks and orders providers; unknown or disabled ones are skipped with one warning naming them', async () => {
    const warnings: string[] = [];
    const warn = console.warn;
    console.warn = (message: string) => warnings.push(message);
    try {
      const { el } = await mountButtons({ clerk: { providers: ['oauth_google', 'oauth_github', { strategy: 'oauth_apple', enabled: false }] }, attrs: { strategies: 'github, oauth_nope, apple, oauth_google' } });
      expect(strategiesShown(el)).to.deep.equal(['oauth_github', 'oauth_google']);
      el.requestUpdate();
      await el.updateComplete;
      expect(warnings).to.have.length(2);
      expect(warnings[0]).to.contain('"oauth_nope"').and.contain('Enabled: oauth_google, oauth_github');
      expect(warnings[1]).to.contain('"oauth_apple"');
    } finally {
      console.warn = warn;
    }
  });

  it('names are never blank: a nameless custom provider is titleized, with an initial instead of an icon', async () => {
    const { el } = await mountButtons({ clerk: { providers: [{ strategy: 'oauth_custom_my_idp', name: '  ' }] } });
    const b = button(el, 'oauth_custom_my_idp');
    expect(accessibleName(b)).to.equal('Continue with My Idp');
    expect(b.querySelector('[part~=initial]')!.textContent).to.equal('M');
    expect(b.querySelector('img')).to.equal(null);
  });

  it('loading without strategies: a status message, no buttons', async () => {
    const { el } = await mountButtons({ clerk: scenarios.loading, waitReady: false });
    expect(el.status).to.equal('loading');
    expect(buttons(el)).to.have.length(0);
    const loading = shadow(el).querySelector('[part=loading]')!;
    expect(loading.getAttribute('role')).to.equal('status');
    expect(loading.textContent).to.equal('Loading sign-in options…');
    await expect(el).to.be.accessible();
  });

  it('with strategies, the buttons render before Clerk loads; a held click becomes exactly one redirect', async () => {
    const fake = new GatedClerk(scenarios.ready);
    const redirects: OAuthRedirectEvent[] = [];
    const { el, statuses } = await mountButtons({ clerk: fake, attrs: { strategies: 'google,github', 'icon-base-url': ICONS }, waitReady: false });
    el.addEventListener('oauth-redirect', (e) => redirects.push(e));
    await el.updateComplete;
    expect(el.status).to.equal('loading');
    expect(strategiesShown(el)).to.deep.equal(['oauth_google', 'oauth_github']);
    expect(accessibleName(button(el, 'oauth_github'))).to.equal('GitHub');
    expect(shadow(el).querySelector('[part=list]')!.getAttribute('aria-busy')).to.equal('true');
    await expect(el).to.be.accessible();

    button(el, 'oauth_github').click();
    button(el, 'oauth_github').click();
    button(el, 'oauth_google').click();
    await el.updateComplete;
    expect(button(el, 'oauth_github').getAttribute('aria-busy')).to.equal('true');
    expect(button(el, 'oauth_github').querySelector('[part=spinner]')).to.not.equal(null);
    expectEvery(buttons(el), (b) => b.getAttribute('aria-disabled') === 'true', 'disabled while held');
    expect(fake.callsTo('signIn.authenticateWithRedirect')).to.have.length(0);

    fake.open();
    await until(() => el.status === 'redirecting', 'redirecting');
    fake.emit();
    fake.emit();
    await el.updateComplete;
    expect(fake.callsTo('signIn.authenticateWithRedirect')).to.deep.equal([
      [{ strategy: 'oauth_github', redirectUrl: `${ORIGIN}/sso-callback`, redirectUrlComplete: `${ORIGIN}/` }],
    ]);
    expect(redirects).to.have.length(1);
    expect(statuses()).to.deep.equal(['redirecting']);
  });

  it('a held click is dropped when Clerk fails to load; the error offers a retry', async () => {
    const fake = new GatedClerk({});
    const { el, provider } = await mountButtons({ clerk: fake, attrs: { strategies: 'google' }, waitReady: false });
    button(el, 'oauth_google').click();
    await el.updateComplete;
    // The page swaps in a Clerk whose load() rejects.
    const failing = new FakeClerk(scenarios.loadFailed);
    provider!.clerk = asClerk<ClerkInstance>(failing);
    await until(() => el.status === 'error', 'error');
    await el.updateComplete;
    // Blocking: our own code's localized message, with Try again; the original message stays on `error`.
    expect(messageNode(el)!.textContent).to.equal('Clerk could not start. Please try again.');
    expect(el.error).to.include({ code: 'clerk_load_failed' });
    expect(el.error!.message).to.contain('Failed to fetch');
    expect(shadow(el).querySelector('[part=error] [part=actions] [part=retry]')!.textContent).to.equal('Try again');
    expect(button(el, 'oauth_google').getAttribute('aria-disabled')).to.equal('true');
    expect(button(el, 'oauth_google').getAttribute('aria-busy')).to.equal('false');
    button(el, 'oauth_google').click();
    expect(failing.callsTo('signIn.authenticateWithRedirect')).to.have.length(0);
    await expect(el).to.be.accessible();
    shadow(el).querySelector<HTMLButtonElement>('[part=retry]')!.click();
    await until(() => failing.callsTo('load').length === 2, 'second load');
  });

  it('sign-in: one click, absolute validated URLs, redirecting status, every button disabled, a second click does nothing', async () => {
    const { el, fake, statuses } = await mountButtons({ clerk: scenarios.ready, attrs: { 'redirect-url': '/sign-in/sso-callback', 'redirect-url-complete': '/dashboard?x=1' } });
    const github = button(el, 'oauth_github');
    github.focus();
    github.click();
    expect(el.status).to.equal('redirecting');
    github.click();
    button(el, 'oauth_google').click();
    await el.updateComplete;
    expect(fake.callsTo('signIn.authenticateWithRedirect')).to.deep.equal([
      [{ strategy: 'oauth_github', redirectUrl: `${ORIGIN}/sign-in/sso-callback`, redirectUrlComplete: `${ORIGIN}/dashboard?x=1` }],
    ]);
    expect(fake.callsTo('signUp.authenticateWithRedirect')).to.have.length(0);
    expect(el.getAttribute('status')).to.equal('redirecting');
    expect(github.getAttribute('aria-busy')).to.equal('true');
    expect(buttons(el).map((b) => b.getAttribute('aria-disabled'))).to.deep.equal(['true', 'true']);
    expect(el.shadowRoot!.activeElement).to.equal(github);
    expect(statuses()).to.deep.equal(['ready', 'redirecting']);
    await expect(el).to.be.accessible();
  });

  it('sign-up: signUp.authenticateWithRedirect with legalAccepted and unsafeMetadata', async () => {
    const { el, fake } = await mountButtons({ clerk: scenarios.ready, attrs: { mode: 'sign-up', 'legal-accepted': true } });
    el.unsafeMetadata = { plan: 'pro' };
    button(el, 'oauth_google').click();
    await el.updateComplete;
    expect(fake.callsTo('signUp.authenticateWithRedirect')).to.deep.equal([
      [{ strategy: 'oauth_google', redirectUrl: `${ORIGIN}/sso-callback`, redirectUrlComplete: `${ORIGIN}/`, legalAccepted: true, unsafeMetadata: { plan: 'pro' } }],
    ]);
    expect(fake.callsTo('signIn.authenticateWithRedirect')).to.have.length(0);
  });

  it('sign-up without legal-accepted or metadata sends neither', async () => {
    const { el, fake } = await mountButtons({ clerk: scenarios.ready, attrs: { mode: 'sign-up' } });
    button(el, 'oauth_google').click();
    expect(fake.callsTo('signUp.authenticateWithRedirect')[0]![0]).to.not.have.any.keys('legalAccepted', 'unsafeMetadata');
  });

  it('oauth-redirect: bubbles, composed, cancelable, with strategy, mode and url; cancelling stops the redirect', async () => {
    const { el, fake, statuses } = await mountButtons({ clerk: scenarios.ready, attrs: { mode: 'sign-up' } });
    let seen: OAuthRedirectEvent | undefined;
    const onRedirect = (e: OAuthRedirectEvent) => {
      seen = e;
      e.preventDefault();
    };
    document.addEventListener('oauth-redirect', onRedirect, { once: true });
    button(el, 'oauth_github').click();
    expect(seen).to.be.instanceOf(Event);
    expect(seen).to.include({ strategy: 'oauth_github', mode: 'sign-up', url: `${ORIGIN}/sso-callback`, bubbles: true, composed: true, cancelable: true });
    expect(fake.callsTo('signUp.authenticateWithRedirect')).to.have.length(0);
    await el.updateComplete;
    expect(el.status).to.equal('ready');
    expect(buttons(el).map((b) => b.getAttribute('aria-disabled'))).to.deep.equal(['false', 'false']);
    expect(statuses()).to.deep.equal(['ready']);
    button(el, 'oauth_github').click();
    expect(fake.callsTo('signUp.authenticateWithRedirect')).to.have.length(1);
  });

  for (const [attr, value, code] of [
    ['redirect-url', 'https://evil.example/cb', 'redirect_origin_not_allowed'],
    ['redirect-url-complete', 'https://evil.example/', 'redirect_origin_not_allowed'],
    ['redirect-url', 'javascript:alert(1)', 'invalid_redirect_url'],
  ] as const) {
    it(`rejects ${attr}="${value}": still ready, the message shown without a retry, focus kept, oauth-error, no redirect`, async () => {
      const { el, fake, statuses } = await mountButtons({ clerk: scenarios.ready, attrs: { [attr]: value } });
      const errors: OAuthErrorEvent[] = [];
      document.addEventListener('oauth-error', (e) => errors.push(e), { once: true });
      const redirects: Event[] = [];
      el.addEventListener('oauth-redirect', (e) => redirects.push(e));
      const google = button(el, 'oauth_google');
      google.focus();
      google.click();
      await el.updateComplete;
      expect(el.status).to.equal('ready');
      expect(statuses()).to.deep.equal(['ready']);
      expect(errors[0]).to.include({ strategy: 'oauth_google', code, bubbles: true, composed: true });
      expect(alertText(el)).to.equal(errors[0]!.message);
      expect(shadow(el).querySelector('[part=retry]')).to.equal(null);
      expect(el.shadowRoot!.activeElement).to.equal(google);
      expect(redirects).to.have.length(0);
      expect(fake.callsTo('signIn.authenticateWithRedirect')).to.have.length(0);
    });
  }

  it("allows another origin the provider's allowed-redirect-origins lists", async () => {
    const { el, fake } = await mountButtons({ clerk: scenarios.ready, attrs: { 'redirect-url-complete': 'https://app.example/home' }, allowedOrigins: 'https://app.example' });
    button(el, 'oauth_google').click();
    expect(fake.callsTo('signIn.authenticateWithRedirect')[0]![0]).to.include({ redirectUrlComplete: 'https://app.example/home' });
  });

  it("a failed click leaves the element ready: Clerk's long message in the live region, no retry, focus kept, the code on the event, the buttons work again", async () => {
    const { el, fake, statuses } = await mountButtons({ clerk: scenarios.strategyDisabled });
    const errors: OAuthErrorEvent[] = [];
    el.addEventListener('oauth-error', (e) => errors.push(e));
    const google = button(el, 'oauth_google');
    google.focus();
    google.click();
    expect(el.status).to.equal('redirecting');
    await until(() => errors.length === 1, 'oauth-error');
    await el.updateComplete;
    expect(el.status).to.equal('ready');
    expect(el.getAttribute('status')).to.equal('ready');
    expect(errors[0]).to.include({ strategy: 'oauth_google', code: 'strategy_for_user_invalid', message: 'This sign-in strategy is not enabled for this application.' });
    expect(el.error?.code).to.equal('strategy_for_user_invalid');
    const region = shadow(el).querySelector('[part=error]')!;
    expect(region.getAttribute('role')).to.equal('alert');
    expect(region.textContent!.trim()).to.equal('This sign-in strategy is not enabled for this application.');
    expect(messageNode(el)!.textContent).to.equal('This sign-in strategy is not enabled for this application.');
    expect(region.querySelector('[part=actions]')).to.equal(null);
    expect(region.querySelector('[part=retry]')).to.equal(null);
    expect(buttons(el).map((b) => b.getAttribute('aria-disabled'))).to.deep.equal(['false', 'false']);
    expect(el.shadowRoot!.activeElement).to.equal(google);
    expect(statuses()).to.deep.equal(['ready', 'redirecting', 'ready']);
    await expect(el).to.be.accessible();
    button(el, 'oauth_github').click();
    expect(el.error).to.equal(undefined);
    expect(fake.callsTo('signIn.authenticateWithRedirect')).to.have.length(2);
  });

  it('a non-API failure still gets a message and a code', async () => {
    const { el } = await mountButtons({ clerk: { authenticateError: new Error('boom') } });
    button(el, 'oauth_google').click();
    await until(() => el.error !== undefined, 'the error');
    expect(el.status).to.equal('ready');
    expect(el.error).to.include({ code: 'oauth_failed', message: 'boom' });
    await el.updateComplete;
    expect(messageNode(el)!.textContent).to.equal('boom');
  });

  it('empty: no provider enabled says so instead of rendering nothing', async () => {
    const { el } = await mountButtons({ clerk: scenarios.noProviders });
    expect(el.status).to.equal('empty');
    expect(buttons(el)).to.have.length(0);
    expect(shadow(el).querySelector('[part=empty]')!.textContent).to.equal('No social sign-in providers are enabled for this application.');
    await expect(el).to.be.accessible();
  });

  it('empty when every requested strategy is disabled', async () => {
    const warn = console.warn;
    console.warn = () => {};
    try {
      const { el } = await mountButtons({ clerk: scenarios.ready, attrs: { strategies: 'apple' } });
      expect(el.status).to.equal('empty');
    } finally {
      console.warn = warn;
    }
  });

  it('show-last-used puts the last used provider first, alone, with the long label and a badge', async () => {
    const { el } = await mountButtons({ clerk: { ...scenarios.manyProviders, lastAuthenticationStrategy: 'oauth_github' }, attrs: { 'show-last-used': true } });
    expect(strategiesShown(el)[0]).to.equal('oauth_github');
    const github = button(el, 'oauth_github');
    expect(github.className).to.equal('block');
    expect(github.querySelector('[part=label]')!.textContent).to.equal('Continue with GitHub');
    expect(github.querySelector('[part=badge]')!.textContent).to.equal('Last used');
    expect(github.getBoundingClientRect().width).to.be.greaterThan(button(el, 'oauth_google').getBoundingClientRect().width * 2);
    expect(shadow(el).querySelectorAll('[part=badge]')).to.have.length(1);
    expect(shadow(el).querySelector<HTMLElement>('[part=list]')!.style.getPropertyValue('--_columns')).to.equal('4');
    await expect(el).to.be.accessible();
    el.showLastUsed = false;
    await el.updateComplete;
    expect(shadow(el).querySelector('[part=badge]')).to.equal(null);
  });

  it('show-last-used ignores a last used strategy that is not shown', async () => {
    const { el } = await mountButtons({ clerk: { lastAuthenticationStrategy: 'oauth_apple' }, attrs: { 'show-last-used': true } });
    expect(shadow(el).querySelector('[part=badge]')).to.equal(null);
  });

  it('self-hosted icons load from icon-base-url; a failing icon falls back to the initial letter', async () => {
    const { el } = await mountButtons({ clerk: scenarios.ready, attrs: { 'icon-base-url': ICONS } });
    const img = button(el, 'oauth_google').querySelector('img')!;
    expect(img.getAttribute('src')).to.equal(`${ICONS}/google.svg`);
    expect(img.getAttribute('alt')).to.equal('');
    await until(() => img.complete && img.naturalWidth > 0, 'icon loaded');
    el.iconBaseUrl = '/no-such-icons';
    await el.updateComplete;
    await until(() => buttons(el).length === 2 && buttons(el).every((b) => !b.querySelector('img')), 'fallback to initials');
    expect(button(el, 'oauth_google').querySelector('[part~=initial]')!.textContent).to.equal('G');
    expect(button(el, 'oauth_github').querySelector('[part~=initial]')!.textContent).to.equal('G');
  });

  it('a slotted icon-<provider> replaces that icon only', async () => {
    const { el } = await mountButtons({ clerk: scenarios.ready, attrs: { 'icon-base-url': ICONS }, children: html`<img slot="icon-github" alt="" src="data:image/gif;base64,R0lGODlhAQABAAAAACw=" />` });
    const slot = button(el, 'oauth_github').querySelector<HTMLSlotElement>('slot[name=icon-github]')!;
    expect(slot.assignedElements()).to.have.length(1);
    expect(button(el, 'oauth_google').querySelector<HTMLSlotElement>('slot[name=icon-google]')!.assignedElements()).to.have.length(0);
  });

  it("labels come from the provider's localization (Clerk locale keys)", async () => {
    const de: Localization = {
      socialButtonsBlockButton: 'Weiter mit {{provider|titleize}}',
      socialButtonsBlockButtonManyInView: '{{provider|titleize}}',
      lastAuthenticationStrategy: 'Zuletzt verwendet',
    };
    const { el } = await mountButtons({ clerk: { providers: ['oauth_google', 'oauth_github'], lastAuthenticationStrategy: 'oauth_google' }, attrs: { 'show-last-used': true }, localization: de });
    expect(accessibleName(button(el, 'oauth_google'))).to.equal('Weiter mit Google');
    expect(accessibleName(button(el, 'oauth_github'))).to.equal('Weiter mit GitHub');
    expect(button(el, 'oauth_google').querySelector('[part=badge]')!.textContent).to.equal('Zuletzt verwendet');
  });

  it('adds one #clerk-captcha to the light DOM when the page has none, and removes it when it leaves', async () => {
    const { el } = await mountButtons({ clerk: scenarios.ready, attrs: { mode: 'sign-up' } });
    const captcha = document.querySelectorAll('#clerk-captcha');
    expect(captcha).to.have.length(1);
    expect(captcha[0]!.parentElement).to.equal(el);
    expect(captcha[0]!.getAttribute('slot')).to.equal('captcha');
    const parent = el.parentElement!;
    el.remove();
    expect(document.querySelectorAll('#clerk-captcha')).to.have.length(0);
    parent.append(el);
    expect(document.querySelectorAll('#clerk-captcha')).to.have.length(1);
  });

  it("inside another element's shadow root, the #clerk-captcha goes where Clerk's document.getElementById finds it", async () => {
    const app = document.createElement('div');
    document.body.append(app);
    const shadowRoot = app.attachShadow({ mode: 'open' });
    const el = document.createElement(tagOf(OAuthButtonsElement)) as OAuthButtonsElement;
    shadowRoot.append(el);
    try {
      await el.updateComplete;
      const captcha = document.getElementById('clerk-captcha');
      expect(captcha, 'reachable by id from the document').to.not.equal(null);
      expect(captcha!.parentElement).to.equal(document.body);
      el.remove();
      expect(document.getElementById('clerk-captcha')).to.equal(null);
    } finally {
      app.remove();
    }
  });

  it("keeps the page's own #clerk-captcha", async () => {
    const own = document.createElement('div');
    own.id = 'clerk-captcha';
    document.body.append(own);
    const { el } = await mountButtons({ clerk: scenarios.ready });
    expect(document.querySelectorAll('#clerk-captcha')).to.have.length(1);
    expect(el.querySelector('#clerk-captcha')).to.equal(null);
    own.remove();
  });

  it('moving the element while a click is held still makes one redirect', async () => {
    const fake = new GatedClerk(scenarios.ready);
    const { el } = await mountButtons({ clerk: fake, attrs: { strategies: 'google' }, waitReady: false });
    button(el, 'oauth_google').click();
    const parent = el.parentElement!;
    el.remove();
    parent.append(el);
    fake.open();
    await until(() => el.status === 'redirecting', 'redirecting');
    fake.emit();
    await el.updateComplete;
    expect(fake.callsTo('signIn.authenticateWithRedirect')).to.have.length(1);
  });

  it('a held click for a strategy the instance turns out not to offer becomes a message while ready, not a redirect', async () => {
    const fake = new GatedClerk({ providers: ['oauth_google'] });
    const warn = console.warn;
    console.warn = () => {};
    try {
      const { el, statuses } = await mountButtons({ clerk: fake, attrs: { strategies: 'github, google' }, waitReady: false });
      button(el, 'oauth_github').click();
      fake.open();
      await until(() => el.status !== 'loading', 'leaves loading');
      expect(el.status).to.equal('ready');
      expect(el.error?.code).to.equal('strategy_not_enabled');
      expect(statuses()).to.deep.equal(['ready']);
      expect(fake.callsTo('signIn.authenticateWithRedirect')).to.have.length(0);
      await el.updateComplete;
      expect(strategiesShown(el)).to.deep.equal(['oauth_google']);
      expect(messageNode(el)!.textContent).to.equal('Signing in with github is not available for this application.');
    } finally {
      console.warn = warn;
    }
  });

  it('coming back from the provider through the back/forward cache makes the buttons usable again', async () => {
    const { el } = await mountButtons({ clerk: scenarios.ready });
    button(el, 'oauth_google').click();
    expect(el.status).to.equal('redirecting');
    window.dispatchEvent(new PageTransitionEvent('pageshow', { persisted: false }));
    expect(el.status).to.equal('redirecting');
    window.dispatchEvent(new PageTransitionEvent('pageshow', { persisted: true }));
    expect(el.status).to.equal('ready');
  });

  it('reports a Clerk without a client instead of throwing', async () => {
    const fake = new FakeClerk();
    const { el } = await mountButtons({ clerk: fake });
    (fake as unknown as { client: unknown }).client = undefined;
    fake.emit();
    button(el, 'oauth_google').click();
    await el.updateComplete;
    expect(el.error?.code).to.equal('client_not_ready');
  });
  it('mode="SIGN-UP" still signs up (and says sign-up on the event); an unknown mode signs in with one warning', async () => {
    const { el, fake } = await mountButtons({ clerk: scenarios.ready, attrs: { mode: 'SIGN-UP' } });
    let mode: string | undefined;
    el.addEventListener('oauth-redirect', (e) => (mode = e.mode));
    button(el, 'oauth_google').click();
    expect(fake.callsTo('signUp.authenticateWithRedirect')).to.have.length(1);
    expect(mode).to.equal('sign-up');
    const warnings: string[] = [];
    const warn = console.warn;
    console.warn = (message: string) => warnings.push(message);
    try {
      const { el: other, fake: otherFake } = await mountButtons({ clerk: scenarios.ready, attrs: { mode: 'register' } });
      button(other, 'oauth_google').click();
      window.dispatchEvent(new PageTransitionEvent('pageshow', { persisted: true }));
      button(other, 'oauth_github').click();
      expect(otherFake.callsTo('signIn.authenticateWithRedirect')).to.have.length(2);
      expect(warnings.filter((w) => w.includes('mode="register"'))).to.have.length(1);
    } finally {
      console.warn = warn;
    }
  });

  it('the events also carry their fields as detail, for CustomEvent-style listeners', async () => {
    const { el } = await mountButtons({ clerk: scenarios.strategyDisabled, attrs: { mode: 'sign-up' } });
    const details: unknown[] = [];
    el.addEventListener('oauth-redirect', (e) => details.push(e.detail));
    el.addEventListener('oauth-error', (e) => details.push(e.detail));
    button(el, 'oauth_github').click();
    await until(() => details.length === 2, 'both events');
    expect(details[0]).to.deep.equal({ strategy: 'oauth_github', mode: 'sign-up', url: `${ORIGIN}/sso-callback`, reason: 'oauth' });
    const message = 'This sign-in strategy is not enabled for this application.';
    expect(details[1]).to.deep.include({ strategy: 'oauth_github', code: 'strategy_for_user_invalid', field: 'strategy', message });
    expect((details[1] as { error: { code: string; message: string } }).error).to.include({ code: 'strategy_for_user_invalid', message });
  });

  it('the same error twice is a fresh node in the live region, so it is announced again', async () => {
    const { el, events } = await mountButtons({ clerk: scenarios.strategyDisabled });
    button(el, 'oauth_google').click();
    await until(() => events.of('oauth-error').length === 1, 'first error');
    await el.updateComplete;
    const first = messageNode(el)!;
    button(el, 'oauth_google').click();
    await until(() => events.of('oauth-error').length === 2, 'second error');
    await el.updateComplete;
    const second = messageNode(el)!;
    expect(second.textContent).to.equal(first.textContent);
    expect(second).to.not.equal(first);
    expect(first.isConnected).to.equal(false);
  });

  it('icons carry a per-provider part; black logos get the dark-scheme tile', async () => {
    const { el } = await mountButtons({ clerk: { providers: ['oauth_google', 'oauth_github', { strategy: 'oauth_custom_bare', name: 'Bare' }] }, attrs: { 'icon-base-url': ICONS } });
    const github = button(el, 'oauth_github').querySelector('img')!;
    expect(github.getAttribute('part')).to.equal('icon icon-github');
    expect(github.classList.contains('mono')).to.equal(true);
    expect(button(el, 'oauth_google').querySelector('img')!.classList.contains('mono')).to.equal(false);
    expect(button(el, 'oauth_custom_bare').querySelector('[part~=initial]')!.getAttribute('part')).to.equal('icon icon-custom_bare initial');
    el.style.colorScheme = 'dark';
    await until(() => getComputedStyle(github).backgroundColor === 'rgb(244, 244, 245)', 'light tile in the dark scheme');
    el.style.colorScheme = 'light';
    await until(() => getComputedStyle(github).backgroundColor === 'rgba(0, 0, 0, 0)', 'no tile in the light scheme');
  });

  it('a long label wraps inside a narrow element instead of being cut off', async () => {
    const long: Localization = { socialButtonsBlockButton: 'Weiter mit {{provider|titleize}} und Ihrem bestehenden Unternehmenskonto anmelden' };
    const { el } = await mountButtons({ clerk: { providers: ['oauth_microsoft'] }, localization: long });
    el.style.width = '14rem';
    await el.updateComplete;
    const b = button(el, 'oauth_microsoft');
    const label = b.querySelector<HTMLElement>('[part=label]')!;
    expect(label.textContent).to.equal('Weiter mit Microsoft und Ihrem bestehenden Unternehmenskonto anmelden');
    expect(label.scrollWidth).to.be.at.most(label.clientWidth + 1);
    expect(b.getBoundingClientRect().right).to.be.at.most(el.getBoundingClientRect().right + 0.5);
    expect(b.getBoundingClientRect().height).to.be.greaterThan(60);
  });

  it('the "Last used" badge stays inside the element box (never over the content above)', async () => {
    const { el } = await mountButtons({ clerk: { ...scenarios.manyProviders, lastAuthenticationStrategy: 'oauth_github' }, attrs: { 'show-last-used': true } });
    const badge = shadow(el).querySelector('[part=badge]')!.getBoundingClientRect();
    expect(badge.top).to.be.at.least(el.getBoundingClientRect().top);
  });
});
