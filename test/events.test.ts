import { expect } from '@open-wc/testing';
import * as events from '../src/events.js';
import type { ClerkInstance } from '../src/clerk-types.js';

const error = { code: 'oauth_failed', message: 'It failed.', field: 'username' };
const noop = () => {};
const clerk = {} as ClerkInstance;

// One instance of every event class, so a class added to events.ts without a case here fails the last test.
const samples: Event[] = [
  new events.ClerkReadyEvent(clerk),
  new events.ClerkErrorEvent(error),
  new events.ClerkRedirectEvent('https://example.test/a'),
  new events.StatusChangeEvent('ready', 'loading'),
  new events.OAuthRedirectEvent('oauth_google', 'sign-up', 'https://example.test/cb'),
  new events.OAuthErrorEvent('oauth_google', error),
  new events.SsoRedirectEvent('https://example.test/continue', 'continue-sign-up', 'sign-up'),
  new events.SsoErrorEvent(error),
  new events.SignUpCompleteEvent('sess_1', 'choose-organization'),
  new events.SignUpErrorEvent(error),
  new events.SignUpRedirectEvent('https://example.test/', 'complete'),
  new events.AccountConnectEvent('https://example.test/p', 'oauth_github', 'reauthorize'),
  new events.AccountRemovedEvent('oauth_github', 'eac_1', 'octocat'),
  new events.AccountErrorEvent('oauth_github', 'remove', error),
  new events.NeedsReverificationEvent('first_factor', 'remove', noop, noop),
];

describe('events', () => {
  for (const event of samples) {
    it(`${event.type}: detail holds the event's own fields, the CustomEvent way`, () => {
      const { detail } = event as Event & { detail: Record<string, unknown> };
      expect(detail, 'detail').to.be.an('object');
      const own = Object.keys(event).filter((key) => key !== 'isTrusted');
      expect(own.length, 'own fields').to.be.greaterThan(0);
      for (const key of own) expect(detail[key], key).to.equal((event as unknown as Record<string, unknown>)[key]);
      expect(event.bubbles && event.composed, 'bubbles and composed').to.equal(true);
    });
  }
  it('covers every event name', () => {
    expect(samples.map((e) => e.type).sort()).to.deep.equal([...events.EVENT_NAMES].sort());
  });
});
