/**
 * One table of hostile redirect targets against every URL input of every element (the provider's included):
 * attributes, properties, the URLs clerk-js hands back (customNavigate, completion, decorateUrl, its router),
 * and the allow-list itself. Whatever the input, nothing but this origin and the allow-listed origin is ever
 * navigated to, handed to the router hook (always a path with exactly one leading `/`), linked to, or handed
 * to Clerk as a place to send the visitor. Every input also has a benign row that must reach a sink, so the
 * table cannot pass by doing nothing.
 *
 * No element reads a redirect target from the page's query string (`?redirect_url=` and the like): the last
 * block checks that such a parameter is ignored.
 */
import { expect } from '@open-wc/testing';
import type { LitElement } from 'lit';
import { ContinueSignupElement } from '../src/elements/continue-signup/continue-signup.js';
import { ConnectedAccountsElement } from '../src/elements/connected-accounts/connected-accounts.js';
import { OAuthButtonsElement } from '../src/elements/oauth-buttons/oauth-buttons.js';
import { SsoCallbackElement } from '../src/elements/sso-callback/sso-callback.js';
import { URL_PARAMS, type UrlParam } from '../src/elements/sso-callback/callback-urls.js';
import { setPageLoader } from '../src/page-load.js';
import { FakeClerk, scenarios, type FakeClerkOptions } from '../src/testing/index.js';
import { mount, until, type Mounted } from './helpers.js';

const ORIGIN = location.origin;
const HOST = location.host;
const ALLOWED = 'https://ok.example';
const FAPI = 'https://clerk.fake.test';
/** Any http(s) origin (URLs Clerk built for an identity provider). */
const ANY_ORIGIN: readonly string[] = ['*'];

/** Hostile targets. Each one must never lead anywhere but this origin or `ALLOWED`. */
const HOSTILE: readonly string[] = [
  // Schemes that run code or carry content, in any case, with spaces and control characters.
  'javascript:alert(1)',
  'JaVaScRiPt:alert(1)',
  ' javascript:alert(1)',
  '\tjavascript:alert(1)',
  'java\tscript:alert(1)',
  'java\nscript:alert(1)',
  'java\rscript:alert(1)',
  '\u0001javascript:alert(1)',
  'javascript\u0000:alert(1)',
  'data:text/html,<script>alert(1)</script>',
  'DATA:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==',
  'vbscript:msgbox(1)',
  'VBScript:msgbox(1)',
  'blob:https://evil.example/0b1c',
  `blob:${ORIGIN}/0b1c`,
  'ht\ttps://evil.example/',
  // Protocol-relative and backslash forms.
  '//evil.example/x',
  '///evil.example/x',
  '/\\evil.example/x',
  '\\\\evil.example/x',
  '\\/evil.example/x',
  ' //evil.example/x',
  '/\t/evil.example/x',
  // Same-origin URLs whose resolved path starts with `//` (dot segments, encoded dots, doubled slashes).
  '/.//evil.example/x',
  '/./\\evil.example/x',
  '/%2e//evil.example/x',
  '/%2E//evil.example/x',
  '/a/..//evil.example/x',
  '/a/%2e%2e//evil.example/x',
  '/a/.%2E//evil.example/x',
  `${ORIGIN}//evil.example/x`,
  `${ORIGIN}/.//evil.example/x`,
  `${ORIGIN}/%2e//evil.example/x`,
  `${ORIGIN}\\\\evil.example/x`,
  `${ORIGIN}/\\evil.example/x`,
  // User-info tricks.
  `https://${HOST}@evil.example/`,
  `http://${HOST}@evil.example/`,
  `//${HOST}@evil.example/`,
  `${location.protocol}//user:pass@${HOST}/x`,
  `${location.protocol}//${HOST}%2F@evil.example/`,
  // Other sites, and the allow-listed site on another port, scheme or sub-domain.
  'https://evil.example/',
  'http://evil.example/',
  `https://${location.hostname}.evil.example/`,
  `${ALLOWED}:8443/x`,
  'http://ok.example/x',
  'https://sub.ok.example/x',
  'wss://ok.example/x',
];

