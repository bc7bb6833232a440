// Lint rules: typescript-eslint's recommended set, type-aware where it finds bugs (no-floating-promises), plus the
// architectural rules: the pure core never imports `vscode` nor the VS Code layer (host, features), so it runs in
// plain Node and unit tests; and the search engine is imported through its door only.
import tseslint from 'typescript-eslint';

const NO_VSCODE = { name: 'vscode', message: 'The core must not depend on VS Code.' };
// The VS Code layer, by folder: whatever a file there is called, the core cannot reach it.
const NO_VSCODE_LAYER = {
  group: ['**/host', '**/host/**', '**/features', '**/features/**', '**/extension', '**/testApi'],
  message: 'The core, the shared protocol and the page must not import the VS Code layer (src/host, src/features).',
};
// The search engine has one entry point: its folder's index.ts. (A later block's options replace an earlier one's, so
// each block lists every pattern that applies to its files.)
const ENGINE_DOOR = {
  group: ['**/search/engine/*'],
  message: 'Import the search engine from its folder (core/search/engine), not from its files.',
};
/** What runs without VS Code: the core, the protocol the page shares, the page, the command line and the benchmark. */
const PURE = ['src/core/**/*.ts', 'src/shared/**/*.ts', 'src/page/**/*.ts', 'src/cli.ts', 'bench/**/*.ts'];

export default tseslint.config(
  {
    ignores: ['out/**', 'dist/**', '.vscode-test/**', 'node_modules/**', 'test/host/**', 'esbuild.js'],
  },
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts'],
    languageOptions: {
      parserOptions: {
        project: ['./tsconfig.json', './tsconfig.page.json', './tsconfig.test.json'],
        tsconfigRootDir: import.meta.dirname,
      },
    },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-floating-promises': ['error', { ignoreVoid: false }],
      eqeqeq: 'error',
      curly: 'error',
      'no-eval': 'error',
      'no-implied-eval': 'error',
      'no-new-func': 'error',
    },
  },
  {
    files: ['src/**/*.ts', 'bench/**/*.ts'],
    ignores: [...PURE, 'src/core/search/engine/**'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [ENGINE_DOOR] }],
    },
  },
  {
    files: PURE,
    ignores: ['src/core/search/engine/**'],
    rules: {
      'no-restricted-imports': ['error', { paths: [NO_VSCODE], patterns: [ENGINE_DOOR, NO_VSCODE_LAYER] }],
    },
  },
  {
    files: ['src/core/search/engine/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { paths: [NO_VSCODE], patterns: [NO_VSCODE_LAYER] }],
    },
  },
);
