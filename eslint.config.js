// ESLint (flat config): JavaScript's and typescript-eslint's recommended rules, eslint-plugin-astro's
// for .astro files. Formatting is Prettier's (.prettierrc.json), not ESLint's.
import js from '@eslint/js';
import astro from 'eslint-plugin-astro';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    // Generated, vendored or not ours (see also .prettierignore).
    ignores: [
      'dist/',
      '.astro/',
      'node_modules/',
      'data/',
      'seeds/',
      'bench/',
      'public/embed/img/',
      'test-results/',
      'exports/',
      '.cache/',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  ...astro.configs.recommended,
  {
    languageOptions: {
      // Build-time code and tools run in Node; src/client and inline page scripts run in the browser.
      globals: { ...globals.node, ...globals.browser },
    },
    rules: {
      // `_`-prefixed names are deliberately unused (a callback's position, a destructured rest).
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrorsIgnorePattern: '^_' }],
    },
  },
);
