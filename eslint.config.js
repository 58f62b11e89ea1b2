import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import lit from 'eslint-plugin-lit';
import wc from 'eslint-plugin-wc';
import globals from 'globals';

// The schemas ship to every citizen's phone: classic zod is 75 KB brotli against 6 KB for zod/mini.
const restrictedPaths = [
  { name: 'zod', message: "Use 'zod/mini': classic zod adds ~70 KB brotli to every page." },
  { name: 'zod/v4', message: "Use 'zod/mini'." },
];
const restrictedPatterns = [{ group: ['lit/directives/unsafe-*', 'lit/directives/style-map*'], message: 'Blocked under a strict CSP with Trusted Types; use classes or CSSOM.' }];

// Each element's folder is its own: what two elements share lives in base/, controllers/, form/ or events/,
// so an element can be read, changed and tree-shaken without dragging another one along.
const ELEMENT_FOLDERS = ['case-desk', 'case-stats', 'case-tracker', 'event-list', 'hotline-card', 'intake-form', 'provider', 'quick-exit', 'station-locator'];

/** The `no-restricted-imports` options; for a file inside an element's folder, the other elements' folders too. */
function restrictedImports(element) {
  const others = ELEMENT_FOLDERS.filter((name) => name !== element);
  const patterns = element
    ? [...restrictedPatterns, { group: others.map((name) => `**/${name}/**`), message: `An element does not import another element's folder: move what both need to base/, controllers/, form/ or events/.` }]
    : restrictedPatterns;
  return { paths: restrictedPaths, patterns };
}

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
      'no-restricted-imports': ['error', restrictedImports()],
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
  ...ELEMENT_FOLDERS.map((element) => ({
    files: [`packages/elements/src/${element}/**/*.ts`],
    rules: { 'no-restricted-imports': ['error', restrictedImports(element)] },
  })),
  {
    files: ['**/*.test.ts', 'test/**'],
    rules: { '@typescript-eslint/no-non-null-assertion': 'off', '@typescript-eslint/no-explicit-any': 'off' },
  },
);
