import { expect, fixture, html } from '@open-wc/testing';
import { unsafeStatic, html as staticHtml } from 'lit/static-html.js';
import { checkScriptSource, loadClerkScript } from '../src/clerk-loader.js';
import { ClerkProviderElement } from '../src/elements/clerk-provider/clerk-provider.js';
import type { ClerkInstance } from '../src/context.js';
import { FakeClerk, asClerk } from '../src/testing/index.js';
import { TestConsumerElement, freshTag, keyFor, resetClerkGlobals, until } from './helpers.js';

const PROVIDER = freshTag('loader-provider', ClerkProviderElement);
const providerTag = unsafeStatic(PROVIDER);
const CONSUMER = freshTag('loader-consumer', TestConsumerElement);
const KEY = keyFor('clerk.example.test');
const FIXTURE = new URL('./fixtures/clerk-script.js', import.meta.url).href;
const source = { publishableKey: KEY, frontendApi: 'clerk.example.test' };
const ours = () => document.querySelectorAll<HTMLScriptElement>('script[data-clerk-oauth-elements]');
const runs = () => (window as unknown as { clerkScriptRuns?: number }).clerkScriptRuns ?? 0;

// Captured before the loader's first use: the policy object the loader keeps to itself.
type Policy = { createScriptURL(url: string): unknown };
const policies: Policy[] = [];
const tt = (window as unknown as { trustedTypes?: { createPolicy(name: string, rules: object): Policy } }).trustedTypes;
if (tt) {
  const create = tt.createPolicy.bind(tt);
  tt.createPolicy = (name: string, rules: object) => {
    const made = create(name, rules);
    if (name === 'clerk-oauth-elements') policies.push(made);
    return made;
  };
}

describe('checkScriptSource: every setting that builds the script URL is checked', () => {
  const ok: Array<Record<string, string>> = [
    { domain: 'satellite.example.com' },
    { clerkJsVersion: '6' },
    { clerkJsVersion: '6.40.0' },
    { clerkJsVersion: '6.40.0-snapshot.202501' },
    { clerkJsVersion: 'latest' },
    { clerkJsVersion: 'snapshot' },
    { proxyUrl: '/__clerk' },
    { proxyUrl: 'https://proxy.example.com/clerk' },
    { proxyUrl: `${location.origin}/__clerk` },
    { clerkJsUrl: '/vendor/clerk.browser.js' },
    { clerkJsUrl: 'https://cdn.example.com/clerk.browser.js' },
    { integrity: 'sha384-oqVuAfXRKap7fdgcCY5uykM6+R9GqQ8K/uxy9rx7HNQlGYl1kPzQho1wx4JwY8wC' },
  ];
  for (const setting of ok) {
    it(`accepts ${JSON.stringify(setting)}`, () => expect(checkScriptSource({ ...source, ...setting })).to.equal(undefined));
  }
  const bad: Array<[Record<string, string>, string]> = [
    [{ domain: 'https://satellite.example.com' }, 'invalid_domain'],
    [{ domain: 'evil.example/x' }, 'invalid_domain'],
    [{ domain: 'evil.example:8443' }, 'invalid_domain'],
    [{ domain: 'evil.example?x=' }, 'invalid_domain'],
    [{ domain: 'user@evil.example' }, 'invalid_domain'],
    [{ domain: 'localhost' }, 'invalid_domain'],
    [{ clerkJsVersion: '6/../../evil' }, 'invalid_clerk_js_version'],
    [{ clerkJsVersion: '6?x=1' }, 'invalid_clerk_js_version'],
    [{ clerkJsVersion: '6#' }, 'invalid_clerk_js_version'],
    [{ clerkJsVersion: '@evil/pkg' }, 'invalid_clerk_js_version'],
    [{ clerkJsVersion: '1.2.3.4' }, 'invalid_clerk_js_version'],
    [{ proxyUrl: '//evil.example/clerk' }, 'invalid_proxy_url'],
    [{ proxyUrl: '/\\evil.example/clerk' }, 'invalid_proxy_url'],
    [{ proxyUrl: 'http://evil.example/clerk' }, 'invalid_proxy_url'],
    [{ proxyUrl: 'javascript:alert(1)' }, 'invalid_proxy_url'],
    [{ proxyUrl: 'https://user:pw@proxy.example.com' }, 'invalid_proxy_url'],
    [{ proxyUrl: '/__clerk?x=1' }, 'invalid_proxy_url'],
    [{ proxyUrl: 'clerk' }, 'invalid_proxy_url'],
    [{ clerkJsUrl: 'javascript:alert(1)' }, 'invalid_clerk_js_url'],
    [{ clerkJsUrl: 'data:text/javascript,alert(1)' }, 'invalid_clerk_js_url'],
    [{ clerkJsUrl: 'blob:https://evil.example/1' }, 'invalid_clerk_js_url'],
    [{ clerkJsUrl: 'java\tscript:alert(1)' }, 'invalid_clerk_js_url'],
    [{ clerkJsUrl: 'https://user:pw@cdn.example.com/clerk.js' }, 'invalid_clerk_js_url'],
    [{ integrity: 'md5-abc' }, 'invalid_clerk_js_integrity'],
    [{ integrity: 'sha384-' }, 'invalid_clerk_js_integrity'],
  ];
  for (const [setting, code] of bad) {
    it(`refuses ${JSON.stringify(setting)} (${code}) with a message naming the attribute`, () => {
      const problem = checkScriptSource({ ...source, ...setting });
      expect(problem).to.have.property('code', code);
      const attribute = { domain: 'domain', clerkJsVersion: 'clerk-js-version', proxyUrl: 'proxy-url', clerkJsUrl: 'clerk-js-url', integrity: 'clerk-js-integrity' }[Object.keys(setting)[0]!]!;
      expect(problem!.message).to.contain(attribute);
    });
  }

  it('a provider with a bad setting stops in error with that message, and adds no script', async () => {
    resetClerkGlobals();
    const el = await fixture<ClerkProviderElement>(staticHtml`<${providerTag} publishable-key=${KEY} clerk-js-version="6/../../x"></${providerTag}>`);
    await until(() => el.status === 'error', 'the provider stops');
    expect(el.error).to.have.property('code', 'invalid_clerk_js_version');
    expect(ours()).to.have.length(0);
  });
});

