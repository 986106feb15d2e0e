// "Release Plan: Check All Plans in Workspace": every plan in the workspace, open or not, checked
// by the server and reported in the Problems panel, with progress and cancellation.
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { CheckFilesRequest, type CheckFilesParams } from '../../server/src/protocol/index';
import { requestType } from './messages';

const BATCH = 25;
const MAX_FILES = 5000;
const MAX_BYTES = 2_000_000;

export interface WorkspaceCheckSummary {
  files: number;
  plans: number;
  problems: number;
  cancelled: boolean;
}

export function registerCheckWorkspace(context: vscode.ExtensionContext, client: LanguageClient): vscode.DiagnosticCollection {
  // Closed files only: open ones already get the server's live (pulled) diagnostics.
  const collection = vscode.languages.createDiagnosticCollection('release-plan-workspace');
  context.subscriptions.push(
    collection,
    vscode.workspace.onDidOpenTextDocument((doc) => collection.delete(doc.uri)),
    vscode.commands.registerCommand('releasePlan.checkWorkspace', () => checkWorkspace(client, collection)),
  );
  return collection;
}

async function candidateFiles(token: vscode.CancellationToken): Promise<vscode.Uri[]> {
  // Path globs catch plans by name; every other markdown file is offered for content detection.
  const exclude = '{**/node_modules/**,**/.git/**,**/.cache/**,**/dist/**}';
  const uris = await vscode.workspace.findFiles('**/*.{md,markdown}', exclude, MAX_FILES, token);
  return uris.sort((a, b) => a.toString().localeCompare(b.toString()));
}

export async function checkWorkspace(client: LanguageClient, collection: vscode.DiagnosticCollection): Promise<WorkspaceCheckSummary> {
  const summary: WorkspaceCheckSummary = { files: 0, plans: 0, problems: 0, cancelled: false };
  await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: 'Checking release plans', cancellable: true },
    async (progress, token) => {
      const uris = await candidateFiles(token);
      const openUris = new Set(vscode.workspace.textDocuments.map((d) => d.uri.toString()));
      collection.clear();
      for (let i = 0; i < uris.length && !token.isCancellationRequested; i += BATCH) {
        const batch = uris.slice(i, i + BATCH);
        const files: CheckFilesParams['files'] = [];
        for (const uri of batch) {
          try {
            const bytes = await vscode.workspace.fs.readFile(uri);
            if (bytes.byteLength > MAX_BYTES) continue;
            files.push({ uri: uri.toString(), text: new TextDecoder('utf-8').decode(bytes) });
          } catch {
            // unreadable files are skipped; the CLI reports them, the editor has nothing to underline
          }
        }
        const result = await client.sendRequest(requestType(CheckFilesRequest), { files }, token);
        for (const r of result.results) {
          summary.files++;
          if (!r.isPlan) continue;
          summary.plans++;
          summary.problems += r.diagnostics.length;
          if (openUris.has(r.uri)) continue;
          collection.set(vscode.Uri.parse(r.uri), r.diagnostics.map((d) => client.protocol2CodeConverter.asDiagnostic(d)));
        }
        progress.report({ message: `${Math.min(i + BATCH, uris.length)} of ${uris.length} markdown files`, increment: (batch.length / uris.length) * 100 });
      }
      summary.cancelled = token.isCancellationRequested;
    },
  );
  const verb = summary.cancelled ? 'Stopped after checking' : 'Checked';
  void vscode.window.showInformationMessage(`${verb} ${summary.plans} release plan${summary.plans === 1 ? '' : 's'}: ${summary.problems} problem${summary.problems === 1 ? '' : 's'}.`);
  return summary;
}
