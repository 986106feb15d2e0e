// What the views call each rollout of a plan that has several (issue 16 class 7): its heading's text,
// so a lens, an outline entry or a hover says `Rollout 2: the document upload flow` rather than an
// index. Plans with one rollout get no names: every view then looks exactly as it did before rollouts.
import type { Heading, ReleasePlan, Rollout } from '../parse/model';

export interface RolloutName {
  /** `Rollout 2: the document upload flow`, or `Rollout 2` when the plan gives it no heading. */
  name: string;
  /** The heading the name comes from, when there is one. */
  heading?: Heading;
}

/** Long headings would crowd a CodeLens line; the outline and hover show the full text anyway. */
const MAX_NAME = 60;

function shorten(text: string): string {
  return text.length <= MAX_NAME ? text : `${text.slice(0, MAX_NAME - 1).trimEnd()}…`;
}

/**
 * The heading of the first rollout, which the parser leaves open (it starts a rollout only at a
 * restart): the nearest heading above its first stage that is at least as shallow as the second
 * rollout's heading, so `## Rollout 1: …` pairs with `## Rollout 2: …`. Never the title.
 */
function firstHeading(plan: ReleasePlan, first: Rollout, second: Rollout): Heading | undefined {
  const stage = first.stages[0];
  const depth = second.heading?.depth;
  if (!stage || depth === undefined) return undefined;
  const line = stage.heading.range.start.line;
  const stageLines = new Set(plan.stages.map((s) => s.heading.range.start.line));
  const above = plan.headings.filter((h) => h.line < line && h.depth <= depth && h.line !== plan.title?.line && !stageLines.has(h.line));
  return above[above.length - 1];
}

/** One name per rollout (by index), or undefined when the plan has a single rollout. */
export function rolloutNames(plan: ReleasePlan): RolloutName[] | undefined {
  if (plan.rollouts.length < 2) return undefined;
  return plan.rollouts.map((r, i) => {
    const heading = r.heading ?? (i === 0 ? firstHeading(plan, r, plan.rollouts[1]) : undefined);
    const text = heading?.text.trim();
    const out: RolloutName = { name: text ? shorten(text) : `Rollout ${i + 1}` };
    if (heading) out.heading = heading;
    return out;
  });
}
