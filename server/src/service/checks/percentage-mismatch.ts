// `percentage-mismatch`: `### Stage B: 66% of users` over `- Percentage of Users: 25%` — one of the
// two was not updated when the plan changed, and the reader cannot tell which.
import type { Check, Finding } from './types';
import { fieldPercentage, percentageField, quoteLabel } from '../parse/queries';
import { rangeData, stageName } from './support';

export const percentageMismatchCheck: Check = {
  id: 'percentage-mismatch',
  description: "A stage's heading names a percentage that differs from the stage's own 'Percentage of Users' value.",
  defaultSeverity: 'warning',
  check(plan) {
    const findings: Finding[] = [];
    for (const stage of plan.stages) {
      if (!stage.percentage) continue;
      const field = percentageField(stage);
      const value = field && fieldPercentage(field);
      if (!field || !value || value.value === stage.percentage.value) continue;
      const where = stage.source === 'heading' ? 'heading' : stage.source === 'table' ? 'row' : 'item';
      findings.push({
        checkId: 'percentage-mismatch',
        range: value.range,
        message: `${stageName(stage)} ${where} says ${stage.percentage.value}% but ${quoteLabel(field.label)} says ${value.value}%; make them agree`,
        data: {
          stage: stage.label,
          headingValue: stage.percentage.value,
          headingText: stage.percentage.text,
          headingRange: rangeData(stage.percentage.range),
          fieldValue: value.value,
          fieldText: value.text,
          fieldRange: rangeData(value.range),
        },
      });
    }
    return findings;
  },
};
