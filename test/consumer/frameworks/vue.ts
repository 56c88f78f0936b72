// Vue 3 type-checks templates against `GlobalComponents`: `@oauth-redirect` is the prop `onOauthRedirect`.
import type { GlobalComponents } from 'vue';
import type {} from 'clerk-oauth-elements/vue';
import type { OAuthRedirectEvent } from 'clerk-oauth-elements';

type Props<Tag extends keyof GlobalComponents> = GlobalComponents[Tag] extends abstract new (...args: never) => { $props: infer P } ? P : never;
type Handler = NonNullable<Props<'oauth-buttons'>['onOauthRedirect']>;
export const handler: Handler = (event: OAuthRedirectEvent) => event.detail.url;
export const mode: Props<'oauth-buttons'>['mode'] = 'sign-up';
// @ts-expect-error: `mode` takes 'sign-in' or 'sign-up' only
export const wrong: Props<'oauth-buttons'>['mode'] = 'log-in';
