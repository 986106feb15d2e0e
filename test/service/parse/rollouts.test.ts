// Issue 16, class 7: a plan with several rollouts holds them in plan.rollouts, each with its own
// stages, toggles and desired date range, and every stage knows its rollout.
import { strict as assert } from 'node:assert';
import { parsePlan } from '../../../server/src/service/parse/index';
import { fixture, readMarkers } from '../../helpers/checks';

describe('parsePlan: rollouts', () => {
  it('starts a new rollout where Stage A restarts under a new heading', () => {
    const plan = parsePlan(readMarkers(fixture('checks', 'several-rollouts.md')).text);
    assert.deepEqual(
      plan.rollouts.map((r) => ({ heading: r.heading?.text, stages: r.stages.map((s) => s.label), toggles: r.toggles.map((t) => t.name), desired: r.desiredDateRanges.map((f) => f.value) })),
      [
        { heading: undefined, stages: ['A', 'B'], toggles: ['claim_status_redesign'], desired: ['4/6/2026 - 4/24/2026'] },
        { heading: 'Rollout 2: the document upload flow', stages: ['A', 'B', 'C', 'C', 'A'], toggles: ['document_upload_v3'], desired: ['5/4/2026 - 5/22/2026'] },
      ],
    );
    assert.deepEqual(plan.stages.map((s) => s.rollout), [0, 0, 1, 1, 1, 1, 1]);
    assert.equal(plan.rollouts[1].range.start.line, 15);
  });

  it('keeps a one-ramp plan as one rollout, and a plan without stages with none', () => {
    const one = parsePlan('# P\n\n### Stage A: 10%\n\n### Stage B: 50%\n');
    assert.deepEqual(one.rollouts.map((r) => r.stages.length), [2]);
    assert.deepEqual(parsePlan('# P\n\nNo stages here.\n').rollouts, []);
  });
});
