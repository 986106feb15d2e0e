// What both entries (the desktop one in extension.ts, the browser one in browser/extension.ts) share
// once they have a client: its options apart from the documents and transport, the features they
// register, and the API they return. Everything here names only vscode, the common
// vscode-languageclient API and the protocol module, so it runs in either extension host.
import * as vscode from 'vscode';
import type { BaseLanguageClient, LanguageClientOptions } from 'vscode-languageclient';
import { checkWorkspace, registerCheckWorkspace, type WorkspaceCheckSummary } from './checkWorkspace';
import { registerLiveStatusSetup } from './liveStatusSetup';
import { registerNewPlan } from './newPlan';
import { registerPlanStatus } from './planStatus';
import { registerPlansTree, type PlansTreeApi } from './plansTree';
import { registerRolloutStatusBar, type RolloutStatusBar } from './rolloutStatusBar';
import { registerTimeline, type TimelineApi } from './timeline';
import { registerTokens, type SealTokens } from './tokens';
import { registerWalkthrough } from './walkthrough';

export interface ReleasePlanApi<C extends BaseLanguageClient = BaseLanguageClient> {
  /** Resolves once the language server is running and initialized. */
  ready: Promise<void>;
  client: C;
  /** Runs "Check All Plans in Workspace" and resolves with what it found (for tests and other extensions). */
  checkWorkspace(): Promise<WorkspaceCheckSummary>;
  /** The timeline webview (for tests: open it and read back the bars it drew). */
  timeline: TimelineApi;
  /** The Release Plans view (for tests: recompute and read the groups). */
  plans: PlansTreeApi;
  /** The rollout status bar entry (tests read its text). */
  rolloutStatus: RolloutStatusBar;
}

/** The client options both entries use; each adds its document selector (and URI converters). */
export function sharedClientOptions(): Omit<LanguageClientOptions, 'documentSelector'> {
  return {
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
}

/** Registers every client feature on a started client and returns the extension's API. */
export function registerFeatures<C extends BaseLanguageClient>(context: vscode.ExtensionContext, client: C, ready: Promise<void>, seal: SealTokens): ReleasePlanApi<C> {
  const workspaceProblems = registerCheckWorkspace(context, client);
  registerTokens(context, client, ready, seal);
  registerPlanStatus(context, client, ready);
  registerNewPlan(context, client, ready);
  registerLiveStatusSetup(context, client, ready, seal);
  registerWalkthrough(context);
  const timeline = registerTimeline(context, client, ready);
  const plans = registerPlansTree(context, client, ready);
  const rolloutStatus = registerRolloutStatusBar(context, client, ready);
  return { ready, client, checkWorkspace: () => checkWorkspace(client, workspaceProblems), timeline, plans, rolloutStatus };
}
