// Where a new section goes: the template's order (toggles, rollback, Phase I, Phase II and its stages,
// go-live, post-launch check-ins, questions) read against the sections the plan already has. A new
// section goes before the first section that the template puts after it, lifted out to the heading
// level it belongs at so it never swallows an existing section as its child; failing that, after the
// subtree of the last section the template puts before it; failing that, at the end.
import type { Heading, ReleasePlan, SectionKind } from '../../parse/model';
import { headingAtLine, insertAfter, insertBefore, lastContentLine, parentHeading, subtreeEnd } from './text';
import type { PlanTextEdit } from './types';

export type AnchorKind = SectionKind | 'stage';

export const TEMPLATE_ORDER: Record<AnchorKind, number> = {
  toggles: 0,
  rollback: 1,
  'phase-1': 2,
  'phase-2': 3,
  'rollout-planning': 3.2,
  stage: 3.5,
  'go-live': 3.8,
  'post-launch': 4,
  'week-1': 5,
  'month-1': 6,
  'post-launch-questions': 7,
};

interface Anchor {
  order: number;
  heading: Heading;
}

function anchorsOf(plan: ReleasePlan): Anchor[] {
  const out: Anchor[] = plan.sections.map((s) => ({ order: TEMPLATE_ORDER[s.kind], heading: s.heading }));
  for (const st of plan.stages) {
    if (st.source !== 'heading') continue;
    const h = headingAtLine(plan, st.heading.range.start.line);
    if (h) out.push({ order: TEMPLATE_ORDER.stage, heading: h });
  }
  // stages in a list or table: the heading over them stands for them, unless it is a section already
  const first = plan.stages[0];
  if (first && first.source !== 'heading') {
    const over = plan.headings.filter((h) => h.line < first.heading.range.start.line).pop();
    if (over && !out.some((a) => a.heading === over)) out.push({ order: TEMPLATE_ORDER.stage, heading: over });
  }
  return out.sort((a, b) => a.heading.line - b.heading.line);
}

/** The depth of the plan's top-level sections: the shallowest heading other than the `#` title. */
export function sectionDepth(plan: ReleasePlan): number {
  const depths = plan.headings.filter((h) => !(plan.title && h === plan.title && h.depth === 1)).map((h) => h.depth);
  return depths.length ? Math.min(...depths) : 2;
}

export interface Placement {
  /** The depth the block's first heading should get (may be deeper than asked, to sit beside its neighbour). */
  depth: number;
  insert(block: readonly string[]): PlanTextEdit;
}

export function placeBlock(plan: ReleasePlan, kind: AnchorKind, depth: number): Placement {
  const order = TEMPLATE_ORDER[kind];
  const anchors = anchorsOf(plan);
  const lower = anchors.filter((a) => a.order < order);
  const lastLowerLine = lower.length ? lower[lower.length - 1].heading.line : -1;
  const successor = anchors.find((a) => a.order > order && a.heading.line > lastLowerLine);

  if (successor) {
    let at = successor.heading;
    for (let p = parentHeading(plan, at); p && p.depth >= depth && p.line > lastLowerLine; p = parentHeading(plan, p)) at = p;
    const finalDepth = Math.max(depth, at.depth);
    return { depth: finalDepth, insert: (block) => insertBefore(plan, at.line, block) };
  }
  if (lower.length) {
    let at = lower[lower.length - 1].heading;
    for (let p = parentHeading(plan, at); p && p.depth >= depth; p = parentHeading(plan, p)) at = p;
    const end = subtreeEnd(plan, at);
    return { depth, insert: (block) => insertAfter(plan, end, block) };
  }
  const last = lastContentLine(plan, plan.lineCount - 1);
  if (last === 0 && plan.text.trim() === '') return { depth, insert: (block) => ({ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, newText: block.join(plan.eol) + plan.eol }) };
  return { depth, insert: (block) => insertAfter(plan, last, block) };
}
