import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { unsafeStatic, html as staticHtml } from 'lit/static-html.js';
import { ClerkProviderElement } from '../src/elements/clerk-provider/clerk-provider.js';
import { clerkScriptUrl, parsePublishableKey } from '../src/clerk-loader.js';
import { translate } from '../src/localization.js';
import { OAUTH_BUTTONS_ENGLISH } from '../src/elements/oauth-buttons/strings.js';
import type { ClerkErrorEvent, ClerkReadyEvent, ClerkRedirectEvent, StatusChangeEvent } from '../src/events.js';
import { FakeClerk, asClerk } from '../src/testing/index.js';
import { clerkContext, type ClerkInstance } from '../src/context.js';
import { TestConsumerElement, freshTag, keyFor, resetClerkGlobals, until } from './helpers.js';

const PROVIDER = freshTag('test-provider', ClerkProviderElement);
const CONSUMER = freshTag('test-consumer', TestConsumerElement);
const providerTag = unsafeStatic(PROVIDER);
const consumerTag = unsafeStatic(CONSUMER);
const KEY = keyFor('clerk.example.test');
const FIXTURE = new URL('./fixtures/clerk-script.js', import.meta.url).href;

type ProviderEl = ClerkProviderElement;
type ConsumerEl = TestConsumerElement;
type PageClerk = ClerkInstance & { loadCalls: unknown[]; proxyUrl?: string; publishableKey: string };
const pageClerk = () => (window as unknown as { Clerk?: PageClerk }).Clerk;
const scripts = () => document.querySelectorAll('script[data-clerk-oauth-elements]');

describe('parsePublishableKey', () => {
  it('decodes the Frontend API host and instance type', () => {
    expect(parsePublishableKey(keyFor('clerk.example.com'))).to.deep.equal({ instanceType: 'development', frontendApi: 'clerk.example.com' });
    expect(parsePublishableKey(`pk_live_${btoa('clerk.acme.io$')}`)).to.deep.equal({ instanceType: 'production', frontendApi: 'clerk.acme.io' });
  });
  for (const [key, why] of [
    ['', 'missing'],
    ['sk_test_abc', 'must start with pk_test_'],
    ['pk_test_%%%', 'must start with pk_test_'],
    [`pk_test_${btoa('clerk.example.com')}`, 'does not end with $'],
    [`pk_test_${btoa('localhost$')}`, 'not a host name'],
    ['pk_test_!!!', 'must start'],
  ] as const) {
    it(`rejects "${key}" (${why})`, () => {
      const result = parsePublishableKey(key);
      expect(result).to.have.property('code', 'invalid_publishable_key');
      expect((result as { message: string }).message).to.contain(why);
    });
  }
});

describe('clerkScriptUrl', () => {
  const source = { publishableKey: KEY, frontendApi: 'clerk.example.test' };
  it('loads from the Frontend API host by default, at the tested major', () => {
    expect(clerkScriptUrl(source)).to.equal('https://clerk.example.test/npm/@clerk/clerk-js@6/dist/clerk.browser.js');
  });
  it('loads through the proxy, relative or absolute', () => {
    expect(clerkScriptUrl({ ...source, proxyUrl: '/__clerk/' }, 'http://app.test/page')).to.equal(
      'http://app.test/__clerk/npm/@clerk/clerk-js@6/dist/clerk.browser.js',
    );
    expect(clerkScriptUrl({ ...source, proxyUrl: 'https://proxy.test/clerk', clerkJsVersion: '6.40.0' })).to.equal(
      'https://proxy.test/clerk/npm/@clerk/clerk-js@6.40.0/dist/clerk.browser.js',
    );
  });
  it('uses the satellite domain for production hosts, and clerk-js-url above all', () => {
    expect(clerkScriptUrl({ ...source, domain: 'satellite.test' })).to.equal('https://clerk.satellite.test/npm/@clerk/clerk-js@6/dist/clerk.browser.js');
    expect(clerkScriptUrl({ ...source, frontendApi: 'x.accounts.dev', domain: 'satellite.test' })).to.contain('https://x.accounts.dev/');
    expect(clerkScriptUrl({ ...source, clerkJsUrl: '/vendor/clerk.js' }, 'http://app.test/')).to.equal('http://app.test/vendor/clerk.js');
  });
});

