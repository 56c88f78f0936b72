import { clerkApiError } from './clerk-error.js';

/** How a fake social provider is configured. A string is a strategy with Clerk's defaults. */
export type FakeProvider =
  | string
  | { strategy: string; name?: string; logoUrl?: string | null; enabled?: boolean; authenticatable?: boolean };

/** What `handleRedirectCallback` does in the fake. */
export type FakeRedirectOutcome =
  /** Navigates (through the `customNavigate` callback) to the URL param named, or to a literal URL. */
  | { kind: 'navigate'; to: string }
  /** Completes: activates a session and navigates to the force/fallback URL like clerk-js. */
  | { kind: 'complete'; flow?: 'sign-in' | 'sign-up'; sessionTask?: string }
  | { kind: 'error'; error: unknown }
  /** Never settles (to show the verifying state). */
  | { kind: 'pending' }
  /** Settles without navigating (clerk-js found nothing it could do, or navigated by itself). */
  | { kind: 'none' };

/** A verification as clerk-js holds it on `signIn.firstFactorVerification` / `signUp.verifications.externalAccount`. */
export interface FakeVerificationInit {
  status: 'unverified' | 'verified' | 'transferable' | 'failed' | 'expired' | null;
  error?: { code: string; message: string; longMessage?: string; meta?: Record<string, unknown> } | null;
}

export interface FakeExternalAccountInit {
  id?: string;
  provider: string;
  emailAddress?: string;
  username?: string | null;
  firstName?: string;
  lastName?: string;
  imageUrl?: string;
  approvedScopes?: string;
  verificationStatus?: 'verified' | 'unverified' | 'failed' | 'expired' | 'transferable';
  verificationError?: { code: string; message: string; longMessage?: string } | null;
}

export interface FakeUserInit {
  id?: string;
  firstName?: string | null;
  lastName?: string | null;
  username?: string | null;
  emailAddress?: string;
  externalAccounts?: FakeExternalAccountInit[];
}

/** Everything scriptable about the fake. Every field is optional: the defaults are a working instance. */
export interface FakeClerkOptions {
  /** Milliseconds `load()` takes; `Infinity` never finishes. */
  loadDelay?: number;
  /** Thrown by `load()`. */
  loadError?: unknown;
  /** Enabled providers, in order. Default: Google and GitHub. */
  providers?: FakeProvider[];
  lastAuthenticationStrategy?: string | null;
  /** Thrown by `signIn.authenticateWithRedirect` / `signUp.authenticateWithRedirect`. */
  authenticateError?: unknown;
  signUp?: {
    id?: string;
    status?: 'missing_requirements' | 'complete' | 'abandoned' | null;
    missingFields?: string[];
    requiredFields?: string[];
    optionalFields?: string[];
    unverifiedFields?: string[];
    emailAddress?: string | null;
    phoneNumber?: string | null;
    username?: string | null;
    firstName?: string | null;
    lastName?: string | null;
  };
  /** Errors thrown by successive `signUp.update` calls (one per call, then success). */
  updateErrors?: unknown[];
  /** `signUp.reload()` finds the sign-up complete (another tab finished it). */
  finishedElsewhere?: boolean;
  /** The one-time code the fake accepts. Default `424242`. */
  verificationCode?: string;
  /** Thrown by `prepare…Verification`. */
  prepareError?: unknown;
  redirectCallback?: FakeRedirectOutcome;
  /** `client.signIn.firstFactorVerification` as the OAuth callback left it (e.g. transferable, or failed with `oauth_access_denied`). */
  signInVerification?: FakeVerificationInit;
  /** `client.signUp.verifications.externalAccount` as the OAuth callback left it (e.g. transferable with `external_account_exists`). */
  signUpVerification?: FakeVerificationInit;
  /** A signed-in user; `null` (default) for signed out. */
  user?: FakeUserInit | null;
  /** The pending session task after `setActive`, e.g. `choose-organization`. */
  sessionTask?: string;
  /** The signed-in user's session already has this pending task when the page loads (needs `user`). */
  currentTask?: string;
  /** What `setActive`'s `decorateUrl` returns (default: the URL unchanged, as when no cookie refresh is due). */
  decorateUrl?: (url: string) => string;
  /** Thrown by `setActive`. */
  setActiveError?: unknown;
  /** Thrown by `user.createExternalAccount`, `reauthorize` or `destroy`. */
  externalAccountError?: unknown;
  username?: { minLength?: number; maxLength?: number };
  legal?: { termsUrl?: string; privacyPolicyUrl?: string };
  /** Where `user.createExternalAccount` / `reauthorize` send the browser. */
  providerAuthorizeUrl?: string;
  /**
   * Connecting and removing accounts need a recent verification: they fail with `session_reverification_required`
   * (403) until `session.attemptFirstFactorVerification` succeeded.
   */
  reverification?: { factors?: Array<'password' | 'email_code'>; password?: string; level?: 'first_factor' | 'second_factor' | 'multi_factor' };
  /** Thrown by `session.startVerification`. */
  startVerificationError?: unknown;
  /** `clerk.frontendApi` (default `clerk.fake.test`) and `clerk.proxyUrl`: where `decorateUrl`'s cookie refresh lives. */
  frontendApi?: string;
  proxyUrl?: string;
}

