// `rollout-drift`: the plan says where the rollout should be today; Flipper says where it is. A
// toggle of the plan's toggle table whose live state (per configured environment) differs from the
// plan's stage for today is reported on that stage's heading, with both sides and the fetch time.
// Runs only with live status (CheckContext.live): the editor provides it when environments are
// configured and the workspace is trusted; the CLI never does. Unknown live state: no finding.
import { rolloutToday } from '../dates/rolloutToday';
import { planTimeline } from '../dates/timeline';
import type { Range } from '../parse/model';
import { formatAge } from '../features/toggleHover';
import { driftVerdict, type DriftStage } from '../toggles/drift';
import type { Check, Finding } from './types';

interface HeadedStage extends DriftStage {
  heading: Range;
}

export const rolloutDriftCheck: Check = {
  id: 'rollout-drift',
  description: "A toggle's live state in a configured environment differs from what the plan's stages say for today.",
  defaultSeverity: 'warning',
  check(plan, context) {
    const live = context.live;
    if (!live) return [];
    const timeline = planTimeline(plan).stages;
    const findings: Finding[] = [];
    // one ramp: the plan's toggle table follows it; several: each rollout's own toggles follow its stages
    const ramps = plan.rollouts.length > 1 ? plan.rollouts.map((r) => ({ windows: timeline.filter((w) => w.stage.rollout === r.index), toggles: r.toggles })) : [{ windows: timeline, toggles: plan.toggles.filter((t) => t.source === 'table') }];
    for (const ramp of ramps) {
      const stages: HeadedStage[] = ramp.windows.map((w) => ({ label: w.stage.label, percentage: w.stage.percentage?.value, start: w.start, end: w.end, heading: w.stage.heading.range }));
      const position = rolloutToday(stages, context.today);
      if (!position) continue;
      const anchor = position.kind === 'in-stage' ? position.stage : position.kind === 'complete' ? position.last : position.kind === 'between' ? position.previous : position.next;
      const seen = new Set<string>();
      for (const toggle of ramp.toggles) {
        if (seen.has(toggle.name)) continue;
        seen.add(toggle.name);
        for (const environment of live.statuses(toggle.name)) {
          const verdict = driftVerdict(position, environment);
          if (verdict.kind !== 'drift') continue;
          const fetched = environment.ageSeconds !== undefined ? ` (fetched ${formatAge(environment.ageSeconds)})` : '';
          findings.push({
            checkId: 'rollout-drift',
            range: anchor.heading,
            message: `'${toggle.name}' in ${environment.environment.name} is ${verdict.live}${fetched}; the plan says ${verdict.expected}`,
            data: { toggle: toggle.name, environment: environment.environment.name },
          });
        }
      }
    }
    return findings;
  },
};