describe('<clerk-provider>', () => {
  beforeEach(resetClerkGlobals);
  afterEach(resetClerkGlobals);

  it('never affects layout', async () => {
    const el = await fixture<ProviderEl>(staticHtml`<${providerTag} .clerk=${asClerk(new FakeClerk())}></${providerTag}>`);
    expect(getComputedStyle(el).display).to.equal('contents');
  });

  it('reports a malformed key at once, without any network request', async () => {
    const requests: string[] = [];
    const observer = new PerformanceObserver((list) => list.getEntries().forEach((e) => requests.push(e.name)));
    observer.observe({ type: 'resource' });
    const errors: ClerkErrorEvent[] = [];
    document.addEventListener('clerk-error', (e) => errors.push(e), { once: true });
    const el = await fixture<ProviderEl>(staticHtml`<${providerTag} publishable-key="pk_test_bm90LWEta2V5"></${providerTag}>`);
    await until(() => el.status === 'error', 'error status');
    observer.disconnect();
    expect(el.getAttribute('status')).to.equal('error');
    expect(el.error?.code).to.equal('invalid_publishable_key');
    expect(errors[0]?.code).to.equal('invalid_publishable_key');
    expect(errors[0]?.bubbles && errors[0]?.composed).to.equal(true);
    expect(scripts()).to.have.length(0);
    // Our own modules (the provider's runtime chunk) are no request to Clerk.
    expect(requests.filter((r) => r.includes('clerk') && !new URL(r).pathname.startsWith('/src/'))).to.deep.equal([]);
    // No element inside reports it, so the provider shows it, with a way out.
    const alert = el.shadowRoot!.querySelector('[part=error]')!;
    expect(alert.textContent).to.contain('publishable key is not valid');
    expect(el.shadowRoot!.querySelector('[part=retry]'), 'with Try again').to.not.equal(null);
    expect(alert.getAttribute('role')).to.equal('alert');
    await expect(el).to.be.accessible();
  });

  it('loads clerk-js by script tag with the key and proxy as data attributes, then calls load() once', async () => {
    const el = await fixture<ProviderEl>(
      staticHtml`<${providerTag} publishable-key=${KEY} clerk-js-url=${FIXTURE} proxy-url="/__clerk" sign-in-url="/sign-in" sign-up-fallback-redirect-url="/welcome"></${providerTag}>`,
    );
    expect(el.status).to.equal('loading');
    const ready = (await oneEvent(el, 'clerk-ready')) as ClerkReadyEvent;
    expect(el.status).to.equal('ready');
    expect(ready.clerk).to.equal(pageClerk());
    const [script] = scripts() as NodeListOf<HTMLScriptElement>;
    expect(script!.src).to.equal(FIXTURE);
    expect(script!.dataset.clerkPublishableKey).to.equal(KEY);
    expect(script!.dataset.clerkProxyUrl).to.equal('/__clerk');
    expect(pageClerk()!.loadCalls).to.have.length(1);
    const options = pageClerk()!.loadCalls[0] as Record<string, unknown>;
    expect(options.signInUrl).to.equal('/sign-in');
    expect(options.signUpFallbackRedirectUrl).to.equal('/welcome');
    expect(options).to.not.have.property('signUpUrl');
    expect(options.routerPush).to.be.a('function');
    // A failed request is an error even when clerk-js thinks the browser is offline (it would answer null).
    expect(options.experimental).to.deep.equal({ rethrowOfflineNetworkErrors: true });
  });

  it("routes clerk-js's own navigations through one announced, cancelable exit, and refuses other origins", async () => {
    const fake = new FakeClerk();
    const routed: Array<[string, boolean | undefined]> = [];
    const el = await fixture<ProviderEl>(staticHtml`<${providerTag} .clerk=${asClerk(fake)} .navigate=${(to: string, o?: { replace?: boolean }) => routed.push([to, o?.replace])}></${providerTag}>`);
    await until(() => el.status === 'ready', 'ready');
    const options = fake.options as { routerPush: (to: string) => Promise<unknown>; routerReplace: (to: string) => Promise<unknown> };
    const seen: ClerkRedirectEvent[] = [];
    el.addEventListener('clerk-redirect', (e) => seen.push(e));
    await options.routerPush('/sign-in#/factor-one');
    await options.routerReplace(`${location.origin}/done`);
    expect(routed).to.deep.equal([
      ['/sign-in#/factor-one', false],
      ['/done', true],
    ]);
    expect(seen.map((e) => [e.url, e.reason, e.cancelable])).to.deep.equal([
      [`${location.origin}/sign-in#/factor-one`, 'clerk', true],
      [`${location.origin}/done`, 'clerk', true],
    ]);
    const cancel = (e: Event) => e.preventDefault();
    el.addEventListener('clerk-redirect', cancel, { once: true });
    await options.routerPush('/elsewhere');
    expect(routed, 'a cancelled navigation is left to the page').to.have.length(2);
    let refused: unknown;
    await options.routerPush('https://evil.example/').catch((e: unknown) => (refused = e));
    expect(String(refused)).to.contain('evil.example');
    expect(routed).to.have.length(2);
  });

  it('keeps status read-only: assignments and status attributes from the page are ignored', async () => {
    const fake = new FakeClerk();
    const el = await fixture<ProviderEl>(staticHtml`<${providerTag} .clerk=${asClerk(fake)}></${providerTag}>`);
    await until(() => el.status === 'ready', 'ready');
    (el as unknown as { status: string }).status = 'error';
    expect(el.status).to.equal('ready');
    el.setAttribute('status', 'error');
    expect(el.getAttribute('status')).to.equal('ready');
  });

  it('passes its CSP nonce to the script it adds', async () => {
    const el = document.createElement(PROVIDER) as ProviderEl;
    el.nonce = 'abc123';
    el.setAttribute('publishable-key', KEY);
    el.setAttribute('clerk-js-url', FIXTURE);
    document.body.append(el);
    await oneEvent(el, 'clerk-ready');
    expect((scripts()[0] as HTMLScriptElement).nonce).to.equal('abc123');
    el.remove();
  });

  it('reuses window.Clerk when the page already has it: no script, one load()', async () => {
    const fake = new FakeClerk();
    (window as unknown as { Clerk: unknown }).Clerk = fake;
    const el = await fixture<ProviderEl>(staticHtml`<${providerTag} publishable-key=${KEY}></${providerTag}>`);
    await until(() => el.status === 'ready', 'ready');
    expect(scripts()).to.have.length(0);
    expect(fake.callsTo('load')).to.have.length(1);
  });

  it("waits for the page's own load() under way instead of starting a second one (the page's options stand)", async () => {
    const fake = new FakeClerk({ loadDelay: 30 });
    (window as unknown as { Clerk: unknown }).Clerk = fake;
    const pageLoad = fake.load({ signInUrl: '/page-sign-in' });
    const el = await fixture<ProviderEl>(staticHtml`<${providerTag} publishable-key=${KEY} sign-in-url="/ours"></${providerTag}>`);
    expect(el.status).to.equal('loading');
    await until(() => el.status === 'ready', 'ready');
    await pageLoad;
    expect(fake.callsTo('load')).to.have.length(1);
    expect(fake.options.signInUrl).to.equal('/page-sign-in');
    expect(scripts()).to.have.length(0);
  });

  it("says so when the page's own load() under way fails, and Try again loads the page's Clerk itself", async () => {
    const fake = new FakeClerk({ loadDelay: 30, loadError: new Error('page load failed') });
    (window as unknown as { Clerk: unknown }).Clerk = fake;
    void fake.load().catch(() => {});
    const el = document.createElement(PROVIDER) as ProviderEl;
    el.setAttribute('publishable-key', KEY);
    const failed = oneEvent(el, 'clerk-error');
    document.body.append(el);
    const error = (await failed) as unknown as ClerkErrorEvent;
    expect(error.code).to.equal('clerk_load_failed');
    expect(error.message).to.contain("the page's own Clerk.load() failed");
    expect(fake.callsTo('load')).to.have.length(1);
    fake.config.loadError = undefined;
    await el.updateComplete;
    el.shadowRoot!.querySelector<HTMLButtonElement>('[part=retry]')!.click();
    await until(() => el.status === 'ready', 'ready after retry');
    expect(fake.callsTo('load')).to.have.length(2);
    el.remove();
  });

  it('shares one script and one load() between two providers on one page', async () => {
    const wrapper = await fixture<HTMLElement>(staticHtml`<div>
      <${providerTag} publishable-key=${KEY} clerk-js-url=${FIXTURE}></${providerTag}>
      <${providerTag} publishable-key=${KEY} clerk-js-url=${FIXTURE}></${providerTag}>
    </div>`);
    const [a, b] = wrapper.querySelectorAll(PROVIDER) as NodeListOf<ProviderEl>;
    await until(() => a!.status === 'ready' && b!.status === 'ready', 'both ready');
    expect(scripts()).to.have.length(1);
    expect((window as unknown as { clerkScriptRuns: number }).clerkScriptRuns).to.equal(1);
    expect(pageClerk()!.loadCalls).to.have.length(1);
    expect(a!.instance).to.equal(b!.instance);
  });

  it('takes an existing instance through the clerk property and loads nothing', async () => {
    const fake = new FakeClerk({ providers: ['oauth_google', { strategy: 'oauth_custom_acme', name: 'Acme', logoUrl: '/acme.svg' }] });
    const statuses: string[] = [];
    const el = document.createElement(PROVIDER) as ProviderEl;
    el.addEventListener('oauth-elements-status', (e) => statuses.push((e as StatusChangeEvent).status));
    el.clerk = asClerk(fake);
    document.body.append(el);
    await until(() => el.status === 'ready', 'ready');
    expect(statuses).to.deep.equal(['ready']);
    expect(scripts()).to.have.length(0);
    expect(fake.callsTo('load')).to.have.length(1);
    el.remove();
  });

  it('reports a script that fails to load, and loads from a corrected clerk-js-url', async () => {
    const el = await fixture<ProviderEl>(
      staticHtml`<${providerTag} publishable-key=${KEY} clerk-js-url="/test/fixtures/missing.js"></${providerTag}>`,
    );
    const error = (await oneEvent(el, 'clerk-error')) as ClerkErrorEvent;
    expect(error.code).to.equal('script_load_failed');
    expect(error.message).to.contain('/test/fixtures/missing.js');
    expect(el.status).to.equal('error');
    expect(scripts(), 'the failed tag is removed').to.have.length(0);
    el.clerkJsUrl = FIXTURE;
    await el.updateComplete;
    await until(() => el.status === 'ready', 'ready after the URL was fixed');
  });

  it('offers retry() after a failed script, which adds the script again and loads', async () => {
    const url = `${location.origin}/__flaky/${Math.random().toString(36).slice(2)}/clerk.js`;
    const el = await fixture<ProviderEl>(staticHtml`<${providerTag} publishable-key=${KEY} clerk-js-url=${url}></${providerTag}>`);
    await until(() => el.status === 'error', 'the first load to fail');
    await el.updateComplete;
    const retry = el.shadowRoot!.querySelector<HTMLButtonElement>('[part=retry]')!;
    expect(retry, 'the provider offers a way out').to.not.equal(null);
    retry.click();
    expect(el.status).to.equal('loading');
    await until(() => el.status !== 'loading', 'the second load');
    expect(el.status).to.equal('ready');
    // Browsers do not ask again for a script URL that failed on this page: the retry asks for a fresh one.
    expect((scripts()[0] as HTMLScriptElement).src).to.equal(`${url}?retry=1`);
    expect(pageClerk()!.loadCalls).to.have.length(1);
  });

  it('reports a script that is not clerk-js', async () => {
    const el = await fixture<ProviderEl>(
      staticHtml`<${providerTag} publishable-key=${KEY} clerk-js-url=${new URL('./fixtures/not-clerk.js', import.meta.url).href}></${providerTag}>`,
    );
    const error = (await oneEvent(el, 'clerk-error')) as ClerkErrorEvent;
    expect(error.code).to.equal('script_load_failed');
    expect(error.message).to.contain('did not define window.Clerk');
  });

  it('reports a rejected load() with its cause, and retry() loads again', async () => {
    let fail = true;
    const fake = new FakeClerk();
    const load = fake.load.bind(fake);
    fake.load = async (options) => {
      if (fail) {
        fake.record('load', [options]);
        throw new Error('environment request failed (503)');
      }
      return load(options);
    };
    const el = document.createElement(PROVIDER) as ProviderEl;
    el.clerk = asClerk(fake);
    const failed = oneEvent(el, 'clerk-error');
    document.body.append(el);
    const error = (await failed) as unknown as ClerkErrorEvent;
    expect(error.code).to.equal('clerk_load_failed');
    expect(error.message).to.contain('environment request failed (503)');
    await el.updateComplete;
    const retry = el.shadowRoot!.querySelector<HTMLButtonElement>('[part=retry]')!;
    expect(retry.textContent).to.equal('Try again');
    fail = false;
    retry.click();
    await until(() => el.status === 'ready', 'ready after retry');
    expect(fake.callsTo('load')).to.have.length(2);
    el.remove();
  });

  it("treats a Clerk that loaded without reaching its servers ('degraded') as an error, and retry() refetches", async () => {
    const fake = new FakeClerk();
    let reachable = false;
    const reloads: boolean[] = [];
    const load = fake.load.bind(fake);
    fake.load = async (options) => {
      await load(options);
      fake.status = 'degraded' as typeof fake.status;
    };
    Object.assign(fake, {
      async __internal_reloadInitialResources() {
        reloads.push(reachable);
        if (!reachable) throw new Error('Failed to fetch');
      },
    });
    const el = document.createElement(PROVIDER) as ProviderEl;
    el.clerk = asClerk(fake);
    const failed = oneEvent(el, 'clerk-error');
    document.body.append(el);
    expect(((await failed) as unknown as ClerkErrorEvent).code).to.equal('clerk_unavailable');
    expect(reloads, 'clerk-js already retried: no refetch before the visitor asks').to.deep.equal([]);
    el.retry();
    await until(() => el.status === 'error' && reloads.length === 1, 'the failed retry');
    reachable = true;
    el.retry();
    await until(() => el.status === 'ready', 'ready after a successful refetch');
    expect(reloads).to.deep.equal([false, true]);
    expect(fake.callsTo('load')).to.have.length(1);
    el.remove();
  });

  it("treats a Clerk that says 'ready' on its empty placeholder environment, or without a client, as unreachable; retry() refetches", async () => {
    for (const broken of ['placeholder environment', 'no client'] as const) {
      const fake = new FakeClerk();
      const client = fake.client;
      const display = fake.__internal_environment.displayConfig as { id?: string };
      const breakIt = () => (broken === 'no client' ? Object.assign(fake, { client: undefined }) : (display.id = ''));
      const heal = () => (broken === 'no client' ? Object.assign(fake, { client }) : (display.id = 'display_config_x'));
      const load = fake.load.bind(fake);
      fake.load = async (options) => {
        await load(options);
        breakIt();
      };
      let reachable = false;
      Object.assign(fake, {
        async __internal_reloadInitialResources() {
          if (reachable) heal();
        },
      });
      const el = document.createElement(PROVIDER) as ProviderEl;
      el.clerk = asClerk(fake);
      const failed = oneEvent(el, 'clerk-error');
      document.body.append(el);
      expect(((await failed) as unknown as ClerkErrorEvent).code, broken).to.equal('clerk_unavailable');
      el.retry();
      await until(() => el.status === 'error', `${broken}: a refetch that brings nothing stays an error`);
      reachable = true;
      el.retry();
      await until(() => el.status === 'ready', `${broken}: ready after a refetch that worked`);
      el.remove();
    }
  });

  it('a localization set while Clerk still loads reaches the elements inside at once', async () => {
    const fake = new FakeClerk({ loadDelay: Infinity });
    const el = await fixture<ProviderEl>(staticHtml`<${providerTag} .clerk=${asClerk(fake)}><${consumerTag}></${consumerTag}></${providerTag}>`);
    const consumer = el.querySelector(CONSUMER) as ConsumerEl;
    el.localization = { socialButtonsBlockButton: 'Weiter mit {{provider|titleize}}' };
    await until(() => consumer.value.localization.socialButtonsBlockButton === 'Weiter mit {{provider|titleize}}', 'the locale while loading');
    expect([el.status, consumer.value.status]).to.deep.equal(['loading', 'loading']);
  });

  it('gives consumers the instance, providers, URLs and the page localization, and updates them on every Clerk change', async () => {
    const fake = new FakeClerk({ providers: ['oauth_google', { strategy: 'oauth_custom_acme', name: '', logoUrl: '/acme.svg' }] });
    const el = await fixture<ProviderEl>(staticHtml`<${providerTag}
        .clerk=${asClerk(fake)}
        .localization=${{ socialButtonsBlockButton: 'Weiter mit {{provider|titleize}}', lastAuthenticationStrategy: '' }}
        sign-in-url="/sign-in" allowed-redirect-origins="https://app.example.com, not a url">
        <${consumerTag}></${consumerTag}>
      </${providerTag}>`);
    const consumer = el.querySelector(CONSUMER) as ConsumerEl;
    await until(() => consumer.status === 'ready', 'consumer ready');
    const value = consumer.value;
    expect(value.clerk).to.equal(fake);
    expect(value.instance.socialProviders.map((p) => [p.strategy, p.name, p.logoUrl])).to.deep.equal([
      ['oauth_google', 'Google', undefined],
      ['oauth_custom_acme', 'Acme', '/acme.svg'],
    ]);
    expect(value.urls).to.deep.include({ signInUrl: '/sign-in', allowedRedirectOrigins: ['https://app.example.com'] });
    expect(value.localization.socialButtonsBlockButton).to.equal('Weiter mit {{provider|titleize}}');
    // The page's labels as given; every element falls back to its own English, blank overrides included.
    expect(translate(value.localization, 'lastAuthenticationStrategy', undefined, OAUTH_BUTTONS_ENGLISH), 'blank overrides are ignored').to.equal('Last used');
    const before = consumer.received;
    await fake.signOut();
    expect(consumer.received).to.be.greaterThan(before);
    expect(consumer.value).to.not.equal(value);
    // The provider does not show errors itself while an element inside does.
    const block = el.shadowRoot!.querySelector('[part=error]')!;
    expect(block.getAttribute('role'), 'the live region is always there').to.equal('alert');
    expect(block.textContent!.trim()).to.equal('');
  });

  it('hands late-upgrading consumers the value once the provider is defined', async () => {
    const lateTag = `late-provider-${Math.random().toString(36).slice(2, 8)}`;
    const fake = new FakeClerk();
    const wrapper = await fixture<HTMLElement>(
      staticHtml`<div><${unsafeStatic(lateTag)}><${consumerTag}></${consumerTag}></${unsafeStatic(lateTag)}></div>`,
    );
    const consumer = wrapper.querySelector(CONSUMER) as ConsumerEl;
    const late = wrapper.querySelector(lateTag) as ProviderEl;
    (late as unknown as { clerk: unknown }).clerk = fake;
    customElements.define(lateTag, class extends ClerkProviderElement {});
    await until(() => consumer.status === 'ready', 'consumer ready after the provider upgraded');
    expect(consumer.value.clerk).to.equal(fake);
  });

  it('removes its Clerk listener when disconnected, and keeps its instance when moved', async () => {
    const fake = new FakeClerk();
    const el = await fixture<ProviderEl>(staticHtml`<${providerTag} .clerk=${asClerk(fake)}></${providerTag}>`);
    await until(() => el.status === 'ready', 'ready');
    expect(fake.listenerCount).to.equal(1);
    const readies: Event[] = [];
    el.addEventListener('clerk-ready', (e) => readies.push(e));
    const host = el.parentElement!;
    el.remove();
    expect(fake.listenerCount).to.equal(0);
    host.append(el);
    await el.updateComplete;
    expect(el.status).to.equal('ready');
    expect(fake.listenerCount).to.equal(1);
    expect(readies, 'no second ready after a move').to.have.length(0);
    expect(fake.callsTo('load')).to.have.length(1);
  });

  it('is accessible while loading and when ready', async () => {
    const el = await fixture<ProviderEl>(staticHtml`<${providerTag} .clerk=${asClerk(new FakeClerk({ loadDelay: Infinity }))}><p>content</p></${providerTag}>`);
    expect(el.status).to.equal('loading');
    await expect(el).to.be.accessible();
  });
});

