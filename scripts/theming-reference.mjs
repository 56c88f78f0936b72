// Every public custom property and part of every element, from custom-elements.json, as README's theming
// reference table. `node scripts/theming-reference.mjs` prints it; test/node/theming-docs.test.ts checks that
// README holds exactly this table.
import { readFileSync } from 'node:fs';

export function themingReference(manifest = JSON.parse(readFileSync(new URL('../custom-elements.json', import.meta.url), 'utf8'))) {
  const elements = manifest.modules.flatMap((m) => m.declarations ?? []).filter((d) => d.tagName).sort((a, b) => a.tagName.localeCompare(b.tagName));
  const cell = (text) => String(text ?? '').replace(/\|/g, '\\|').replace(/\n/g, ' ');
  const lines = ['| element | custom property | default | what |', '|---|---|---|---|'];
  for (const el of elements) {
    for (const p of el.cssProperties ?? []) lines.push(`| \`<${el.tagName}>\` | \`${p.name}\` | \`${cell(p.default)}\` | ${cell(p.description)} |`);
  }
  lines.push('', '| element | part | what |', '|---|---|---|');
  for (const el of elements) {
    for (const p of el.cssParts ?? []) lines.push(`| \`<${el.tagName}>\` | \`${p.name}\` | ${cell(p.description)} |`);
  }
  return `${lines.join('\n')}\n`;
}

if (import.meta.url === `file://${process.argv[1]}`) process.stdout.write(themingReference());
