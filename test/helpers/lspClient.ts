// A real LSP client for tests: spawns the bundled server (`node dist/server.js --stdio`) and talks
// JSON-RPC to it over the child's stdio, the way any editor would.
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  createProtocolConnection,
  StreamMessageReader,
  StreamMessageWriter,
  type ClientCapabilities,
  type InitializeResult,
  type ProtocolConnection,
} from 'vscode-languageserver-protocol/node';

export const SERVER_JS = join(__dirname, '..', '..', 'dist', 'server.js');

export interface TestClient {
  connection: ProtocolConnection;
  process: ChildProcess;
  initialize: InitializeResult;
  stderr: () => string;
  /** How many times the server asked the client to re-pull diagnostics. */
  refreshCount(): number;
  /** Resolves on the server's next re-pull request after `after` of them (default: the current count). */
  nextRefresh(after?: number): Promise<void>;
  /** Everything the server wrote to the client's log (window/logMessage). */
  logs: string[];
  /** Resolves with the first log line (already written or still to come) that matches. */
  logLine(pattern: RegExp): Promise<string>;
  /** `workspace/configuration` answers: section → value. */
  settings: Record<string, unknown>;
  close(): Promise<void>;
}

export function fileUri(path: string): string {
  return pathToFileURL(path).href;
}

export async function startClient(
  options: {
    capabilities?: ClientCapabilities;
    initializationOptions?: unknown;
    rootUri?: string | null;
    settings?: Record<string, unknown>;
    env?: Record<string, string>;
    /** Holds back the answer to a `workspace/configuration` request until it resolves (e.g. a slow start-up). */
    configurationGate?: (items: { scopeUri?: string; section?: string }[]) => Promise<void> | undefined;
  } = {},
): Promise<TestClient> {
  const child = spawn(process.execPath, [SERVER_JS, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'], env: { ...process.env, ...options.env } });
  let stderr = '';
  child.stderr!.on('data', (d) => (stderr += String(d)));
  const connection = createProtocolConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
  const settings: Record<string, unknown> = options.settings ?? {};
  connection.onRequest('workspace/configuration', async (params: { items: { scopeUri?: string; section?: string }[] }) => {
    await options.configurationGate?.(params.items);
    return params.items.map((i) => settings[i.section ?? ''] ?? null);
  });
  connection.onRequest('client/registerCapability', () => null);
  // the server asks for a re-pull whenever what it knows changed (settings, config files, the toggle
  // registry after start-up): tests wait for that instead of polling
  let refreshes = 0;
  const refreshWaiters: Array<{ after: number; resolve: () => void }> = [];
  connection.onRequest('workspace/diagnostic/refresh', () => {
    refreshes++;
    for (const w of refreshWaiters.splice(0)) (refreshes > w.after ? w.resolve : () => refreshWaiters.push(w))();
    return null;
  });
  connection.onRequest('workspace/inlayHint/refresh', () => null);
  const logs: string[] = [];
  const logWaiters: Array<{ pattern: RegExp; resolve: (line: string) => void }> = [];
  connection.onNotification('window/logMessage', (p: { message: string }) => {
    logs.push(p.message);
    for (const w of logWaiters.splice(0)) (w.pattern.test(p.message) ? () => w.resolve(p.message) : () => logWaiters.push(w))();
  });
  connection.listen();
  const capabilities: ClientCapabilities = options.capabilities ?? {
    textDocument: { diagnostic: { dynamicRegistration: false }, synchronization: { didSave: true }, hover: { contentFormat: ['markdown', 'plaintext'] }, completion: { completionItem: { snippetSupport: true } } },
    workspace: { configuration: true, diagnostics: { refreshSupport: true }, didChangeConfiguration: { dynamicRegistration: true } },
  };
  const initialize = (await connection.sendRequest('initialize', {
    processId: process.pid,
    rootUri: options.rootUri ?? null,
    capabilities,
    initializationOptions: options.initializationOptions,
    workspaceFolders: null,
  })) as InitializeResult;
  await connection.sendNotification('initialized', {});
  return {
    connection,
    process: child,
    initialize,
    settings,
    stderr: () => stderr,
    refreshCount: () => refreshes,
    nextRefresh: (after = refreshes) => (refreshes > after ? Promise.resolve() : new Promise<void>((resolve) => refreshWaiters.push({ after, resolve }))),
    logs,
    logLine: (pattern) => {
      const seen = logs.find((l) => pattern.test(l));
      return seen !== undefined ? Promise.resolve(seen) : new Promise<string>((resolve) => logWaiters.push({ pattern, resolve }));
    },
    async close() {
      const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
      await connection.sendRequest('shutdown');
      await connection.sendNotification('exit');
      const code = await exited;
      connection.dispose();
      if (code !== 0) throw new Error(`server exited with ${code}: ${stderr}`);
    },
  };
}
