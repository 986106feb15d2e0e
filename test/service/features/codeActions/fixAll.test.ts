import { strict as assert } from 'node:assert';
import { provideCodeActions } from '../../../../server/src/service/features/codeActions/index';
import { fixAllAction } from '../../../../server/src/service/features/codeActions/fixAll';
import { read, SEED_AVS, SEED_DISPUTE_DEBT } from '../../../helpers/fixtures';
import { applyEdits, assertLineEndings, check, reparse, toCrlf } from '../../../helpers/codeActions';

/** The AVS seed with three safely fixable problems (and its [PICK_ONE]s, which are not). */
function broken(): string {
  return read(SEED_AVS)
    .replace('(https://api.va.gov/flipper/features/avs_enabled)', '(https://api.va.gov/flipper/features/avs_enable)')
    .replace('- Length of time: ~2 weeks', '- Length of time: 1 week (8/1/24 - 8/14/24)')
    .replace('## Post-launch Questions', '<!-- release-plan-disable-next-line placeholdr -->\n## Post-launch Questions');
}

describe('code actions: fix all', () => {
  for (const eol of ['LF', 'CRLF'] as const) {
    it(`applies every safe fix at once and leaves the choices to the author (${eol})`, () => {
      const text = eol === 'CRLF' ? toCrlf(broken()) : broken();
      const plan = reparse(text);
      const findings = check(plan);
      const ids = (fs: { checkId: string }[]) => fs.map((f) => f.checkId).filter((id) => !['placeholder', 'pick-one', 'empty-field'].includes(id));
      assert.deepEqual(ids(findings).sort(), ['disable-comment', 'duration-mismatch', 'stage-sequence', 'toggle-link-mismatch']);

      const action = fixAllAction(plan, findings)!;
      assert.equal(action.kind, 'source.fixAll.releasePlan');
      assert.equal(action.title, 'Fix all release-plan problems that have a safe fix (3)');
      assert.deepEqual(action.diagnostics!.map((f) => f.checkId).sort(), ['disable-comment', 'duration-mismatch', 'toggle-link-mismatch']);
      for (const e of action.edits) assertLineEndings(e.newText, plan.eol);

      const fixedText = applyEdits(text, action.edits);
      const fixed = check(reparse(fixedText));
      // stage-sequence (B then E) needs a decision, so it stays; so do the [PICK_ONE]s
      assert.deepEqual(ids(fixed), ['stage-sequence']);
      assert.equal(fixed.filter((f) => f.checkId === 'pick-one').length, findings.filter((f) => f.checkId === 'pick-one').length);
      assert.ok(fixedText.includes('[avs_enabled](https://api.va.gov/flipper/features/avs_enabled)'));
      assert.ok(fixedText.includes('- Length of time: 14 days (8/1/24 - 8/14/24)'));
      assert.ok(fixedText.includes('<!-- release-plan-disable-next-line placeholder -->'));
      // only those three places changed
      const changed = text.split(/\r?\n/).filter((l, i) => l !== fixedText.split(/\r?\n/)[i]);
      assert.equal(changed.length, 3);

      // a second run finds nothing more to fix
      assert.equal(fixAllAction(reparse(fixedText), fixed), undefined);
    });
  }

  it('is returned only when source actions are asked for', () => {
    const plan = reparse(broken());
    const findings = check(plan);
    const request = (only?: string[]) => provideCodeActions(plan, { range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, only, findings: [], allFindings: findings }).filter((a) => a.kind === 'source.fixAll.releasePlan');
    assert.equal(request().length, 0);
    assert.equal(request(['quickfix']).length, 0);
    assert.equal(request(['source.fixAll']).length, 1);
    assert.equal(request(['source']).length, 1);
    assert.equal(request(['source.fixAll.releasePlan']).length, 1);
  });

  it('offers nothing on a plan whose findings all need a decision', () => {
    const plan = reparse(read(SEED_DISPUTE_DEBT));
    assert.equal(fixAllAction(plan, check(plan)), undefined);
  });
});
