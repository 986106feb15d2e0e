// The status bar's words for where a rollout stands, on a real seed and on a plan New Release Plan writes.
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { writeNewPlan } from '../../../server/src/service/newPlan/writePlan';
import { parsePlan } from '../../../server/src/service/parse/index';
import { rolloutBrief } from '../../../server/src/service/features/rolloutBrief';
import { read, SEED_AVS, SEED_DISPUTE_DEBT } from '../../helpers/fixtures';

const d = (year: number, month: number, day: number) => ({ year, month, day });
const TEMPLATE = readFileSync(join(__dirname, '..', '..', '..', 'templates', 'release-plan-template.md'), 'utf8');

describe('rolloutBrief', () => {
  const debt = parsePlan(read(SEED_DISPUTE_DEBT));

  it('says draft before the first stage, with when it starts', () => {
    const s = rolloutBrief(debt, d(2025, 7, 1));
    assert.equal(s.text, 'draft');
    assert.equal(s.detail, 'Stage A starts Jul 16, 2025.');
  });

  it('names the running stage, its percentage and its day; a shared boundary day belongs to the later stage', () => {
    assert.equal(rolloutBrief(debt, d(2025, 7, 18)).text, 'Stage A · 1% · day 3/6');
    assert.equal(rolloutBrief(debt, d(2025, 7, 21)).text, 'Stage B · 5% · day 1/3');
  });

  it('says finished after the last stage', () => {
    const s = rolloutBrief(debt, d(2025, 8, 15));
    assert.equal(s.text, 'finished');
    assert.match(s.detail, /Stage E, the last stage, ended Jul 30, 2025/);
  });

  it('says draft when no stage has dates', () => {
    const s = rolloutBrief(parsePlan(read(SEED_AVS)), d(2025, 7, 1));
    assert.deepEqual([s.phase, s.text, s.detail], ['draft', 'draft', 'No stage has planned dates yet.']);
  });

  it('between two stages, names the next one and when it starts', () => {
    // a new plan over business days: Stage A ends Friday 6/5, Stage B starts Monday 6/8
    const plan = parsePlan(writeNewPlan(TEMPLATE, { range: { start: d(2026, 6, 1), end: d(2026, 6, 26) } }));
    assert.equal(rolloutBrief(plan, d(2026, 6, 3)).text, 'Stage A · 1% · day 3/5');
    assert.equal(rolloutBrief(plan, d(2026, 6, 6)).text, 'Stage B · 25% · starts Jun 8, 2026');
    assert.equal(rolloutBrief(plan, d(2026, 6, 10)).text, 'Stage B · 25% · day 3/5');
  });
});
