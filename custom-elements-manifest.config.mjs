export default {
  globs: ['src/**/*.ts'],
  exclude: ['src/testing/**', 'src/**/*.styles.ts'],
  outdir: '.',
  litelement: true,
  packagejson: false,
  plugins: [
    {
      // The analyzer lists modules in the order its file reads finish, which varies between runs:
      // sort them so the committed manifest is reproducible (CI compares it).
      name: 'stable-module-order',
      packageLinkPhase({ customElementsManifest }) {
        customElementsManifest.modules.sort((a, b) => a.path.localeCompare(b.path));
      },
    },
  ],
};
