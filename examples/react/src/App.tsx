import { useState } from 'react';
import type { ClerkReadyEvent, SignUpCompleteEvent, SsoRedirectEvent } from 'clerk-oauth-elements';
import { navigate, usePath } from './router';

// The emulator's key and proxy by default (npm test); a real instance's key through VITE_CLERK_PUBLISHABLE_KEY.
const publishableKey = import.meta.env.VITE_CLERK_PUBLISHABLE_KEY ?? 'pk_test_Y2xlcmsuZW11LnRlc3Qk';
const proxyUrl = import.meta.env.VITE_CLERK_PUBLISHABLE_KEY ? undefined : '/__clerk';

// Made once per page load: the end-to-end test reads it to prove that no step reloaded the app.
const loadId = crypto.randomUUID();

export function App() {
  const path = usePath();
  const [events, setEvents] = useState<string[]>([]);
  const [userId, setUserId] = useState<string | null>(null);
  const log = (entry: string) => setEvents((list) => [...list, entry]);

  return (
    <clerk-provider
      publishable-key={publishableKey}
      proxy-url={proxyUrl}
      sign-in-url="/sign-in"
      sign-up-url="/sign-in"
      sign-in-fallback-redirect-url="/account"
      sign-up-fallback-redirect-url="/account"
      navigate={navigate}
      onclerk-ready={(event: ClerkReadyEvent) => setUserId(event.clerk.user?.id ?? null)}
    >
      <nav>
        <a href="/sign-in" onClick={(e) => (e.preventDefault(), navigate('/sign-in'))}>Sign in</a>{' '}
        <a href="/account" onClick={(e) => (e.preventDefault(), navigate('/account'))}>Account</a>
      </nav>
      <main>
        {path === '/sign-in' && (
          <oauth-buttons mode="sign-in" redirect-url="/sign-in/sso-callback" redirect-url-complete="/account" onoauth-redirect={(e) => log(`oauth-redirect ${e.strategy}`)} />
        )}
        {path === '/sign-in/sso-callback' && (
          <sso-callback
            sign-in-url="/sign-in"
            continue-sign-up-url="/sign-in/continue"
            onsso-redirect={(e: SsoRedirectEvent) => log(`sso-redirect ${e.reason}`)}
          />
        )}
        {path === '/sign-in/continue' && (
          <continue-signup
            redirect-url-complete="/account"
            onsignup-complete={(e: SignUpCompleteEvent) => {
              setUserId(e.sessionId);
              log('signup-complete');
            }}
          />
        )}
        {path === '/account' && <connected-accounts onaccount-removed={(e) => log(`account-removed ${e.detail.strategy}`)} />}
        {path === '/' && <p>React 19 example: <a href="/sign-in">sign in</a>.</p>}
      </main>
      <footer>
        <output id="load-id">{loadId}</output> <output id="signed-in">{userId ? 'signed in' : 'signed out'}</output>
        <ol id="events">
          {events.map((entry, i) => (
            <li key={i}>{entry}</li>
          ))}
        </ol>
      </footer>
    </clerk-provider>
  );
}
