// `percentage-order`: a staged rollout only ever widens. A stage that reaches the same or a smaller
// share than the one before is a typo or a step that does nothing.
import type { Stage } from '../parse/model';
import type { Check, Finding } from './types';
import { stagePercentage, type StagePercentage } from '../parse/queries';
import { rangeData, stageName } from './support';

/** Every reading of a stage's share: its field and, when it says something else, its heading. */
function readings(stage: Stage, pct: StagePercentage): number[] {
  return stage.percentage && stage.percentage.value !== pct.value ? [pct.value, stage.percentage.value] : [pct.value];
}

export const percentageOrderCheck: Check = {
  id: 'percentage-order',
  description: "A stage's percentage is not greater than the previous stage's (decreasing or repeated).",
  defaultSeverity: 'warning',
  check(plan) {
    const findings: Finding[] = [];
    // each rollout ramps on its own: a second toggle's 5% after the first's 100% is a new start
    for (const rollout of plan.rollouts) findings.push(...rampFindings(rollout.stages));
    return findings;
  },
};

function rampFindings(stages: readonly Stage[]): Finding[] {
  const findings: Finding[] = [];
  let prev: { stage: Stage; pct: StagePercentage; floor: number } | undefined;
  for (const stage of stages) {
    const pct = stagePercentage(stage);
    // a stage without a number says nothing about the order; compare with the last one that had one
    if (!pct) continue;
    const values = readings(stage, pct);
    // When heading and field disagree (percentage-mismatch reports that), flag only what is wrong
    // under either reading: this stage's largest share against the previous stage's smallest.
    if (prev && Math.max(...values) <= prev.floor) {
      const same = pct.value === prev.floor;
      findings.push({
        checkId: 'percentage-order',
        range: pct.range,
        message: same
          ? `${stageName(stage)} stays at ${pct.value}%, the same as ${stageName(prev.stage)}; each stage should reach more users than the one before`
          : `${stageName(stage)} goes down to ${pct.value}% from ${stageName(prev.stage)}'s ${prev.floor}%; each stage should reach more users than the one before`,
        data: { stage: stage.label, value: pct.value, previousStage: prev.stage.label, previousValue: prev.floor, previousRange: rangeData(prev.pct.range) },
      });
    }
    prev = { stage, pct, floor: Math.min(...values) };
  }
  return findings;
}
