// Issue 16, class 11: a later phase's empty Planning fields are empty-field findings at the severity
// the plan's own timeline gives them — information while that part of the plan lies ahead, warning
// for a stage whose planned dates are over.
import { strict as assert } from 'node:assert';
import { emptyFieldCheck } from '../../../server/src/service/checks/empty-field';
import { parsePlan } from '../../../server/src/service/parse/index';
import { readMarkers, fixture } from '../../helpers/checks';
import { runDateCheck } from '../../helpers/dateChecks';

describe('empty-field: later phases and the timeline', () => {
  const plan = parsePlan(readMarkers(fixture('checks', 'empty-field-later-phase.md')).text);

  it('keeps the not-yet-started phase at the default severity, today inside Phase II', () => {
    const found = runDateCheck(emptyFieldCheck, plan, { year: 2026, month: 1, day: 7 });
    assert.deepEqual(
      found.map((f) => `${f.range.start.line + 1} ${f.severity ?? 'default'}`),
      ['23 default', '27 default', '28 default'],
    );
  });

  it('raises a stage whose planned dates are over to warning', () => {
    const text = plan.text.replace('#### Stage A: 10% of users\n\nLength of time:', '#### Stage A: 10% of users (2/2/2026 - 2/6/2026)\n\nLength of time:');
    const later = parsePlan(text);
    const found = runDateCheck(emptyFieldCheck, later, { year: 2026, month: 3, day: 1 });
    const stageField = found.find((f) => f.range.start.line === 26);
    assert.ok(stageField, found.map((f) => f.message).join('\n'));
    assert.equal(stageField.severity, 'warning', stageField.message);
  });
});
