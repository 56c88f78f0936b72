import { Component, CUSTOM_ELEMENTS_SCHEMA, inject } from '@angular/core';
import { RouterLink, type Routes } from '@angular/router';
import { EventLog } from './event-log';

// One route per demo page; each renders one of our tags inside the app's <clerk-provider>.

@Component({
  selector: 'app-sign-in',
  schemas: [CUSTOM_ELEMENTS_SCHEMA],
  template: `<oauth-buttons
    mode="sign-in"
    redirect-url="/sign-in/sso-callback"
    redirect-url-complete="/account"
    (oauth-redirect)="log.add('oauth-redirect ' + $event.strategy)"
  />`,
})
class SignInPage {
  protected readonly log = inject(EventLog);
}

@Component({
  selector: 'app-sso-callback',
  schemas: [CUSTOM_ELEMENTS_SCHEMA],
  template: `<sso-callback
    sign-in-url="/sign-in"
    continue-sign-up-url="/sign-in/continue"
    (sso-redirect)="log.add('sso-redirect ' + $event.reason)"
  />`,
})
class SsoCallbackPage {
  protected readonly log = inject(EventLog);
}

@Component({
  selector: 'app-continue',
  schemas: [CUSTOM_ELEMENTS_SCHEMA],
  template: `<continue-signup redirect-url-complete="/account" (signup-complete)="completed($event.sessionId)" />`,
})
class ContinuePage {
  protected readonly log = inject(EventLog);
  protected completed(sessionId: string | null): void {
    this.log.userId.set(sessionId);
    this.log.add('signup-complete');
  }
}

@Component({
  selector: 'app-account',
  schemas: [CUSTOM_ELEMENTS_SCHEMA],
  template: `<connected-accounts (account-removed)="log.add('account-removed ' + $event.detail.strategy)" />`,
})
class AccountPage {
  protected readonly log = inject(EventLog);
}

@Component({
  selector: 'app-home',
  imports: [RouterLink],
  template: `<p>Angular example: <a routerLink="/sign-in">sign in</a>.</p>`,
})
class HomePage {}

export const routes: Routes = [
  { path: 'sign-in', component: SignInPage },
  { path: 'sign-in/sso-callback', component: SsoCallbackPage },
  { path: 'sign-in/continue', component: ContinuePage },
  { path: 'account', component: AccountPage },
  { path: '**', component: HomePage },
];
