// @ts-check
import js from '@eslint/js';
import { defineConfig } from 'eslint/config';
import astro from 'eslint-plugin-astro';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/** `x as never` silences every type error at once: type the code instead. */
const noAsNever = {
  selector: 'TSAsExpression > TSNeverKeyword, TSAsExpression > TSArrayType > TSNeverKeyword',
  message: 'No `as never`: type the value (a branded path or URL has a checked constructor in src/lib/util/types.ts).',
};

export default defineConfig(
  {
    ignores: [
      'dist/',
      '.dist.staging/',
      '.dist.previous/',
      '.astro/',
      'node_modules/',
      'tests/.tmp/',
      'tests/fixtures/',
      '**/.astro/',
      'bench/floor/dist/',
      'bench/results/',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  ...astro.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-syntax': ['error', noAsNever],
    },
  },
  {
    // Type-aware rules need the TypeScript program: the project's .ts files (tsconfig.json). The
    // scripts of .astro files are not part of it (astro check type-checks them).
    files: ['**/*.ts'],
    ignores: ['bench/**'],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-unnecessary-type-assertion': 'error',
      '@typescript-eslint/no-floating-promises': 'error',
    },
  },
);
