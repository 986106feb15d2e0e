// The ramps a plan's toggles follow, for comparing plan and production: one ramp (the toggle table
// follows the plan's stages) or, in a plan with several rollouts, each rollout's own toggles
// following its own stages. The rollout-drift check and the toggle-table CodeLens both read this.
import { rolloutToday, type RolloutPosition } from '../dates/rolloutToday';
import { planTimeline } from '../dates/timeline';
import type { LocalDate } from '../dates/types';
import type { Range, ReleasePlan, Toggle } from '../parse/model';
import type { DriftStage } from './drift';

export interface HeadedStage extends DriftStage {
  heading: Range;
}

export interface DriftRamp {
  /** Where today sits among the ramp's dated stages; undefined when none is dated. */
  position: RolloutPosition<HeadedStage> | undefined;
  /** The toggles that follow the ramp, one per name, first mention first. */
  toggles: Toggle[];
}

/** The stage a drift is reported on: the current one, else the one just over, else the next. */
export function anchorStage(position: RolloutPosition<HeadedStage>): HeadedStage {
  return position.kind === 'in-stage' ? position.stage : position.kind === 'complete' ? position.last : position.kind === 'between' ? position.previous : position.next;
}

export function driftRamps(plan: ReleasePlan, today: LocalDate): DriftRamp[] {
  const timeline = planTimeline(plan).stages;
  const ramps =
    plan.rollouts.length > 1
      ? plan.rollouts.map((r) => ({ windows: timeline.filter((w) => w.stage.rollout === r.index), toggles: r.toggles }))
      : [{ windows: timeline, toggles: plan.toggles.filter((t) => t.source === 'table') }];
  return ramps.map((ramp) => {
    const stages: HeadedStage[] = ramp.windows.map((w) => ({ label: w.stage.label, percentage: w.stage.percentage?.value, start: w.start, end: w.end, heading: w.stage.heading.range }));
    const byName = new Map<string, Toggle>();
    for (const t of ramp.toggles) if (!byName.has(t.name)) byName.set(t.name, t);
    const toggles = [...byName.values()];
    return { position: rolloutToday(stages, today), toggles };
  });
}
