// The three plans the product was designed from: every finding of the placeholder/field/rollout
// checks, asserted in full (line:start-end id), so a change in what fires — or a new false positive —
// shows up here by name.
import { strict as assert } from 'node:assert';
import { runChecks } from '../../../server/src/service/checks/index';
import type { CheckContext } from '../../../server/src/service/checks/types';
import { parsePlan } from '../../../server/src/service/parse/index';
import { contextWithoutDates, fixture } from '../../helpers/checks';

function findingsOf(file: string, context: CheckContext = contextWithoutDates()) {
  return runChecks(parsePlan(fixture('seeds', file)), context);
}

function summary(file: string): string[] {
  return findingsOf(file).map((f) => `${f.range.start.line + 1}:${f.range.start.character}-${f.range.end.character} ${f.checkId}`);
}

describe('checks on the seed plans', () => {
  it('000 Dispute Debt: the unfilled Phase I results and two unanswered downstream questions', () => {
    assert.deepEqual(summary('000-dispute-debt-release-plan.md'), [
      // `### Phase I: … N/A` still holding template text: one finding on the heading
      '42:4-93 placeholder',
      '54:19-28 placeholder',
      '55:37-46 placeholder',
      '55:47-56 placeholder',
      '56:4-13 placeholder',
      '57:4-13 placeholder',
      '58:4-13 placeholder',
      '59:62-71 placeholder',
      '60:26-35 placeholder',
      '61:90-100 pick-one',
      '62:16-25 placeholder',
      // the desired range is 6/30/25 - 7/16/25: Stage A ends past it, stages B–E lie wholly after it
      '79:37-44 date-outside-range',
      '95:29-46 date-outside-range',
      '111:27-44 date-outside-range',
      // Stage C and Stage E results: "Was any downstream service affected by the change?:" left blank
      '118:2-52 empty-field',
      '127:29-46 date-outside-range',
      '143:24-31 date-outside-range',
      '150:2-52 empty-field',
    ]);
  });

  it('000: the dashboard link on the line after its label is an answer, not an empty field', () => {
    assert.ok(!findingsOf('000-dispute-debt-release-plan.md').some((f) => f.range.start.line === 70));
  });

  it('003 After Visit Summary: Stage B is followed by Stage E, and three stages of unfilled results', () => {
    assert.deepEqual(summary('003-avs-release-plan.md'), [
      '55:26-35 placeholder',
      '56:55-64 placeholder',
      '57:54-64 pick-one',
      '58:26-35 placeholder',
      '59:106-115 placeholder',
      '72:26-35 placeholder',
      '73:55-64 placeholder',
      '74:54-64 pick-one',
      '75:26-35 placeholder',
      '76:106-115 placeholder',
      '78:10-11 stage-sequence',
      '89:26-35 placeholder',
      '90:55-64 placeholder',
      '91:54-64 pick-one',
      '92:26-35 placeholder',
      '93:106-115 placeholder',
    ]);
    const seq = findingsOf('003-avs-release-plan.md').find((f) => f.checkId === 'stage-sequence');
    assert.equal(seq?.message, 'Stage E follows Stage B; expected Stage C');
    assert.equal(seq?.severity, 'warning');
    assert.deepEqual(seq?.data?.expected, 'C');
  });

  it('004 Claim Status Tool: Stage B and the check-ins are unfilled; the well-filled Stage A reports nothing', () => {
    assert.deepEqual(summary('004-cst-document-status-release-plan.md'), [
      '84:29-38 placeholder',
      '86:12-21 placeholder',
      '87:11-20 placeholder',
      '88:31-40 placeholder',
      '90:4-13 placeholder',
      '92:4-13 placeholder',
      '94:4-13 placeholder',
      '104:29-38 placeholder',
      '106:12-21 placeholder',
      '107:11-20 placeholder',
      '108:31-40 placeholder',
      '109:43-53 pick-one',
      '110:26-35 placeholder',
      '111:90-100 pick-one',
      '112:16-25 placeholder',
      '116:29-38 placeholder',
      '118:12-21 placeholder',
      '119:11-20 placeholder',
      '120:31-40 placeholder',
      '121:43-53 pick-one',
      '122:26-35 placeholder',
      '123:93-103 pick-one',
      '124:16-25 placeholder',
    ]);
    // Stage A runs from line 28 to 71
    assert.deepEqual(findingsOf('004-cst-document-status-release-plan.md').filter((f) => f.range.start.line >= 27 && f.range.start.line <= 70), []);
  });

  it('004: messages name the field and the placeholder; pick-one offers the options', () => {
    const findings = findingsOf('004-cst-document-status-release-plan.md');
    // Stage B's results: Stage B has no dates, so nobody can have them yet
    assert.deepEqual([findings[0].severity, findings[0].message], ['hint', "'Estimated number of users' is still [FILL_IN]: to fill in once Stage B has run"]);
    assert.equal(findings[1].message, "'#index' is still [FILL_IN]: to fill in once Stage B has run");
    assert.equal(findings[4].message, "'Was any downstream service affected by the change?' is still [FILL_IN]: to fill in once Stage B has run");
    // the check-ins are not a stage's results: they keep the reminder
    const checkIn = findings.find((f) => f.range.start.line === 103)!;
    assert.deepEqual([checkIn.severity, checkIn.message], ['information', "'Estimated number of users' still has the placeholder [FILL_IN]; replace it with the real value"]);
    const pick = findings.find((f) => f.checkId === 'pick-one')!;
    assert.equal(pick.message, "'Any issues with VA handling/processing?' still says [PICK_ONE]; pick one of yes | no | N/A");
    assert.equal(pick.severity, 'information');
    assert.deepEqual(pick.data?.options, ['yes', 'no', 'N/A']);
    assert.deepEqual(pick.data?.replaceRange, { start: { line: 108, character: 43 }, end: { line: 108, character: 69 } });
  });

  it('000: once the plan says Stage E ended, its blank answer becomes a warning that says so', () => {
    const context: CheckContext = {
      today: { year: 2025, month: 9, day: 1 },
      plannedEndAt: (line) => (line >= 138 && line <= 153 ? { end: { year: 2025, month: 7, day: 30 }, label: 'Stage E', endText: '7/30/25' } : undefined),
    };
    const findings = findingsOf('000-dispute-debt-release-plan.md', context);
    const stageE = findings.filter((f) => f.range.start.line >= 138 && f.range.start.line <= 153);
    assert.deepEqual(
      stageE.map((f) => [f.checkId, f.severity, f.message]),
      [
        ['date-outside-range', 'warning', 'Stage E is on 7/30/25, after the desired date range (6/30/25 - 7/16/25) ends; move the date or widen the desired date range'],
        ['empty-field', 'warning', "Stage E ended 7/30/25; 'Was any downstream service affected by the change?' is still empty"],
      ],
    );
    // Stage C (line 118) has no planned end in this context: its results cannot be due, a hint
    assert.equal(findings.find((f) => f.range.start.line === 117)?.severity, 'hint');
  });
});