export interface FakeCall {
  method: string;
  args: unknown[];
}

type Listener = (resources: { client: unknown; session: unknown; user: unknown; organization: null }) => void;

const never = () => new Promise<never>(() => {});
const delay = (ms: number) => (ms === Infinity ? never() : new Promise<void>((r) => setTimeout(r, ms)));
const camelToSnake = (s: string) => s.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);

/**
 * A fake of the part of clerk-js these elements use, with scriptable state and a record of every call.
 * Hand it to `<clerk-provider>.clerk`. Not a Clerk emulator: flows end to end run against the real
 * clerk-js and the local Frontend API emulator.
 */
export class FakeClerk {
  loaded = false;
  status: 'loading' | 'ready' | 'error' = 'loading';
  readonly calls: FakeCall[] = [];
  /** Where the fake would have sent the browser (it never navigates). */
  readonly navigations: string[] = [];
  options: Record<string, unknown> = {};
  client: FakeClient;
  user: FakeUser | null;
  session: FakeSession | null = null;
  /** True once the session was verified again (see `reverification`). */
  reverified = false;
  readonly __internal_environment: ReturnType<typeof environmentOf>;
  /** The task the session gets on the next `setActive` (a `complete` redirect outcome's `sessionTask`). */
  nextSessionTask?: string;
  readonly frontendApi: string;
  readonly proxyUrl?: string;
  #listeners = new Set<Listener>();

  constructor(readonly config: FakeClerkOptions = {}) {
    this.__internal_environment = environmentOf(config);
    this.frontendApi = config.frontendApi ?? 'clerk.fake.test';
    this.proxyUrl = config.proxyUrl;
    this.client = new FakeClient(this);
    this.user = config.user ? new FakeUser(this, config.user) : null;
    if (this.user) {
      this.session = new FakeSession(this, 'sess_fake', this.user, config.currentTask);
    }
  }

  /** Records a call and returns its arguments (helper for the resources). */
  record(method: string, args: unknown[]): void {
    this.calls.push({ method, args });
  }

  /** The calls to one method, e.g. `fake.callsTo('signIn.authenticateWithRedirect')`. */
  callsTo(method: string): unknown[][] {
    return this.calls.filter((c) => c.method === method).map((c) => c.args);
  }

  async load(options: Record<string, unknown> = {}): Promise<void> {
    this.record('load', [options]);
    this.options = options;
    this.#started = { polling: true, standardBrowser: true, touchSession: true, ...options };
    await delay(this.config.loadDelay ?? 0);
    if (this.config.loadError !== undefined) {
      this.#setStatus('error');
      throw this.config.loadError;
    }
    // As clerk-js does: listeners hear of the client while loading; the end is a `ready` status event.
    this.emit();
    this.loaded = true;
    this.#setStatus('ready');
  }

