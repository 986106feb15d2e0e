// Markdown that is not a release plan gets no release-plan diagnostics, even when it contains the
// template's markers. "Nothing" is only meaningful once the server has answered for the document:
// the test waits for the client to report that answer (an empty diagnostics set is still a change
// event) instead of sleeping.
import { strict as assert } from 'node:assert';
import * as vscode from 'vscode';
import { activateExtension, closeAllEditors, findAll, openInEditor, releasePlanDiagnostics, waitForDiagnostics, workspaceUri } from './helpers';

describe('markdown that is not a release plan', () => {
  before(async () => {
    await activateExtension();
  });
  afterEach(closeAllEditors);

  it('notes/meeting-notes.md gets no release-plan diagnostics', async () => {
    const uri = workspaceUri('notes', 'meeting-notes.md');
    const doc = await vscode.workspace.openTextDocument(uri);
    // The file would be flagged if it were treated as a plan: that is what makes "nothing" a real check.
    assert.ok(findAll(doc, '[FILL_IN]').length > 0 && findAll(doc, '[PICK_ONE]').length > 0);

    await waitForDiagnostics(uri, (_ds, changed) => changed, {
      trigger: () => openInEditor(uri),
      what: 'the (empty) diagnostics answer for a non-plan file',
    });
    assert.deepEqual(
      releasePlanDiagnostics(uri).map((d) => `${d.range.start.line + 1}: ${d.message}`),
      [],
    );
  });
});
