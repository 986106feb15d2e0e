// Markdown that is not a release plan gets no release-plan diagnostics, even when it contains the
// template's markers. "Nothing" only means something once the server has answered for the document,
// so the test proves that it does: it turns the note into a plan with one edit (diagnostics appear),
// undoes the edit (they all go away again) — each step waiting on onDidChangeDiagnostics.
import { strict as assert } from 'node:assert';
import * as vscode from 'vscode';
import { activateExtension, closeAllEditors, findAll, openInEditor, releasePlanDiagnostics, waitForDiagnostics, workspaceUri } from './helpers';

// A stage heading plus the template's vocabulary is what makes markdown read as a plan.
const MAKES_IT_A_PLAN = '\n### Stage A: Canary\n\n- Percentage of Users: 10%\n';

describe('markdown that is not a release plan', () => {
  before(async () => {
    await activateExtension();
  });
  afterEach(async () => {
    await vscode.commands.executeCommand('workbench.action.files.revert');
    await closeAllEditors();
  });

  it('notes/meeting-notes.md gets no release-plan diagnostics, though it has [FILL_IN] and [PICK_ONE]', async () => {
    const uri = workspaceUri('notes', 'meeting-notes.md');
    const editor = await openInEditor(uri);
    const doc = editor.document;
    const original = doc.getText();
    // The file would be flagged if it were treated as a plan: that is what makes "nothing" a real check.
    assert.ok(findAll(doc, '[FILL_IN]').length > 0 && findAll(doc, '[PICK_ONE]').length > 0);

    const end = doc.positionAt(original.length);
    await waitForDiagnostics(uri, () => releasePlanDiagnostics(uri).length > 0, {
      trigger: () => editor.edit((b) => b.insert(end, MAKES_IT_A_PLAN)),
      what: 'diagnostics once a stage heading makes the note read as a plan',
    });
    await waitForDiagnostics(uri, () => releasePlanDiagnostics(uri).length === 0, {
      trigger: () => editor.edit((b) => b.delete(new vscode.Range(end, doc.positionAt(doc.getText().length)))),
      what: 'the diagnostics to go away with the stage heading',
    });
    assert.equal(doc.getText(), original);
    assert.deepEqual(releasePlanDiagnostics(uri), []);
  });
});
