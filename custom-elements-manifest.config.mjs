import { publishedPackage } from './scripts/cem-publish-plugin.mjs';

/**
 * `status` is declared once, on the shared base, with the element's status union as a type parameter. The
 * analyzer keeps the parameter (`S`): this plugin writes each element's own value union instead, read from
 * its `as const` list (`type XStatus = (typeof X_STATUSES)[number]`).
 */
function statusUnions() {
  const lists = new Map(); // const name -> literal values
  const aliases = new Map(); // type alias name -> const name
  const typeArgs = new Map(); // class name -> type argument of its base class
  return {
    name: 'status-value-unions',
    // Called for every node of every module.
    analyzePhase({ ts, node }) {
      if (ts.isVariableDeclaration(node) && node.initializer) {
        let init = node.initializer;
        while (ts.isAsExpression(init) || ts.isSatisfiesExpression(init)) init = init.expression;
        if (ts.isArrayLiteralExpression(init) && init.elements.length && init.elements.every(ts.isStringLiteral)) {
          lists.set(node.name.getText(), init.elements.map((e) => e.text));
        }
      }
      if (ts.isTypeAliasDeclaration(node)) {
        const match = /^\(typeof (\w+)\)\[number\]$/.exec(node.type.getText());
        if (match) aliases.set(node.name.text, match[1]);
      }
      if (ts.isClassDeclaration(node) && node.name && node.heritageClauses) {
        const arg = node.heritageClauses[0]?.types[0]?.typeArguments?.[0];
        if (arg) typeArgs.set(node.name.text, arg.getText());
      }
    },
    packageLinkPhase({ customElementsManifest }) {
      for (const mod of customElementsManifest.modules) {
        for (const declaration of mod.declarations ?? []) {
          const values = lists.get(aliases.get(typeArgs.get(declaration.name)));
          const status = declaration.members?.find((m) => m.name === 'status');
          if (!values || !status) continue;
          status.type = { text: values.map((v) => `'${v}'`).join(' | ') };
          status.readonly = true;
        }
      }
    },
  };
}

export default {
  globs: ['src/**/*.ts'],
  exclude: ['src/testing/**', 'src/**/*.styles.ts', 'src/locales/**'],
  outdir: '.',
  litelement: true,
  packagejson: false,
  plugins: [
    statusUnions(),
    {
      // The analyzer lists modules in the order its file reads finish, which varies between runs:
      // sort them so the committed manifest is reproducible (CI compares it).
      name: 'stable-module-order',
      packageLinkPhase({ customElementsManifest }) {
        customElementsManifest.modules.sort((a, b) => a.path.localeCompare(b.path));
      },
    },
    publishedPackage(),
  ],
};
