// `percentage-order`: a staged rollout only ever widens. A stage that reaches the same or a smaller
// share than the one before is a typo or a step that does nothing.
import type { Check, Finding } from './types';
import { rangeData } from './support';
import { stageName, stagePercentage, type StagePercentage } from './stage-percentages';
import type { Stage } from '../parse/model';

export const percentageOrderCheck: Check = {
  id: 'percentage-order',
  description: "A stage's percentage is not greater than the previous stage's (decreasing or repeated).",
  defaultSeverity: 'warning',
  docsAnchor: 'percentage-order',
  check(plan) {
    const findings: Finding[] = [];
    let prev: { stage: Stage; pct: StagePercentage } | undefined;
    for (const stage of plan.stages) {
      const pct = stagePercentage(stage);
      // a stage without a number says nothing about the order; compare with the last one that had one.
      // When heading and field disagree, percentage-mismatch reports it and the order is anyone's guess.
      if (!pct || (stage.percentage && pct.from === 'field' && stage.percentage.value !== pct.value)) continue;
      if (prev && pct.value <= prev.pct.value) {
        const same = pct.value === prev.pct.value;
        findings.push({
          checkId: 'percentage-order',
          range: pct.range,
          message: same
            ? `${stageName(stage)} stays at ${pct.value}%, the same as ${stageName(prev.stage)}; each stage should reach more users than the one before`
            : `${stageName(stage)} goes down to ${pct.value}% from ${stageName(prev.stage)}'s ${prev.pct.value}%; each stage should reach more users than the one before`,
          data: { stage: stage.label, value: pct.value, previousStage: prev.stage.label, previousValue: prev.pct.value, previousRange: rangeData(prev.pct.range) },
        });
      }
      prev = { stage, pct };
    }
    return findings;
  },
};
