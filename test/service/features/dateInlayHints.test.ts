import { strict as assert } from 'node:assert';
import { provideDateInlayHints } from '../../../server/src/service/features/dateInlayHints';
import { parsePlan } from '../../../server/src/service/parse/index';
import { read, SEED_AVS, SEED_DISPUTE_DEBT } from '../../helpers/fixtures';
import { planOf } from '../../helpers/dates';

const WHOLE = { start: { line: 0, character: 0 }, end: { line: 10_000, character: 0 } };

describe('features/dateInlayHints', () => {
  it('puts the inclusive length after every range in seed 000', () => {
    const plan = parsePlan(read(SEED_DISPUTE_DEBT));
    const lines = plan.text.split(/\r?\n/);
    assert.deepEqual(
      provideDateInlayHints(plan, WHOLE).map((h) => [lines[h.position.line].slice(0, h.position.character).trim(), h.label]),
      [
        ['- Desired date range:  6/30/25 - 7/16/25', '17 days'],
        ['- Length of time: Six Days 7/16/25 - 7/21/25', '6 days'],
        ['- Length of time: Three Days 7/21/25 - 7/23/25', '3 days'],
        ['- Length of time: Six Days 7/23/25 - 7/28/25', '6 days'],
        ['- Length of time: Three Days 7/28/25 - 7/30/25', '3 days'],
      ],
    );
  });

  it('only in the requested lines, also without a year, never for a backwards range', () => {
    const plan = parsePlan(read(SEED_AVS));
    const [hint] = provideDateInlayHints(plan, WHOLE);
    assert.equal(hint.label, '46 days');
    assert.equal(hint.paddingLeft, true);
    assert.deepEqual(provideDateInlayHints(plan, { start: { line: 0, character: 0 }, end: { line: 2, character: 0 } }), []);
    assert.deepEqual(provideDateInlayHints(planOf('- Sprint 31: 9/23-8/6'), WHOLE), []);
  });
});
