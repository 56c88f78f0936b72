import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import { configs as litConfigs } from 'eslint-plugin-lit';
import { configs as wcConfigs } from 'eslint-plugin-wc';
import globals from 'globals';

export default tseslint.config(
  { ignores: ['dist/', 'examples/*/dist/', 'storybook-static/', 'coverage/', '.wtr-bundle/', '.scratch/', 'node_modules/', 'custom-elements.json'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['src/**/*.ts', 'stories/**/*.ts', 'test/**/*.ts'],
    ...litConfigs['flat/recommended'],
  },
  {
    files: ['src/**/*.ts'],
    ...wcConfigs['flat/best-practice'],
  },
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node, ...globals.mocha } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      // Security by construction: no HTML strings into the DOM (Trusted Types must keep working).
      'no-restricted-properties': [
        'error',
        { property: 'innerHTML', message: 'No innerHTML: render with lit templates.' },
        { property: 'outerHTML', message: 'No outerHTML: render with lit templates.' },
        { property: 'insertAdjacentHTML', message: 'No HTML strings into the DOM.' },
      ],
      'no-restricted-imports': [
        'error',
        { paths: [{ name: 'lit/directives/unsafe-html.js', message: 'No unsafeHTML (Trusted Types).' }] },
      ],
    },
  },
  {
    files: ['src/**/*.ts'],
    ignores: ['src/navigation.ts', 'src/page-load.ts', 'src/clerk-store.ts', 'src/testing/**'],
    rules: {
      // One way of doing each thing: every exit through src/navigation.ts, Clerk's settings read once by the store.
      'no-restricted-globals': [
        'error',
        { name: 'location', message: 'Use pageUrl()/leavePage() from src/navigation.ts.' },
        { name: 'history', message: 'Navigation goes through leavePage() in src/navigation.ts.' },
      ],
      'no-restricted-syntax': [
        'error',
        { selector: "MemberExpression[property.name='location']", message: 'Use pageUrl()/pageOrigin()/leavePage() from src/navigation.ts.' },
        { selector: "MemberExpression[property.name='history']", message: 'Navigation goes through leavePage() in src/navigation.ts.' },
        { selector: "Identifier[name='__internal_environment']", message: 'Instance settings come from ctx.instance (read once in src/clerk-store.ts).' },
      ],
    },
  },
);
