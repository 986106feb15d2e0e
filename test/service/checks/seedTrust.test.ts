// Issue 15, on the seeds it came from: no check-in dated from a stage that is not the launch, no
// "Stage Stage E", results that cannot exist yet are hints, a section marked N/A is quiet, and one stale
// desired range is linked from every finding it causes and fixed by one edit.
import { strict as assert } from 'node:assert';
import { runChecks } from '../../../server/src/service/checks/index';
import { planTimeline, plannedStages } from '../../../server/src/service/dates/timeline';
import { quickFixesFor } from '../../../server/src/service/features/codeActions/quickFixes';
import { planExpectation } from '../../../server/src/service/features/toggleHover';
import { checkContext } from '../../../server/src/service/index';
import { parsePlan } from '../../../server/src/service/parse/index';
import { read, SEED_CST, SEED_DISPUTE_DEBT } from '../../helpers/fixtures';
import { applyEdits } from '../../helpers/codeActions';
import { day, planOf } from '../../helpers/dates';

const checkAt = (text: string, iso: string) => {
  const plan = parsePlan(text);
  return runChecks(plan, checkContext(plan, () => day(iso)));
};

describe('seed trust (issue 15)', () => {
  describe('1. check-ins are dated from the launch only', () => {
    it('004: the 100% stage (Stage C) has no date, so the check-ins have none and nothing in them is late', () => {
      const plan = parsePlan(read(SEED_CST));
      assert.deepEqual(planTimeline(plan).checkIns, []);
      const findings = checkAt(read(SEED_CST), '2026-12-06');
      const checkIns = findings.filter((f) => f.range.start.line >= 101 && f.range.start.line <= 123);
      assert.equal(checkIns.length, 16);
      assert.deepEqual([...new Set(checkIns.map((f) => f.severity))], ['information']);
      assert.ok(checkIns.every((f) => !/check-in ended/.test(f.message)), 'no invented end date');
      assert.equal(findings.filter((f) => f.severity === 'warning').length, 0);
    });

    it('a dated 100% stage dates them; so does a go-live date when no 100% stage has dates', () => {
      const dated = planOf('### Stage A: 10% of users', '- Length of time: 2/2/26 - 2/6/26', '### Stage B: 100% of users', '- Length of time: 2/9/26', '### 1-week results', '- Number of users: [FILL_IN]');
      assert.deepEqual(planTimeline(dated).checkIns.map((c) => c.end), [day('2026-02-16')]);
      const goLive = planOf('- Go-live date: 3/2/26', '### Stage A: 10% of users', '- Length of time: 2/2/26 - 2/6/26', '### Stage B: 100% of users', '### 1-week results', '- Number of users: [FILL_IN]');
      assert.deepEqual(planTimeline(goLive).checkIns.map((c) => c.end), [day('2026-03-09')]);
    });
  });

  it('2. the toggle hover names Stage E once (seed 000)', () => {
    const stages = plannedStages(parsePlan(read(SEED_DISPUTE_DEBT)));
    assert.deepEqual(stages.map((s) => s.label), ['A', 'B', 'C', 'D', 'E']);
    assert.equal(planExpectation(stages, day('2025-09-01')), 'plan: rollout complete (Stage E ended 7/30/2025)');
  });

  describe('3. one stale desired range (seed 000)', () => {
    it('every date-outside-range finding points at the desired range; one fix extends it to 7/30/25 and all five go', () => {
      const text = read(SEED_DISPUTE_DEBT);
      const plan = parsePlan(text);
      const outside = checkAt(text, '2025-09-01').filter((f) => f.checkId === 'date-outside-range');
      assert.equal(outside.length, 5);
      for (const f of outside) assert.deepEqual(f.related, [{ range: { start: { line: 67, character: 23 }, end: { line: 67, character: 40 } }, message: 'The desired date range (6/30/25 - 7/16/25)' }]);
      const titles = outside.map((f) => quickFixesFor(plan, f).map((a) => a.title));
      assert.deepEqual(titles, Array.from({ length: 5 }, () => ['Extend the desired date range to 7/30/25']));
      const [fix] = quickFixesFor(plan, outside[2]);
      assert.equal(fix.edits.length, 1);
      assert.equal(fix.diagnostics?.length, 5);
      const after = applyEdits(text, fix.edits);
      assert.ok(after.includes('- Desired date range:  6/30/25 - 7/30/25\n'));
      assert.deepEqual(checkAt(after, '2025-09-01').filter((f) => f.checkId === 'date-outside-range'), []);
    });

    it('a stage before the range extends its start, in the way the date was written', () => {
      const text = ['- Desired date range: 07/10/2025 - 07/20/2025', '### Stage A: 10% of users', '- Length of time: 07/07/2025 - 07/11/2025', '### Stage B: 100% of users', '- Length of time: 07/21/2025'].join('\n');
      const plan = parsePlan(text);
      const outside = checkAt(text, '2025-09-01').filter((f) => f.checkId === 'date-outside-range');
      assert.equal(outside.length, 2);
      const [fix] = quickFixesFor(plan, outside[0]);
      assert.equal(fix.title, 'Extend the desired date range to 07/07/2025 - 07/21/2025');
      assert.deepEqual(checkAt(applyEdits(text, fix.edits), '2025-09-01').filter((f) => f.checkId === 'date-outside-range'), []);
    });
  });

  describe('4. a section marked N/A (seed 000 Phase I)', () => {
    it('fades its placeholders to hints, reports the heading once, and the fix marks the fields N/A', () => {
      const text = read(SEED_DISPUTE_DEBT);
      const plan = parsePlan(text);
      const findings = checkAt(text, '2025-09-01');
      const phaseOne = findings.filter((f) => f.range.start.line >= 41 && f.range.start.line <= 62);
      const heading = phaseOne[0];
      assert.deepEqual([heading.checkId, heading.severity, heading.range.start.line, heading.message], ['placeholder', 'information', 41, 'Phase I is marked N/A but still holds 9 template placeholders and 1 [PICK_ONE]']);
      const rest = phaseOne.slice(1);
      assert.equal(rest.length, 10);
      assert.ok(rest.every((f) => f.severity === 'hint' && f.tags?.includes('unnecessary')));
      assert.equal(rest[0].message, "'Number of users' is still [FILL_IN]; Phase I is marked N/A, so it needs no value");
      const fixes = quickFixesFor(plan, heading);
      assert.deepEqual(fixes.map((a) => a.title), ['Mark the remaining fields N/A']);
      const after = applyEdits(text, fixes[0].edits);
      const lines = after.split('\n').slice(52, 62);
      assert.deepEqual(lines, [
        '',
        '- Number of users: N/A',
        '- Number of bugs identified / fixed: N/A',
        '  - N/A',
        '  - N/A',
        '  - N/A',
        '- Was any downstream service affected by the change?: N/A',
        '- Types of errors logged: N/A',
        '- Any changes necessary based on the logs, feedback on user challenges, or VA challenges? N/A',
        '- If yes, what: N/A',
      ]);
      assert.deepEqual(checkAt(after, '2025-09-01').filter((f) => f.range.start.line >= 41 && f.range.start.line <= 62), []);
    });

    it('leaves a placeholder on the N/A heading line itself as it is: the heading is not under its section', () => {
      const text = ['### Phase I: UAT (N/A, see [FILL_IN])', '- Number of users: [FILL_IN]', '', '### Stage A: 10% of users', '- Percentage of Users: 10%'].join('\n');
      const findings = checkAt(text, '2025-09-01').filter((f) => f.checkId === 'placeholder');
      assert.deepEqual(findings.map((f) => [f.range.start.line, f.severity, f.tags ?? [], f.message]), [
        [0, 'information', [], 'Phase I is marked N/A but still holds 1 template placeholder'],
        [0, 'information', [], 'Unfilled placeholder [FILL_IN]; replace it with the real text'],
        [1, 'hint', ['unnecessary'], "'Number of users' is still [FILL_IN]; Phase I is marked N/A, so it needs no value"],
      ]);
    });

    it('reads N/A on the first line under a heading, and leaves option lists and unmarked sections alone', () => {
      const text = ['### Phase I: UAT', '', 'Not applicable: no production testing for this change.', '', '#### Results', '- Number of users: [FILL_IN]', '', '### Stage A: 10% of users (yes | no | N/A)', '- Percentage of Users: [FILL_IN]'].join('\n');
      const findings = checkAt(text, '2025-09-01').filter((f) => f.checkId === 'placeholder');
      assert.deepEqual(findings.map((f) => [f.range.start.line, f.severity, f.tags ?? []]), [[0, 'information', []], [5, 'hint', ['unnecessary']], [8, 'information', []]]);
    });
  });

  describe('5. results nobody can have yet', () => {
    const plan = ['### Stage A: 50% of users', '#### Planning', '- Length of time: 3/10/25 - 3/14/25', '- Percentage of Users: [FILL_IN]', '#### Results', '- Number of unique users: [FILL_IN]'].join('\n');
    it('before the stage ends: a hint that says when; after: the timeline warning; Planning keeps its severity', () => {
      const before = checkAt(plan, '2025-03-14');
      assert.deepEqual(before.map((f) => [f.range.start.line, f.severity, f.message]), [
        [3, 'information', "'Percentage of Users' still has the placeholder [FILL_IN]; replace it with the real value"],
        [5, 'hint', "'Number of unique users' is still [FILL_IN]: to fill in after Stage A ends, Fri 3/14"],
      ]);
      const after = checkAt(plan, '2025-03-15');
      assert.deepEqual(after.map((f) => [f.range.start.line, f.severity]), [[3, 'warning'], [5, 'warning']]);
    });

    it('004: Stage B has no dates, so its results are hints; Stage A is filled and says nothing', () => {
      const findings = checkAt(read(SEED_CST), '2026-12-06').filter((f) => f.range.start.line >= 72 && f.range.start.line <= 94);
      assert.equal(findings.length, 7);
      assert.ok(findings.every((f) => f.severity === 'hint' && f.message.endsWith('to fill in once Stage B has run')), JSON.stringify(findings.map((f) => f.message)));
    });
  });
});
