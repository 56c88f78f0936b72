/**
 * Registers a tag unless it is taken. When another copy of this package (or anything else) already
 * holds the tag, it warns instead of throwing, so two bundles on one page do not break the page.
 * Without a registry (a server render in Node) it does nothing, so `define` can be imported there.
 */
export function defineElement(tag: string, element: CustomElementConstructor): void {
  if (typeof customElements === 'undefined') return;
  const existing = customElements.get(tag);
  if (existing === element) return;
  if (existing) {
    console.warn(`clerk-oauth-elements: <${tag}> is already defined by another script; keeping that definition.`);
    return;
  }
  customElements.define(tag, element);
}
