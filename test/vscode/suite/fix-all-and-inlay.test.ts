// Fix All as `editor.codeActionsOnSave` runs it (source.fixAll.releasePlan), and the range-length
// inlay hints behind their setting.
import { strict as assert } from 'node:assert';
import * as vscode from 'vscode';
import { activateExtension, checkId, openInEditor, openUntitled, revertAndCloseAll, waitForDiagnostics, workspaceUri } from './helpers';

const MISLINKED = [
  '# Widget release plan',
  '',
  '| Toggle name | Description |',
  '| --- | --- |',
  '| [avs_enabled](https://api.va.gov/flipper/features/avs_enable) | Enables the AVS app |',
  '',
  '## Phase II: Staged Rollout',
  '',
  '### Stage A: 10% of users',
  '',
  '- Percentage of Users: 10%',
  '- Number of unique users: [FILL_IN]',
  '',
].join('\n');

function setInlayHints(value: boolean | undefined): Thenable<void> {
  return vscode.workspace.getConfiguration('releasePlan').update('inlayHints.dateRangeLength', value, vscode.ConfigurationTarget.Workspace);
}

describe('fix all and inlay hints', () => {
  before(async () => {
    await activateExtension();
  });
  afterEach(revertAndCloseAll);
  after(() => setInlayHints(undefined));

  it('source.fixAll.releasePlan fixes the mislinked toggle and leaves the author\'s answers alone', async () => {
    const doc = await openUntitled(MISLINKED);
    await waitForDiagnostics(doc.uri, (ds) => ds.some((d) => checkId(d) === 'toggle-link-mismatch'), { what: 'toggle-link-mismatch' });
    const whole = new vscode.Range(0, 0, doc.lineCount, 0);
    let actions: vscode.CodeAction[] = [];
    for (let i = 0; i < 20 && !actions.length; i++) {
      actions = (await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', doc.uri, whole, vscode.CodeActionKind.SourceFixAll.append('releasePlan').value)) ?? [];
      if (!actions.length) await new Promise((r) => setTimeout(r, 200));
    }
    assert.equal(actions.length, 1, actions.map((a) => a.title).join(' / '));
    await waitForDiagnostics(doc.uri, (ds) => !ds.some((d) => checkId(d) === 'toggle-link-mismatch'), {
      trigger: () => vscode.workspace.applyEdit(actions[0].edit!),
      what: 'the link mismatch to go',
    });
    assert.equal(doc.getText(), MISLINKED.replace('/features/avs_enable)', '/features/avs_enabled)'));
  });

  it('shows "6 days" after a range when releasePlan.inlayHints.dateRangeLength is on, nothing when off', async () => {
    const uri = workspaceUri('seeds', '000-dispute-debt-release-plan.md');
    const editor = await openInEditor(uri);
    const doc = editor.document;
    const line = doc.getText().split('\n').findIndex((l) => l.includes('Six Days 7/16/25 - 7/21/25'));
    const range = new vscode.Range(0, 0, doc.lineCount, 0);
    const hintsNow = async () => (await vscode.commands.executeCommand<vscode.InlayHint[]>('vscode.executeInlayHintProvider', uri, range)) ?? [];
    assert.deepEqual(await hintsNow(), [], 'off by default');
    await setInlayHints(true);
    let hints: vscode.InlayHint[] = [];
    for (let i = 0; i < 50 && !hints.length; i++) {
      hints = await hintsNow();
      if (!hints.length) await new Promise((r) => setTimeout(r, 100));
    }
    const label = (h: vscode.InlayHint) => (typeof h.label === 'string' ? h.label : h.label.map((p) => p.value).join(''));
    assert.ok(hints.some((h) => h.position.line === line && label(h) === '6 days'), hints.map((h) => `${h.position.line}:${label(h)}`).join(', '));
  });
});
