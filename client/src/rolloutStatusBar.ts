// The status bar entry for the active plan (`Stage B · 25% · day 3/5`, `draft`, `finished`) with its
// finding counts in the tooltip, the `releasePlan.isPlan` context key that shows plan-only menu
// entries, and the Insert Next Stage command those menus run. The server computes the words
// (releasePlan/status, from the same clock and findings as the diagnostics); this only shows them.
import * as vscode from 'vscode';
// 'vscode-languageclient' (not /node): the common API, so the web client bundles this file too
import type { BaseLanguageClient as LanguageClient } from 'vscode-languageclient';
import { PlanStatusRequest, type FindingCounts, type RolloutBrief } from '../../server/src/protocol/index';
import { requestType } from './messages';

export const INSERT_NEXT_STAGE_COMMAND = 'releasePlan.insertNextStage';
export const OPEN_STATUS_COMMAND = 'releasePlan.openRolloutStatus';
const TIMELINE_COMMAND = 'releasePlan.showTimeline';
const IS_PLAN_KEY = 'releasePlan.isPlan';

/** A plan with a dated stage has a rollout timeline to open; one without has only its problems to show. */
function hasTimeline(rollout: RolloutBrief | undefined): boolean {
  return rollout !== undefined && (rollout.phase !== 'draft' || rollout.stage !== undefined);
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

export function findingsLine(f: FindingCounts | undefined): string {
  if (!f) return 'No findings yet.';
  const parts = [plural(f.error, 'error'), plural(f.warning, 'warning'), `${f.information} information`];
  if (f.hint) parts.push(plural(f.hint, 'hint'));
  return parts.join(', ');
}

export interface RolloutStatusBar {
  item: vscode.StatusBarItem;
  /** Resolves after the entry shows the active editor's status (for tests). */
  refresh(): Promise<void>;
}

export function registerRolloutStatusBar(context: vscode.ExtensionContext, client: LanguageClient, ready: Promise<void>): RolloutStatusBar {
  const item = vscode.window.createStatusBarItem('releasePlan.rollout', vscode.StatusBarAlignment.Left, 100);
  item.name = 'Release Plan Rollout';
  item.command = OPEN_STATUS_COMMAND;
  let asked = 0;
  let shown: RolloutBrief | undefined;
  let timer: NodeJS.Timeout | undefined;

  const show = async (): Promise<void> => {
    const doc = vscode.window.activeTextEditor?.document;
    const mine = ++asked;
    if (!doc || doc.languageId !== 'markdown') {
      item.hide();
      void vscode.commands.executeCommand('setContext', IS_PLAN_KEY, false);
      return;
    }
    try {
      await ready;
      const status = await client.sendRequest(requestType(PlanStatusRequest), { uri: client.code2ProtocolConverter.asUri(doc.uri) });
      if (mine !== asked) return;
      shown = status.rollout;
      void vscode.commands.executeCommand('setContext', IS_PLAN_KEY, status.isPlan);
      if (!status.isPlan || !status.rollout) {
        item.hide();
        return;
      }
      item.text = `$(rocket) ${status.rollout.text}`;
      // a plain string, never markdown: the detail quotes dates from the document
      item.tooltip = `Release plan: ${status.rollout.detail}\n${findingsLine(status.findings)}\nClick for the rollout timeline or the Problems view.`;
      item.show();
    } catch {
      // the server is restarting; the next edit or editor switch asks again
    }
  };
  const update = () => {
    clearTimeout(timer);
    timer = setTimeout(() => void show(), 300);
  };

  context.subscriptions.push(
    item,
    vscode.window.onDidChangeActiveTextEditor(update),
    vscode.workspace.onDidChangeTextDocument((e) => {
      if (e.document === vscode.window.activeTextEditor?.document) update();
    }),
    // settings (releasePlan.today, check severities) change the words without an edit
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration('releasePlan')) update();
    }),
    { dispose: () => clearTimeout(timer) },
    vscode.commands.registerCommand(OPEN_STATUS_COMMAND, async () => {
      await vscode.commands.executeCommand(hasTimeline(shown) ? TIMELINE_COMMAND : 'workbench.actions.view.problems');
    }),
    vscode.commands.registerCommand(INSERT_NEXT_STAGE_COMMAND, async (uri?: vscode.Uri) => {
      const editor = vscode.window.activeTextEditor;
      const target = uri instanceof vscode.Uri ? uri : editor?.document.uri;
      if (!target) return false;
      const doc = await vscode.workspace.openTextDocument(target);
      const whole = new vscode.Range(0, 0, doc.lineCount, 0);
      // the same action the lightbulb offers under Source Action…, so there is one implementation
      const actions = (await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', target, whole, 'source.releasePlan.insertStage')) ?? [];
      const action = actions.find((a) => a.kind?.value === 'source.releasePlan.insertStage');
      if (!action) {
        void vscode.window.showInformationMessage('Insert Next Stage: this document is not a release plan with stages.');
        return false;
      }
      if (action.disabled || !action.edit) {
        void vscode.window.showInformationMessage(`Insert Next Stage: ${action.disabled?.reason ?? 'nothing to insert.'}`);
        return false;
      }
      return vscode.workspace.applyEdit(action.edit);
    }),
  );
  void show();
  return { item, refresh: show };
}
