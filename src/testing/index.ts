// `clerk-oauth-elements/testing`: a scriptable fake Clerk for stories and unit tests.
export { FakeClerk, asClerk, type FakeClerkOptions, type FakeCall, type FakeProvider, type FakeRedirectOutcome, type FakeUserInit, type FakeExternalAccountInit, type FakeVerificationInit } from './fake-clerk.js';
export { clerkApiError, type FakeClerkApiError } from './clerk-error.js';
export { scenarios, type ScenarioName } from './scenarios.js';
