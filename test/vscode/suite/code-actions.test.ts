// Code actions as a user applies them from the light bulb: "Insert next stage" on a plan whose last
// stage is below 100%, and a [PICK_ONE] quick fix on a seed — each checked in the document text, and
// the quick fix also in the diagnostics it clears.
import { strict as assert } from 'node:assert';
import * as vscode from 'vscode';
import { activateExtension, checkId, codeActionsAt, openInEditor, openUntitled, positionOf, releasePlanDiagnostics, revertAndCloseAll, waitForDiagnostics, workspaceUri } from './helpers';

const SMALL_PLAN = [
  '# Widget release plan',
  '',
  '## Phase II: Staged Rollout',
  '',
  '### Stage A: 10% of users',
  '',
  '- Length of time: 1 week',
  '- Percentage of Users: 10%',
  '- Number of unique users: [FILL_IN]',
  '',
].join('\n');

describe('code actions', () => {
  before(async () => {
    await activateExtension();
  });
  afterEach(revertAndCloseAll);

  it('"Insert next stage" appends Stage B after the last stage, and its new placeholders are flagged', async () => {
    const doc = await openUntitled(SMALL_PLAN);
    // an untitled plan is recognised by its content (stage heading + template vocabulary)
    const before = await waitForDiagnostics(doc.uri, (ds) => ds.some((d) => checkId(d) === 'placeholder'), { what: 'the placeholder' });

    const actions = await codeActionsAt(doc.uri, positionOf(doc, '### Stage A', 4), (a) => a.title.startsWith('Insert next stage'));
    const next = actions.find((a) => a.title.startsWith('Insert next stage'));
    assert.ok(next, `offered: ${actions.map((a) => a.title).join(' / ')}`);
    assert.equal(next.kind?.value, 'refactor.releasePlan.insertStage');
    assert.match(next.title, /Stage B \(25% of users\)/);
    assert.ok(next.edit, 'the action carries its edit');

    const placeholders = before.filter((d) => checkId(d) === 'placeholder').length;
    await waitForDiagnostics(doc.uri, (ds) => ds.filter((d) => checkId(d) === 'placeholder').length > placeholders, {
      trigger: () => vscode.workspace.applyEdit(next.edit!),
      what: "the new stage's placeholders",
    });
    const text = doc.getText();
    assert.ok(text.startsWith(SMALL_PLAN.trimEnd()), 'the existing plan is unchanged');
    const added = text.slice(SMALL_PLAN.trimEnd().length);
    assert.match(added, /^\s*### Stage B: 25% of users\n/);
    assert.match(added, /- Percentage of Users: 25%/);
  });

  it("a [PICK_ONE] quick fix answers the question and clears that line's pick-one diagnostic", async () => {
    const uri = workspaceUri('seeds', '003-avs-release-plan.md');
    const editor = await openInEditor(uri);
    const doc = editor.document;
    const pick = positionOf(doc, '[PICK_ONE]', 2);
    const onLine = (ds: readonly vscode.Diagnostic[]) => ds.filter((d) => checkId(d) === 'pick-one' && d.range.start.line === pick.line);
    await waitForDiagnostics(uri, (ds) => onLine(ds).length === 1, { what: 'the pick-one diagnostic' });

    const actions = await codeActionsAt(uri, pick, (a) => a.kind?.value === 'quickfix');
    const answers = actions.filter((a) => a.kind?.value === 'quickfix' && a.title.startsWith('Answer'));
    assert.deepEqual(answers.map((a) => a.title), ["Answer 'yes'", "Answer 'no'", "Answer 'N/A'"]);
    const no = answers[1];
    assert.ok(no.edit);
    // (no.diagnostics is not checked: vscode.executeCodeActionProvider does not carry it across)

    const lineBefore = doc.lineAt(pick.line).text;
    await waitForDiagnostics(uri, (ds) => onLine(ds).length === 0, {
      trigger: () => vscode.workspace.applyEdit(no.edit!),
      what: 'the pick-one diagnostic to clear',
    });
    assert.equal(lineBefore, '- Was any downstream service affected by the change?: [PICK_ONE]: yes | no |  N/A');
    assert.equal(doc.lineAt(pick.line).text, '- Was any downstream service affected by the change?: no');
    // the plan's other two [PICK_ONE]s are still flagged
    assert.equal(releasePlanDiagnostics(uri).filter((d) => checkId(d) === 'pick-one').length, 2);
  });
});
