// A language status item on markdown files: "Release plan (5 stages, 2 toggles)" with why the file
// counts as one, or "Not a release plan" — so it is never a mystery why a file is or is not checked.
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { PlanStatusRequest } from '../../server/src/protocol/index';
import { requestType } from './messages';
import { describeStatus } from './planStatusText';

export function registerPlanStatus(context: vscode.ExtensionContext, client: LanguageClient, ready: Promise<void>): vscode.LanguageStatusItem {
  const item = vscode.languages.createLanguageStatusItem('releasePlan.status', { language: 'markdown' });
  item.name = 'Release Plan Tools';
  item.command = { title: 'Check all plans', command: 'releasePlan.checkWorkspace' };
  let timer: NodeJS.Timeout | undefined;
  let asked = 0;
  const update = () => {
    clearTimeout(timer);
    timer = setTimeout(async () => {
      const doc = vscode.window.activeTextEditor?.document;
      if (!doc || doc.languageId !== 'markdown') return;
      const mine = ++asked;
      try {
        await ready;
        const status = await client.sendRequest(requestType(PlanStatusRequest), { uri: client.code2ProtocolConverter.asUri(doc.uri) });
        if (mine !== asked) return;
        const { text, detail } = describeStatus(status);
        item.text = text;
        item.detail = detail;
      } catch {
        // the server is restarting; the next edit or editor switch asks again
      }
    }, 300);
  };
  context.subscriptions.push(
    item,
    vscode.window.onDidChangeActiveTextEditor(update),
    vscode.workspace.onDidChangeTextDocument((e) => {
      if (e.document === vscode.window.activeTextEditor?.document) update();
    }),
    { dispose: () => clearTimeout(timer) },
  );
  update();
  return item;
}