  #started?: Record<string, unknown>;
  /** As clerk-js: the options of the `load()` started (with its defaults), none before. */
  __internal_getOption(key: string): unknown {
    return this.#started?.[key];
  }

  #statusHandlers = new Set<(status: FakeClerk['status']) => void>();
  #setStatus(status: FakeClerk['status']): void {
    this.status = status;
    this.#statusHandlers.forEach((handler) => handler(status));
  }

  /** clerk-js's `on('status', handler, { notify })`; the only event the elements use. */
  on(event: 'status', handler: (status: FakeClerk['status']) => void, options?: { notify?: boolean }): void {
    if (event !== 'status') return;
    this.#statusHandlers.add(handler);
    if (options?.notify && this.status !== 'loading') handler(this.status);
  }

  off(event: 'status', handler: (status: FakeClerk['status']) => void): void {
    if (event === 'status') this.#statusHandlers.delete(handler);
  }

  addListener(listener: Listener, options?: { skipInitialEmit?: boolean }): () => void {
    this.#listeners.add(listener);
    if (this.loaded && !options?.skipInitialEmit) listener(this.#resources());
    return () => this.#listeners.delete(listener);
  }

  /** Number of listeners currently subscribed (to test cleanup). */
  get listenerCount(): number {
    return this.#listeners.size + this.#statusHandlers.size;
  }

  emit(): void {
    const resources = this.#resources();
    this.#listeners.forEach((listener) => listener(resources));
  }

  async navigate(to: string): Promise<void> {
    this.record('navigate', [to]);
    this.navigations.push(to);
    const push = this.options.routerPush as ((to: string) => unknown) | undefined;
    await push?.(to);
  }

  async setActive(params: { session?: string | null; redirectUrl?: string; navigate?: (p: { session: unknown; decorateUrl: (u: string) => string }) => unknown }): Promise<void> {
    this.record('setActive', [params]);
    if (this.config.setActiveError !== undefined) throw this.config.setActiveError;
    if (!this.user) this.user = new FakeUser(this, { id: 'user_new', firstName: this.client.signUp.firstName ?? 'New', lastName: this.client.signUp.lastName ?? 'User' });
    this.session = new FakeSession(this, typeof params.session === 'string' ? params.session : 'sess_fake', this.user, this.nextSessionTask ?? this.config.sessionTask);
    this.emit();
    if (params.navigate) await params.navigate({ session: this.session, decorateUrl: this.config.decorateUrl ?? ((url) => url) });
    else if (params.redirectUrl) await this.navigate(params.redirectUrl);
  }

  async handleRedirectCallback(params: Record<string, unknown>, customNavigate?: (to: string) => Promise<unknown>): Promise<void> {
    this.record('handleRedirectCallback', [params]);
    const outcome = this.config.redirectCallback ?? { kind: 'navigate', to: 'signInUrl' };
    const go = (to: string) => (customNavigate ? customNavigate(to) : this.navigate(to));
    switch (outcome.kind) {
      case 'pending':
        return never();
      case 'error':
        throw outcome.error;
      case 'navigate': {
        const param = params[outcome.to];
        return void (await go(typeof param === 'string' ? param : outcome.to.startsWith('/') || outcome.to.includes('://') ? outcome.to : '/sign-in'));
      }
      case 'none':
        return;
      case 'complete': {
        const prefix = outcome.flow === 'sign-up' ? 'signUp' : 'signIn';
        const target = (params[`${prefix}ForceRedirectUrl`] ?? params[`${prefix}FallbackRedirectUrl`] ?? '/') as string;
        this.nextSessionTask = outcome.sessionTask;
        // Like clerk-js: the (internal) completion hook, when given, takes over the navigation after setActive.
        const hook = params.__internal_navigateOnSetActive as
          | ((p: { session: unknown; redirectUrl: string; decorateUrl: (u: string) => string }) => Promise<unknown>)
          | undefined;
        if (hook) return this.setActive({ session: 'sess_fake', navigate: ({ session, decorateUrl }) => hook({ session, redirectUrl: target, decorateUrl }) });
        return this.setActive({ session: 'sess_fake', redirectUrl: target });
      }
    }
  }

  /** Throws Clerk's reverification error while `reverification` is set and the session was not verified again. */
  requireRecentVerification(): void {
    const config = this.config.reverification;
    if (!config || this.reverified) return;
    const error = clerkApiError('session_reverification_required', 'You need to provide additional verification to perform this operation', { status: 403 });
    error.errors[0]!.meta = { sessionVerificationLevel: config.level ?? 'first_factor' } as never;
    throw error;
  }

  async signOut(): Promise<void> {
    this.record('signOut', []);
    this.user = null;
    this.session = null;
    this.emit();
  }

  buildSignInUrl(): string {
    return (this.options.signInUrl as string | undefined) ?? '/sign-in';
  }

  /** Like clerk-js: the `taskUrls` option for the current task, else the sign-in URL's `#/tasks/<key>`. */
  buildTasksUrl(): string {
    const key = this.session?.currentTask?.key;
    if (!key) return '';
    const taskUrls = this.options.taskUrls as Record<string, string> | undefined;
    return taskUrls?.[key] ?? `${this.buildSignInUrl()}#/tasks/${key}`;
  }

  buildSignUpUrl(): string {
    return (this.options.signUpUrl as string | undefined) ?? '/sign-up';
  }

  /** A redirect that never settles: the real one leaves the page. */
  redirectAway(method: string, params: unknown): Promise<never> {
    this.record(method, [params]);
    if (this.config.authenticateError !== undefined) return Promise.reject(this.config.authenticateError);
    const url = (params as { redirectUrl?: string }).redirectUrl;
    this.navigations.push(`provider:${(params as { strategy?: string }).strategy}:${url ?? ''}`);
    return never();
  }

  #resources() {
    return { client: this.client, session: this.session, user: this.user, organization: null };
  }
}

