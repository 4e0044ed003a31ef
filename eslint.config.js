// @ts-check
// Lint rules for the whole tree (ADR 011). Besides correctness, they hold the architecture's
// boundaries: routes never reach the database, modules never reach UI, components never reach
// server-only code.
import js from '@eslint/js'
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript'
import { importX } from 'eslint-plugin-import-x'
import react from 'eslint-plugin-react'
import reactHooks from 'eslint-plugin-react-hooks'
import globals from 'globals'
import tseslint from 'typescript-eslint'

const databaseImports = {
  group: [
    '~/utils/db.server',
    '**/utils/db.server',
    '~/generated/*',
    '~/generated/**',
    '**/generated/prisma',
    '**/generated/prisma/**',
  ],
  message: 'Routes never touch the database: call a function of a module under app/modules instead.',
}
const uiImports = {
  group: ['~/components', '~/components/**', '~/routes/**', '**/components/**', '**/routes/**'],
  message:
    'Modules hold rules and data access; they never import components or routes (move the shared piece into the module).',
}
const serverImports = {
  group: ['**/*.server', '**/*.server.ts', '**/*.server.tsx'],
  message: 'Components run in the browser too: never import server-only (*.server.ts) code into a component.',
}

export default tseslint.config(
  {
    ignores: [
      'node_modules/',
      'build/',
      'app/generated/',
      'tests/.tmp/',
      'bench/.out/',
      'bench/.scratch/',
      'data/',
      'public/build/',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      ecmaVersion: 2023,
      sourceType: 'module',
      globals: { ...globals.node, ...globals.browser },
    },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' },
      ],
      '@typescript-eslint/consistent-type-imports': [
        'error',
        { fixStyle: 'inline-type-imports', disallowTypeAnnotations: false },
      ],
      'no-console': ['error', { allow: ['warn', 'error'] }],
      eqeqeq: ['error', 'smart'],
      // Input sanitising matches control characters on purpose (file names, CSV, redirects).
      'no-control-regex': 'off',
    },
  },
  {
    files: ['**/*.tsx'],
    plugins: { react, 'react-hooks': reactHooks },
    settings: { react: { version: 'detect' } },
    rules: {
      ...react.configs.recommended.rules,
      ...react.configs['jsx-runtime'].rules,
      'react/prop-types': 'off',
      'react/no-unescaped-entities': 'off',
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'error',
    },
  },
  {
    // No import cycles in the source trees (ADR 011). Type-only imports do not count: they vanish
    // at build time. Packages are not followed (ignoreExternal), which keeps the walk to our files.
    // Test files are left out: nothing imports a test, so none can be on a cycle, and walking the
    // graph from each of them would double the time lint takes.
    files: ['{app,server,scripts,prisma,bench,tests}/**/*.{ts,tsx,mjs}'],
    ignores: ['**/*.test.ts', '**/*.test.tsx', '**/*.spec.ts'],
    plugins: { 'import-x': importX },
    settings: {
      // Without the extensions and parser, import-x reads no .ts file and so sees no cycle.
      'import-x/extensions': ['.ts', '.tsx', '.js', '.mjs'],
      'import-x/parsers': { '@typescript-eslint/parser': ['.ts', '.tsx'] },
      // One lint run reads each file once; the default 30-second cache re-reads them on a busy machine.
      'import-x/cache': { lifetime: '∞' },
      'import-x/resolver-next': [createTypeScriptImportResolver({ project: './tsconfig.json' })],
    },
    rules: { 'import-x/no-cycle': ['error', { ignoreExternal: true }] },
  },
  {
    files: ['app/routes/**'],
    rules: { 'no-restricted-imports': ['error', { patterns: [databaseImports] }] },
  },
  {
    files: ['app/modules/**'],
    rules: { 'no-restricted-imports': ['error', { patterns: [uiImports] }] },
  },
  {
    files: ['app/components/**'],
    ignores: ['app/components/**/*.test.tsx'],
    rules: { 'no-restricted-imports': ['error', { patterns: [serverImports, databaseImports] }] },
  },
  {
    files: ['tests/**', '**/*.test.ts', '**/*.test.tsx'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
  {
    // Command-line scripts and benchmarks report to the terminal.
    files: ['scripts/**', 'bench/**', 'prisma/**', 'tests/**'],
    rules: { 'no-console': 'off' },
  },
)
