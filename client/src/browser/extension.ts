// The extension in a browser (vscode.dev, github.dev, code-server's web-worker host): package.json's
// `browser` entry. The same server runs in a web worker (dist/browser/server.js); it reads files
// through this client (fileSystem.ts) and sees virtual-file-system URIs as file: URIs (uriMapping.ts).
import * as vscode from 'vscode';
import { LanguageClient, type LanguageClientOptions } from 'vscode-languageclient/browser';
import { DOCS_FILE, type WorkerStartMessage } from '../../../server/src/protocol/index';
import { newSessionKeyWeb, sealTokensWeb } from '../../../server/src/protocol/tokenSealWeb';
import { registerFeatures, sharedClientOptions, type ReleasePlanApi as SharedApi } from '../features';
import { registerFileSystem } from './fileSystem';
import { uriConverters } from './uriMapping';

// Workers exist in every browser extension host; the project's lib (ES2022, no DOM) does not name them.
interface WorkerLike {
  postMessage(message: unknown): void;
  terminate(): void;
}
declare const Worker: new (url: string, options?: { name?: string }) => WorkerLike;

/**
 * A URL the browser can start the worker from. vscode.dev and github.dev serve extensions over
 * https, which a Worker loads directly; an extension installed on a remote (code-server) has a
 * vscode-remote: location, which VS Code's web extension host refuses to start workers from
 * ("Creating workers from remote extensions is currently not supported"), so its bytes are read
 * through the editor's file system and started from a blob: URL instead.
 */
async function workerUrl(script: vscode.Uri): Promise<string> {
  if (['http', 'https', 'file'].includes(script.scheme)) return script.toString(true);
  const bytes = await vscode.workspace.fs.readFile(script);
  return URL.createObjectURL(new Blob([bytes], { type: 'text/javascript' }));
}

/** docs/checks.md as shipped with the extension, for the worker's check-id links (see workerStart.ts). */
async function shippedDocs(extensionUri: vscode.Uri): Promise<{ href: string; text: string } | undefined> {
  const file = vscode.Uri.joinPath(extensionUri, DOCS_FILE);
  try {
    return { href: file.toString(), text: new TextDecoder('utf-8').decode(await vscode.workspace.fs.readFile(file)) };
  } catch {
    return undefined;
  }
}

export type ReleasePlanApi = SharedApi<LanguageClient>;

let client: LanguageClient | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<ReleasePlanApi> {
  const serverMain = vscode.Uri.joinPath(context.extensionUri, 'dist', 'browser', 'server.js');
  const worker = new Worker(await workerUrl(serverMain), { name: 'release-plan-server' });
  // a fresh key per worker seals the Flipper tokens we send it (see tokenSealWeb.ts)
  const sessionKey = newSessionKeyWeb();
  const start: WorkerStartMessage = { releasePlanWorkerStart: { tokenKey: sessionKey, docs: await shippedDocs(context.extensionUri) } };
  worker.postMessage(start);

  // markdown on whatever file system the workspace is on (vscode-vfs on github.dev, …)
  const schemes = new Set(['file', 'untitled', ...(vscode.workspace.workspaceFolders ?? []).map((f) => f.uri.scheme)]);
  const clientOptions: LanguageClientOptions = {
    documentSelector: [
      ...[...schemes].map((scheme) => ({ language: 'markdown', scheme })),
      ...[...schemes].filter((s) => s !== 'untitled').map((scheme) => ({ scheme, pattern: '**/.releaseplanrc.json' })),
    ],
    ...sharedClientOptions(),
    uriConverters,
  };
  client = new LanguageClient('releasePlan', 'Release Plan Tools', clientOptions, worker as unknown as ConstructorParameters<typeof LanguageClient>[3]);
  const started = client;
  // registered before start: the server asks for the registry right after initialized
  context.subscriptions.push(...registerFileSystem(started));
  const ready = started.start();
  context.subscriptions.push({ dispose: () => void started.stop().finally(() => worker.terminate()) });
  // the rollout views and the first-hour commands work here as on the desktop: they read through
  // vscode.workspace and the server, and name nothing of Node
  return registerFeatures(context, started, ready, (tokens) => sealTokensWeb(sessionKey, tokens));
}

export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}
