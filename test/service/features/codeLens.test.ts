import { strict as assert } from 'node:assert';
import { msUntilMidnight, provideCodeLenses } from '../../../server/src/service/features/codeLens';
import { rolloutStatus } from '../../../server/src/service/features/rollout';
import { parsePlan } from '../../../server/src/service/parse/index';
import { corpusFiles, read, SEED_CST, SEED_DISPUTE_DEBT } from '../../helpers/fixtures';
import { datedRolloutText, day, NO_DATES, ROLLOUT_NO_YEARS } from '../../helpers/rollout';

function lenses(text: string, today: string): string[] {
  const plan = parsePlan(text);
  const lines = text.split('\n');
  return provideCodeLenses(plan, day(today)).map((l) => `${l.range.start.line}: ${l.title} → ${lines[l.target.line].slice(l.target.character).slice(0, 28)}`);
}

describe('rollout CodeLens', () => {
  it('says where each stage stands on Wed 3/12 (Stage A over with nothing reported, B current)', () => {
    assert.deepEqual(lenses(datedRolloutText(), '2025-03-12'), [
      '0: Stage B of D (25%) · next: Stage C 50% on Tue 3/18 · 1 stage late → Stage B: 25% of users',
      '14: ⚠ ended 5 days ago — results empty → [FILL_IN]',
      '26: ▶ current — day 3 of 5, ends Fri 3/14 → Stage B: 25% of users',
      '38: starts in 6 days (Tue 3/18) → Stage C: 50% of users',
      '49: starts in 12 days (Mon 3/24) → Stage D: 100% of users',
    ]);
  });

  it('counts blank results of a finished stage and jumps to the first one', () => {
    assert.deepEqual(lenses(datedRolloutText(), '2025-03-17').slice(0, 3), [
      '0: between stages · next: Stage C 50% on Tue 3/18 · 1 stage late → [FILL_IN]',
      '14: ⚠ ended 10 days ago — results empty → [FILL_IN]',
      '26: ✓ done 3/10–3/14 · results: 1 blank → [FILL_IN]',
    ]);
  });

  it('before the rollout, after it, and a year away', () => {
    assert.deepEqual(lenses(datedRolloutText(), '2025-03-02')[0], '0: not started · next: Stage A 5% on Mon 3/3 → Stage A: Canary 5% of users');
    assert.deepEqual(lenses(datedRolloutText(), '2025-04-01')[0], '0: rollout ended Fri 3/28 · 2 stages late → [FILL_IN]');
    assert.deepEqual(lenses(datedRolloutText(), '2024-12-30')[1], '14: starts in 63 days (Mon 3/3/25) → Stage A: Canary 5% of users');
  });

  it('says what is missing when the plan has no dates, or dates without a year', () => {
    assert.deepEqual(lenses(read(NO_DATES), '2025-03-12'), [
      '0: 2 stages · no planned dates → Stage A: 10% of users',
      '9: no planned dates → Stage A: 10% of users',
      '13: no planned dates → Stage B: 100% of users',
    ]);
    assert.deepEqual(lenses(read(ROLLOUT_NO_YEARS), '2025-03-12').slice(0, 2), [
      '0: 4 stages · dates without a year → Stage A: Canary 5% of users',
      '14: 3/3 - 3/7 has no year — add it to place this stage → Stage A: Canary 5% of users',
    ]);
  });

  it('on the seeds: one lens per stage plus the title', () => {
    assert.deepEqual(lenses(read(SEED_DISPUTE_DEBT), '2025-07-24').slice(0, 4), [
      '0: Stage C of E (20%) · next: Stage D 50% on Mon 7/28 → Stage C: 20% of users',
      '74: ✓ done 7/16–7/21 · results filled → Stage A: 1%',
      '90: ✓ done 7/21–7/23 · results filled → Stage B: 5% of users',
      '106: ▶ current — day 2 of 6, ends Mon 7/28 → Stage C: 20% of users',
    ]);
    const cst = parsePlan(read(SEED_CST));
    assert.equal(provideCodeLenses(cst, day('2026-02-12')).length, cst.stages.length + 1);
  });

  it('never throws and gives one lens per stage on every corpus plan', () => {
    for (const file of corpusFiles()) {
      const plan = parsePlan(read(file));
      const all = provideCodeLenses(plan, day('2025-06-01'));
      assert.equal(all.length, plan.stages.length === 0 ? 0 : plan.stages.length + (plan.title ? 1 : 0), file);
      for (const l of all) assert.ok(l.title.length > 0, `${file}: empty lens on line ${l.range.start.line}`);
    }
  });

  it('plan state: late when a stage ended with nothing reported, rolling out, starting soon, finished', () => {
    const plan = parsePlan(datedRolloutText());
    assert.equal(rolloutStatus(plan, day('2025-03-05')).state, 'rolling-out');
    assert.equal(rolloutStatus(plan, day('2025-03-12')).state, 'late');
    assert.equal(rolloutStatus(plan, day('2025-02-20')).state, 'starting-soon');
    assert.equal(rolloutStatus(plan, day('2025-01-02')).state, 'not-started');
    const filled = parsePlan(datedRolloutText().replace(/: \[FILL_IN\]/g, ': 10').replace('- Number of unique users:\n', '- Number of unique users: 5\n'));
    assert.equal(rolloutStatus(filled, day('2025-04-02')).state, 'finished');
    assert.equal(rolloutStatus(parsePlan(read(NO_DATES)), day('2025-03-12')).state, 'no-dates');
  });

  it('waits until just after the next local midnight', () => {
    assert.equal(msUntilMidnight(new Date(2025, 2, 12, 23, 59, 0)), 61_000);
    assert.equal(msUntilMidnight(new Date(2025, 2, 12, 0, 0, 1)), 24 * 3600_000);
  });
});
