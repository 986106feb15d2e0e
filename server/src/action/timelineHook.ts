// HOOK for the rollout-view work (issue 18): the job summary shows a mermaid timeline under each
// plan that has dated stages once a pure `plan → mermaid source` function exists. Until then this
// returns undefined and the summary shows the table alone. To connect it, return that function's
// output here (the summary wraps it in a ```mermaid fence).
import type { LocalDate, ReleasePlan } from '../service/index';

export function mermaidTimeline(plan: ReleasePlan, today: LocalDate): string | undefined {
  void plan;
  void today;
  return undefined;
}
