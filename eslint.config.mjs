// Flat config: typescript-eslint's recommended rules, the project's "no any" rule, and the layer
// boundaries the README states, enforced rather than kept by convention (test/lint/boundaries.test.ts
// proves they bite):
//   - server/src/service is pure: no vscode, no LSP libraries, no Node built-ins;
//   - the client reaches into server/ only through the shared protocol module;
//   - the adapters (lsp, cli, node) reach the service only through service/index.ts, its public surface.
import { builtinModules } from 'node:module';
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const EDITOR_LIBRARIES = {
  group: ['vscode', 'vscode/*', 'vscode-languageserver*', 'vscode-languageclient*', 'vscode-jsonrpc*'],
  message: 'server/src/service is pure: the LSP adapter (server/src/lsp) speaks to editors.',
};
const NODE_BUILTINS = {
  group: ['node:*'],
  message: 'server/src/service is pure: file system, network and process arrive as arguments (see ServerFileSystem, HttpGet, Clock).',
};

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'test/fixtures/**', '.vscode-test/**', 'test-results/**', '*.vsix'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts'],
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['server/src/service/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        paths: builtinModules.map((name) => ({ name, message: NODE_BUILTINS.message })),
        patterns: [EDITOR_LIBRARIES, NODE_BUILTINS],
      }],
    },
  },
  {
    files: ['client/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [{ regex: '(^|/)server/(?!src/protocol/index$)', message: 'The client imports from server/ only the shared protocol module (server/src/protocol/index).' }],
      }],
    },
  },
  {
    files: ['server/src/{lsp,cli,node,action}/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [{ regex: '(^|/)service/(?!index$)', message: 'Adapters use the service through its public surface, server/src/service/index.ts.' }],
      }],
    },
  },
  {
    files: ['**/*.mjs', '**/*.js'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly', URL: 'readonly' } },
  },
);
