import { expect } from '@open-wc/testing';
import { html } from 'lit';
import { ClerkFlowElement, type ShownError } from '../src/base-element.js';
import { mount } from './helpers.js';
import { toElementError, toElementErrors } from '../src/errors.js';
import { interpolate, mergeLocalization, translate } from '../src/localization.js';
import { defaultLocalization } from '../src/default-localization.js';
import { isRoutablePath, leavePage, trustedSignInUrl, validateRedirectUrl } from '../src/navigation.js';
import { parseOrigins } from '../src/origins.js';
import { describeProvider, providerInitial } from '../src/providers.js';
import { iconUrlOf } from '../src/provider-icon.js';
import { instanceSettingsOf } from '../src/instance-settings.js';
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
  it('says why a target is refused: control characters, user info, a path starting with //', () => {
    expect(validateRedirectUrl('java\tscript:alert(1)')).to.include({ code: 'invalid_redirect_url' });
    expect((validateRedirectUrl('java\tscript:alert(1)') as { message: string }).message).to.contain('control characters');
    expect((validateRedirectUrl(`${location.protocol}//u:p@${location.host}/`) as { message: string }).message).to.contain('user name or password');
    expect((validateRedirectUrl('/.//evil.example/') as { message: string }).message).to.contain('path starting with //');
    expect((validateRedirectUrl('  /fine  ') as URL).pathname).to.equal('/fine');
  });
  it('hands a router only paths with exactly one leading slash', () => {
    expect(['/', '/a?b#c', '/a//b'].map(isRoutablePath)).to.deep.equal([true, true, true]);
    expect(['//evil.example', '/\\evil.example', 'evil', '', 'https://x/', '/a\n'].map(isRoutablePath)).to.deep.equal([false, false, false, false, false, false]);
  });
  it('parses origin lists', () => {
    expect(parseOrigins('https://a.example/x, http://b.example ftp://c.example nonsense')).to.deep.equal(['https://a.example', 'http://b.example']);
    expect(parseOrigins(null)).to.deep.equal([]);
    expect(parseOrigins('https://user:pw@a.example https://ok.example@evil.example https://b.example')).to.deep.equal(['https://b.example']);
  });
  it('fires the cancelable event, and navigates through the router hook unless cancelled', async () => {
    const host = document.body.appendChild(document.createElement('div'));
    const routed: string[] = [];
    const event = (url: string, cancelable: boolean) => new SsoRedirectEvent(url, 'complete', undefined, cancelable);
    const outcome = await leavePage(host, { url: '/next#h', event, hook: (to) => routed.push(to) });
    expect(outcome).to.deep.equal({ kind: 'navigated', url: `${location.origin}/next#h` });
    expect(routed).to.deep.equal(['/next#h']);
    host.addEventListener('sso-redirect', (e) => e.preventDefault());
    expect(await leavePage(host, { url: '/x', event, hook: (to) => routed.push(to) })).to.include({ kind: 'cancelled' });
    expect(routed).to.have.length(1);
    expect(await leavePage(host, { url: 'https://evil.example', event })).to.have.property('kind', 'rejected');
  });
  it('does nothing for an element no longer in the document: nobody could cancel it', async () => {
    const host = document.createElement('div');
    const seen: Event[] = [];
    host.addEventListener('sso-redirect', (e) => seen.push(e));
    const routed: string[] = [];
    const outcome = await leavePage(host, { url: '/next', event: (url, cancelable) => new SsoRedirectEvent(url, 'complete', undefined, cancelable), hook: (to) => routed.push(to) });
    expect(outcome).to.deep.equal({ kind: 'cancelled', url: `${location.origin}/next` });
    expect([seen.length, routed.length]).to.deep.equal([0, 0]);
  });
  it('announces a navigation already under way with a non-cancelable event, and does nothing else', async () => {
    const host = document.body.appendChild(document.createElement('div'));
    const seen: Event[] = [];
    host.addEventListener('sso-redirect', (e) => (seen.push(e), e.preventDefault()));
    const routed: string[] = [];
    const outcome = await leavePage(host, {
      url: '/done',
      cancelable: false,
      event: (url, cancelable) => new SsoRedirectEvent(url, 'complete', undefined, cancelable),
      hook: (to) => routed.push(to),
    });
    expect(outcome).to.deep.equal({ kind: 'announced', url: `${location.origin}/done` });
    expect(seen).to.have.length(1);
    expect(seen[0]!.cancelable).to.equal(false);
    expect(routed, 'the hook is not called for a navigation clerk-js made').to.deep.equal([]);
  });
  it('decorates after validating: a decorated path goes through the hook, an absolute Clerk URL is a page load', async () => {
    const host = document.body.appendChild(document.createElement('div'));
    const routed: string[] = [];
    const decorated: string[] = [];
    const event = (url: string, cancelable: boolean) => new SsoRedirectEvent(url, 'complete', undefined, cancelable);
    const outcome = await leavePage(host, { url: '/home', event, hook: (to) => routed.push(to), decorate: (to) => (decorated.push(to), `${to}?t=1`) });
    expect(outcome).to.include({ kind: 'navigated' });
    expect(decorated).to.deep.equal(['/home']);
    expect(routed).to.deep.equal(['/home?t=1']);
    const refused = await leavePage(host, { url: 'https://evil.example/', event, decorate: (to) => (decorated.push(to), to) });
    expect(refused).to.have.property('kind', 'rejected');
    expect(decorated, 'a refused target is never decorated').to.have.length(1);
  });
  it('has one rule for the sign-in page: own settings if allowed, else Clerk’s hosted page on its origin, else /sign-in', () => {
    expect(trustedSignInUrl(['/login', '/other'], [])).to.deep.equal({ url: '/login', allowedOrigins: [] });
    expect(trustedSignInUrl(['javascript:alert(1)', undefined], [], 'https://accounts.example.dev/sign-in')).to.deep.equal({
      url: 'https://accounts.example.dev/sign-in',
      allowedOrigins: ['https://accounts.example.dev'],
    });
    expect(trustedSignInUrl(['https://other.example/in'], ['https://other.example'])).to.deep.equal({ url: 'https://other.example/in', allowedOrigins: ['https://other.example'] });
    expect(trustedSignInUrl(['https://other.example/in'], [], 'data:text/html,x')).to.deep.equal({ url: '/sign-in', allowedOrigins: [] });
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
    expect(iconUrlOf(describeProvider('oauth_google'))).to.equal('https://img.clerk.com/static/google.svg');
    expect(iconUrlOf(describeProvider('oauth_google'), '/icons/')).to.equal('/icons/google.svg');
    expect(iconUrlOf(describeProvider('oauth_custom_acme', { logo_url: '/acme.png' }), '/icons/'), 'self-hosted icons are for built-ins only').to.equal('/acme.png');
    expect(iconUrlOf(describeProvider('oauth_custom_acme'))).to.equal(undefined);
    expect(providerInitial(describeProvider('oauth_custom_acme'))).to.equal('A');
  });
  it("lists enabled providers in Clerk's order: sign-in ones, and every connectable one (connect-only included)", () => {
    const social = {
      oauth_google: { enabled: true, authenticatable: true, name: 'Google' },
      oauth_apple: { enabled: true, authenticatable: false, name: 'Apple' },
      oauth_github: { enabled: true, authenticatable: true, name: 'GitHub' },
      oauth_x: { enabled: false, authenticatable: true, name: 'X' },
    };
    const settings = instanceSettingsOf({ userSettings: { social } });
    expect(settings.socialProviders.map((p) => p.strategy)).to.deep.equal(['oauth_github', 'oauth_google']);
    expect(settings.connectableProviders.map((p) => p.strategy)).to.deep.equal(['oauth_apple', 'oauth_github', 'oauth_google']);
    const listed = instanceSettingsOf({ userSettings: { social, authenticatableSocialStrategies: ['oauth_google'], socialProviderStrategies: ['oauth_google', 'oauth_apple'] } });
    expect(listed.socialProviders.map((p) => p.id)).to.deep.equal(['google']);
    expect(listed.connectableProviders.map((p) => p.id)).to.deep.equal(['google', 'apple']);
    expect(instanceSettingsOf(undefined).socialProviders).to.deep.equal([]);
  });
  it('reads username rules and legal and sign-in URLs, with Clerk’s defaults', () => {
    expect(instanceSettingsOf({}).usernameRules).to.deep.equal({ min: 4, max: 64 });
    const settings = instanceSettingsOf({
      userSettings: { usernameSettings: { min_length: 3, max_length: 9 } },
      displayConfig: { termsUrl: '/terms', privacyPolicyUrl: '', signInUrl: 'https://accounts.example.dev/sign-in' },
    });
    expect(settings).to.deep.include({ usernameRules: { min: 3, max: 9 }, termsUrl: '/terms', privacyPolicyUrl: undefined, signInUrl: 'https://accounts.example.dev/sign-in' });
  });
});

