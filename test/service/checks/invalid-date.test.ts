import { strict as assert } from 'node:assert';
import { invalidDateCheck } from '../../../server/src/service/checks/invalid-date';
import { parsePlan } from '../../../server/src/service/parse/index';
import { read, SEED_AVS, SEED_CST, SEED_DISPUTE_DEBT } from '../../helpers/fixtures';
import { planOf } from '../../helpers/dates';
import { shown } from '../../helpers/dateChecks';

describe('invalid-date', () => {
  it('seeds: every date exists', () => {
    for (const seed of [SEED_DISPUTE_DEBT, SEED_AVS, SEED_CST]) assert.deepEqual(shown(invalidDateCheck, parsePlan(read(seed))), []);
  });

  it('flags days that do not exist, on the date itself', () => {
    const plan = planOf(
      '- Length of time: 2/30/2026',
      '- Desired date range: 13/4/25',
      '- Length of time: Six Days 6/26/25 - 6/31/25',
      '- Date Started: February 30',
    );
    assert.deepEqual(shown(invalidDateCheck, plan), [
      '1:19 [2/30/2026] 2/30/2026 is not a date: February 2026 has 28 days',
      '2:23 [13/4/25] 13/4/25 is not a date: there is no month 13 (day and month swapped?)',
      '3:38 [6/31/25] 6/31/25 is not a date: June 2025 has 30 days',
      '4:17 [February 30] February 30 is not a date: February has 29 days',
    ]);
    assert.equal(invalidDateCheck.defaultSeverity, 'error');
  });

  it('leaves placeholders, ratios and fractions alone', () => {
    const plan = planOf(
      '- Desired date range: **XX/XX/2026 - XX/XX/2026**',
      '- Desired date: mm/dd/yy',
      '- Number of bugs identified / fixed: 2/2',
      '- 5.7% error rate (472/27)',
      '- Sprint 32/33, 24/7 support, 50/30/20 split',
    );
    assert.deepEqual(shown(invalidDateCheck, plan), []);
  });
});