class FakeClient {
  readonly signIn: FakeSignIn;
  readonly signUp: FakeSignUp;
  lastAuthenticationStrategy: string | null;
  constructor(clerk: FakeClerk) {
    this.signIn = new FakeSignIn(clerk);
    this.signUp = new FakeSignUp(clerk);
    this.lastAuthenticationStrategy = clerk.config.lastAuthenticationStrategy ?? null;
  }
  get sessions() {
    return [];
  }
}

const verificationOf = (init?: FakeVerificationInit) => ({ status: init?.status ?? null, error: init?.error ?? null });

class FakeSignIn {
  status: string | null = null;
  firstFactorVerification: ReturnType<typeof verificationOf>;
  constructor(private readonly clerk: FakeClerk) {
    this.firstFactorVerification = verificationOf(clerk.config.signInVerification);
  }
  authenticateWithRedirect(params: Record<string, unknown>): Promise<never> {
    return this.clerk.redirectAway('signIn.authenticateWithRedirect', params);
  }
}

const FIELD_PARAMS: Record<string, string> = {
  firstName: 'first_name', lastName: 'last_name', username: 'username', password: 'password',
  legalAccepted: 'legal_accepted', emailAddress: 'email_address', phoneNumber: 'phone_number',
};

class FakeSignUp {
  id: string | null;
  status: 'missing_requirements' | 'complete' | 'abandoned' | null;
  missingFields: string[];
  requiredFields: string[];
  optionalFields: string[];
  unverifiedFields: string[];
  emailAddress: string | null;
  phoneNumber: string | null;
  username: string | null;
  firstName: string | null;
  lastName: string | null;
  legalAcceptedAt: number | null = null;
  createdSessionId: string | null = null;
  verifications: { externalAccount: ReturnType<typeof verificationOf> };
  #updateErrors: unknown[];

