import { strict as assert } from 'node:assert';
import { rolloutNames } from '../../../server/src/service/features/rolloutNames';
import { parsePlan } from '../../../server/src/service/parse/index';
import { datedRolloutText } from '../../helpers/rollout';

describe('rollout names', () => {
  it('a plan with one rollout has none, so the views keep their one-rollout form', () => {
    assert.equal(rolloutNames(parsePlan(datedRolloutText())), undefined);
  });

  it("names each rollout by its heading; the first by the heading as shallow as the second's", () => {
    const text = ['# Plan', '', '## Feature toggles', '', '## Web app', '', '### Stage A: 5%', '', '### Stage B: 100%', '', '## Mobile app', '', '### Stage A: 10%', ''].join('\n');
    assert.deepEqual(rolloutNames(parsePlan(text))?.map((n) => n.name), ['Web app', 'Mobile app']);
  });

  it('falls back to the number when the first rollout has no heading of its own, and shortens long headings', () => {
    const long = `Rollout for ${'a very long product area name '.repeat(3)}`;
    const text = ['# Plan', '', '### Stage A: 5%', '', '### Stage B: 100%', '', `## ${long}`, '', '### Stage A: 10%', ''].join('\n');
    const names = rolloutNames(parsePlan(text))?.map((n) => n.name);
    assert.equal(names?.[0], 'Rollout 1');
    assert.equal(names?.[1].length, 60);
    assert.ok(names?.[1].endsWith('…'));
  });
});
