// React 19 reads `React.JSX`: the tags, their attributes and properties, React's own props, typed event handlers.
import type {} from 'clerk-oauth-elements/react';
import type { OAuthRedirectEvent } from 'clerk-oauth-elements';

export const signIn = (
  <clerk-provider publishable-key="pk_test_x" navigate={(to: string) => history.pushState(null, '', to)} lang="de" dir="ltr" title="Sign in">
    <oauth-buttons
      mode="sign-up"
      variant="block"
      className="social"
      onClick={(event) => event.currentTarget}
      onoauth-redirect={(event: OAuthRedirectEvent) => {
        event.preventDefault();
        return event.detail.url + event.strategy;
      }}
      onoauth-error={(event) => event.detail.code}
    />
  </clerk-provider>
);

// @ts-expect-error: `mode` takes 'sign-in' or 'sign-up' only
export const wrong = <oauth-buttons mode="log-in" />;
// @ts-expect-error: `status` is read-only (reflected), not a prop
export const readOnly = <oauth-buttons status="ready" />;