interface Sinks {
  /** Full page loads (`location.assign/replace`). */
  loads: string[];
  /** Paths handed to the provider's router hook. */
  hooks: string[];
}

/** Every URL an element may send the visitor to, collected. */
function sinksOf(m: Mounted<HTMLElement>, sinks: Sinks) {
  const toClerk: string[] = [];
  for (const call of m.fake.calls) {
    const [first] = call.args as [Record<string, unknown> | string | undefined];
    if (call.method.endsWith('authenticateWithRedirect') || call.method === 'user.createExternalAccount') {
      const p = first as Record<string, unknown>;
      toClerk.push(...[p.redirectUrl, p.redirectUrlComplete].filter((v): v is string => typeof v === 'string'));
    }
    if (call.method === 'externalAccount.reauthorize') {
      const p = (call.args as unknown[])[1] as Record<string, unknown>;
      if (typeof p?.redirectUrl === 'string') toClerk.push(p.redirectUrl);
    }
    if (call.method === 'handleRedirectCallback') {
      const p = first as Record<string, unknown>;
      for (const name of URL_PARAMS) if (typeof p[name] === 'string') toClerk.push(p[name] as string);
    }
  }
  // The URLs clerk-js itself would follow: its load options.
  for (const name of ['signInUrl', 'signUpUrl', 'signInFallbackRedirectUrl', 'signUpFallbackRedirectUrl']) {
    const value = m.fake.options[name];
    if (typeof value === 'string') toClerk.push(value);
  }
  const links = [...m.root.querySelectorAll<HTMLAnchorElement>('a[href]')].map((a) => a.getAttribute('href')!).filter((href) => !/\/(terms|privacy)/.test(href));
  return { loads: sinks.loads, hooks: sinks.hooks, toClerk, links };
}

/** Whether a URL leads to a trusted place (and is one a browser reads as it looks). */
function trusted(value: string, origins: readonly string[]): boolean {
  let url: URL;
  try {
    url = new URL(value, location.href);
  } catch {
    return false;
  }
  return (url.protocol === 'http:' || url.protocol === 'https:') && (origins === ANY_ORIGIN || origins.includes(url.origin)) && !/^[/\\]{2}/.test(url.pathname) && !url.username && !url.password;
}

/** What a hook path must look like: one leading `/`, and this origin once resolved. */
const routable = (path: string) => /^\/(?![/\\])/.test(path) && new URL(path, location.href).origin === ORIGIN;

interface Input {
  /** Which element, which input. */
  name: string;
  /** Mounts the element with `value` in the input and drives it until it would navigate. */
  run(value: string, sinks: Sinks): Promise<Mounted<HTMLElement>>;
  /** Origins this input may legitimately lead to (default: this origin and ALLOWED). */
  origins?: readonly string[];
  /** Hostile values to try (default: the whole table). */
  hostile?: readonly string[];
  /** The benign value whose navigation must be seen (default `/ok-path`). */
  benign?: string;
}

const settled = (m: Mounted<HTMLElement>, busy: readonly string[] = ['loading', 'verifying', 'submitting']) =>
  until(() => !busy.includes(m.el.getAttribute('status') ?? ''), `<${m.el.localName}> settles`).then(() => new Promise((r) => setTimeout(r, 5)));

const base = (sinks: Sinks, clerk: FakeClerkOptions | FakeClerk, more: Partial<Parameters<typeof mount>[1]> = {}) => ({
  clerk,
  allowedOrigins: ALLOWED,
  navigate: (to: string) => void sinks.hooks.push(to),
  ...more,
});

