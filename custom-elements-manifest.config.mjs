export default {
  globs: ['src/**/*.ts'],
  exclude: ['src/testing/**', 'src/**/*.styles.ts'],
  outdir: '.',
  litelement: true,
  packagejson: false,
};
