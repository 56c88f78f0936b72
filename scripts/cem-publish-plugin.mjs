/**
 * Custom Elements Manifest analyzer plugin: makes the manifest describe the published package rather than
 * `src/`. It runs last, after the status unions are written.
 * - Modules: the analyzer reads `src/**`; the package ships bundles. Every declaration `src/index.ts` exports
 *   moves to `dist/index.js`; `dist/define.js` holds one `custom-element-definition` per tag (the analyzer
 *   cannot follow `defineElement(tag, element)` and made a bogus definition named `tag`).
 * - Events: the analyzer also reports `dispatchEvent(new X(arg))` calls, naming them after the first argument
 *   (`next`, `strategy`): only the events `@fires` documents stay, each typed with its class from `src/events.ts`.
 * - Enumerated attributes: a type that names a string-literal alias (`OAuthMode`) is written out as its union,
 *   so editors and framework typings offer the values.
 */
export function publishedPackage({ index = 'src/index.ts', define = 'src/define.ts' } = {}) {
  const eventClasses = new Map(); // event name -> event class
  const literalAliases = new Map(); // type alias -> "'a' | 'b'"
  const lists = new Map(); // `as const` list -> "'a' | 'b'"
  const listAliases = new Map(); // `type X = (typeof LIST)[number]` -> LIST
  return {
    name: 'published-package',
    analyzePhase({ ts, node }) {
      if (ts.isClassDeclaration(node) && node.name) {
        for (const member of node.members) {
          const isStatic = member.modifiers?.some((m) => m.kind === ts.SyntaxKind.StaticKeyword);
          if (isStatic && ts.isPropertyDeclaration(member) && member.name.getText() === 'eventName' && member.initializer && ts.isStringLiteral(member.initializer)) {
            eventClasses.set(member.initializer.text, node.name.text);
          }
        }
      }
      if (ts.isVariableDeclaration(node) && node.initializer && ts.isAsExpression(node.initializer)) {
        const list = node.initializer.expression;
        if (ts.isArrayLiteralExpression(list) && list.elements.length && list.elements.every(ts.isStringLiteral)) {
          lists.set(node.name.getText(), list.elements.map((e) => `'${e.text}'`).join(' | '));
        }
      }
      const listAlias = ts.isTypeAliasDeclaration(node) && /^\(typeof (\w+)\)\[number\]$/.exec(node.type.getText());
      if (listAlias) listAliases.set(node.name.text, listAlias[1]);
      if (ts.isTypeAliasDeclaration(node) && ts.isUnionTypeNode(node.type)) {
        const literals = node.type.types.every((t) => ts.isLiteralTypeNode(t) && ts.isStringLiteral(t.literal));
        if (literals) literalAliases.set(node.name.text, node.type.types.map((t) => `'${t.literal.text}'`).join(' | '));
      }
    },
    packageLinkPhase({ customElementsManifest: manifest }) {
      for (const [alias, list] of listAliases) if (lists.has(list)) literalAliases.set(alias, lists.get(list));
      const modules = new Map(manifest.modules.map((mod) => [mod.path, mod]));
      const indexModule = modules.get(index);
      const defineModule = modules.get(define);
      if (!indexModule || !defineModule) throw new Error(`published-package: ${index} or ${define} was not analyzed`);
      const resolveModule = (from, relative) => {
        const parts = from.split('/').slice(0, -1);
        for (const part of relative.replace(/\.js$/, '.ts').split('/')) {
          if (part === '..') parts.pop();
          else if (part !== '.') parts.push(part);
        }
        return parts.join('/');
      };

      const declarations = [];
      const exports = [];
      const published = new Set();
      for (const entry of indexModule.exports ?? []) {
        if (entry.kind !== 'js' || !entry.declaration?.module) continue;
        const source = modules.get(resolveModule(index, entry.declaration.module)) ?? modules.get(entry.declaration.module.replace(/^\//, ''));
        const declaration = source?.declarations?.find((d) => d.name === entry.declaration.name);
        if (!declaration || published.has(declaration.name)) continue;
        published.add(declaration.name);
        declarations.push(declaration);
        exports.push({ kind: 'js', name: entry.name, declaration: { name: declaration.name, module: 'dist/index.js' } });
      }

      const relink = (value) => {
        if (Array.isArray(value)) return value.forEach(relink);
        if (!value || typeof value !== 'object') return;
        if (typeof value.module === 'string' && /^\/?src\//.test(value.module) && typeof value.name === 'string') {
          if (published.has(value.name)) value.module = 'dist/index.js';
          else delete value.module;
        }
        Object.values(value).forEach(relink);
      };
      relink(declarations);

      for (const declaration of declarations) {
        if (declaration.events) {
          const seen = new Set();
          declaration.events = declaration.events
            .filter((event) => eventClasses.has(event.name) && !seen.has(event.name) && seen.add(event.name))
            .map((event) => ({ ...event, type: { text: eventClasses.get(event.name) } }));
          if (!declaration.events.length) delete declaration.events;
        }
        for (const item of [...(declaration.members ?? []), ...(declaration.attributes ?? [])]) {
          const text = item.type?.text;
          if (!text) continue;
          const expanded = text
            .split(' | ')
            .map((part) => literalAliases.get(part) ?? part)
            .join(' | ');
          if (expanded !== text) item.type = { text: expanded };
        }
        // The status attribute is reflected, not set: give it the property's union.
        const status = declaration.members?.find((m) => m.name === 'status');
        const statusAttribute = declaration.attributes?.find((a) => a.name === 'status');
        if (status?.type && statusAttribute) statusAttribute.type = status.type;
      }

      const definitions = declarations
        .filter((d) => d.customElement && d.tagName)
        .map((d) => ({ kind: 'custom-element-definition', name: d.tagName, declaration: { name: d.name, module: 'dist/index.js' } }));
      const defineExports = (defineModule.exports ?? []).filter((e) => e.kind === 'js').map((e) => ({ ...e, declaration: { ...e.declaration, module: 'dist/define.js' } }));
      manifest.modules = [
        { kind: 'javascript-module', path: 'dist/index.js', declarations, exports },
        {
          kind: 'javascript-module',
          path: 'dist/define.js',
          declarations: (defineModule.declarations ?? []).filter((d) => d.kind === 'variable'),
          exports: [...defineExports, ...definitions],
        },
      ];
    },
  };
}
