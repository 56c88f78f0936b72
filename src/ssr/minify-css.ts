/**
 * A conservative CSS minifier for our own style sheets (no strings or urls with spaces in them): comments out,
 * whitespace runs to one space, none around `{ } ; ,`. Used on the `css` templates of the browser build and on
 * the `<style>` of server-rendered markup. Selectors keep their descendant spaces (`a :hover` stays as is).
 */
export function minifyCss(text: string): string {
  return text
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/\s+/g, ' ')
    .replace(/\s*([{};,])\s*/g, '$1')
    .replace(/;}/g, '}')
    .trim();
}

/** Minifies the body of every `css\`…\`` template without interpolations in a module's source. */
export function minifyCssTemplates(source: string): string {
  return source.replace(/\bcss`([^`$\\]*)`/g, (_m, body: string) => `css\`${minifyCss(body)}\``);
}
