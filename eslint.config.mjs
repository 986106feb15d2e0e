// Flat config: typescript-eslint's recommended rules, the project's "no any" rule, and the layer
// boundaries the README states, enforced rather than kept by convention (test/lint/boundaries.test.ts
// proves they bite):
//   - server/src/service is pure: no vscode, no LSP libraries, no Node built-ins;
//   - the client reaches into server/ only through the shared protocol module;
//   - the adapters (lsp, cli, node, action, browser) reach the service only through service/index.ts;
//   - what runs in a browser (client/src/browser, server/src/browser, the protocol module but its
//     node:crypto seal) names no Node built-in and no Node-only library entry: the web bundles must build.
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
const CLIENT_TO_SERVER = {
  regex: '(^|/)server/(?!src/protocol/(index|tokenSeal|tokenSealWeb)$)',
  message: 'The client imports from server/ only the shared protocol module (server/src/protocol/index, and its token seals).',
};
const ADAPTER_TO_SERVICE = { regex: '(^|/)service/(?!index$)', message: 'Adapters use the service through its public surface, server/src/service/index.ts.' };
// Code bundled for a browser (package.json `browser`, the web worker): scripts/build.mjs aliases only the
// two node: modules the lsp layer names (node:path, node:url) to shims; anything else would break the web build.
const BROWSER_MESSAGE = 'Runs in a browser (web extension / web worker): no Node built-ins, Node-only entries or the node:crypto token seal.';
const BROWSER_ONLY = [
  { group: ['node:*', '**/node/*', 'vscode-languageclient/node', 'vscode-languageserver/node', '**/protocol/tokenSeal'], message: BROWSER_MESSAGE },
];

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
        patterns: [CLIENT_TO_SERVER],
      }],
    },
  },
  {
    files: ['client/src/browser/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        paths: builtinModules.map((name) => ({ name, message: BROWSER_MESSAGE })),
        patterns: [CLIENT_TO_SERVER, ...BROWSER_ONLY],
      }],
    },
  },
  {
    files: ['server/src/{lsp,cli,node,action}/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [ADAPTER_TO_SERVICE],
      }],
    },
  },
  {
    files: ['server/src/browser/**/*.ts'],
    ignores: ['server/src/browser/shims/**'],
    rules: {
      'no-restricted-imports': ['error', {
        paths: builtinModules.map((name) => ({ name, message: BROWSER_MESSAGE })),
        patterns: [ADAPTER_TO_SERVICE, ...BROWSER_ONLY],
      }],
    },
  },
  {
    files: ['server/src/protocol/**/*.ts'],
    ignores: ['server/src/protocol/tokenSeal.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        paths: builtinModules.map((name) => ({ name, message: BROWSER_MESSAGE })),
        patterns: BROWSER_ONLY,
      }],
    },
  },
  {
    files: ['**/*.mjs', '**/*.js'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly', URL: 'readonly' } },
  },
);
