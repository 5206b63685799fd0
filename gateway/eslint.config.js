// ESLint for the broker console: the recommended rules, undefined names and unused code as errors.
// The console is plain ES modules in the browser; its unit tests and this file run under Node.
import js from '@eslint/js';
import globals from 'globals';
import { defineConfig } from 'eslint/config';

export default defineConfig([
  { ignores: ['target/**', 'node_modules/**'] },
  js.configs.recommended,
  {
    files: ['**/*.js'],
    languageOptions: { ecmaVersion: 2024, sourceType: 'module' },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      'no-undef': 'error',
      'no-unused-vars': ['error', { args: 'after-used', caughtErrors: 'all', ignoreRestSiblings: false }],
    },
  },
  {
    files: ['src/main/resources/META-INF/resources/js/**/*.js'],
    languageOptions: { globals: globals.browser },
  },
  {
    files: ['src/test/js/**/*.js', 'eslint.config.js'],
    languageOptions: { globals: globals.node },
  },
]);