describe('loadClerkScript', () => {
  beforeEach(() => resetClerkGlobals());
  afterEach(() => {
    resetClerkGlobals();
    document.querySelectorAll('script[data-test-page-clerk]').forEach((s) => s.remove());
  });

  it("approves only the URL it computed: the package's Trusted Types policy refuses any other", async function () {
    if (!tt) this.skip();
    await loadClerkScript({ ...source, clerkJsUrl: FIXTURE });
    expect(policies, 'one policy, created on the first load').to.have.length(1);
    expect(() => policies[0]!.createScriptURL('https://evil.example/x.js')).to.throw(TypeError);
    expect(() => policies[0]!.createScriptURL(FIXTURE)).to.throw(TypeError, undefined, 'outside a load, even the right URL is refused');
    expect(Object.getOwnPropertySymbols(window).map(String)).to.not.include('Symbol(clerk-oauth-elements/trusted-types-policy)');
  });

  it('sets Subresource Integrity with crossorigin="anonymous", and the browser enforces it', async () => {
    const text = await (await fetch(FIXTURE)).text();
    const digest = await crypto.subtle.digest('SHA-384', new TextEncoder().encode(text));
    const integrity = `sha384-${btoa(String.fromCharCode(...new Uint8Array(digest)))}`;
    const clerk = await loadClerkScript({ ...source, clerkJsUrl: FIXTURE, integrity });
    expect(clerk).to.equal((window as unknown as { Clerk: ClerkInstance }).Clerk);
    expect(ours()[0]!.integrity).to.equal(integrity);
    expect(ours()[0]!.crossOrigin).to.equal('anonymous');

    resetClerkGlobals();
    const wrong = `sha384-${btoa('x'.repeat(48))}`;
    const failed = await loadClerkScript({ ...source, clerkJsUrl: `${FIXTURE}?sri`, integrity: wrong }).catch((e: unknown) => e);
    expect(failed).to.have.property('code', 'script_load_failed');
    expect((window as unknown as { Clerk?: unknown }).Clerk).to.equal(undefined);
  });

  it("waits for the page's own clerk-js tag that is still loading instead of adding a second", async () => {
    const page = document.createElement('script');
    page.src = `/__slow/150/${Math.random().toString(36).slice(2)}/clerk.js?clerk.browser.js`;
    page.dataset.clerkPublishableKey = KEY;
    page.dataset.testPageClerk = '';
    document.head.append(page);
    const before = runs();
    const clerk = await loadClerkScript({ ...source, clerkJsUrl: FIXTURE });
    expect(clerk).to.equal((window as unknown as { Clerk: ClerkInstance }).Clerk);
    expect(ours(), 'no tag of ours').to.have.length(0);
    expect(runs() - before, 'clerk-js ran once').to.equal(1);
  });

  it("adds its own tag when the page's clerk-js tag failed", async () => {
    const page = document.createElement('script');
    page.src = `/test/fixtures/missing-${Math.random().toString(36).slice(2)}/clerk.browser.js`;
    page.dataset.testPageClerk = '';
    document.head.append(page);
    const clerk = await loadClerkScript({ ...source, clerkJsUrl: FIXTURE });
    expect(clerk).to.equal((window as unknown as { Clerk: ClerkInstance }).Clerk);
    expect(ours()).to.have.length(1);
  });
});

