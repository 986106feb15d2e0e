// Web-worker entry (dist/browser/server.js): the same server as node/main.ts, speaking LSP over
// postMessage to the extension's browser client. Files come from the client (clientFileSystem),
// live status from fetch (fetchFetcher); nothing here touches node:* (the bundle aliases the two
// node: modules the lsp layer names to shims/, see scripts/build.mjs).
import { BrowserMessageReader, BrowserMessageWriter, createConnection, ProposedFeatures } from 'vscode-languageserver/browser';
import { createParamGuard } from '../lsp/params';
import { startServer } from '../lsp/server';
import { docsLineLinks } from '../service/index';
import { clientFileSystem } from './clientFileSystem';
import { createFetchFetcher } from './fetchFetcher';
import { isWorkerStartMessage, type WorkerStartMessage } from '../protocol/index';
import { unsealTokensWeb } from '../protocol/tokenSealWeb';

// The worker's global scope, typed only as far as this file uses it (the project's lib is ES2022, no DOM).
type Listener<E> = (e: E) => void;
interface WorkerScope {
  setImmediate?: (callback: () => void) => void;
  addEventListener(type: 'message', listener: Listener<{ data: unknown }>): void;
  removeEventListener(type: 'message', listener: Listener<{ data: unknown }>): void;
  addEventListener(type: 'error' | 'unhandledrejection', listener: Listener<{ message?: string; reason?: unknown }>): void;
}
const scope = globalThis as unknown as WorkerScope;
const port = globalThis as unknown as ConstructorParameters<typeof BrowserMessageReader>[0];

// toggleState indexes one file per macrotask with setImmediate, which workers lack.
scope.setImmediate ??= (callback) => void setTimeout(callback, 0);

function start({ tokenKey, docs }: WorkerStartMessage['releasePlanWorkerStart']): void {
  const paramGuard = createParamGuard();
  const connection = createConnection(ProposedFeatures.all, new BrowserMessageReader(port), new BrowserMessageWriter(port), { messageStrategy: paramGuard });
  paramGuard.attach(connection);
  scope.addEventListener('error', (e) => connection.console.error(`release-plan: uncaught ${e.message ?? 'error'}`));
  scope.addEventListener('unhandledrejection', (e) => connection.console.error(`release-plan: unhandled ${e.reason instanceof Error ? (e.reason.stack ?? e.reason.message) : String(e.reason)}`));
  const server = startServer(connection, {
    docsLink: docs ? docsLineLinks(docs.href, docs.text) : undefined,
    fs: clientFileSystem(connection),
    httpGet: createFetchFetcher({ trusted: () => server.trusted, environments: () => server.toggles.configuredEnvironments }),
    unsealTokens: tokenKey ? (sealed) => unsealTokensWeb(tokenKey, sealed) : undefined,
  });
}

// The connection starts on the client's start message (protocol/workerStart.ts); the reader attaches within
// this handler, so the LSP messages queued behind it are all seen.
const onStart = (e: { data: unknown }) => {
  if (!isWorkerStartMessage(e.data)) return;
  scope.removeEventListener('message', onStart);
  start(e.data.releasePlanWorkerStart);
};
scope.addEventListener('message', onStart);