// --- <oauth-buttons>
const oauthInput = (attr: 'redirect-url' | 'redirect-url-complete'): Input => ({
  name: `<oauth-buttons ${attr}>`,
  async run(value, sinks) {
    const m = await mount<HTMLElement>(OAuthButtonsElement, base(sinks, {}, { attrs: { [attr]: value } }));
    m.root.querySelector<HTMLButtonElement>('[part~=button]')!.click();
    await settled(m, ['loading']);
    return m;
  },
});

// --- <sso-callback>: each of its 12 URL attributes, reached the way clerk-js reaches it.
const SIGN_IN_COMPLETE: readonly UrlParam[] = ['signInForceRedirectUrl', 'signInFallbackRedirectUrl'];
const SIGN_UP_COMPLETE: readonly UrlParam[] = ['signUpForceRedirectUrl', 'signUpFallbackRedirectUrl'];
const attrOf = (param: string) => param.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
const ssoInput = (param: UrlParam): Input => ({
  name: `<sso-callback ${attrOf(param)}>`,
  async run(value, sinks) {
    const redirectCallback = SIGN_IN_COMPLETE.includes(param)
      ? ({ kind: 'complete', flow: 'sign-in' } as const)
      : SIGN_UP_COMPLETE.includes(param)
        ? ({ kind: 'complete', flow: 'sign-up' } as const)
        : ({ kind: 'navigate', to: param } as const);
    const m = await mount<HTMLElement>(SsoCallbackElement, base(sinks, { redirectCallback }, { attrs: { [attrOf(param)]: value } }));
    await settled(m);
    return m;
  },
});

/** `<sso-callback>` with clerk-js scripted to hand back `value` itself. */
const ssoFromClerk = (name: string, script: (fake: FakeClerk, value: string) => void, origins?: readonly string[]): Input => ({
  name: `<sso-callback> ${name}`,
  origins,
  async run(value, sinks) {
    const fake = new FakeClerk({});
    script(fake, value);
    const m = await mount<HTMLElement>(SsoCallbackElement, base(sinks, fake));
    await settled(m);
    return m;
  },
});

type CallbackHook = (p: { session: unknown; redirectUrl: string; decorateUrl: (url: string) => string }) => Promise<unknown>;
const completeWith = (fake: FakeClerk, redirectUrl: string, decorateUrl: (url: string) => string = (u) => u) => {
  fake.handleRedirectCallback = async (params: Record<string, unknown>) => {
    fake.record('handleRedirectCallback', [params]);
    await (params.__internal_navigateOnSetActive as CallbackHook)({ session: { id: 'sess_fake' }, redirectUrl, decorateUrl });
  };
};

// --- <continue-signup>
const COMPLETE_SIGN_UP: FakeClerkOptions = { signUp: { status: 'complete', missingFields: [] } };
const continueInput = (name: string, options: FakeClerkOptions, attrs: (value: string) => Record<string, string>, origins?: readonly string[], benign?: string): Input => ({
  name: `<continue-signup> ${name}`,
  origins,
  benign,
  async run(value, sinks) {
    const m = await mount<HTMLElement>(ContinueSignupElement, base(sinks, options, { attrs: attrs(value) }));
    await settled(m);
    return m;
  },
});

// --- <connected-accounts>
const accountsInput = (name: string, options: (value: string) => FakeClerkOptions, attrs: (value: string) => Record<string, string>, more: Partial<Input> = {}): Input => ({
  name: `<connected-accounts> ${name}`,
  ...more,
  async run(value, sinks) {
    const m = await mount<HTMLElement>(ConnectedAccountsElement, base(sinks, { ...scenarios.accountsNone, ...options(value) }, { attrs: attrs(value) }));
    m.root.querySelector<HTMLButtonElement>('[part~=connect]')!.click();
    await (m.el as unknown as LitElement).updateComplete;
    m.root.querySelector<HTMLButtonElement>('[part~=connect-option]')!.click();
    await settled(m, ['loading', 'connecting']);
    return m;
  },
});

