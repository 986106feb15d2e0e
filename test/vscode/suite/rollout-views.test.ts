// The rollout views in a real VS Code (code-server): CodeLens on stage headings, the Release Plans
// view's groups, and the timeline webview drawing the plan's bars and reporting them back by message
// passing. The day is pinned with `releasePlan.today` (workspace setting, removed afterwards).
import { strict as assert } from 'node:assert';
import * as vscode from 'vscode';
import { activateExtension, closeAllEditors, openInEditor, within, workspaceUri } from './helpers';

interface RenderedBar {
  label: string;
  state: string;
  text: string;
  line: number;
}
interface ViewsApi {
  ready: Promise<void>;
  timeline: { show(uri: vscode.Uri): Promise<RenderedBar[]>; nextRender(): Promise<RenderedBar[]> };
  plans: { refresh(): Promise<Array<{ state: string; label: string; plans: string[] }>> };
}

const TODAY = '2026-02-05';

/**
 * The server reads `releasePlan.today` asynchronously after the settings change, and no event says
 * when it has: ask again (bounded) until the answer reflects the pinned day.
 */
async function until<T>(ask: () => Thenable<T>, done: (value: T) => boolean, what: string, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await within(ask(), timeoutMs, what);
    if (done(value)) return value;
    if (Date.now() > deadline) throw new Error(`${what}: still ${JSON.stringify(value)}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

describe('rollout views (CodeLens, Release Plans view, timeline webview)', function () {
  this.timeout(60_000);
  let api: ViewsApi;
  const config = () => vscode.workspace.getConfiguration('releasePlan');

  before(async () => {
    api = (await activateExtension()) as unknown as ViewsApi;
    await config().update('today', TODAY, vscode.ConfigurationTarget.Workspace);
  });
  after(async () => {
    await config().update('today', undefined, vscode.ConfigurationTarget.Workspace);
    await closeAllEditors();
  });

  it('CodeLens appear on the title and on each stage heading, for the pinned day', async () => {
    const uri = workspaceUri('seeds', '004-cst-document-status-release-plan.md');
    const doc = (await openInEditor(uri)).document;
    const lenses = await until(
      () => vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', uri),
      (ls) => (ls ?? []).some((l) => l.command?.title === 'starts in 6 days (Wed 2/11)'),
      'CodeLens',
    );
    const byLine = lenses.map((l) => [doc.lineAt(l.range.start.line).text.replace(/^#+\s*/, ''), l.command?.title]);
    assert.deepEqual(byLine.slice(0, 2), [
      ['Document Status Release Plan', 'not started · next: Stage A 25% on Wed 2/11'],
      ['Stage A: 25% of users', 'starts in 6 days (Wed 2/11)'],
    ]);
    for (const l of lenses.slice(1)) assert.match(doc.lineAt(l.range.start.line).text, /^#+\s*Stage [A-Z]/);
    assert.equal(lenses[1].command?.command, 'releasePlan.reveal');
  });

  it('the Release Plans view groups the sample plans by state today', async () => {
    const groups = await until(() => api.plans.refresh(), (gs) => gs.some((g) => g.state === 'starting-soon'), 'Release Plans view');
    const seeds = groups.map((g) => [g.state, g.plans.filter((p) => p.startsWith('seeds/')).sort()]).filter(([, ps]) => ps.length > 0);
    assert.deepEqual(seeds, [
      ['starting-soon', ['seeds/004-cst-document-status-release-plan.md']],
      ['finished', ['seeds/000-dispute-debt-release-plan.md']],
      ['no-dates', ['seeds/003-avs-release-plan.md']],
    ]);
    assert.ok(!groups.some((g) => g.plans.some((p) => p.startsWith('notes/'))), 'notes are not plans');
  });

  it('the timeline webview opens beside the plan and reports the bars it drew, state in words', async () => {
    const uri = workspaceUri('seeds', '000-dispute-debt-release-plan.md');
    await openInEditor(uri);
    const bars = await within(api.timeline.show(uri), 20_000, 'timeline webview');
    assert.deepEqual(bars.map((b) => [b.label, b.state]), [
      ['Stage A', 'done'],
      ['Stage B', 'done'],
      ['Stage C', 'done'],
      ['Stage D', 'done'],
      ['Stage E', 'done'],
    ]);
    assert.match(bars[0].text, /^1% · Jul 16 – Jul 21 · done$/);
    const doc = await vscode.workspace.openTextDocument(uri);
    assert.match(doc.lineAt(bars[2].line).text, /Stage C/);
  });

  it('the timeline redraws as the user types (a stage moved into today becomes current)', async () => {
    const uri = workspaceUri('seeds', '000-dispute-debt-release-plan.md');
    const editor = await openInEditor(uri);
    await within(api.timeline.show(uri), 20_000, 'timeline webview');
    const at = editor.document.getText().indexOf('Length of time: Three Days 7/21/25 - 7/23/25');
    assert.ok(at >= 0, 'seed 000 still has Stage B\'s dates');
    const range = new vscode.Range(editor.document.positionAt(at), editor.document.positionAt(at + 'Length of time: Three Days 7/21/25 - 7/23/25'.length));
    const redrawn = api.timeline.nextRender();
    try {
      await editor.edit((e) => e.replace(range, 'Length of time: Three Days 2/4/26 - 2/6/26'));
      const bars = await within(redrawn, 20_000, 'timeline redraw');
      assert.deepEqual(bars.find((b) => b.label === 'Stage B')?.state, 'current');
    } finally {
      await vscode.commands.executeCommand('workbench.action.files.revert');
    }
  });
});
