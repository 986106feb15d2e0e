import { strict as assert } from 'node:assert';
import { parseDateRange, parseDay, parsePercentages, planFileName } from '../../../server/src/service/newPlan/answers';
import { scheduleStages } from '../../../server/src/service/newPlan/schedule';

const d = (year: number, month: number, day: number) => ({ year, month, day });

describe('newPlan/answers', () => {
  it('reads days and ranges the way plans and ISO write them', () => {
    assert.deepEqual(parseDay('6/1/26'), d(2026, 6, 1));
    assert.deepEqual(parseDay('2026-06-01'), d(2026, 6, 1));
    assert.equal(parseDay('2/30/2026'), undefined);
    assert.deepEqual(parseDateRange('6/1/2026 - 6/26/2026'), { value: { start: d(2026, 6, 1), end: d(2026, 6, 26) } });
    assert.deepEqual(parseDateRange('2026-06-01 to 2026-06-26'), { value: { start: d(2026, 6, 1), end: d(2026, 6, 26) } });
    assert.deepEqual(parseDateRange('6/1/26–6/26/26'), { value: { start: d(2026, 6, 1), end: d(2026, 6, 26) } });
    assert.ok('error' in parseDateRange('next week'));
    assert.ok('error' in parseDateRange('6/26/2026 - 6/1/2026'));
    assert.ok('error' in parseDateRange('6/1/2026 - 6/31/2026'));
  });

  it('reads percentages in any separator and insists they grow', () => {
    assert.deepEqual(parsePercentages('1 → 25 → 50 → 100'), { value: [1, 25, 50, 100] });
    assert.deepEqual(parsePercentages('0.5, 10, 100'), { value: [0.5, 10, 100] });
    assert.ok('error' in parsePercentages('25, 25, 100'));
    assert.ok('error' in parsePercentages('10, 120'));
    assert.ok('error' in parsePercentages(''));
  });

  it('names the file so the default releasePlan.files globs match it', () => {
    assert.equal(planFileName('Appointment Reminders (v2)!'), 'appointment-reminders-v2-release-plan.md');
    assert.equal(planFileName('Résumé'), 'resume-release-plan.md');
    assert.equal(planFileName(undefined), 'release-plan.md');
  });
});

describe('newPlan/schedule', () => {
  it('splits the range into business-day runs, extra days to the later stages, skipping weekends', () => {
    // Sat 6/6/2026 start: the first stage starts Monday 6/8; 6/8–6/19 is 10 business days
    const s = scheduleStages(d(2026, 6, 6), d(2026, 6, 19), 3);
    assert.deepEqual(s?.map((x) => [x.start, x.end, x.businessDays]), [
      [d(2026, 6, 8), d(2026, 6, 10), 3],
      [d(2026, 6, 11), d(2026, 6, 15), 3],
      [d(2026, 6, 16), d(2026, 6, 19), 4],
    ]);
    assert.equal(scheduleStages(d(2026, 6, 6), d(2026, 6, 8), 2), undefined);
  });
});