  constructor(private readonly clerk: FakeClerk) {
    const init = clerk.config.signUp ?? {};
    this.verifications = { externalAccount: verificationOf(clerk.config.signUpVerification) };
    this.id = init.id ?? (init.status ? 'sua_fake' : null);
    this.status = init.status ?? null;
    this.missingFields = [...(init.missingFields ?? [])];
    this.requiredFields = [...(init.requiredFields ?? this.missingFields)];
    this.optionalFields = [...(init.optionalFields ?? [])];
    this.unverifiedFields = [...(init.unverifiedFields ?? [])];
    this.emailAddress = init.emailAddress ?? null;
    this.phoneNumber = init.phoneNumber ?? null;
    this.username = init.username ?? null;
    this.firstName = init.firstName ?? null;
    this.lastName = init.lastName ?? null;
    if (this.status === 'complete') this.createdSessionId = 'sess_fake';
    this.#updateErrors = [...(clerk.config.updateErrors ?? [])];
  }

  authenticateWithRedirect(params: Record<string, unknown>): Promise<never> {
    return this.clerk.redirectAway('signUp.authenticateWithRedirect', params);
  }

  /** Reads the sign-up again (`GET /v1/client/sign_ups/:id`): with `finishedElsewhere`, another tab completed it. */
  async reload(): Promise<this> {
    this.clerk.record('signUp.reload', []);
    await Promise.resolve();
    if (this.clerk.config.finishedElsewhere) {
      this.status = 'complete';
      this.missingFields = [];
      this.createdSessionId = 'sess_fake';
    }
    return this;
  }

  async update(params: Record<string, unknown>): Promise<this> {
    this.clerk.record('signUp.update', [params]);
    await Promise.resolve();
    const error = this.#updateErrors.shift();
    if (error !== undefined) throw error;
    for (const [key, value] of Object.entries(params)) {
      const field = FIELD_PARAMS[key] ?? camelToSnake(key);
      if (value === undefined || value === '' || value === false) continue;
      if (key in this && key !== 'legalAccepted') (this as Record<string, unknown>)[key] = value;
      if (key === 'legalAccepted') this.legalAcceptedAt = Date.now();
      this.missingFields = this.missingFields.filter((f) => f !== field);
      if (field === 'email_address' || field === 'phone_number') this.missingFields = this.missingFields.filter((f) => f !== 'email_address_or_phone_number');
      if ((field === 'email_address' || field === 'phone_number') && !this.unverifiedFields.includes(field)) {
        this.unverifiedFields.push(field);
      }
    }
    this.#settle();
    return this;
  }

  preparePhoneNumberVerification(params?: unknown) {
    return this.#prepare('signUp.preparePhoneNumberVerification', params);
  }
  attemptPhoneNumberVerification(params: { code: string }) {
    return this.#attempt('signUp.attemptPhoneNumberVerification', 'phone_number', params);
  }
  prepareEmailAddressVerification(params?: unknown) {
    return this.#prepare('signUp.prepareEmailAddressVerification', params);
  }
  attemptEmailAddressVerification(params: { code: string }) {
    return this.#attempt('signUp.attemptEmailAddressVerification', 'email_address', params);
  }

  async #prepare(method: string, params: unknown): Promise<this> {
    this.clerk.record(method, [params]);
    await Promise.resolve();
    if (this.clerk.config.prepareError !== undefined) throw this.clerk.config.prepareError;
    return this;
  }

  async #attempt(method: string, field: string, params: { code: string }): Promise<this> {
    this.clerk.record(method, [params]);
    await Promise.resolve();
    if (params.code !== (this.clerk.config.verificationCode ?? '424242')) {
      throw clerkApiError('form_code_incorrect', 'Incorrect code', { paramName: 'code', longMessage: 'The code you entered is incorrect. Please try again.' });
    }
    this.unverifiedFields = this.unverifiedFields.filter((f) => f !== field);
    this.#settle();
    return this;
  }

  #settle(): void {
    if (this.missingFields.length === 0 && this.unverifiedFields.length === 0) {
      this.status = 'complete';
      this.createdSessionId = 'sess_fake';
    } else this.status = 'missing_requirements';
    this.clerk.emit();
  }
}

