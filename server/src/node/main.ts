// Node entry: `node dist/server.js --stdio` (any LSP client) or `--node-ipc` (VS Code).
// createConnection reads the transport from the command line.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { createParamGuard } from '../lsp/params';
import { DOCS_FILE, docsLineLinks } from '../service/index';
import { startServer } from '../lsp/server';
import { createFlipperFetcher } from './flipperFetcher';
import { nodeFileSystem } from './nodeFileSystem';
import { cachedRegistryParser } from './registryCache';
import { TOKEN_KEY_ENV } from '../protocol/index';
import { unsealTokens } from '../protocol/tokenSeal';
import { tuneJitTiering } from './jitTiering';

tuneJitTiering();

// The extension hands this process a session key for sealed tokens; nothing we start inherits it.
const tokenKey = process.env[TOKEN_KEY_ENV];
delete process.env[TOKEN_KEY_ENV];

// Malformed params are answered (requests) or dropped (notifications) before any handler runs.
const paramGuard = createParamGuard();
const connection = createConnection(ProposedFeatures.all, { messageStrategy: paramGuard });
paramGuard.attach(connection);
// A stray exception must show up in the log, not kill the editor's server.
process.on('uncaughtException', (err) => connection.console.error(`release-plan: uncaught ${err.stack ?? err.message}`));
process.on('unhandledRejection', (err) => connection.console.error(`release-plan: unhandled ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`));
/** docs/checks.md ships next to dist/ (the .vsix, the npm package, a checkout): link into that copy. */
function docsLink(): ((anchor: string) => string | undefined) | undefined {
  const file = join(__dirname, '..', DOCS_FILE);
  try {
    return docsLineLinks(pathToFileURL(file).href, readFileSync(file, 'utf8'));
  } catch {
    return undefined;
  }
}

const server = startServer(connection, {
  docsLink: docsLink(),
  fs: nodeFileSystem,
  parseRegistry: cachedRegistryParser(),
  // The fetcher re-checks trust and the configured origins on every request, before any socket opens.
  httpGet: createFlipperFetcher({ trusted: () => server.trusted, environments: () => server.toggles.configuredEnvironments }),
  unsealTokens: tokenKey ? (sealed) => unsealTokens(tokenKey, sealed) : undefined,
});
