// "Add <section>": the sections the official template expects and the plan lacks — toggle table,
// rollback plan, Phase I, Phase II, post-launch 1-week/1-month results, post-launch questions — each
// from the template, at the heading depth the plan uses for its neighbours, at the template's place.
import type { ReleasePlan, SectionKind } from '../../parse/model';
import { placeBlock, sectionDepth, type AnchorKind } from './placement';
import { firstHeadingDepth, sectionTemplate, shiftHeadings } from './template';
import { bulletOf, withBullet } from './text';
import type { PlanCodeAction } from './types';

/** A table header row naming toggles/flags, followed by its delimiter row. */
const TOGGLE_TABLE_HEADER = /^[ \t]*\|[^\r\n]*\b(?:toggles?|flags?|flipper)\b[^\r\n]*\|[ \t]*\r?\n[ \t]*\|?[ \t]*:?-{3,}/im;

function depthOf(plan: ReleasePlan, kind: SectionKind): number | undefined {
  return plan.sections.find((s) => s.kind === kind)?.heading.depth;
}

function stageDepth(plan: ReleasePlan): number | undefined {
  return plan.stages.find((s) => s.source === 'heading')?.headingDepth;
}

function has(plan: ReleasePlan, kind: SectionKind): boolean {
  return plan.sections.some((s) => s.kind === kind);
}

/** The depth a new section of `kind` should have, from its neighbours in the plan. */
function wantedDepth(plan: ReleasePlan, kind: SectionKind): number {
  const sd = sectionDepth(plan);
  const container = depthOf(plan, 'post-launch') ?? depthOf(plan, 'go-live');
  const plusOne = (d: number | undefined) => (d === undefined ? undefined : Math.min(6, d + 1));
  switch (kind) {
    case 'toggles':
      return sd;
    case 'rollback':
      return depthOf(plan, 'phase-1') ?? depthOf(plan, 'phase-2') ?? stageDepth(plan) ?? sd;
    case 'phase-1':
      return depthOf(plan, 'phase-2') ?? depthOf(plan, 'rollback') ?? stageDepth(plan) ?? sd;
    case 'phase-2':
      return depthOf(plan, 'phase-1') ?? stageDepth(plan) ?? depthOf(plan, 'rollback') ?? sd;
    case 'post-launch':
      return depthOf(plan, 'post-launch-questions') ?? sd;
    case 'week-1':
      return depthOf(plan, 'month-1') ?? plusOne(container) ?? sd;
    case 'month-1':
      return depthOf(plan, 'week-1') ?? plusOne(container) ?? sd;
    case 'post-launch-questions':
      return depthOf(plan, 'post-launch') ?? sd;
    default:
      return sd;
  }
}

/** Which sections are missing, in template order; `post-launch` stands for "both check-ins". */
export function missingSectionKinds(plan: ReleasePlan): SectionKind[] {
  const out: SectionKind[] = [];
  // a toggle table under any heading ("Step 1: Development"), even one still saying [FILL_IN], is the toggle section
  if (!has(plan, 'toggles') && !plan.toggles.some((t) => t.source === 'table') && !TOGGLE_TABLE_HEADER.test(plan.text)) out.push('toggles');
  if (!has(plan, 'rollback')) out.push('rollback');
  if (!has(plan, 'phase-1')) out.push('phase-1');
  if (!has(plan, 'phase-2')) out.push('phase-2');
  const week = has(plan, 'week-1');
  const month = has(plan, 'month-1');
  if (!week && !month) out.push('post-launch');
  else if (!week) out.push('week-1');
  else if (!month) out.push('month-1');
  if (!has(plan, 'post-launch-questions')) out.push('post-launch-questions');
  return out;
}

export function addSectionAction(plan: ReleasePlan, kind: SectionKind, actionKind: string): PlanCodeAction | undefined {
  const template = sectionTemplate(kind, { withRolloutPlanning: !has(plan, 'rollout-planning') });
  if (!template) return undefined;
  let lines = template.lines;
  let anchorKind: AnchorKind = kind;
  let depth = wantedDepth(plan, kind);
  // a "Post launch metrics" heading with nothing under it: add the two check-ins inside it
  const container = plan.sections.find((s) => s.kind === 'post-launch');
  if (kind === 'post-launch' && container) {
    const both = sectionTemplate('post-launch', { withRolloutPlanning: false })!.lines;
    lines = both.slice(both.findIndex((l) => /^#+ 1-week/.test(l)));
    anchorKind = 'week-1';
    depth = Math.min(6, container.heading.depth + 1);
  }
  const place = placeBlock(plan, anchorKind, depth);
  const block = withBullet(shiftHeadings(lines, place.depth - firstHeadingDepth(lines)), bulletOf(plan));
  return { title: `Add ${template.what}`, kind: actionKind, edits: [place.insert(block)] };
}

export function missingSectionActions(plan: ReleasePlan, actionKind: string): PlanCodeAction[] {
  return missingSectionKinds(plan)
    .map((k) => addSectionAction(plan, k, actionKind))
    .filter((a): a is PlanCodeAction => a !== undefined);
}
