import type {} from 'clerk-oauth-elements/preact';

export const callback = (
  <sso-callback sign-in-url="/sign-in" lang="en" title="Callback" onClick={() => undefined} onsso-redirect={(event) => event.detail.reason}>
    <continue-signup onsignup-complete={(event) => event.sessionId} />
  </sso-callback>
);
// @ts-expect-error: `variant` takes 'auto', 'block' or 'icon'
export const wrong = <oauth-buttons variant="huge" />;
