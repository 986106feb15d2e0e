// Node entry: `node dist/server.js --stdio` (any LSP client) or `--node-ipc` (VS Code).
// createConnection reads the transport from the command line.
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { startServer } from '../lsp/server';
import { createFlipperFetcher } from './flipperFetcher';
import { nodeFileSystem } from './nodeFileSystem';
import { TOKEN_KEY_ENV, unsealTokens } from '../protocol/index';

// The extension hands this process a session key for sealed tokens; nothing we start inherits it.
const tokenKey = process.env[TOKEN_KEY_ENV];
delete process.env[TOKEN_KEY_ENV];

const connection = createConnection(ProposedFeatures.all);
// A stray exception must show up in the log, not kill the editor's server.
process.on('uncaughtException', (err) => connection.console.error(`release-plan: uncaught ${err.stack ?? err.message}`));
process.on('unhandledRejection', (err) => connection.console.error(`release-plan: unhandled ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`));
const server = startServer(connection, {
  fs: nodeFileSystem,
  // The fetcher re-checks trust and the configured origins on every request, before any socket opens.
  httpGet: createFlipperFetcher({ trusted: () => server.trusted, environments: () => server.toggles.configuredEnvironments }),
  unsealTokens: tokenKey ? (sealed) => unsealTokens(tokenKey, sealed) : undefined,
});
