import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import { configs as litConfigs } from 'eslint-plugin-lit';
import { configs as wcConfigs } from 'eslint-plugin-wc';
import globals from 'globals';

export default tseslint.config(
  { ignores: ['dist/', 'storybook-static/', 'coverage/', '.wtr-bundle/', '.scratch/', 'node_modules/', 'custom-elements.json'] },
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
    rules: {
      // Navigation goes through src/navigation.ts only.
      'no-restricted-syntax': [
        'error',
        {
          selector: "CallExpression[callee.object.object.name='window'][callee.object.property.name='location'][callee.property.name=/^(assign|replace)$/]",
          message: 'Navigate with redirect()/performNavigation() from src/navigation.ts.',
        },
      ],
    },
  },
  {
    files: ['src/navigation.ts'],
    rules: { 'no-restricted-syntax': 'off' },
  },
);