// --- <clerk-provider>: its URLs reach clerk-js's load options and the elements inside.
const providerInput = (attr: string, flow: FakeClerkOptions, element: CustomElementConstructor = SsoCallbackElement): Input => ({
  name: `<clerk-provider ${attr}>`,
  async run(value, sinks) {
    const m = await mount<HTMLElement>(element, base(sinks, flow, { providerAttrs: { [attr]: value } }));
    await settled(m);
    return m;
  },
});

/** clerk-js's own router (`routerPush` / `routerReplace` given to `load()`). */
const routerInput = (kind: 'routerPush' | 'routerReplace'): Input => ({
  name: `<clerk-provider> clerk-js ${kind}`,
  async run(value, sinks) {
    const m = await mount<HTMLElement>(OAuthButtonsElement, base(sinks, {}));
    await (m.fake.options[kind] as (to: string) => Promise<unknown>)(value).catch(() => {});
    return m;
  },
});

const INPUTS: Input[] = [
  oauthInput('redirect-url'),
  oauthInput('redirect-url-complete'),
  ...URL_PARAMS.map(ssoInput),
  ssoFromClerk('customNavigate target from clerk-js', (fake, value) => {
    fake.handleRedirectCallback = async (params: Record<string, unknown>, nav?: (to: string) => Promise<unknown>) => {
      fake.record('handleRedirectCallback', [params]);
      await nav!(value);
    };
  }),
  ssoFromClerk('completion redirectUrl from clerk-js', (fake, value) => completeWith(fake, value)),
  ssoFromClerk('decorateUrl answer from clerk-js', (fake, value) => completeWith(fake, '/home', () => value), [ORIGIN, ALLOWED, FAPI]),
  continueInput('redirect-url-complete', COMPLETE_SIGN_UP, (value) => ({ 'redirect-url-complete': value })),
  continueInput('task-url', { ...COMPLETE_SIGN_UP, sessionTask: 'choose-organization' }, (value) => ({ 'task-url': value }), undefined, '/ok-path/{task}'),
  continueInput('sign-in-url', scenarios.continueNoSignUp, (value) => ({ 'sign-in-url': value })),
  {
    name: '<continue-signup> decorateUrl answer from clerk-js',
    origins: [ORIGIN, ALLOWED, FAPI],
    async run(value, sinks) {
      const m = await mount<HTMLElement>(ContinueSignupElement, base(sinks, { ...COMPLETE_SIGN_UP, decorateUrl: () => value }));
      await settled(m);
      return m;
    },
  },
  accountsInput('redirect-url', () => ({}), (value) => ({ 'redirect-url': value })),
  accountsInput('authorize URL built by Clerk', (value) => ({ providerAuthorizeUrl: value }), () => ({}), {
    // Identity providers live anywhere: any http(s) origin, but never a script scheme, user info or a `//` path.
    origins: ANY_ORIGIN,
    benign: 'https://idp.example/authorize',
  }),
  providerInput('sign-in-url', scenarios.continueNoSignUp, ContinueSignupElement),
  providerInput('sign-up-url', { redirectCallback: { kind: 'navigate', to: 'signUpUrl' } }),
  providerInput('sign-in-fallback-redirect-url', { redirectCallback: { kind: 'complete', flow: 'sign-in' } }),
  providerInput('sign-up-fallback-redirect-url', { redirectCallback: { kind: 'complete', flow: 'sign-up' } }),
  routerInput('routerPush'),
  routerInput('routerReplace'),
];

const benignOf = (input: Input) =>
  input.benign ?? (input.name.includes('decorateUrl') ? `${FAPI}/v1/client/touch?redirect_url=${encodeURIComponent(`${ORIGIN}/ok-path`)}` : '/ok-path');

