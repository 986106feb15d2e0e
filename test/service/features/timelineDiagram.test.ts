import { strict as assert } from 'node:assert';
import { allChecks, runChecks } from '../../../server/src/service/checks/index';
import { provideCodeActions } from '../../../server/src/service/features/codeActions/index';
import { findTimelineBlock, planTimelinePicture, timelineBlock, timelineEdit } from '../../../server/src/service/features/timelineDiagram';
import { parsePlan } from '../../../server/src/service/parse/index';
import type { Range, ReleasePlan } from '../../../server/src/service/parse/model';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { corpusFiles, read, SEED_DISPUTE_DEBT } from '../../helpers/fixtures';
import { datedRolloutText, day, NO_DATES, ROLLOUT_NO_YEARS } from '../../helpers/rollout';
import { checkContext, fixedClock } from '../../../server/src/service/index';

const TODAY = day('2025-03-12');

function apply(text: string, edit: { range: Range; newText: string }): string {
  return TextDocument.applyEdits(TextDocument.create('file:///p.md', 'markdown', 1, text), [edit]);
}

function findingsOf(plan: ReleasePlan): string[] {
  return runChecks(plan, checkContext(plan, fixedClock(TODAY)), undefined, { checks: allChecks }).map((f) => `${f.checkId} ${f.message}`);
}

