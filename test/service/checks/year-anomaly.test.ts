import { strict as assert } from 'node:assert';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { yearAnomalyCheck } from '../../../server/src/service/checks/year-anomaly';
import { parsePlan } from '../../../server/src/service/parse/index';
import { CORPUS, read, SEED_AVS, SEED_CST, SEED_DISPUTE_DEBT } from '../../helpers/fixtures';
import { planOf } from '../../helpers/dates';
import { runDateCheck, shown } from '../../helpers/dateChecks';

describe('year-anomaly', () => {
  it('seeds: all years in line', () => {
    for (const seed of [SEED_DISPUTE_DEBT, SEED_AVS, SEED_CST]) assert.deepEqual(shown(yearAnomalyCheck, parsePlan(read(seed))), []);
  });

  it('flags a year far from all the others, on the year, suggesting the usual one', () => {
    const plan = planOf(
      '- Desired date range: June 17, 2025 - June 27, 2025',
      '- Length of time: 6/17/25 - 6/20/25',
      '- Length of time: 6/23/25 - 6/27/25',
      'VES is expected to be ready for integration in Production starting September 15th, 2015.',
    );
    assert.deepEqual(shown(yearAnomalyCheck, plan), [
      "4:84 [2015] 2015 is out of line with the plan's other dates (all in 2025); did you mean 2025?",
    ]);
    assert.equal(runDateCheck(yearAnomalyCheck, plan)[0].data?.suggestion, 2025);
  });

  it('accepts a baseline from the year before', () => {
    const plan = planOf(
      '| Applications | Monthly Average Baseline (Jan 2022-Jan 2023)| Target |',
      '- Desired date range: 8/22/23 – 8/25/23',
      '- Date Started: 8/23/2023',
      '- Last updated 08/02/2023',
    );
    assert.deepEqual(shown(yearAnomalyCheck, plan), []);
  });

  it('with too few other dates, flags only a year no release plan can mean (corpus: VES rollout)', () => {
    const file = readdirSync(CORPUS).find((f) => f.startsWith('idx-17566249735'));
    assert.ok(file);
    const plan = parsePlan(read(join(CORPUS, file)));
    assert.deepEqual(shown(yearAnomalyCheck, plan), [
      '3:84 [2015] 2015 is earlier than any VA.gov release plan (they start in 2018); did you mean 2025?',
    ]);
    assert.deepEqual(shown(yearAnomalyCheck, planOf('- Desired date: 06/18/2020')), []);
  });
});
