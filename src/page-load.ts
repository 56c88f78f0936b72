/**
 * Every full page load of this package goes through here (`leavePage` in `navigation.ts`, and the reload
 * after a chunk failed); the test seam replaces it. The only module besides `navigation.ts` that touches
 * `window.location` (a lint rule keeps it so), and small enough for the first frame.
 */

/** How a full page load happens. Replaced only by tests (`setPageLoader`), which must not leave the test page. */
let pageLoader = (href: string, replace: boolean): void => {
  if (replace) window.location.replace(href);
  else window.location.assign(href);
};

/**
 * Test seam: routes every full page load to `loader` instead of `window.location`, so unit tests can see
 * where a page would have gone. Returns the function that puts `location` back. Never for pages.
 */
export function setPageLoader(loader: (href: string, replace: boolean) => void): () => void {
  const previous = pageLoader;
  pageLoader = loader;
  return () => {
    pageLoader = previous;
  };
}

/** A full page load of `href` (validated by the caller). */
export const loadPage = (href: string, replace: boolean): void => pageLoader(href, replace);

/** This page again, in place of its history entry: what "Try again" does when the browser will not fetch a chunk again. */
export const reloadPage = (): void => pageLoader(window.location.href, true);
