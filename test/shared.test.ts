import { expect } from '@open-wc/testing';
import { toElementError, toElementErrors } from '../src/errors.js';
import { interpolate, mergeLocalization, translate, defaultLocalization } from '../src/localization.js';
import { parseOrigins, redirect, validateRedirectUrl } from '../src/navigation.js';
import { describeProvider, providerIconUrl, providerInitial, socialProvidersOf } from '../src/providers.js';
import { ensureCaptchaContainer } from '../src/captcha.js';
import { defineElement } from '../src/define-element.js';
import { clerkApiError } from '../src/testing/index.js';
import { SsoRedirectEvent } from '../src/events.js';

describe('errors', () => {
  it("normalises Clerk's API errors, field names in camelCase", () => {
    const errors = toElementErrors(clerkApiError('form_identifier_exists', 'taken', { longMessage: 'That username is taken. Please try another.', paramName: 'first_name' }));
    expect(errors).to.have.length(1);
    expect(errors[0]).to.include({ code: 'form_identifier_exists', message: 'That username is taken. Please try another.', field: 'firstName' });
  });
  it('reads snake_case JSON errors and plain errors', () => {
    expect(toElementError({ errors: [{ code: 'x', message: 'short', long_message: 'long', meta: { param_name: 'username' } }] })).to.include({ message: 'long', field: 'username' });
    expect(toElementError(new Error('boom'))).to.include({ code: 'unexpected_error', message: 'boom' });
    expect(toElementError('weird', 'my_code')).to.include({ code: 'my_code', message: 'Something went wrong. Please try again.' });
    expect(toElementError({ code: 'mine', message: 'kept' })).to.include({ code: 'mine', message: 'kept' });
  });
});

describe('localization', () => {
  it('interpolates with modifiers like Clerk', () => {
    expect(interpolate('Continue with {{provider|titleize}}', { provider: 'hugging_face' })).to.equal('Continue with Hugging Face');
    expect(interpolate('{{ a }}-{{b|lowercase}}-{{c|capitalize}}-{{missing}}', { a: 1, b: 'X', c: 'y' })).to.equal('1-x-Y-');
  });
  it('looks up dotted keys, falls back to English, and merges overrides deeply', () => {
    const merged = mergeLocalization(defaultLocalization, { signUp: { continue: { title: 'Fehlende Felder' } }, badge__requiresAction: '' });
    expect(translate(merged, 'signUp.continue.title')).to.equal('Fehlende Felder');
    expect(translate(merged, 'signUp.continue.actionLink')).to.equal('Sign in');
    expect(translate(merged, 'badge__requiresAction')).to.equal('Requires action');
    expect(translate(undefined, 'no.such.key')).to.equal('no.such.key');
    expect(mergeLocalization(defaultLocalization, null)).to.equal(defaultLocalization);
  });
});

describe('navigation', () => {
  it('accepts same-origin targets and listed origins only, over http(s)', () => {
    expect((validateRedirectUrl('/done?x=1') as URL).href).to.equal(`${location.origin}/done?x=1`);
    expect(validateRedirectUrl('https://evil.example/')).to.include({ code: 'redirect_origin_not_allowed' });
    expect(validateRedirectUrl('https://ok.example/a', ['https://ok.example'])).to.be.instanceOf(URL);
    expect(validateRedirectUrl('javascript:alert(1)')).to.include({ code: 'invalid_redirect_url' });
    expect(validateRedirectUrl('http://[bad')).to.include({ code: 'invalid_redirect_url' });
  });
  it('parses origin lists', () => {
    expect(parseOrigins('https://a.example/x, http://b.example ftp://c.example nonsense')).to.deep.equal(['https://a.example', 'http://b.example']);
    expect(parseOrigins(null)).to.deep.equal([]);
  });
  it('fires the cancelable event, and navigates through the router hook unless cancelled', async () => {
    const host = document.createElement('div');
    const routed: string[] = [];
    const outcome = await redirect(host, { url: '/next#h', event: (url) => new SsoRedirectEvent(url, 'complete'), navigate: (to) => routed.push(to) });
    expect(outcome).to.deep.equal({ kind: 'navigated', url: `${location.origin}/next#h` });
    expect(routed).to.deep.equal(['/next#h']);
    host.addEventListener('sso-redirect', (e) => e.preventDefault());
    expect(await redirect(host, { url: '/x', event: (url) => new SsoRedirectEvent(url, 'complete'), navigate: (to) => routed.push(to) })).to.include({ kind: 'cancelled' });
    expect(routed).to.have.length(1);
    expect(await redirect(host, { url: 'https://evil.example', event: (url) => new SsoRedirectEvent(url, 'complete') })).to.have.property('kind', 'rejected');
  });
});

