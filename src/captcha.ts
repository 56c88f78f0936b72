/** Clerk looks its bot-protection widget container up by this id, so it must live in the light DOM. */
export const CAPTCHA_ID = 'clerk-captcha';

/**
 * Makes sure the document has one `#clerk-captcha`. When it has none, one is added inside `host`
 * (slotted into the element's `captcha` slot) and a function that removes it again is returned.
 */
export function ensureCaptchaContainer(host: HTMLElement): (() => void) | undefined {
  const root = host.getRootNode() as Document | ShadowRoot;
  if (document.getElementById(CAPTCHA_ID) || root.getElementById?.(CAPTCHA_ID)) return undefined;
  const container = document.createElement('div');
  container.id = CAPTCHA_ID;
  container.slot = 'captcha';
  host.append(container);
  return () => container.remove();
}
