// Node entry: `node dist/server.js --stdio` (any LSP client) or `--node-ipc` (VS Code).
// createConnection reads the transport from the command line.
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { startServer } from '../lsp/server';

const connection = createConnection(ProposedFeatures.all);
// A stray exception must show up in the log, not kill the editor's server.
process.on('uncaughtException', (err) => connection.console.error(`release-plan: uncaught ${err.stack ?? err.message}`));
process.on('unhandledRejection', (err) => connection.console.error(`release-plan: unhandled ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`));
startServer(connection);
