import { strict as assert } from 'node:assert';
import { dateOrderCheck } from '../../../server/src/service/checks/date-order';
import { parsePlan } from '../../../server/src/service/parse/index';
import { read, SEED_AVS, SEED_CST, SEED_DISPUTE_DEBT } from '../../helpers/fixtures';
import { planOf } from '../../helpers/dates';
import { shown } from '../../helpers/dateChecks';

describe('date-order', () => {
  it('seeds: no backwards ranges, stages in order', () => {
    for (const seed of [SEED_DISPUTE_DEBT, SEED_AVS, SEED_CST]) assert.deepEqual(shown(dateOrderCheck, parsePlan(read(seed))), []);
  });

  it('flags a range that ends before it starts, with or without years', () => {
    const plan = planOf(
      '- Sprint 30: 9/9-9/22',
      '- Sprint 31: 9/23-8/6',
      '- Desired date range:',
      '     - 12/20/23 - 01/11/23',
    );
    assert.deepEqual(shown(dateOrderCheck, plan), [
      '2:14 [9/23-8/6] 9/23-8/6 ends (8/6) before it starts (9/23); swap or correct the dates',
      '4:8 [12/20/23 - 01/11/23] 12/20/23 - 01/11/23 ends (01/11/23) before it starts (12/20/23); swap or correct the dates',
    ]);
  });

  it('reads a short range across New Year as forwards', () => {
    const plan = planOf('**Code freeze: 12/22/2023 - 1/2/2024**', '- Holiday pause: 12/28 - 1/5');
    assert.deepEqual(shown(dateOrderCheck, plan), []);
  });

  it('flags a stage that starts before the stage before it, at its start date', () => {
    const plan = planOf(
      '## Phase II',
      '- Desired date range: 01/21/2025 - 1/27/2025',
      '### Stage A: 10% of users',
      '- Length of time: 01/21/2025-01/22/2025 - 1 day',
      '### Stage B: 50% of users',
      '- Length of time: 01/22/2024-01/24/2024 - 2 days',
      '### Stage C: 100% of users',
      '- Length of time: 01/24/2025-01/27/2025',
    );
    assert.deepEqual(shown(dateOrderCheck, plan), [
      '6:19 [01/22/2024-01/24/2024] Stage B starts Jan 22, 2024, before Stage A (Jan 21, 2025); stages run in order, so check both dates',
    ]);
  });
});
