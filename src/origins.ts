/** Origin lists and the control-character rule, shared by the URL checks (`navigation.ts`) and the provider. */

// C0 controls and DEL: browsers drop tabs and newlines inside URLs (`java\tscript:`) and strip the rest at the
// edges, so a target carrying any of them is never what it looks like.
// eslint-disable-next-line no-control-regex
export const CONTROL = /[\u0000-\u001f\u007f]/;

/** Splits an attribute like `https://a.example, https://b.example` into origins. Invalid entries are dropped. */
export function parseOrigins(value: string | null | undefined): string[] {
  if (!value) return [];
  return value
    .split(/[\s,]+/)
    .filter(Boolean)
    .flatMap((entry) => {
      if (CONTROL.test(entry)) return [];
      try {
        const url = new URL(entry);
        // An entry with a user name hides its real host from people reading it (`https://app.example@evil.example`).
        const ok = (url.protocol === 'http:' || url.protocol === 'https:') && !url.username && !url.password;
        return ok ? [url.origin] : [];
      } catch {
        return [];
      }
    });
}
