// The app's router: the History API and one React state, enough for an example. A real app hands the same
// `navigate` to <clerk-provider> from its router (React Router's `useNavigate()`, TanStack's `router.navigate`).
import { useSyncExternalStore } from 'react';

const listeners = new Set<() => void>();
const subscribe = (listener: () => void) => {
  listeners.add(listener);
  window.addEventListener('popstate', listener);
  return () => {
    listeners.delete(listener);
    window.removeEventListener('popstate', listener);
  };
};

export function navigate(to: string, options?: { replace?: boolean }): void {
  const url = new URL(to, location.href);
  if (url.origin !== location.origin) return location.assign(url.href);
  history[options?.replace ? 'replaceState' : 'pushState'](null, '', url.pathname + url.search + url.hash);
  for (const listener of listeners) listener();
}

export const usePath = (): string => useSyncExternalStore(subscribe, () => location.pathname);