class BlockElement extends ClerkFlowElement<'loading' | 'ready' | 'error'> {
  show(shown: ShownError | undefined) {
    this.shownError = shown;
    this.setStatus(shown ? 'error' : 'ready');
  }
  override render() {
    return html`${this.renderErrorBlock()}<button id="other">Other</button>`;
  }
}

describe('the error block', () => {
  const mountBlock = async () => (await mount<BlockElement>(BlockElement, { clerk: {}, waitReady: false })).el;
  const message = (el: BlockElement) => el.shadowRoot!.querySelector('[part=error-message]');

  it('is always there as an alert region, empty without an error, with the way out when there is one', async () => {
    const el = await mountBlock();
    const region = el.shadowRoot!.querySelector('[part=error]')!;
    expect([region.getAttribute('role'), region.textContent!.trim()]).to.deep.equal(['alert', '']);
    el.show({ error: { code: 'x', message: 'Broken.' }, retry: () => {}, signIn: true, title: 'Title' });
    await el.updateComplete;
    expect([...region.querySelectorAll('[part]')].map((e) => e.getAttribute('part'))).to.deep.equal(['error-title', 'error-message', 'actions', 'retry', 'back-link']);
    expect(el.shadowRoot!.querySelector('[part=error]'), 'the same region, never replaced').to.equal(region);
    await expect(el).to.be.accessible();
  });

  it('re-renders of the same error keep its node; a new failure with the same text is a new node (announced again)', async () => {
    const el = await mountBlock();
    const error = { code: 'x', message: 'Same text.' };
    el.show({ error });
    await el.updateComplete;
    const first = message(el);
    el.show({ error });
    el.requestUpdate();
    await el.updateComplete;
    expect(message(el)).to.equal(first);
    el.show({ error: { ...error } });
    await el.updateComplete;
    expect(message(el)).to.not.equal(first);
    expect(message(el)!.textContent).to.equal('Same text.');
  });

  it('moves the focus to the way out only when it would be lost', async () => {
    const el = await mountBlock();
    el.shadowRoot!.querySelector<HTMLButtonElement>('#other')!.focus();
    el.show({ error: { code: 'x', message: 'Broken.' }, retry: () => {} });
    await el.updateComplete;
    expect(el.shadowRoot!.activeElement?.id, 'focus kept where the visitor is').to.equal('other');
    (el.shadowRoot!.activeElement as HTMLElement).blur();
    el.show(undefined);
    await el.updateComplete;
    el.show({ error: { code: 'y', message: 'Again.' }, retry: () => {} });
    await el.updateComplete;
    expect(el.shadowRoot!.activeElement?.getAttribute('part'), 'nothing had focus: the way out gets it').to.equal('retry');
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
