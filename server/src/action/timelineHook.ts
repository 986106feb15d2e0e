// The job summary's picture of each plan: the same gantt the editor writes into a plan (issue 18's
// planTimelinePicture), without its marker comments and fence — the summary adds its own fence.
// Plans with no dated stage get none.
import { planTimelinePicture, type LocalDate, type ReleasePlan } from '../service/index';

export function mermaidTimeline(plan: ReleasePlan, today: LocalDate): string | undefined {
  const block = planTimelinePicture(plan, today).mermaid;
  if (!block) return undefined;
  const lines = block.split(/\r?\n/);
  const open = lines.findIndex((l) => l.startsWith('```mermaid'));
  const close = lines.findIndex((l, i) => i > open && l.startsWith('```'));
  return open >= 0 && close > open ? lines.slice(open + 1, close).join('\n') : undefined;
}
