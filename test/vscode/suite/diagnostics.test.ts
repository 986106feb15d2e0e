// Opening a seed plan shows one release-plan diagnostic per unfilled template marker, as a user
// would see them in the Problems panel; the expectations are read from the plan text itself.
import { strict as assert } from 'node:assert';
import * as vscode from 'vscode';
import { activateExtension, checkId, closeAllEditors, findAll, Marker, openInEditor, releasePlanDiagnostics, seedPlans, waitForDiagnostics } from './helpers';

const MARKERS: ReadonlyArray<{ text: string; check: string }> = [
  { text: '[FILL_IN]', check: 'placeholder' },
  { text: '[PICK_ONE]', check: 'pick-one' },
];

/** The diagnostics of check `id` whose range covers `marker`. */
function covering(diagnostics: readonly vscode.Diagnostic[], id: string, marker: Marker): vscode.Diagnostic[] {
  return diagnostics.filter((d) => d.source === 'release-plan' && checkId(d) === id && d.range.contains(marker.range));
}

describe('diagnostics on the seed plans', () => {
  before(async () => {
    await activateExtension();
  });
  afterEach(closeAllEditors);

  it('finds the three seed plans in the sample workspace', async () => {
    const names = (await seedPlans()).map((u) => u.path.split('/').pop());
    assert.deepEqual(names, ['000-dispute-debt-release-plan.md', '003-avs-release-plan.md', '004-cst-document-status-release-plan.md']);
  });

  for (const seed of ['000-dispute-debt-release-plan.md', '003-avs-release-plan.md', '004-cst-document-status-release-plan.md']) {
    it(`${seed}: one placeholder / pick-one diagnostic on each [FILL_IN] / [PICK_ONE]`, async () => {
      const uri = (await seedPlans()).find((u) => u.path.endsWith(`/${seed}`));
      assert.ok(uri, `${seed} is in the workspace`);
      const doc = await vscode.workspace.openTextDocument(uri);
      const expected = MARKERS.flatMap((m) => findAll(doc, m.text).map((marker) => ({ marker, check: m.check })));
      assert.ok(expected.length > 0, `${seed} has template markers to check`);

      const diagnostics = await waitForDiagnostics(
        uri,
        (ds) => expected.every(({ marker, check }) => covering(ds, check, marker).length > 0),
        { trigger: () => openInEditor(uri), what: `${expected.length} placeholder/pick-one diagnostics` },
      );

      for (const { marker, check } of expected) {
        const at = `${check} at ${marker.range.start.line + 1}:${marker.range.start.character + 1}`;
        const hits = covering(diagnostics, check, marker);
        assert.equal(hits.length, 1, `exactly one ${at}`);
        const [d] = hits;
        // The range is the marker itself (the catalogue: "as narrow as the evidence"), on its line.
        assert.equal(d.range.start.line, d.range.end.line, `${at} stays on one line`);
        assert.ok(doc.getText(d.range).length <= marker.text.length + 16, `${at} is narrow, got "${doc.getText(d.range)}"`);
        // information; a warning once its stage or check-in is past; a hint for results not yet due or
        // under a section marked N/A (faded: the Unnecessary tag)
        assert.ok(
          [vscode.DiagnosticSeverity.Information, vscode.DiagnosticSeverity.Warning, vscode.DiagnosticSeverity.Hint].includes(d.severity),
          `${at} is information, warning or hint, got ${vscode.DiagnosticSeverity[d.severity]}`,
        );
        if (/is marked N\/A, so it needs/.test(d.message)) assert.deepEqual(d.tags, [vscode.DiagnosticTag.Unnecessary], `${at} is faded`);
        assert.ok(d.message.length > 0, `${at} has a message`);
        // the check id links to the docs/checks.md shipped with the extension, at the check's heading
        const target = typeof d.code === 'object' ? d.code.target : undefined;
        assert.ok(target && target.scheme === 'file' && target.path.endsWith('/docs/checks.md') && /^L\d+$/.test(target.fragment), `${at} links to the docs, got ${target?.toString()}`);
      }
      assert.ok(releasePlanDiagnostics(uri).length >= expected.length);
    });
  }

  it('003-avs-release-plan.md has several of each kind', async () => {
    const [uri] = (await seedPlans()).filter((u) => u.path.endsWith('/003-avs-release-plan.md'));
    const diagnostics = await waitForDiagnostics(uri, (ds) => ds.some((d) => checkId(d) === 'pick-one'), {
      trigger: () => openInEditor(uri),
      what: 'pick-one diagnostics',
    });
    const count = (id: string) => diagnostics.filter((d) => d.source === 'release-plan' && checkId(d) === id).length;
    assert.ok(count('placeholder') >= 12, `placeholder count ${count('placeholder')}`);
    assert.equal(count('pick-one'), 3);
  });
});
