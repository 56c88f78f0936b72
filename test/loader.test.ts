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
    // The download of the very URL (and request mode) the provider's script tag asks for; no script runs yet.
    const clerk = added.findIndex((el) => el instanceof HTMLLinkElement && el.rel === 'preload' && el.href.endsWith('/__loader-test-proxy/npm/@clerk/clerk-js@6/dist/clerk.browser.js'));
    const firstChunk = added.findIndex((el) => el instanceof HTMLLinkElement && el.rel === 'modulepreload');
    expect(clerk).to.be.greaterThan(-1);
    expect(firstChunk).to.be.greaterThan(clerk);
    const link = added[clerk] as HTMLLinkElement;
    expect([link.as, link.crossOrigin]).to.deep.equal(['script', 'anonymous']);
    expect(added.filter((el) => el instanceof HTMLScriptElement)).to.have.length(0);
    expect(preloads()).to.include.members([chunkPath('clerk-provider'), chunkPath('oauth-buttons')]);
    provider.remove();
    link.remove();
  });

  it('starts no clerk-js download for a provider without a usable key, or with settings the provider refuses', async () => {
    const added: Node[] = [];
    const watcher = new MutationObserver((records) => records.forEach((r) => added.push(...r.addedNodes)));
    watcher.observe(document.head, { childList: true });
    const bad = document.createElement('clerk-provider');
    bad.setAttribute('publishable-key', 'not-a-key');
    const refused = document.createElement('clerk-provider');
    refused.setAttribute('publishable-key', 'pk_test_Y2xlcmsubG9hZGVyLnRlc3Qk');
    refused.setAttribute('proxy-url', 'javascript:alert(1)');
    document.body.append(bad, refused);
    await new Promise((resolve) => setTimeout(resolve));
    watcher.disconnect();
    const clerkJs = (node: Node) => node instanceof HTMLScriptElement || (node instanceof HTMLLinkElement && node.rel === 'preload');
    expect(added.filter(clerkJs)).to.have.length(0);
    bad.remove();
    refused.remove();
  });
});
