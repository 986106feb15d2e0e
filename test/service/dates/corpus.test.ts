// The five date checks over all 116 corpus plans (the seeds have their own tests). Every finding below was read against
// its plan by hand and is true (typos in real plans: a stage dated a year early, `Aug 20-26` for a
// stage after `Aug 28- 30`, `Sprint 31: 9/23-8/6`, `1 week (03/18-03/26/21)`, `2015`). A new finding
// or a lost one is a behaviour change to review here, not noise.
import { strict as assert } from 'node:assert';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { dateOrderCheck } from '../../../server/src/service/checks/date-order';
import { dateOutsideRangeCheck } from '../../../server/src/service/checks/date-outside-range';
import { durationMismatchCheck } from '../../../server/src/service/checks/duration-mismatch';
import { invalidDateCheck } from '../../../server/src/service/checks/invalid-date';
import { yearAnomalyCheck } from '../../../server/src/service/checks/year-anomaly';
import { parsePlan } from '../../../server/src/service/parse/index';
import { CORPUS, read } from '../../helpers/fixtures';
import { checkContext, fixedClock } from '../../../server/src/service/index';

const CHECKS = [dateOutsideRangeCheck, durationMismatchCheck, dateOrderCheck, invalidDateCheck, yearAnomalyCheck];

const EXPECTED = [
  // issue 16, class 9: the Go Live section's desired date (06/15/23) a year before the rollout's range (06/15/24 - 07/15/24)
  'idx-1217466763__cancel-oracle-health-appointments.md:87:17 date-outside-range [06/15/23]',
  'idx-14151849326__526-toxic-exposure-later-version.md:278:27 date-outside-range [Aug 20-26]',
  'idx-14151849326__526-toxic-exposure-later-version.md:278:27 date-order [Aug 20-26]',
  'idx-14151849326__526-toxic-exposure-later-version.md:317:27 date-outside-range [Aug 27]',
  'idx-14528864306__hlr-v1.md:6:14 date-order [9/23-8/6]',
  'idx-17566249735__ves-rollout-and-rollback.md:3:84 year-anomaly [2015]',
  'idx-2027505286__hca-1010ezr-health-benefits-update.md:67:8 date-order [12/20/23 - 01/11/23]',
  'idx-43873156289__caregivers-1010cg-facility-selection.md:125:8 date-outside-range [01/22/2024-01/24/2024]',
  'idx-43873156289__caregivers-1010cg-facility-selection.md:125:8 date-order [01/22/2024-01/24/2024]',
  'idx-6692433179__stem-22-10203-automated-decision.md:49:19 duration-mismatch [1 week]',
  'idx-6736110279__stem-22-10203-earlier-version.md:49:47 date-outside-range [03/15]',
];

describe('date checks on the 116-plan corpus', () => {
  it('report exactly the reviewed findings', function () {
    this.timeout(60000);
    const files = readdirSync(CORPUS).filter((f) => f.endsWith('.md')).sort();
    assert.equal(files.length, 116);
    const actual: string[] = [];
    for (const file of files) {
      const text = read(join(CORPUS, file));
      const plan = parsePlan(text);
      const lines = text.split(/\r\n|\r|\n/);
      const context = checkContext(plan, fixedClock({ year: 2026, month: 3, day: 1 }));
      for (const check of CHECKS) {
        for (const f of check.check(plan, context)) {
          const { line, character } = f.range.start;
          actual.push(`${file}:${line + 1}:${character + 1} ${f.checkId} [${lines[line].slice(character, f.range.end.character)}]`);
        }
      }
    }
    actual.sort();
    assert.deepEqual(actual, [...EXPECTED].sort());
  });
});