describe('providers', () => {
  it('never has a blank name', () => {
    expect(describeProvider('oauth_github', { name: '' }).name).to.equal('GitHub');
    expect(describeProvider('oauth_custom_my_idp', { name: '  ' }).name).to.equal('My Idp');
    expect(describeProvider('oauth_linkedin_oidc').name).to.equal('LinkedIn');
    expect(describeProvider('oauth_custom_acme', { name: 'Acme SSO' }).name).to.equal('Acme SSO');
  });
  it('picks logo, self-hosted or Clerk icon, or none for custom providers without a logo', () => {
    expect(providerIconUrl(describeProvider('oauth_google'))).to.equal('https://img.clerk.com/static/google.svg');
    expect(providerIconUrl(describeProvider('oauth_google'), '/icons/')).to.equal('/icons/google.svg');
    expect(providerIconUrl(describeProvider('oauth_custom_acme', { logo_url: '/acme.png' }))).to.equal('/acme.png');
    expect(providerIconUrl(describeProvider('oauth_custom_acme'))).to.equal(undefined);
    expect(providerInitial(describeProvider('oauth_custom_acme'))).to.equal('A');
  });
  it("lists enabled authenticatable providers in Clerk's order", () => {
    const social = {
      oauth_google: { enabled: true, authenticatable: true, name: 'Google' },
      oauth_apple: { enabled: true, authenticatable: false, name: 'Apple' },
      oauth_github: { enabled: true, authenticatable: true, name: 'GitHub' },
      oauth_x: { enabled: false, authenticatable: true, name: 'X' },
    };
    expect(socialProvidersOf({ userSettings: { social } }).map((p) => p.strategy)).to.deep.equal(['oauth_github', 'oauth_google']);
    expect(socialProvidersOf({ userSettings: { social, authenticatableSocialStrategies: ['oauth_google'] } }).map((p) => p.id)).to.deep.equal(['google']);
    expect(socialProvidersOf(undefined)).to.deep.equal([]);
  });
});

describe('captcha container', () => {
  it('adds one light-DOM #clerk-captcha when the page has none, and removes it again', () => {
    const host = document.createElement('div');
    document.body.append(host);
    const remove = ensureCaptchaContainer(host)!;
    expect(document.getElementById('clerk-captcha')?.parentElement).to.equal(host);
    expect(ensureCaptchaContainer(document.createElement('div')), 'a second one is never added').to.equal(undefined);
    remove();
    expect(document.getElementById('clerk-captcha')).to.equal(null);
    host.remove();
  });
});

describe('defineElement', () => {
  it('defines once, and warns instead of throwing when another definition holds the tag', () => {
    const tag = `def-test-${Math.random().toString(36).slice(2, 8)}`;
    class A extends HTMLElement {}
    class B extends HTMLElement {}
    const warnings: unknown[] = [];
    const warn = console.warn;
    console.warn = (...args: unknown[]) => warnings.push(args[0]);
    try {
      defineElement(tag, A);
      defineElement(tag, A);
      defineElement(tag, B);
    } finally {
      console.warn = warn;
    }
    expect(customElements.get(tag)).to.equal(A);
    expect(warnings).to.have.length(1);
    expect(String(warnings[0])).to.contain(tag);
  });
});
