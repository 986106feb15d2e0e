// The extension: starts the bundled language server for markdown documents. The server decides
// which of them are release plans; everything else gets nothing.
import * as path from 'node:path';
import * as vscode from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import { checkWorkspace, registerCheckWorkspace, type WorkspaceCheckSummary } from './checkWorkspace';
import { TOKEN_KEY_ENV } from '../../server/src/protocol/index';
import { newSessionKey, sealTokens } from '../../server/src/protocol/tokenSeal';
import { registerPlanStatus } from './planStatus';
import { registerPlansTree, type PlansTreeApi } from './plansTree';
import { registerTimeline, type TimelineApi } from './timeline';
import { registerTokens } from './tokens';
import { registerLiveStatusSetup } from './liveStatusSetup';
import { registerNewPlan } from './newPlan';
import { registerRolloutStatusBar, type RolloutStatusBar } from './rolloutStatusBar';
import { registerWalkthrough } from './walkthrough';

export interface ReleasePlanApi {
  /** Resolves once the language server is running and initialized. */
  ready: Promise<void>;
  client: LanguageClient;
  /** Runs "Check All Plans in Workspace" and resolves with what it found (for tests and other extensions). */
  checkWorkspace(): Promise<WorkspaceCheckSummary>;
  /** The timeline webview (for tests: open it and read back the bars it drew). */
  timeline: TimelineApi;
  /** The Release Plans view (for tests: recompute and read the groups). */
  plans: PlansTreeApi;
  /** The rollout status bar entry (tests read its text). */
  rolloutStatus: RolloutStatusBar;
}

let client: LanguageClient | undefined;

export function activate(context: vscode.ExtensionContext): ReleasePlanApi {
  const serverModule = context.asAbsolutePath(path.join('dist', 'server.js'));
  // a fresh key per server process seals the Flipper tokens we send it (see server/src/protocol/tokens.ts)
  const sessionKey = newSessionKey();
  const env = { ...process.env, [TOKEN_KEY_ENV]: sessionKey };
  const serverOptions: ServerOptions = {
    run: { module: serverModule, transport: TransportKind.ipc, options: { env } },
    debug: { module: serverModule, transport: TransportKind.ipc, options: { env, execArgv: ['--nolazy', '--inspect=6010'] } },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: [
      { language: 'markdown', scheme: 'file' },
      { language: 'markdown', scheme: 'untitled' },
      // so a broken config file gets its diagnostic where it is
      { scheme: 'file', pattern: '**/.releaseplanrc.json' },
    ],
    synchronize: {
      configurationSection: 'releasePlan',
      fileEvents: [
        vscode.workspace.createFileSystemWatcher('**/{.releaseplanrc.json,features.yml,featureFlagNames.json}'),
        // other plans feed toggle completions
        vscode.workspace.createFileSystemWatcher('**/*.{md,markdown}'),
      ],
    },
    initializationOptions: { trusted: vscode.workspace.isTrusted },
    diagnosticPullOptions: { onChange: true, onSave: true },
  };
  client = new LanguageClient('releasePlan', 'Release Plan Tools', serverOptions, clientOptions);
  const started = client;
  const ready = started.start();
  context.subscriptions.push({ dispose: () => void started.stop() });
  const workspaceProblems = registerCheckWorkspace(context, started);
  const seal = (tokens: Record<string, string>) => sealTokens(sessionKey, tokens);
  registerTokens(context, started, ready, seal);
  registerPlanStatus(context, started, ready);
  registerNewPlan(context, started, ready);
  registerLiveStatusSetup(context, started, ready, seal);
  registerWalkthrough(context);
  const timeline = registerTimeline(context, started, ready);
  const plans = registerPlansTree(context, started, ready);
  const rolloutStatus = registerRolloutStatusBar(context, started, ready);
  return { ready, client: started, checkWorkspace: () => checkWorkspace(started, workspaceProblems), timeline, plans, rolloutStatus };
}

export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}
