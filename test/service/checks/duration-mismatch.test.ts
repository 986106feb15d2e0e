import { strict as assert } from 'node:assert';
import { durationMismatchCheck } from '../../../server/src/service/checks/duration-mismatch';
import { parsePlan } from '../../../server/src/service/parse/index';
import { read, SEED_AVS, SEED_CST, SEED_DISPUTE_DEBT } from '../../helpers/fixtures';
import { planOf } from '../../helpers/dates';
import { runDateCheck, shown } from '../../helpers/dateChecks';

describe('duration-mismatch', () => {
  it('seed 000: Six Days 7/16/25 - 7/21/25 and the other stage lengths all agree', () => {
    assert.deepEqual(shown(durationMismatchCheck, parsePlan(read(SEED_DISPUTE_DEBT))), []);
  });

  it('seeds 003 and 004: lengths without dates are not compared', () => {
    assert.deepEqual(shown(durationMismatchCheck, parsePlan(read(SEED_AVS))), []);
    assert.deepEqual(shown(durationMismatchCheck, parsePlan(read(SEED_CST))), []);
  });

  it('flags `1 week (03/18-03/26/21)` on the length, with the count that would fix it', () => {
    const plan = planOf('### Stage A: Canary', '- Length of time: 1 week (03/18-03/26/21)');
    assert.deepEqual(shown(durationMismatchCheck, plan), [
      "2:19 [1 week] '1 week' does not match 03/18-03/26/21, which is 9 days counting both ends; correct the length or the dates",
    ]);
    const [f] = runDateCheck(durationMismatchCheck, plan);
    assert.equal(f.data?.suggestion, '9 days');
  });

  it('glosses a length written in words, and counts business days for business lengths', () => {
    const plan = planOf(
      '- Length of time: Two Days 7/1/25 - 7/10/25',
      '- Length of time: 2 business days 7/14/25 - 7/18/25',
    );
    assert.deepEqual(shown(durationMismatchCheck, plan), [
      "1:19 [Two Days] 'Two Days' (2 days) does not match 7/1/25 - 7/10/25, which is 10 days counting both ends; correct the length or the dates",
      "2:19 [2 business days] '2 business days' does not match 7/14/25 - 7/18/25, which is 5 business days; correct the length or the dates",
    ]);
  });

  it('accepts either count, working weeks, and lengths after the range', () => {
    const plan = planOf(
      '- Length of time: Five Days 4/23/25 - 4/28/25',
      '     - 1 weeks - 8/21/2023 - 8/25/2023',
      '     - 01/21/2025-01/22/2025 - 1 day',
      '- Length of time: 2.5-3 weeks (11/10/20-12/1/20)',
      '- Desired date range: 10/1/2024 - 12/31/2024 - This will be a 3-month long experiment',
    );
    assert.deepEqual(shown(durationMismatchCheck, plan), []);
  });

  it('pairs a length between two ranges with the closer one, the one before on a tie', () => {
    // both gaps are one space: the length describes 7/1/25 - 7/2/25 (2 days), not 7/7/25 - 7/12/25
    assert.deepEqual(shown(durationMismatchCheck, planOf('- Length of time: 7/1/25 - 7/2/25 2 days 7/7/25 - 7/12/25')), []);
    // `then` keeps the range before from it: the range after is the one described, and it is 6 days
    assert.deepEqual(shown(durationMismatchCheck, planOf('- Length of time: 7/1/25 - 7/2/25, then 2 days 7/7/25 - 7/12/25')), [
      "1:41 [2 days] '2 days' does not match 7/7/25 - 7/12/25, which is 6 days counting both ends; correct the length or the dates",
    ]);
  });

  it('does not pair a length with dates it does not describe', () => {
    const plan = planOf(
      '|Phase 1: Staging testing |2 days|N/A| November 11-18, 2024  |',
      '- Length of time: 2 days (actual: 7/1/25 - 7/9/25)',
      '- 60 days after 12/10/24 - 12/12/24',
      '### 1-Month Results (5/20/20-6/28/20)',
    );
    assert.deepEqual(shown(durationMismatchCheck, plan), []);
  });

  it('without a year, compares only what the calendar alone decides', () => {
    const plan = planOf('- Length of time: 3 days (Aug 28- 30)', '- Length of time: 7 days (Aug 20-28)');
    // 7 days over Aug 20-28 could be 7 working days in some year: no finding without a year
    assert.deepEqual(shown(durationMismatchCheck, plan), []);
  });
});