describe('<clerk-provider> bounded waits', () => {
  beforeEach(() => resetClerkGlobals());
  afterEach(() => resetClerkGlobals());

  it('a script that does not answer ends in the timeout error; Try again waits for the same tag (never a second); its late answer ends ready', async () => {
    const url = `${location.origin}/__slow/700/${Math.random().toString(36).slice(2)}/clerk.js`;
    const el = await fixture<ClerkProviderElement>(staticHtml`<${providerTag} publishable-key=${KEY} clerk-js-url=${url} timeout="100"></${providerTag}>`);
    await until(() => el.status === 'error', 'the timeout');
    expect(el.error).to.have.property('code', 'timeout');
    expect(el.shadowRoot!.querySelector('[part=error-message]')!.textContent).to.equal('Clerk did not answer in time. Check your connection and try again.');
    el.shadowRoot!.querySelector<HTMLButtonElement>('[part=retry]')!.click();
    await until(() => el.status === 'ready', `the same load finishing (${el.status} ${el.error?.code} ${el.error?.message} ${ours().length} ${runs()})`, 3000);
    expect(ours()).to.have.length(1);
    expect(runs()).to.equal(1);
  });

  it("Clerk's load() that does not answer ends in the timeout error; Try again never calls load() twice", async () => {
    const fake = new FakeClerk({ loadDelay: 400 });
    const el = document.createElement(PROVIDER) as ClerkProviderElement;
    el.setAttribute('timeout', '60');
    el.clerk = asClerk<ClerkInstance>(fake);
    const wrapper = await fixture<HTMLDivElement>(html`<div></div>`);
    wrapper.append(el);
    await until(() => el.status === 'error', 'the timeout');
    expect(el.error).to.have.property('code', 'timeout');
    el.shadowRoot!.querySelector<HTMLButtonElement>('[part=retry]')!.click();
    await until(() => el.status === 'error' && fake.callsTo('load').length === 1, 'the second wait times out too');
    el.shadowRoot!.querySelector<HTMLButtonElement>('[part=retry]')!.click();
    await until(() => el.status === 'ready', 'the first load finishing', 3000);
    expect(fake.callsTo('load')).to.have.length(1);
  });

  it('shares the timeout with the elements inside (ctx.timeout), 30 s by default', async () => {
    const el = document.createElement(PROVIDER) as ClerkProviderElement;
    el.clerk = asClerk<ClerkInstance>(new FakeClerk({}));
    const consumer = document.createElement(CONSUMER) as TestConsumerElement;
    el.append(consumer);
    const wrapper = await fixture<HTMLDivElement>(html`<div></div>`);
    wrapper.append(el);
    await until(() => consumer.value.status === 'ready', 'ready');
    expect(consumer.value.timeout).to.equal(30_000);
    el.timeout = 1234;
    await el.updateComplete;
    expect(consumer.value.timeout).to.equal(1234);
    el.setAttribute('timeout', 'soon');
    await el.updateComplete;
    expect(consumer.value.timeout, 'not a number: the default').to.equal(30_000);
  });
});
