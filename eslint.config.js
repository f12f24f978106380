// ESLint 9 flat config: type-aware rules for TypeScript, the package dependency direction of
// STYLE.md (domain is pure; no import cycles), and plain JS rules for the .mjs bins.
import js from '@eslint/js';
import { defineConfig } from 'eslint/config';
import { createNodeResolver, importX } from 'eslint-plugin-import-x';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const TS_FILES = ['**/*.ts', '**/*.tsx', '**/*.mts', '**/*.cts'];
const JS_FILES = ['**/*.js', '**/*.mjs', '**/*.cjs'];

// Modules packages/domain/src must never import: it holds pure rules, no I/O, nothing else of ours.
const DOMAIN_FORBIDDEN = [
  { group: ['node:*'], message: 'packages/domain is pure: no Node.js built-ins (do I/O in db or server).' },
  { group: ['pg', 'pg-*', '@electric-sql/*'], message: 'packages/domain is pure: no database drivers.' },
  { group: ['fastify', 'fastify/*', '@fastify/*'], message: 'packages/domain is pure: no HTTP framework.' },
  {
    group: ['@pubcredit/*', '!@pubcredit/domain'],
    message: 'packages/domain imports nothing else of ours (the direction is domain ← db ← server ← cli).',
  },
  { group: ['**/db/src/**', '**/server/src/**', '**/cli/src/**', '**/web/src/**'], message: 'packages/domain imports nothing else of ours.' },
];

export default defineConfig(
  {
    ignores: [
      '**/node_modules/**',
      '**/dist/**',
      '**/coverage/**',
      'data/**',
      '.tmp/**',
      'test-results/**',
    ],
  },
  {
    linterOptions: { reportUnusedDisableDirectives: 'error' },
  },

  js.configs.recommended,
  importX.flatConfigs.recommended,
  importX.flatConfigs.typescript,
  {
    settings: {
      // Workspace packages resolve through node_modules symlinks and their `exports` (src/*.ts).
      'import-x/resolver-next': [
        createNodeResolver({
          extensions: ['.ts', '.tsx', '.mts', '.js', '.mjs', '.json', '.node'],
          conditionNames: ['types', 'import', 'node', 'default'],
        }),
      ],
    },
    rules: {
      'import-x/no-cycle': ['error', { ignoreExternal: true }],
      'import-x/no-self-import': 'error',
      // TypeScript already checks names and defaults of imports; these rules only add noise on JSON and CJS packages.
      'import-x/named': 'off',
      'import-x/namespace': 'off',
      'import-x/default': 'off',
      'import-x/no-named-as-default': 'off',
      'import-x/no-named-as-default-member': 'off',
      'import-x/no-unresolved': 'off',
      // Chinese comments and examples legitimately hold full-width spaces (U+3000).
      'no-irregular-whitespace': ['error', { skipComments: true, skipStrings: true, skipTemplates: true }],
    },
  },

  // TypeScript: type-aware, through the nearest tsconfig.json (the root one covers all but packages/web).
  {
    files: TS_FILES,
    extends: [tseslint.configs.recommendedTypeChecked],
    languageOptions: {
      parserOptions: {
        projectService: {
          // Scripts outside the root tsconfig's include get its options too.
          allowDefaultProject: ['packages/server/demo/*.ts'],
          defaultProject: 'tsconfig.json',
        },
        tsconfigRootDir: import.meta.dirname,
      },
      globals: { ...globals.node },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/switch-exhaustiveness-check': ['error', { considerDefaultExhaustiveForUnions: true }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'separate-type-imports' }],
      '@typescript-eslint/consistent-type-exports': 'error',
      '@typescript-eslint/no-import-type-side-effects': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
      '@typescript-eslint/only-throw-error': 'error',
      '@typescript-eslint/return-await': ['error', 'in-try-catch'],
      // Fastify plugins and handlers are async by contract, whether or not they await.
      '@typescript-eslint/require-await': 'off',
    },
  },
  {
    // Tests destructure methods of their fixtures (`{ ctx, setNow } = await createImportContext()`).
    files: ['**/*.test.ts', '**/test/**/*.ts', 'e2e/**/*.ts'],
    rules: {
      '@typescript-eslint/unbound-method': 'off',
    },
  },

  // Plain JavaScript (the .mjs bins and this file): no type information.
  {
    files: JS_FILES,
    extends: [tseslint.configs.disableTypeChecked],
    languageOptions: { globals: { ...globals.node } },
  },

  // The web app builds with Vite and has its own tsconfig (excluded from the root one).
  {
    files: ['packages/web/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      // The browser bundle takes only the domain's dependency-free modules, never its root (catalogue
      // and division data) nor a package that runs on the server.
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: '@pubcredit/domain', message: 'web imports @pubcredit/domain/access, /mask, /time or /check-chars only.' }],
          patterns: [{ group: ['@pubcredit/db', '@pubcredit/server', '@pubcredit/cli', '**/domain/src/**'], message: 'web talks to the server over HTTP only.' }],
        },
      ],
    },
  },

  // packages/domain stays pure (STYLE.md: "domain imports nothing else of ours and no Node/DB/HTTP module").
  {
    files: ['packages/domain/src/**'],
    rules: {
      'no-restricted-imports': ['error', { patterns: DOMAIN_FORBIDDEN }],
      // Also bare built-in names (`fs`, `crypto`), which the `node:*` pattern does not catch.
      'import-x/no-nodejs-modules': 'error',
    },
  },
  // The rest of the direction (domain ← db ← server ← cli): repositories never import Fastify, and
  // no package imports one above it.
  {
    files: ['packages/db/src/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['fastify', 'fastify/*', '@fastify/*'], message: 'packages/db never imports Fastify.' },
            { group: ['@pubcredit/server', '@pubcredit/cli', '@pubcredit/web'], message: 'db depends only on domain.' },
          ],
        },
      ],
    },
  },
  {
    files: ['packages/server/src/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: ['@pubcredit/cli', '@pubcredit/web'], message: 'server depends on domain and db only.' }] },
      ],
    },
  },
);
