import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import lit from 'eslint-plugin-lit';
import wc from 'eslint-plugin-wc';
import globals from 'globals';

export default tseslint.config(
  {
    ignores: ['**/dist/**', '**/node_modules/**', 'storybook-static/**', '**/*.d.ts', 'test/hosts/**/build/**', '.rights-kit-data*/**', 'custom-elements.json'],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
      // The schemas ship to every citizen's phone: classic zod is 75 KB brotli against 6 KB for zod/mini.
      'no-restricted-imports': [
        'error',
        {
          paths: [
            { name: 'zod', message: "Use 'zod/mini': classic zod adds ~70 KB brotli to every page." },
            { name: 'zod/v4', message: "Use 'zod/mini'." },
          ],
          patterns: [{ group: ['lit/directives/unsafe-*', 'lit/directives/style-map*'], message: 'Blocked under a strict CSP with Trusted Types; use classes or CSSOM.' }],
        },
      ],
    },
  },
  {
    files: ['packages/elements/src/**/*.ts', 'stories/**/*.ts'],
    plugins: { lit, wc },
    rules: {
      ...lit.configs.recommended.rules,
      ...wc.configs.recommended.rules,
      'lit/no-invalid-html': 'error',
      'wc/guard-super-call': 'off',
    },
  },
  {
    files: ['**/*.test.ts', 'test/**'],
    rules: { '@typescript-eslint/no-non-null-assertion': 'off', '@typescript-eslint/no-explicit-any': 'off' },
  },
);
