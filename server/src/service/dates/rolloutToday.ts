// Where a plan's rollout should be on a given day: before its first stage, in a stage, between two
// stages, or complete. The job summary's "current stage" column and the rollout-drift check both
// ask this question of the stage windows the timeline computes.
import { compareDates, type LocalDate } from './calendar';

export interface DatedStage {
  start: LocalDate;
  end: LocalDate;
}

export type RolloutPosition<S extends DatedStage> =
  | { kind: 'not-started'; next: S }
  | { kind: 'in-stage'; stage: S }
  | { kind: 'between'; previous: S; next: S }
  | { kind: 'complete'; last: S };

/** Undefined when the plan has no dated stages. Overlapping stages: the latest-starting one wins. */
export function rolloutToday<S extends DatedStage>(stages: readonly S[], today: LocalDate): RolloutPosition<S> | undefined {
  if (stages.length === 0) return undefined;
  const sorted = [...stages].sort((a, b) => compareDates(a.start, b.start));
  const current = sorted.filter((s) => compareDates(s.start, today) <= 0 && compareDates(today, s.end) <= 0).pop();
  if (current) return { kind: 'in-stage', stage: current };
  const nextIndex = sorted.findIndex((s) => compareDates(today, s.start) < 0);
  if (nextIndex === 0) return { kind: 'not-started', next: sorted[0] };
  if (nextIndex > 0) return { kind: 'between', previous: sorted[nextIndex - 1], next: sorted[nextIndex] };
  return { kind: 'complete', last: sorted[sorted.length - 1] };
}
