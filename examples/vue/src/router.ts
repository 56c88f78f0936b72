// The app's router: the History API and one ref, enough for an example. A real app hands vue-router's
// `router.push` / `router.replace` to <clerk-provider> the same way.
import { ref } from 'vue';

export const path = ref(location.pathname);
window.addEventListener('popstate', () => (path.value = location.pathname));

export function navigate(to: string, options?: { replace?: boolean }): void {
  const url = new URL(to, location.href);
  if (url.origin !== location.origin) return location.assign(url.href);
  history[options?.replace ? 'replaceState' : 'pushState'](null, '', url.pathname + url.search + url.hash);
  path.value = url.pathname;
}
