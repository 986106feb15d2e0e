// "Release Plan: Check All Plans in Workspace" reports plans that are not open into the Problems
// panel, leaves markdown that is not a plan alone, and says what it checked.
import { strict as assert } from 'node:assert';
import * as vscode from 'vscode';
import { activateExtension, checkId, closeAllEditors, SOURCE, waitForDiagnostics, workspaceUri } from './helpers';

const NEVER_OPENED = ['# Closed plan', '', '### Stage A: 5% of users', '', '- Percentage of Users: 5%', '- Number of unique users: [FILL_IN]', ''].join('\n');

describe('check all plans in the workspace', () => {
  const closedPlan = workspaceUri('closed', 'never-opened-release-plan.md');
  before(async () => {
    await activateExtension();
    await closeAllEditors();
    await vscode.workspace.fs.writeFile(closedPlan, new TextEncoder().encode(NEVER_OPENED));
  });
  after(async () => {
    await vscode.workspace.fs.delete(workspaceUri('closed'), { recursive: true });
  });

  it('puts the findings of a plan nobody opened into the Problems panel, and nothing on the meeting notes', async () => {
    assert.ok(!vscode.workspace.textDocuments.some((d) => d.uri.toString() === closedPlan.toString()), 'the plan is not open');
    let summary: { plans: number; files: number; problems: number; cancelled: boolean } | undefined;
    const ds = await waitForDiagnostics(closedPlan, (d) => d.some((x) => x.source === SOURCE && checkId(x) === 'placeholder'), {
      trigger: async () => {
        summary = await vscode.commands.executeCommand('releasePlan.checkWorkspace');
      },
      what: 'the closed plan\'s placeholder diagnostic',
    });
    const placeholder = ds.find((x) => checkId(x) === 'placeholder')!;
    assert.equal(placeholder.range.start.line, 5);
    assert.equal(placeholder.range.start.character, 26);
    assert.ok(summary, 'the command resolves with what it checked');
    assert.ok(summary.plans >= 4, `three seeds and the closed plan, got ${summary.plans}`);
    assert.ok(summary.files > summary.plans, 'the meeting notes were looked at too');
    assert.equal(summary.cancelled, false);
    const notes = vscode.languages.getDiagnostics(workspaceUri('notes', 'meeting-notes.md')).filter((d) => d.source === SOURCE);
    assert.deepEqual(notes, []);
  });
});