/** The session's verification as clerk-js's `SessionVerification` resource shows it. */
interface FakeSessionVerification {
  status: 'needs_first_factor' | 'complete';
  level: string;
  supportedFirstFactors: Array<{ strategy: string; emailAddressId?: string; safeIdentifier?: string }>;
}

class FakeSession {
  readonly status = 'active';
  currentTask?: { key: string };
  constructor(
    private readonly clerk: FakeClerk,
    readonly id: string,
    readonly user: FakeUser | null,
    task?: string,
  ) {
    if (task) this.currentTask = { key: task };
  }
  #verification(status: FakeSessionVerification['status'], level: string): FakeSessionVerification {
    const factors = this.clerk.config.reverification?.factors ?? ['password'];
    return {
      status,
      level,
      supportedFirstFactors: factors.map((strategy) =>
        strategy === 'password' ? { strategy } : { strategy, emailAddressId: 'idn_email', safeIdentifier: 'a***@example.com' },
      ),
    };
  }
  async startVerification(params: { level: string }) {
    this.clerk.record('session.startVerification', [params]);
    await Promise.resolve();
    if (this.clerk.config.startVerificationError !== undefined) throw this.clerk.config.startVerificationError;
    return this.#verification(this.clerk.reverified ? 'complete' : 'needs_first_factor', params.level);
  }
  async prepareFirstFactorVerification(params: Record<string, unknown>) {
    this.clerk.record('session.prepareFirstFactorVerification', [params]);
    await Promise.resolve();
    return this.#verification('needs_first_factor', 'first_factor');
  }
  async attemptFirstFactorVerification(params: { strategy: string; password?: string; code?: string }) {
    this.clerk.record('session.attemptFirstFactorVerification', [params]);
    await Promise.resolve();
    const expected = params.strategy === 'password' ? (this.clerk.config.reverification?.password ?? 'correct horse') : (this.clerk.config.verificationCode ?? '424242');
    if ((params.password ?? params.code) !== expected) {
      throw params.strategy === 'password'
        ? clerkApiError('form_password_incorrect', 'Password is incorrect', { paramName: 'password', longMessage: 'Password is incorrect. Try again, or use another method.' })
        : clerkApiError('form_code_incorrect', 'Incorrect code', { paramName: 'code', longMessage: 'The code you entered is incorrect. Please try again.' });
    }
    this.clerk.reverified = true;
    return this.#verification('complete', 'first_factor');
  }
}

class FakeUser {
  id: string;
  firstName: string | null;
  lastName: string | null;
  username: string | null;
  primaryEmailAddress: { emailAddress: string } | null;
  externalAccounts: FakeExternalAccount[];
  constructor(private readonly clerk: FakeClerk, init: FakeUserInit) {
    this.id = init.id ?? 'user_fake';
    this.firstName = init.firstName ?? null;
    this.lastName = init.lastName ?? null;
    this.username = init.username ?? null;
    this.primaryEmailAddress = init.emailAddress ? { emailAddress: init.emailAddress } : null;
    this.externalAccounts = (init.externalAccounts ?? []).map((a, i) => new FakeExternalAccount(clerk, this, { id: `eac_${i + 1}`, ...a }));
  }
  get fullName(): string | null {
    return [this.firstName, this.lastName].filter(Boolean).join(' ') || null;
  }
  async createExternalAccount(params: { strategy: string; redirectUrl?: string; additionalScopes?: string[] }) {
    this.clerk.record('user.createExternalAccount', [params]);
    await Promise.resolve();
    this.clerk.requireRecentVerification();
    if (this.clerk.config.externalAccountError !== undefined) throw this.clerk.config.externalAccountError;
    const account = new FakeExternalAccount(this.clerk, this, {
      id: `eac_${this.externalAccounts.length + 1}`,
      provider: params.strategy.replace(/^oauth_/, ''),
      verificationStatus: 'unverified',
    });
    account.verification.externalVerificationRedirectURL = new URL(
      `${this.clerk.config.providerAuthorizeUrl ?? 'https://provider.example/authorize'}?strategy=${params.strategy}`,
    );
    this.externalAccounts = [...this.externalAccounts, account];
    return account;
  }
  async reload() {
    this.clerk.record('user.reload', []);
    return this;
  }
}

