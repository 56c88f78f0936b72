// Trusted Types for the demo pages (CSP `require-trusted-types-for 'script'`).
// clerk-js and the provider's loader assign script URLs (the clerk-js script, its lazy chunks, a blob:
// worker) without a policy of their own, so the page names the only script URLs it accepts: same-origin
// files and blob: URLs this document created. No HTML or script text is ever allowed.
if (window.trustedTypes?.createPolicy) {
  window.trustedTypes.createPolicy('default', {
    createScriptURL(url) {
      const u = new URL(url, location.href);
      if (u.origin === location.origin || (u.protocol === 'blob:' && url.startsWith(`blob:${location.origin}/`))) return url;
      throw new TypeError(`Blocked script URL ${url}`);
    },
  });
}