describe('redirect targets: one hostile table against every URL input', () => {
  let sinks: Sinks;
  let restore: () => void;
  const warn = console.warn;
  beforeEach(() => {
    sinks = { loads: [], hooks: [] };
    restore = setPageLoader((href) => void sinks.loads.push(href));
    // The provider warns about each URL it ignores: hundreds here.
    console.warn = () => {};
  });
  afterEach(() => {
    restore();
    console.warn = warn;
  });

  for (const input of INPUTS) {
    const origins = input.origins ?? [ORIGIN, ALLOWED];
    it(`${input.name}: the benign value reaches a navigation (the harness can see one)`, async () => {
      const m = await input.run(benignOf(input), sinks);
      const seen = sinksOf(m, sinks);
      const all = [...seen.loads, ...seen.hooks, ...seen.toClerk];
      expect(all.some((url) => url.includes('ok-path') || url.includes('idp.example')), `${input.name}: ${JSON.stringify(seen)}`).to.equal(true);
    });

    it(`${input.name}: no hostile value leads anywhere but this origin and the allow-listed one`, async () => {
      const problems: string[] = [];
      for (const value of input.hostile ?? HOSTILE) {
        sinks.loads.length = 0;
        sinks.hooks.length = 0;
        const m = await input.run(value, sinks);
        const seen = sinksOf(m, sinks);
        for (const url of [...seen.loads, ...seen.toClerk, ...seen.links]) if (!trusted(url, origins)) problems.push(`${JSON.stringify(value)} -> ${JSON.stringify(url)}`);
        for (const path of seen.hooks) if (!routable(path)) problems.push(`${JSON.stringify(value)} -> hook ${JSON.stringify(path)}`);
        m.el.closest('div')?.remove();
      }
      expect(problems, problems.join('\n')).to.deep.equal([]);
    });
  }

  it('<clerk-provider allowed-redirect-origins>: entries that are not plain http(s) origins allow nothing', async () => {
    const entries = ['javascript:alert(1)', 'data:,x', 'blob:https://evil.example/1', '//evil.example', 'evil.example', '*', 'null', 'https://user:pw@evil.example', 'https://ok.example@evil.example', 'https://evil.\texample'];
    const problems: string[] = [];
    for (const entry of entries) {
      sinks.loads.length = 0;
      sinks.hooks.length = 0;
      const m = await mount<HTMLElement>(SsoCallbackElement, {
        clerk: { redirectCallback: { kind: 'complete', flow: 'sign-in' } },
        allowedOrigins: entry,
        attrs: { 'sign-in-fallback-redirect-url': 'https://evil.example/x' },
        navigate: (to) => void sinks.hooks.push(to),
      });
      await settled(m);
      const seen = sinksOf(m, sinks);
      for (const url of [...seen.loads, ...seen.toClerk, ...seen.links, ...seen.hooks]) if (!trusted(url, [ORIGIN])) problems.push(`${entry} -> ${url}`);
      if (m.el.getAttribute('status') !== 'error') problems.push(`${entry}: not an error`);
      m.el.closest('div')?.remove();
    }
    expect(problems, problems.join('\n')).to.deep.equal([]);
  });

  it('a ?redirect_url= (or redirect_url_complete, sign_in_force_redirect_url) in the page URL is ignored', async () => {
    const before = location.href;
    history.replaceState(null, '', `${location.pathname}?redirect_url=https%3A%2F%2Fevil.example&redirect_url_complete=%2F%2Fevil.example&sign_in_force_redirect_url=https%3A%2F%2Fevil.example`);
    try {
      const m = await mount<HTMLElement>(SsoCallbackElement, base(sinks, { redirectCallback: { kind: 'complete', flow: 'sign-in' } }, { attrs: { 'sign-in-fallback-redirect-url': '/home' } }));
      await settled(m);
      expect(sinks.hooks).to.deep.equal(['/home']);
      expect(sinks.loads).to.deep.equal([]);
    } finally {
      history.replaceState(null, '', before);
    }
  });
});

