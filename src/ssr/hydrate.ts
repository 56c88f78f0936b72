/**
 * Lit's hydration support for server-rendered elements (`renderOAuthButtons` from `clerk-oauth-elements/ssr`):
 * an element with a declarative shadow root keeps that DOM and takes it over instead of rendering it again.
 * It must run before the elements upgrade: the loader evaluates it first when it finds such an element.
 */
import { LitElement } from 'lit';
import '@lit-labs/ssr-client/lit-element-hydrate-support.js';

type HydrateHook = (lit: { LitElement: typeof LitElement }) => void;
const hook = (globalThis as { litElementHydrateSupport?: HydrateHook }).litElementHydrateSupport;
// Lit calls the hook when lit-element evaluates after it; in a bundle that shares lit with the elements it has
// evaluated first, so install it here unless it is in place (the hook gives LitElement its own observedAttributes).
if (hook && !Object.hasOwn(LitElement, 'observedAttributes')) hook({ LitElement });
