// The app's router: the History API and one $state, enough for an example. SvelteKit apps hand `goto` to
// <clerk-provider> the same way.
export const route = $state({ path: location.pathname });
window.addEventListener('popstate', () => (route.path = location.pathname));

export function navigate(to: string, options?: { replace?: boolean }): void {
  const url = new URL(to, location.href);
  if (url.origin !== location.origin) return location.assign(url.href);
  history[options?.replace ? 'replaceState' : 'pushState'](null, '', url.pathname + url.search + url.hash);
  route.path = url.pathname;
}