describe('completion: validated, then decorated, always replacing the history entry', () => {
  type Seen = { hooks: Array<[string, boolean | undefined]>; loads: Array<[string, boolean]>; decorated: string[] };
  let seen: Seen;
  let restore: () => void;
  beforeEach(() => {
    seen = { hooks: [], loads: [], decorated: [] };
    restore = setPageLoader((href, replace) => void seen.loads.push([href, replace]));
  });
  afterEach(() => restore());
  const navigate = (to: string, options?: { replace?: boolean }) => void seen.hooks.push([to, options?.replace]);
  const touch = (url: string) => `${FAPI}/v1/client/touch?redirect_url=${encodeURIComponent(new URL(url, location.href).href)}`;

  const flows: Array<[string, (decorateUrl: (url: string) => string, redirect: string) => Promise<Mounted<HTMLElement>>]> = [
    [
      '<sso-callback>',
      async (decorateUrl, redirect) => {
        const fake = new FakeClerk({});
        completeWith(fake, redirect, decorateUrl);
        const m = await mount<HTMLElement>(SsoCallbackElement, { clerk: fake, allowedOrigins: ALLOWED, navigate });
        await settled(m);
        return m;
      },
    ],
    [
      '<continue-signup>',
      async (decorateUrl, redirect) => {
        const m = await mount<HTMLElement>(ContinueSignupElement, { clerk: { ...COMPLETE_SIGN_UP, decorateUrl }, allowedOrigins: ALLOWED, navigate, attrs: { 'redirect-url-complete': redirect } });
        await settled(m);
        return m;
      },
    ],
  ];

  for (const [name, run] of flows) {
    it(`${name}: a same-origin completion is decorated as a path and routed with replace`, async () => {
      await run((url) => (seen.decorated.push(url), `${url}?__clerk_db_jwt=x`), '/home');
      expect(seen.decorated).to.deep.equal(['/home']);
      expect(seen.hooks).to.deep.equal([['/home?__clerk_db_jwt=x', true]]);
      expect(seen.loads).to.deep.equal([]);
    });

    it(`${name}: Clerk's cookie refresh on its Frontend API is followed with a page load that replaces`, async () => {
      await run((url) => (seen.decorated.push(url), touch(url)), '/home');
      expect(seen.loads).to.deep.equal([[touch('/home'), true]]);
      expect(seen.hooks).to.deep.equal([]);
    });

    it(`${name}: a cross-origin completion to an allowed origin is decorated as an absolute URL, and its touch URL followed`, async () => {
      await run((url) => (seen.decorated.push(url), touch(url)), `${ALLOWED}/dashboard`);
      expect(seen.decorated).to.deep.equal([`${ALLOWED}/dashboard`]);
      expect(seen.loads).to.deep.equal([[touch(`${ALLOWED}/dashboard`), true]]);
    });

    it(`${name}: a target that is not allowed is never decorated`, async () => {
      const m = await run((url) => (seen.decorated.push(url), url), 'https://evil.example/');
      expect(seen.decorated).to.deep.equal([]);
      expect([...seen.hooks, ...seen.loads]).to.deep.equal([]);
      expect(m.el.getAttribute('status')).to.equal('error');
    });

    it(`${name}: a decorated URL on another origin than the Frontend API's or an allowed one is refused`, async () => {
      const m = await run(() => 'https://evil.example/v1/client/touch', '/home');
      expect([...seen.hooks, ...seen.loads]).to.deep.equal([]);
      expect(m.el.getAttribute('status')).to.equal('error');
    });
  }

  it("the Frontend API origins come from the loaded Clerk: its proxy and its host", async () => {
    const m = await mount<HTMLElement>(SsoCallbackElement, {
      clerk: (() => {
        const fake = new FakeClerk({ proxyUrl: 'https://proxy.example/__clerk' });
        completeWith(fake, '/home', () => 'https://proxy.example/__clerk/v1/client/touch?redirect_url=x');
        return fake;
      })(),
      navigate,
    });
    await settled(m);
    expect(seen.loads).to.deep.equal([['https://proxy.example/__clerk/v1/client/touch?redirect_url=x', true]]);
  });
});
