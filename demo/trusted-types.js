// Trusted Types for the demo pages (CSP `require-trusted-types-for 'script'`).
// <clerk-provider> adds the clerk-js script through its own policy (`clerk-oauth-elements`), but clerk-js
// assigns script URLs (its lazy chunks, a blob: worker) without a policy of its own, so the page names the
// only script URLs it accepts for those: files of
// this origin or of the Frontend API named by the provider's publishable key (or, on a page that loads clerk-js
// itself, its script tag's), and blob: URLs this document created. No HTML or script text is ever allowed.
function frontendApiOrigin() {
  const key =
    document.querySelector('clerk-provider')?.getAttribute('publishable-key') ??
    document.querySelector('script[data-clerk-publishable-key]')?.dataset.clerkPublishableKey ??
    '';
  try {
    const host = atob(key.replace(/^pk_(test|live)_/, '')).replace(/\$$/, '');
    return host.includes('.') ? `https://${host}` : null;
  } catch {
    return null;
  }
}

if (window.trustedTypes?.createPolicy) {
  window.trustedTypes.createPolicy('default', {
    createScriptURL(url) {
      const u = new URL(url, location.href);
      if (u.protocol === 'blob:') {
        if (url.startsWith(`blob:${location.origin}/`)) return url;
      } else if (u.origin === location.origin || u.origin === frontendApiOrigin()) {
        return url;
      }
      throw new TypeError(`Blocked script URL ${url}`);
    },
  });
}
