// `rollout-drift`: the plan says where the rollout should be today; Flipper says where it is. A
// toggle of the plan's toggle table whose live state (per configured environment) differs from the
// plan's stage for today is reported on that stage's heading, with both sides and the fetch time.
// Runs only with live status (CheckContext.live): the editor provides it when environments are
// configured and the workspace is trusted; the CLI never does. Unknown live state: no finding.
import { formatAge } from '../features/toggleHover';
import { driftVerdict } from '../toggles/drift';
import { anchorStage, driftRamps } from '../toggles/driftRamps';
import type { Check, Finding } from './types';

export const rolloutDriftCheck: Check = {
  id: 'rollout-drift',
  description: "A toggle's live state in a configured environment differs from what the plan's stages say for today.",
  defaultSeverity: 'warning',
  check(plan, context) {
    const live = context.live;
    if (!live) return [];
    const findings: Finding[] = [];
    for (const { position, toggles } of driftRamps(plan, context.today)) {
      if (!position) continue;
      const anchor = anchorStage(position);
      for (const toggle of toggles) {
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
