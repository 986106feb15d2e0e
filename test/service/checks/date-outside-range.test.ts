import { strict as assert } from 'node:assert';
import { dateOutsideRangeCheck } from '../../../server/src/service/checks/date-outside-range';
import type { Finding } from '../../../server/src/service/checks/types';
import { parsePlan } from '../../../server/src/service/parse/index';
import type { ReleasePlan } from '../../../server/src/service/parse/model';
import { read, SEED_AVS, SEED_CST, SEED_DISPUTE_DEBT } from '../../helpers/fixtures';
import { planOf } from '../../helpers/dates';
import { runDateCheck, show } from '../../helpers/dateChecks';

const run = (plan: ReleasePlan): Finding[] => runDateCheck(dateOutsideRangeCheck, plan);

describe('date-outside-range', () => {
  it('seed 000 (Dispute Debt): every stage runs past the desired 6/30/25 - 7/16/25', () => {
    const plan = parsePlan(read(SEED_DISPUTE_DEBT));
    assert.deepEqual(run(plan).map((f) => show(plan, f)), [
      '79:38 [7/21/25] Stage A ends 7/21/25, 5 days after the desired date range (6/30/25 - 7/16/25) ends; move the date or widen the desired date range',
      '95:30 [7/21/25 - 7/23/25] Stage B runs 7/21/25 - 7/23/25, after the desired date range (6/30/25 - 7/16/25) ends; move the dates or widen the desired date range',
      '111:28 [7/23/25 - 7/28/25] Stage C runs 7/23/25 - 7/28/25, after the desired date range (6/30/25 - 7/16/25) ends; move the dates or widen the desired date range',
      '127:30 [7/28/25 - 7/30/25] Stage D runs 7/28/25 - 7/30/25, after the desired date range (6/30/25 - 7/16/25) ends; move the dates or widen the desired date range',
      '143:25 [7/30/25] Stage E is on 7/30/25, after the desired date range (6/30/25 - 7/16/25) ends; move the date or widen the desired date range',
    ]);
    const [a] = run(plan);
    assert.deepEqual(a.data?.desiredStart, '2025-06-30');
    assert.deepEqual(a.data?.desiredEnd, '2025-07-16');
  });

  it('seed 004: the release date 2/11/2026 is inside February 2026', () => {
    assert.deepEqual(run(parsePlan(read(SEED_CST))), []);
  });

  it('seed 003: no year anywhere, so nothing fires', () => {
    assert.deepEqual(run(parsePlan(read(SEED_AVS))), []);
  });

  it('flags a stage that starts before the window, pointing at the start date', () => {
    const plan = planOf(
      '### Phase II: Staged Rollout',
      '- Desired date range: Aug 28 - Oct 1, 2024',
      '### Stage A: 5% of users',
      '- Length of time: 3 days (Aug 27- 29)',
      '### Stage B: 10% of users',
      '- Length of time: 7 days (Aug 20-26)',
    );
    assert.deepEqual(run(plan).map((f) => show(plan, f)), [
      '4:27 [Aug 27] Stage A starts Aug 27, 1 day before the desired date range (Aug 28 - Oct 1, 2024) starts; move the date or widen the desired date range',
      '6:27 [Aug 20-26] Stage B runs Aug 20-26, before the desired date range (Aug 28 - Oct 1, 2024) starts; move the dates or widen the desired date range',
    ]);
  });

  it('flags a release date outside the window, and reads a month as the whole month', () => {
    const plan = planOf(
      '#### Rollout Planning',
      '- Desired date range: February 2026',
      '- Release Date: 3/2/2026 at 11a EST',
      '- Go-live date: 2/27/2026',
    );
    assert.deepEqual(run(plan).map((f) => show(plan, f)), [
      "3:17 [3/2/2026 at 11a EST] 'Release Date' is on 3/2/2026 at 11a EST, after the desired date range (February 2026) ends; move the date or widen the desired date range",
    ]);
  });

  it("does not measure Phase II's stages against Phase I's test window", () => {
    const plan = planOf(
      '### Phase I: moderated production testing',
      '- Desired date range or test duration: 3/1/25 - 3/5/25',
      '### Phase II: Staged Rollout',
      '- How will you make the product available: toggles',
      '### Stage A: 5% of users',
      '- Length of time: 4/1/25 - 4/3/25',
    );
    assert.deepEqual(run(plan), []);
  });

  it('with a lone desired date, flags only what comes before it', () => {
    const plan = planOf(
      '## Phase II',
      '- Desired date range: 03/16/21',
      '### Stage A: Canary',
      '- Length of time: 2 business days (Started by 03/15 and move to Phase B on 03/17)',
      '### Stage B: moderate',
      '- Length of time: 2 days (start 03/18-3/19)',
    );
    assert.deepEqual(run(plan).map((f) => show(plan, f)), [
      '4:47 [03/15] Stage A is on 03/15, before the desired start date (03/16/21); move the date or widen the desired date range',
    ]);
  });

  it('does not fire on dates whose year it cannot know', () => {
    const plan = planOf('## Phase II', '- Desired date range: July 7 - 11', '### Stage A: 5% of users', '- Length of time: July 14');
    assert.deepEqual(run(plan), []);
  });

  it('points at the same characters when the plan has CRLF line endings', () => {
    const text = read(SEED_DISPUTE_DEBT);
    const ranges = (t: string) => run(parsePlan(t)).map((f) => f.range);
    assert.deepEqual(ranges(text.replace(/\n/g, '\r\n')), ranges(text));
  });
});
