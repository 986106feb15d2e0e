// What percentage a stage rolls out to, read the way a reviewer would: the stage's own
// `Percentage of Users` field when it gives a number, else the percentage named in the heading/row.
import { normalizeLabel } from '../parse/fields';
import type { Field, Stage } from '../parse/model';
import { fieldPercentage, type FoundPercentage } from './support';

export function percentageField(stage: Stage): Field | undefined {
  return stage.fields.find((f) => /^percentage of users\b/.test(normalizeLabel(f.label)));
}

export interface StagePercentage extends FoundPercentage {
  from: 'field' | 'heading';
}

export function stagePercentage(stage: Stage): StagePercentage | undefined {
  const field = percentageField(stage);
  const fromField = field && fieldPercentage(field);
  if (fromField) return { ...fromField, from: 'field' };
  if (stage.percentage) return { value: stage.percentage.value, text: stage.percentage.text, range: stage.percentage.range, from: 'heading' };
  return undefined;
}

export function stageName(stage: Stage): string {
  return `Stage ${stage.label}`;
}