describe('an element without a provider', () => {
  beforeEach(resetClerkGlobals);
  afterEach(resetClerkGlobals);

  it("uses the page's window.Clerk once the page has loaded it", async () => {
    const fake = new FakeClerk();
    (window as unknown as { Clerk: unknown }).Clerk = fake;
    const consumer = await fixture<ConsumerEl>(staticHtml`<${consumerTag}></${consumerTag}>`);
    expect(consumer.status).to.equal('loading');
    await fake.load();
    await until(() => consumer.status === 'ready', 'ready');
    expect(consumer.value.clerk).to.equal(fake);
    consumer.remove();
    expect(fake.listenerCount).to.equal(0);
  });

  it("says so when the page's own load() fails, instead of loading forever", async () => {
    const fake = new FakeClerk({ loadError: new Error('boom') });
    (window as unknown as { Clerk: unknown }).Clerk = fake;
    const consumer = await fixture<ConsumerEl>(staticHtml`<${consumerTag}></${consumerTag}>`);
    expect(consumer.status).to.equal('loading');
    await fake.load().catch(() => {});
    await until(() => consumer.status === 'error', 'error');
    expect(consumer.value.error?.code).to.equal('clerk_load_failed');
    consumer.remove();
    expect(fake.listenerCount).to.equal(0);
  });

  it('mounted and removed again and again, leaves no request of an element gone in the context root (no pile-up)', async () => {
    type Root = { pendingContextRequests: Map<unknown, { requests: Array<{ elementRef: WeakRef<Element> }> }> };
    const root = (document as unknown as Record<symbol, Root>)[Symbol.for('clerk-oauth-elements/context-root')]!;
    const requests = () => root.pendingContextRequests.get(clerkContext)?.requests ?? [];
    // The one that stays sits in a provider not defined yet.
    const lateTag = `test-late-provider-${Math.random().toString(36).slice(2, 8)}`;
    const host = await fixture<HTMLDivElement>(html`<div></div>`);
    const late = host.appendChild(document.createElement(lateTag));
    const stay = late.appendChild(document.createElement(CONSUMER)) as ConsumerEl;
    await stay.updateComplete;
    const removed: Element[] = []; // kept alive: only leaving the document may drop them
    for (let i = 0; i < 50; i++) {
      const el = host.appendChild(document.createElement(CONSUMER)) as ConsumerEl;
      await el.updateComplete;
      el.remove();
      removed.push(el);
    }
    expect(requests().filter(({ elementRef }) => !elementRef.deref()?.isConnected)).to.have.length(0);
    expect(requests().some(({ elementRef }) => elementRef.deref() === stay), 'the connected one still waits').to.equal(true);
    // Its provider, defined now, still finds it (the root asks again).
    const fake = new FakeClerk();
    await fake.load();
    (late as unknown as { clerk: ClerkInstance }).clerk = asClerk(fake);
    customElements.define(lateTag, class extends ClerkProviderElement {});
    await until(() => stay.status === 'ready' && stay.value.clerk === asClerk(fake), 'ready from the provider');
  });

  it('says so when the page has no Clerk at all, instead of loading forever', async () => {
    const consumer = await fixture<ConsumerEl>(html`<div></div>`).then(async (div) => {
      div.append(document.createElement(CONSUMER));
      return div.firstElementChild as ConsumerEl;
    });
    await until(() => consumer.status === 'error', 'error');
    expect(consumer.value.error?.code).to.equal('clerk_not_found');
    expect(consumer.value.error?.message).to.contain('<clerk-provider');
  });
});
