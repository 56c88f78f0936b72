import { expect } from '@open-wc/testing';
import { LOADER_TAGS, observe } from '../src/loader.js';

// The loader in the page: which chunks it asks for (module preloads beside it), in which order, and that it
// starts clerk-js for a provider before any element chunk. Chunks do not exist next to the source, so the
// imports themselves fail here; what is asked for is what counts.
const preloads = () => [...document.head.querySelectorAll<HTMLLinkElement>('link[rel=modulepreload]')].map((l) => new URL(l.href).pathname);
const chunkPath = (name: string) => new URL(`../src/elements/${name}.js`, import.meta.url).pathname.replace('/test/../', '/');

describe('loader', () => {
  it('lists every tag of the package, the provider first', () => {
    expect(LOADER_TAGS[0]).to.equal('clerk-provider');
    expect([...LOADER_TAGS].sort()).to.deep.equal(['clerk-provider', 'connected-accounts', 'continue-signup', 'oauth-buttons', 'sso-callback']);
  });

  it('asks for a tag seen in a shadow root handed to observe(), once, and for nothing else', async () => {
    const host = document.createElement('div');
    document.body.append(host);
    const root = host.attachShadow({ mode: 'open' });
    observe(root);
    root.append(document.createElement('continue-signup'), document.createElement('continue-signup'));
    await new Promise((resolve) => setTimeout(resolve));
    const asked = preloads();
    expect(asked.filter((p) => p.endsWith('/elements/continue-signup.js'))).to.have.length(1);
    expect(asked.some((p) => p.endsWith('/elements/connected-accounts.js'))).to.equal(false);
    host.remove();
  });

  it('starts clerk-js for a provider before it asks for the element chunks', async () => {
    // Recorded as added: the failed script (a 404 here) removes itself again.
    const added: Element[] = [];
    const watcher = new MutationObserver((records) => records.forEach((r) => added.push(...[...r.addedNodes].filter((n): n is Element => n instanceof Element))));
    watcher.observe(document.head, { childList: true });
    const provider = document.createElement('clerk-provider');
    provider.setAttribute('publishable-key', 'pk_test_Y2xlcmsubG9hZGVyLnRlc3Qk');
    provider.setAttribute('proxy-url', '/__loader-test-proxy');
    provider.append(document.createElement('oauth-buttons'));
    document.body.append(provider);
    for (let i = 0; i < 100 && !preloads().some((p) => p.endsWith('/elements/oauth-buttons.js')); i++) await new Promise((resolve) => setTimeout(resolve, 20));
    watcher.disconnect();
    const script = added.findIndex((el) => el instanceof HTMLScriptElement && el.src.endsWith('/__loader-test-proxy/npm/@clerk/clerk-js@6/dist/clerk.browser.js'));
    const firstChunk = added.findIndex((el) => el instanceof HTMLLinkElement && el.rel === 'modulepreload');
    expect(script).to.be.greaterThan(-1);
    expect(firstChunk).to.be.greaterThan(script);
    expect((added[script] as HTMLScriptElement).dataset.clerkPublishableKey).to.equal('pk_test_Y2xlcmsubG9hZGVyLnRlc3Qk');
    expect(preloads()).to.include.members([chunkPath('clerk-provider'), chunkPath('oauth-buttons')]);
    provider.remove();
  });

  it('adds no clerk-js script for a provider without a usable key', async () => {
    const added: Node[] = [];
    const watcher = new MutationObserver((records) => records.forEach((r) => added.push(...r.addedNodes)));
    watcher.observe(document.head, { childList: true });
    const provider = document.createElement('clerk-provider');
    provider.setAttribute('publishable-key', 'not-a-key');
    document.body.append(provider);
    await new Promise((resolve) => setTimeout(resolve));
    watcher.disconnect();
    expect(added.filter((node) => node instanceof HTMLScriptElement)).to.have.length(0);
    provider.remove();
  });
});
