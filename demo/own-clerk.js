// The page's own Clerk.load(), as in Clerk's custom-flow guide: the elements on this page have no provider and
// wait for it (whenever it ends), then use window.Clerk.
const script = document.querySelector('script[data-clerk-publishable-key]');
if (!window.Clerk) await new Promise((resolve) => script.addEventListener('load', resolve, { once: true }));
await window.Clerk.load({ signInUrl: '/sign-in', signUpUrl: '/sign-in', signInFallbackRedirectUrl: '/', signUpFallbackRedirectUrl: '/' });
