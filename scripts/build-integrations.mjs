// Build steps that derive published files from the build itself (run by scripts/build.mjs after the
// bundles and the manifest): the README's pinned CDN script tag with its SRI hash.
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';

const pkg = JSON.parse(readFileSync('package.json', 'utf8'));

/** The single-file build, pinned to this version, with the hash browsers check it against. */
export function cdnScriptTag() {
  const file = pkg.jsdelivr.replace(/^\.\//, '');
  const integrity = `sha384-${createHash('sha384').update(readFileSync(file)).digest('base64')}`;
  const url = `https://cdn.jsdelivr.net/npm/${pkg.name}@${pkg.version}/${file}`;
  return `<script type="module" src="${url}"\n  integrity="${integrity}" crossorigin="anonymous"></script>`;
}

/** Replaces what sits between `<!-- name -->` and `<!-- /name -->` in README.md; fails when the markers are gone. */
function replaceBlock(text, name, content) {
  const pattern = new RegExp(`(<!-- ${name} -->\\n)[\\s\\S]*?(<!-- /${name} -->)`);
  if (!pattern.test(text)) throw new Error(`README.md lost its <!-- ${name} --> markers`);
  return text.replace(pattern, (_all, open, close) => `${open}${content}\n${close}`);
}

const readme = readFileSync('README.md', 'utf8');
const updated = replaceBlock(readme, 'cdn-script', '```html\n' + cdnScriptTag() + '\n```');
if (updated !== readme) {
  writeFileSync('README.md', updated);
  console.log('README.md: CDN script tag updated (version or hash changed).');
}
