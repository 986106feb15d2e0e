// Issue 16, class 7: a plan with several rollouts holds them in plan.rollouts, each with its own
// stages, toggles and desired date range, and every stage knows its rollout.
import { strict as assert } from 'node:assert';
import { parsePlan } from '../../../server/src/service/parse/index';
import { fixture, readMarkers } from '../../helpers/checks';
import { corpusFiles, read, SEED_AVS, SEED_CST, SEED_DISPUTE_DEBT } from '../../helpers/fixtures';

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

  // readRollouts takes each rollout's share of the headings, toggles and desired ranges by binary search,
  // which holds only while the model lists them in line order
  it('gives each rollout the toggles and desired ranges on its lines, on every real plan', () => {
    const plans = [SEED_DISPUTE_DEBT, SEED_AVS, SEED_CST, ...corpusFiles()].map((f) => parsePlan(read(f)));
    const several = readMarkers(fixture('checks', 'several-rollouts.md')).text;
    // no real plan has several rollouts yet: the fixture, and three copies of it one after the other
    plans.push(parsePlan(several), parsePlan([several, several, several].join('\n')));
    const inOrder = (lines: number[]) => lines.every((l, i) => i === 0 || lines[i - 1] <= l);
    let many = 0;
    for (const plan of plans) {
      assert.ok(inOrder(plan.headings.map((h) => h.line)));
      assert.ok(inOrder(plan.toggles.map((t) => t.range.start.line)));
      assert.ok(inOrder(plan.desiredDateRanges.map((f) => f.line)));
      if (plan.rollouts.length > 1) many++;
      for (const r of plan.rollouts) {
        const on = (line: number) => r.range.start.line <= line && line <= r.range.end.line;
        assert.deepEqual(r.toggles, plan.toggles.filter((t) => on(t.range.start.line)));
        assert.deepEqual(r.desiredDateRanges, plan.desiredDateRanges.filter((f) => on(f.line)));
      }
    }
    assert.equal(many, 2);
    assert.ok(plans[plans.length - 1].rollouts.length >= 6);
  });

  // the lines at a rollout's edges: a toggle on its last line, a rollout heading right after the stage
  // before it (the binary searches' inclusive ends)
  it('keeps what sits on the first and last lines of a rollout in it', () => {
    const plan = parsePlan(['# Two ramps', '### Stage A: 10% of users', 'Flipper toggle: `first_toggle`', '## Rollout 2', '### Stage A: 5% of users', 'Flipper toggle: `second_toggle`', ''].join('\n'));
    assert.deepEqual(
      plan.rollouts.map((r) => ({ heading: r.heading?.text, lines: [r.range.start.line, r.range.end.line], toggles: r.toggles.map((t) => t.name) })),
      [
        { heading: undefined, lines: [0, 2], toggles: ['first_toggle'] },
        { heading: 'Rollout 2', lines: [3, 6], toggles: ['second_toggle'] },
      ],
    );
    const adjacent = parsePlan(['# P', '### Stage A: 10% of users', '## Rollout 2', '### Stage A: 5% of users', ''].join('\n'));
    assert.deepEqual(adjacent.rollouts.map((r) => r.heading?.text), [undefined, 'Rollout 2']);
  });
});
