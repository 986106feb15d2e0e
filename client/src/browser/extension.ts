// The extension in a browser (vscode.dev, github.dev, code-server's web-worker host): package.json's
// `browser` entry. The same server runs in a web worker (dist/browser/server.js); it reads files
// through this client (fileSystem.ts) and sees virtual-file-system URIs as file: URIs (uriMapping.ts).
import * as vscode from 'vscode';
import { LanguageClient, type LanguageClientOptions } from 'vscode-languageclient/browser';
import { DOCS_FILE, type WorkerStartMessage } from '../../../server/src/protocol/index';
import { newSessionKeyWeb, sealTokensWeb } from '../../../server/src/protocol/tokenSealWeb';
import { checkWorkspace, registerCheckWorkspace, type WorkspaceCheckSummary } from '../checkWorkspace';
import { registerPlanStatus } from '../planStatus';
import { registerPlansTree, type PlansTreeApi } from '../plansTree';
import { registerTimeline, type TimelineApi } from '../timeline';
import { registerTokens } from '../tokens';
import { registerLiveStatusSetup } from '../liveStatusSetup';
import { registerNewPlan } from '../newPlan';
import { registerRolloutStatusBar, type RolloutStatusBar } from '../rolloutStatusBar';
import { registerWalkthrough } from '../walkthrough';
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

export interface ReleasePlanApi {
  ready: Promise<void>;
  client: LanguageClient;
  checkWorkspace(): Promise<WorkspaceCheckSummary>;
  timeline: TimelineApi;
  plans: PlansTreeApi;
  rolloutStatus: RolloutStatusBar;
}

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
    synchronize: {
      configurationSection: 'releasePlan',
      fileEvents: [
        vscode.workspace.createFileSystemWatcher('**/{.releaseplanrc.json,features.yml,featureFlagNames.json}'),
        vscode.workspace.createFileSystemWatcher('**/*.{md,markdown}'),
      ],
    },
    initializationOptions: { trusted: vscode.workspace.isTrusted },
    diagnosticPullOptions: { onChange: true, onSave: true },
    uriConverters,
  };
  client = new LanguageClient('releasePlan', 'Release Plan Tools', clientOptions, worker as unknown as ConstructorParameters<typeof LanguageClient>[3]);
  const started = client;
  // registered before start: the server asks for the registry right after initialized
  context.subscriptions.push(...registerFileSystem(started));
  const ready = started.start();
  context.subscriptions.push({ dispose: () => void started.stop().finally(() => worker.terminate()) });
  const workspaceProblems = registerCheckWorkspace(context, started);
  const seal = (tokens: Record<string, string>) => sealTokensWeb(sessionKey, tokens);
  registerTokens(context, started, ready, seal);
  registerPlanStatus(context, started, ready);
  registerNewPlan(context, started, ready);
  registerLiveStatusSetup(context, started, ready, seal);
  registerWalkthrough(context);
  // the rollout views and the first-hour commands work here as on the desktop: they read through
  // vscode.workspace and the server, and name nothing of Node
  const timeline = registerTimeline(context, started, ready);
  const plans = registerPlansTree(context, started, ready);
  const rolloutStatus = registerRolloutStatusBar(context, started, ready);
  return { ready, client: started, checkWorkspace: () => checkWorkspace(started, workspaceProblems), timeline, plans, rolloutStatus };
}

export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}
