// A one-line-per-plan summary of the model: what the corpus report and `release-plan summary` print.
import type { ReleasePlan } from './parse/model';

export function summarizePlan(plan: ReleasePlan): string {
  const stages = plan.stages.map((s) => `${s.label}${s.percentage ? `(${s.percentage.value}%)` : ''}`).join(' ') || '-';
  const toggles = [...new Set(plan.toggles.map((t) => t.name))];
  const pick = plan.placeholders.filter((p) => p.kind === 'pick-one').length;
  return [
    `toggles=${toggles.length}${toggles.length ? ` [${toggles.join(', ')}]` : ''}`,
    `stages=${plan.stages.length} ${stages}${plan.stages[0] && plan.stages[0].source !== 'heading' ? ` (${plan.stages[0].source})` : ''}`,
    `phases=${plan.phases.map((p) => p.label).join(',') || '-'}`,
    `fields=${plan.fields.length}`,
    `placeholders=${plan.placeholders.length - pick} pick-one=${pick}`,
  ].join('  ');
}
