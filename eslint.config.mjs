// Lint rules: typescript-eslint's recommended set, plus the one architectural rule that matters most:
// the pure core (corpus, search, render) never imports `vscode`, so it runs in plain Node and unit tests.
import tseslint from 'typescript-eslint';

const NO_VSCODE = { name: 'vscode', message: 'The core must not depend on VS Code.' };
// The search engine has one entry point: its folder's index.ts. (A later block's options replace an earlier one's, so
// the core's block repeats this pattern beside the vscode rule.)
const ENGINE_DOOR = {
  group: ['**/search/engine/*'],
  message: 'Import the search engine from its folder (core/search/engine), not from its files.',
};

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', '.vscode-test/**', 'node_modules/**', 'test/host/**', 'esbuild.js'] },
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts'],
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      eqeqeq: 'error',
      curly: 'error',
      'no-eval': 'error',
      'no-implied-eval': 'error',
      'no-new-func': 'error',
    },
  },
  {
    files: ['src/**/*.ts', 'bench/**/*.ts'],
    ignores: ['src/core/search/engine/**'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [ENGINE_DOOR] }],
    },
  },
  {
    files: ['src/core/**/*.ts', 'src/shared/**/*.ts', 'src/page/**/*.ts', 'src/cli.ts', 'bench/**/*.ts'],
    ignores: ['src/core/search/engine/**'],
    rules: {
      'no-restricted-imports': ['error', { paths: [NO_VSCODE], patterns: [ENGINE_DOOR] }],
    },
  },
  {
    files: ['src/core/search/engine/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { paths: [NO_VSCODE] }],
    },
  },
);
