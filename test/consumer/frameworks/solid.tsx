import type {} from 'clerk-oauth-elements/solid';

export const accounts = () => (
  <connected-accounts redirect-url="/account" on:account-removed={(event) => event.detail.accountId} on:account-error={(event) => event.code} />
);
// @ts-expect-error: `mode` takes 'sign-in' or 'sign-up' only
export const wrong = () => <oauth-buttons mode="log-in" />;
