import { strict as assert } from 'node:assert';
import { basename, join } from 'node:path';
import type { ReportedFinding } from '../../../../server/src/service/checks/index';
import { disableActions } from '../../../../server/src/service/features/codeActions/disableComments';
import type { ReleasePlan } from '../../../../server/src/service/parse/model';
import { CORPUS, corpusFiles, read, SEED_AVS, SEED_CST, SEED_DISPUTE_DEBT } from '../../../helpers/fixtures';
import { apply, assertLineEndings, check, compareFindings, reparse, singleChange, toCrlf } from '../../../helpers/codeActions';

/** What the plan is made of: a disable comment must not change any of it. */
function shape(plan: ReleasePlan) {
  return {
    stages: plan.stages.map((s) => `${s.label}:${s.source}:${s.percentage?.value}:${s.fields.length}`),
    fields: plan.fields.map((f) => `${f.label}=${f.value}|${f.children.length}|${f.part}`),
    toggles: plan.toggles.map((t) => `${t.name}:${t.source}:${t.description?.text ?? ''}`),
    sections: plan.sections.map((s) => s.kind),
    headings: plan.headings.map((h) => `${h.depth}:${h.text}`),
    placeholders: plan.placeholders.length,
  };
}

function disable(text: string, finding: ReportedFinding, which: 'line' | 'file'): string {
  const before = reparse(text);
  const [line, file] = disableActions(before, finding);
  const action = which === 'line' ? line : file;
  assert.equal(action.title, `Disable ${finding.checkId} for this ${which}`);
  assert.deepEqual(action.diagnostics, [finding]);
  const change = singleChange(text, action);
  assert.equal(change.removed, '', 'a disable comment only inserts');
  assertLineEndings(change.inserted, before.eol);
  const afterText = apply(text, action);
  const after = reparse(afterText);
  // a line directive silences the check on the whole line (`[FILL_IN]/[FILL_IN]` is two findings)
  const gone = (f: ReportedFinding) => f.checkId === finding.checkId && (which === 'file' || f.range.start.line === finding.range.start.line);
  compareFindings(text, check(before), change, check(after), { gone });
  if (which === 'file') assert.deepEqual(check(after).filter((f) => f.checkId === finding.checkId), []);
  assert.deepEqual(shape(after), shape(before), 'the comment changed how the plan reads');
  return afterText;
}

describe('code actions: disable comments', () => {
  for (const eol of ['LF', 'CRLF'] as const) {
    it(`silences each finding of the seeds for its line, and each check for the file, changing nothing else (${eol})`, () => {
      let n = 0;
      for (const seed of [SEED_DISPUTE_DEBT, SEED_AVS, SEED_CST]) {
        const text = eol === 'CRLF' ? toCrlf(read(seed)) : read(seed);
        const findings = check(reparse(text));
        for (const f of findings) {
          disable(text, f, 'line');
          n++;
        }
        for (const id of new Set(findings.map((f) => f.checkId))) disable(text, findings.find((f) => f.checkId === id)!, 'file');
      }
      assert.ok(n > 40, `${n}`);
    });
  }

  it('on the corpus: every kind of line (list items at each depth, headings, table rows, paragraphs) keeps its structure', function () {
    this.timeout(120000);
    let n = 0;
    for (const file of corpusFiles()) {
      const text = read(file);
      const findings = check(reparse(text));
      // one finding per check and line shape is enough to cover the ways a comment can go in
      const seen = new Set<string>();
      for (const f of findings) {
        const line = text.split(/\r?\n/)[f.range.start.line];
        const shapeOfLine = `${f.checkId}|${/^\s*/.exec(line)![0].length}|${line.trim()[0]}`;
        if (seen.has(shapeOfLine)) continue;
        seen.add(shapeOfLine);
        try {
          disable(text, f, 'line');
        } catch (err) {
          throw new Error(`${basename(file)} line ${f.range.start.line + 1} (${f.checkId}): ${(err as Error).message}`);
        }
        n++;
      }
    }
    assert.ok(n > 300, `${n}`);
  });

  it('puts the comment inside the list item above, so a list of stages stays one list', () => {
    const text = read(join(CORPUS, 'idx-31207732592__arp-self-service-auth-idme.md'));
    const finding = check(reparse(text)).find((f) => f.checkId === 'placeholder' && text.split('\n')[f.range.start.line].startsWith('2. Stage B'))!;
    const after = disable(text, finding, 'line');
    assert.ok(after.includes('1. Stage A: 5% of users on TBD + implement Datadog monitoring in Production (Ticket TBD)\n   <!-- release-plan-disable-next-line placeholder -->\n2. Stage B: 50% of users on TBD\n'));
    assert.equal(reparse(after).stages.length, 3);
  });

  it('uses the inline form in a table row and in the middle of a paragraph', () => {
    const table = '# Plan\n\n| Toggle name | Description |\n| --- | --- |\n| [FILL_IN] | [FILL_IN] |\n';
    const [first] = check(reparse(table));
    assert.ok(disable(table, first, 'line').includes('| [FILL_IN] | [FILL_IN] <!-- release-plan-disable-line placeholder --> |\n'));
    const paragraph = '# Plan\n\nThe rollback is simple:\nwe turn the toggle off, TBD who.\n';
    const [tbd] = check(reparse(paragraph));
    assert.ok(disable(paragraph, tbd, 'line').includes('we turn the toggle off, TBD who. <!-- release-plan-disable-line placeholder -->\n'));
  });

  it('extends a directive that is already there instead of stacking another', () => {
    const text = '# Plan\n\n- Number of users: [FILL_IN]\n<!-- release-plan-disable-file empty-field -->\n';
    const [f] = check(reparse(text));
    const lineAction = disableActions(reparse(text), f)[0];
    const once = apply(text, lineAction);
    assert.ok(once.includes('<!-- release-plan-disable-next-line placeholder -->\n- Number of users'));
    const fileAction = disableActions(reparse(text), f)[1];
    assert.equal(singleChange(text, fileAction).inserted, ' placeholder');
    assert.ok(apply(text, fileAction).includes('<!-- release-plan-disable-file empty-field placeholder -->'));

    const two = '# Plan\n\n<!-- release-plan-disable-next-line empty-field -->\n- Number of users: [FILL_IN] [PICK_ONE]\n';
    const pick = check(reparse(two)).find((x) => x.checkId === 'pick-one')!;
    assert.ok(disable(two, pick, 'line').includes('<!-- release-plan-disable-next-line empty-field pick-one -->\n'));
  });

  it('keeps YAML front matter first', () => {
    const text = '---\ntitle: Plan\n---\n# Plan\n\n- Number of users: [FILL_IN]\n';
    const [f] = check(reparse(text));
    assert.ok(disable(text, f, 'file').startsWith('---\ntitle: Plan\n---\n<!-- release-plan-disable-file placeholder -->\n# Plan'));
  });
});