describe('timeline picture (Gantt data + mermaid block)', () => {
  it('gives bars with state for today, the desired window, and a mermaid gantt with inclusive lengths', () => {
    const { data, mermaid } = planTimelinePicture(parsePlan(datedRolloutText()), TODAY);
    assert.deepEqual(
      data.bars.map((b) => [b.label, b.percentage, `${b.start.month}/${b.start.day}-${b.end.month}/${b.end.day}`, b.state]),
      [
        ['Stage A', 5, '3/3-3/7', 'late'],
        ['Stage B', 25, '3/10-3/14', 'current'],
        ['Stage C', 50, '3/18-3/21', 'planned'],
        ['Stage D', 100, '3/24-3/28', 'planned'],
      ],
    );
    assert.deepEqual(data.desired.map((d) => [d.start, d.end]), [[day('2025-03-03'), day('2025-03-28')]]);
    assert.deepEqual(data.span, { start: day('2025-03-03'), end: day('2025-03-28') });
    assert.equal(
      mermaid,
      [
        '<!-- release-plan:timeline:start (generated from the stage dates by Release Plan Tools; run "Release Plan: Insert Timeline Diagram" to refresh) -->',
        '```mermaid',
        'gantt',
        '    title Widget Release Plan',
        '    dateFormat YYYY-MM-DD',
        '    axisFormat %b %d',
        '    section Desired dates',
        '    Desired date range :2025-03-03, 26d',
        '    section Rollout',
        '    Stage A (5%) :2025-03-03, 5d',
        '    Stage B (25%) :2025-03-10, 5d',
        '    Stage C (50%) :2025-03-18, 4d',
        '    Stage D (100%) :2025-03-24, 5d',
        '```',
        '<!-- release-plan:timeline:end -->',
      ].join('\n'),
    );
  });

  it('the block does not depend on the day (only the data\'s states do)', () => {
    const plan = parsePlan(datedRolloutText());
    assert.equal(planTimelinePicture(plan, day('2020-01-01')).mermaid, planTimelinePicture(plan, day('2030-01-01')).mermaid);
  });

  it('keeps mermaid syntax out of names and has no block without dated stages', () => {
    const text = datedRolloutText().replace('# Widget Release Plan', '# Widget: phase #2; the `big` one');
    assert.match(timelineBlock(parsePlan(text)) ?? '', /\n {4}title Widget phase 2 the big one\n/);
    assert.equal(timelineBlock(parsePlan(read(NO_DATES))), undefined);
    assert.equal(timelineBlock(parsePlan(read(ROLLOUT_NO_YEARS))), undefined);
    assert.equal(timelineEdit(parsePlan(read(NO_DATES))), undefined);
  });

  it('inserts after the title; inserting then re-checking changes no finding and gives no timeline-out-of-date', () => {
    for (const [name, text] of [['rollout', datedRolloutText()], ['seed 000', read(SEED_DISPUTE_DEBT)], ['CRLF', datedRolloutText().replace(/\n/g, '\r\n')]] as const) {
      const plan = parsePlan(text);
      const edit = timelineEdit(plan);
      assert.ok(edit && edit.mode === 'insert', name);
      const after = parsePlan(apply(text, edit));
      assert.equal(after.title?.text, plan.title?.text, name);
      assert.ok(findTimelineBlock(after), name);
      assert.equal(timelineEdit(after), undefined, `${name}: the inserted block is current`);
      // same findings, only moved down by the block's lines
      const strip = (l: string[]) => l.filter((x) => !x.startsWith('timeline-out-of-date')).sort();
      assert.deepEqual(strip(findingsOf(after)), strip(findingsOf(plan)), name);
      assert.ok(!findingsOf(after).some((f) => f.startsWith('timeline-out-of-date')), name);
    }
  });

  it('reports a stale block when a date changes, and the quick fix refreshes it', () => {
    const text = datedRolloutText();
    const inserted = apply(text, timelineEdit(parsePlan(text))!);
    const moved = parsePlan(inserted.replace('- Length of time: 3/10 - 3/14', '- Length of time: 3/10 - 3/17'));
    const finding = runChecks(moved, checkContext(moved, fixedClock(TODAY))).find((f) => f.checkId === 'timeline-out-of-date');
    assert.ok(finding);
    assert.equal(finding.severity, 'information');
    assert.equal(finding.range.start.line, findTimelineBlock(moved)!.range.start.line);
    const actions = provideCodeActions(moved, { range: finding.range, only: ['quickfix'], findings: [finding], allFindings: [finding] });
    const refresh = actions.find((a) => a.title === 'Refresh timeline diagram');
    assert.ok(refresh?.isPreferred);
    const fixed = parsePlan(apply(moved.text, refresh.edits[0]));
    assert.ok(!findingsOf(fixed).some((f) => f.startsWith('timeline-out-of-date')));
    assert.match(fixed.text, /Stage B \(25%\) :2025-03-10, 8d/);
  });

  it('offers to remove a block whose plan lost its dates', () => {
    const text = datedRolloutText();
    const inserted = apply(text, timelineEdit(parsePlan(text))!);
    const undated = parsePlan(inserted.replace('3/3/2025 - 3/28/2025', 'TBD').replace(/- Length of time: [^\n]+/g, '- Length of time: 1 week'));
    const finding = runChecks(undated, checkContext(undated, fixedClock(TODAY))).find((f) => f.checkId === 'timeline-out-of-date');
    assert.ok(finding);
    const actions = provideCodeActions(undated, { range: finding.range, only: ['quickfix'], findings: [finding], allFindings: [finding] });
    assert.ok(actions.some((a) => a.title === 'Remove timeline diagram'));
  });

  it('offers "Insert timeline diagram" on the title line only', () => {
    const plan = parsePlan(datedRolloutText());
    const at = (line: number) => provideCodeActions(plan, { range: { start: { line, character: 2 }, end: { line, character: 2 } }, only: ['refactor'], findings: [], allFindings: [] }).map((a) => a.title);
    assert.ok(at(0).includes('Insert timeline diagram (mermaid)'));
    assert.ok(!at(14).includes('Insert timeline diagram (mermaid)'));
  });

  it('on every corpus plan: inserting gives a current block and no new finding', () => {
    let withBlock = 0;
    for (const file of corpusFiles()) {
      const text = read(file);
      const plan = parsePlan(text);
      const edit = timelineEdit(plan);
      if (!edit) continue;
      withBlock++;
      const after = parsePlan(apply(text, edit));
      assert.equal(timelineEdit(after), undefined, file);
      const count = (p: ReleasePlan) => findingsOf(p).length;
      assert.equal(count(after), count(plan), file);
    }
    // 25 of the 116 when this was written: the rest have no stage dates with a year
    assert.ok(withBlock >= 20, `only ${withBlock} corpus plans have dated stages`);
  });
});
