import { Component, CUSTOM_ELEMENTS_SCHEMA, inject } from '@angular/core';
import { Router, RouterLink, RouterOutlet } from '@angular/router';
import type { NavigateHook } from 'clerk-oauth-elements';
import { EventLog } from './event-log';

// The emulator's key and proxy (npm test); put a real instance's key here, and no proxy, to try it with Clerk.
const PUBLISHABLE_KEY = 'pk_test_Y2xlcmsuZW11LnRlc3Qk';
const PROXY_URL: string | undefined = '/__clerk';

@Component({
  selector: 'app-root',
  imports: [RouterOutlet, RouterLink],
  // Our tags are custom elements: Angular sets `navigate` (an object) as a property, and types each `$event`
  // from the package's event map.
  schemas: [CUSTOM_ELEMENTS_SCHEMA],
  template: `
    <clerk-provider
      [publishableKey]="publishableKey"
      [proxyUrl]="proxyUrl"
      sign-in-url="/sign-in"
      sign-up-url="/sign-in"
      sign-in-fallback-redirect-url="/account"
      sign-up-fallback-redirect-url="/account"
      [navigate]="navigate"
      (clerk-ready)="log.userId.set($event.clerk.user?.id ?? null)"
    >
      <nav><a routerLink="/sign-in">Sign in</a> <a routerLink="/account">Account</a></nav>
      <main><router-outlet /></main>
      <footer>
        <output id="load-id">{{ log.loadId }}</output>
        <output id="signed-in">{{ log.userId() ? 'signed in' : 'signed out' }}</output>
        <ol id="events">
          @for (entry of log.entries(); track $index) {
            <li>{{ entry }}</li>
          }
        </ol>
      </footer>
    </clerk-provider>
  `,
})
export class App {
  protected readonly log = inject(EventLog);
  readonly #router = inject(Router);
  protected readonly publishableKey = PUBLISHABLE_KEY;
  protected readonly proxyUrl = PROXY_URL;

  /** Every redirect of the elements and of clerk-js goes through the app's router: no page load in between. */
  protected readonly navigate: NavigateHook = (to, options) => {
    const url = new URL(to, location.href);
    if (url.origin !== location.origin) return location.assign(url.href);
    return this.#router.navigateByUrl(url.pathname + url.search + url.hash, { replaceUrl: options?.replace ?? false });
  };
}
