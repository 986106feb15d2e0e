// The commands behind the Getting Started walkthrough steps that no other feature provides: open a
// sample plan, point at the vets-api toggle registry, add the check to CI. Each also works from the
// command palette, and each takes an options object so tests run it without dialogs.
import * as vscode from 'vscode';

export const OPEN_SAMPLE_COMMAND = 'releasePlan.openSamplePlan';
export const SELECT_REGISTRY_COMMAND = 'releasePlan.selectToggleRegistry';
export const ADD_CI_COMMAND = 'releasePlan.addCiCheck';

/**
 * The workflow the CI step writes: this repository's GitHub Action (action.yml), which runs the same
 * checks as the editor, annotates the pull request and fails on error-level findings.
 */
export const CI_WORKFLOW_PATH = '.github/workflows/release-plans.yml';
export const CI_WORKFLOW = `# Checks release plans with the same checks as the editor (Release Plan Tools).
name: Release plans
on:
  pull_request:
    paths: ['**/*.md', '.releaseplanrc.json']
  push:
    branches: [main]
permissions:
  contents: read
jobs:
  check:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
      # findings show as annotations on the pull request, every plan's stage today in the job summary;
      # error-level findings fail the job (inputs: files, registry, max-warnings, fail-on, today)
      - uses: release-plan-tools/release-plan-tools@v0
`;

function folderOrUndefined(): vscode.Uri | undefined {
  return vscode.workspace.workspaceFolders?.[0]?.uri;
}

export function registerWalkthrough(context: vscode.ExtensionContext): void {
  context.subscriptions.push(
    // an untitled copy: the user can type into it and see the checks react, and nothing is saved
    vscode.commands.registerCommand(OPEN_SAMPLE_COMMAND, async () => {
      const bytes = await vscode.workspace.fs.readFile(vscode.Uri.joinPath(context.extensionUri, 'walkthroughs', 'sample-release-plan.md'));
      const doc = await vscode.workspace.openTextDocument({ language: 'markdown', content: new TextDecoder().decode(bytes) });
      await vscode.window.showTextDocument(doc);
      return doc.uri;
    }),
    vscode.commands.registerCommand(SELECT_REGISTRY_COMMAND, async (options?: { path?: string; target?: 'workspace' | 'user' }) => {
      let path = options?.path;
      if (!path) {
        const picked = await vscode.window.showOpenDialog({
          title: 'vets-api config/features.yml (the toggle registry)',
          canSelectMany: false,
          filters: { 'Toggle registry': ['yml', 'yaml'] },
          defaultUri: folderOrUndefined(),
        });
        if (!picked?.[0]) return undefined;
        path = picked[0].fsPath;
      }
      const folder = folderOrUndefined();
      // inside the workspace: stored relative, so the setting works on every teammate's machine
      const rel = folder && vscode.workspace.asRelativePath(path, false);
      const value = rel && rel !== path ? rel : path;
      const target = options?.target === 'user' || !folder ? vscode.ConfigurationTarget.Global : vscode.ConfigurationTarget.Workspace;
      const config = vscode.workspace.getConfiguration('releasePlan');
      const inspected = config.inspect<string[]>('toggles.registryFiles');
      const current = (target === vscode.ConfigurationTarget.Global ? inspected?.globalValue : inspected?.workspaceValue) ?? [];
      if (!current.includes(value)) await config.update('toggles.registryFiles', [...current, value], target);
      void vscode.window.showInformationMessage(`Toggle registry set: ${value}. Unknown toggle names are now reported.`);
      return value;
    }),
    vscode.commands.registerCommand(ADD_CI_COMMAND, async () => {
      const folder = folderOrUndefined();
      if (!folder) {
        const doc = await vscode.workspace.openTextDocument({ language: 'yaml', content: CI_WORKFLOW });
        await vscode.window.showTextDocument(doc);
        return doc.uri;
      }
      const target = vscode.Uri.joinPath(folder, ...CI_WORKFLOW_PATH.split('/'));
      const exists = await vscode.workspace.fs.stat(target).then(() => true, () => false);
      if (!exists) await vscode.workspace.fs.writeFile(target, new TextEncoder().encode(CI_WORKFLOW));
      await vscode.window.showTextDocument(target);
      if (exists) void vscode.window.showInformationMessage(`${CI_WORKFLOW_PATH} already exists; it was left as it is.`);
      return target;
    }),
  );
}