class FakeExternalAccount {
  id: string;
  provider: string;
  providerUserId: string;
  emailAddress: string;
  username: string | null;
  firstName: string;
  lastName: string;
  imageUrl: string;
  approvedScopes: string;
  verification: { status: string; error: { code: string; message: string; longMessage?: string } | null; externalVerificationRedirectURL: URL | null };
  constructor(private readonly clerk: FakeClerk, private readonly user: FakeUser, init: FakeExternalAccountInit & { id: string }) {
    this.id = init.id;
    this.provider = init.provider;
    this.providerUserId = `${init.provider}-uid`;
    this.emailAddress = init.emailAddress ?? '';
    this.username = init.username ?? null;
    this.firstName = init.firstName ?? '';
    this.lastName = init.lastName ?? '';
    this.imageUrl = init.imageUrl ?? '';
    this.approvedScopes = init.approvedScopes ?? 'openid email profile';
    this.verification = { status: init.verificationStatus ?? 'verified', error: init.verificationError ?? null, externalVerificationRedirectURL: null };
  }
  providerTitle(): string {
    return this.provider.charAt(0).toUpperCase() + this.provider.slice(1);
  }
  accountIdentifier(): string {
    return this.username || this.emailAddress || this.providerUserId;
  }
  async reauthorize(params: { additionalScopes?: string[]; redirectUrl?: string }) {
    this.clerk.record('externalAccount.reauthorize', [this.id, params]);
    await Promise.resolve();
    if (this.clerk.config.externalAccountError !== undefined) throw this.clerk.config.externalAccountError;
    this.verification = {
      status: 'unverified',
      error: null,
      externalVerificationRedirectURL: new URL(`${this.clerk.config.providerAuthorizeUrl ?? 'https://provider.example/authorize'}?reauthorize=${this.id}`),
    };
    return this;
  }
  async destroy() {
    this.clerk.record('externalAccount.destroy', [this.id]);
    await Promise.resolve();
    this.clerk.requireRecentVerification();
    if (this.clerk.config.externalAccountError !== undefined) throw this.clerk.config.externalAccountError;
    this.user.externalAccounts = this.user.externalAccounts.filter((a) => a !== this);
    this.clerk.emit();
  }
}

function environmentOf(config: FakeClerkOptions) {
  const providers = (config.providers ?? ['oauth_google', 'oauth_github']).map((p) => (typeof p === 'string' ? { strategy: p } : p));
  const social: Record<string, { enabled: boolean; required: boolean; authenticatable: boolean; strategy: string; name: string; logo_url: string | null }> = {};
  for (const p of providers) {
    social[p.strategy] = {
      enabled: p.enabled ?? true,
      required: false,
      authenticatable: p.authenticatable ?? true,
      strategy: p.strategy,
      name: p.name ?? '',
      logo_url: p.logoUrl ?? null,
    };
  }
  const enabled = providers.filter((p) => social[p.strategy]!.enabled).map((p) => p.strategy);
  return {
    userSettings: {
      social,
      socialProviderStrategies: enabled,
      authenticatableSocialStrategies: enabled.filter((s) => social[s]!.authenticatable),
      usernameSettings: { min_length: config.username?.minLength ?? 4, max_length: config.username?.maxLength ?? 64 },
      signUp: { legal_consent_enabled: Boolean(config.legal), captcha_enabled: false },
    },
    displayConfig: {
      termsUrl: config.legal?.termsUrl ?? '',
      privacyPolicyUrl: config.legal?.privacyPolicyUrl ?? '',
      applicationName: 'Acme',
    },
  };
}

/** Casts the fake to the Clerk type the elements take. */
export const asClerk = <T>(fake: FakeClerk): T => fake as unknown as T;
