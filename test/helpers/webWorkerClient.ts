// A real LSP client for the web-worker server bundle (dist/browser/server.js) in a real browser:
// headless Chromium (playwright-core) opens a page served from loopback, the page starts the worker
// and relays its postMessage traffic to this process, where a JSON-RPC connection speaks LSP to it.
// The server's file requests (releasePlan/fs/* in server/src/protocol/messages.ts) are answered from the real disk
// with the Node server's own file system, so parity tests compare the two servers, not two disks.
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import {
  AbstractMessageReader,
  AbstractMessageWriter,
  createProtocolConnection,
  type DataCallback,
  type Disposable,
  type InitializeResult,
  type Message,
  type ProtocolConnection,
} from 'vscode-languageserver-protocol';
import { pathToFileURL } from 'node:url';
import { DOCS_FILE, ExistsRequest, ListMarkdownRequest, ReadFileRequest, type ExistsParams, type ListMarkdownParams, type ReadFileParams, type WorkerStartMessage } from '../../server/src/protocol/index';
import { nodeFileSystem } from '../../server/src/node/nodeFileSystem';

const ROOT = join(__dirname, '..', '..');
export const WORKER_JS = join(ROOT, 'dist', 'browser', 'server.js');

// The page does nothing but start the worker and relay: what runs is the server bundle as shipped.
const PAGE = `<!doctype html><meta charset="utf-8"><title>release-plan web worker</title>
<script>
  window.startWorker = (start) => {
    window.worker = new Worker('/server.js');
    window.worker.onmessage = (e) => window.__toNode(e.data);
    window.worker.onerror = (e) => window.__workerError(String(e.message));
    window.worker.postMessage(start);
  };
</script>`;

class PageReader extends AbstractMessageReader {
  private callback: DataCallback | undefined;
  listen(callback: DataCallback): Disposable {
    this.callback = callback;
    return { dispose: () => (this.callback = undefined) };
  }
  deliver(message: Message): void {
    this.callback?.(message);
  }
}

class PageWriter extends AbstractMessageWriter {
  private queue: Promise<void> = Promise.resolve();
  constructor(private readonly page: Page) {
    super();
  }
  write(message: Message): Promise<void> {
    // in order, one evaluate after another: the worker must see messages as they were sent
    this.queue = this.queue.then(() => this.page.evaluate((m) => (globalThis as unknown as { worker: { postMessage(m: unknown): void } }).worker.postMessage(m), message as unknown as Record<string, unknown>));
    return this.queue;
  }
  end(): void {}
}

export interface WorkerClient {
  connection: ProtocolConnection;
  initialize: InitializeResult;
  settings: Record<string, unknown>;
  logs: string[];
  /** Page errors and worker errors: a test asserts there are none. */
  errors: string[];
  /** Which file requests the worker made (method + path), to show the files came through the client. */
  fileRequests: string[];
  refreshCount(): number;
  nextRefresh(after?: number): Promise<void>;
  /** shutdown, exit, and the connection disposed; the page stays open. */
  shutdown(): Promise<void>;
  closePage(): Promise<void>;
  /** shutdown(), then closePage(). */
  close(): Promise<void>;
}

/** Serves the page and the worker bundle from 127.0.0.1 (one origin, as an editor would). */
export async function servePage(): Promise<{ server: Server; origin: string }> {
  const server = createServer((req, res) => {
    if (req.url === '/' || req.url === '/index.html') {
      res.setHeader('content-type', 'text/html; charset=utf-8');
      res.end(PAGE);
    } else if (req.url === '/server.js') {
      res.setHeader('content-type', 'text/javascript; charset=utf-8');
      res.end(readFileSync(WORKER_JS));
    } else {
      res.statusCode = 404;
      res.end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
}

export async function startWorkerClient(
  context: BrowserContext,
  origin: string,
  options: { rootUri: string; settings?: Record<string, unknown>; initializationOptions?: unknown },
): Promise<WorkerClient> {
  const page = await context.newPage();
  const reader = new PageReader();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(`page: ${e.message}`));
  await page.exposeFunction('__toNode', (m: Message) => reader.deliver(m));
  await page.exposeFunction('__workerError', (m: string) => errors.push(`worker: ${m}`));
  await page.goto(`${origin}/`);
  const connection = createProtocolConnection(reader, new PageWriter(page));

  const settings: Record<string, unknown> = options.settings ?? {};
  const fileRequests: string[] = [];
  connection.onRequest('workspace/configuration', (params: { items: { section?: string }[] }) => params.items.map((i) => settings[i.section ?? ''] ?? null));
  connection.onRequest('client/registerCapability', () => null);
  connection.onRequest('workspace/inlayHint/refresh', () => null);
  connection.onRequest(ReadFileRequest.method, async (p: ReadFileParams) => {
    fileRequests.push(`readFile ${p.path}`);
    const text = await nodeFileSystem.readFile(p.path);
    return text === undefined ? {} : { text };
  });
  connection.onRequest(ExistsRequest.method, async (p: ExistsParams) => {
    fileRequests.push(`exists ${p.path}`);
    return { exists: await nodeFileSystem.exists(p.path) };
  });
  connection.onRequest(ListMarkdownRequest.method, async (p: ListMarkdownParams) => {
    fileRequests.push(`listMarkdown ${p.root}`);
    return { paths: await nodeFileSystem.listMarkdown(p.root, p.limit) };
  });
  let refreshes = 0;
  const waiters: Array<{ after: number; resolve: () => void }> = [];
  connection.onRequest('workspace/diagnostic/refresh', () => {
    refreshes++;
    for (const w of waiters.splice(0)) (refreshes > w.after ? w.resolve : () => waiters.push(w))();
    return null;
  });
  const logs: string[] = [];
  connection.onNotification('window/logMessage', (p: { message: string }) => void logs.push(p.message));
  connection.listen();

  // the shipped docs/checks.md, as the web client sends it: check ids link into the same copy the Node server links to
  const docsFile = join(ROOT, DOCS_FILE);
  const start: WorkerStartMessage = { releasePlanWorkerStart: { docs: { href: pathToFileURL(docsFile).href, text: readFileSync(docsFile, 'utf8') } } };
  await page.evaluate((s) => (globalThis as unknown as { startWorker(s: unknown): void }).startWorker(s), start as unknown as Record<string, unknown>);
  const initialize = (await connection.sendRequest('initialize', {
    processId: null,
    rootUri: options.rootUri,
    capabilities: {
      textDocument: { diagnostic: { dynamicRegistration: false }, synchronization: { didSave: true }, hover: { contentFormat: ['markdown', 'plaintext'] }, completion: { completionItem: { snippetSupport: true } } },
      workspace: { configuration: true, diagnostics: { refreshSupport: true }, didChangeConfiguration: { dynamicRegistration: true } },
    },
    initializationOptions: options.initializationOptions,
    workspaceFolders: null,
  })) as InitializeResult;
  await connection.sendNotification('initialized', {});
  const shutdown = async (): Promise<void> => {
    await connection.sendRequest('shutdown');
    await connection.sendNotification('exit');
    connection.dispose();
  };
  const closePage = (): Promise<void> => page.close();
  return {
    connection,
    initialize,
    settings,
    logs,
    errors,
    fileRequests,
    refreshCount: () => refreshes,
    nextRefresh: (after = refreshes) => (refreshes > after ? Promise.resolve() : new Promise<void>((resolve) => waiters.push({ after, resolve }))),
    shutdown,
    closePage,
    async close() {
      await shutdown();
      await closePage();
    },
  };
}
