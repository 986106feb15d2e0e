// Phase 9 of parsePlan: the plan's rollouts. Most plans ramp one feature through Stage A, B, C…; some
// ramp several (one per toggle, facility or product area), each under its own heading with its stages
// starting again at Stage A. A stage sequence that restarts under a new heading — a heading above the
// stages' own level, between the previous stage and the restarted one — starts a new rollout, so the
// order checks compare a stage only with the stages of its own rollout. A restarted Stage A with no
// such heading is a copy that was never renamed, and stays in the same rollout (stage-sequence).
import type { Field, Heading, Range, Rollout, Stage, Toggle } from './model';

function restarts(stage: Stage): boolean {
  return stage.sub === undefined && (stage.ordinal === 1 || (stage.labelKind === 'number' && stage.ordinal === 0));
}

/**
 * The items on lines `from` through `to`, from a list in line order: two binary searches and a slice,
 * where a filter per rollout (and per restarted stage) over every heading and toggle made this phase
 * quadratic — the largest single line of a keystroke in a 300 KB plan of many rollouts.
 */
function onLines<T>(items: readonly T[], lineOf: (item: T) => number, from: number, to: number): T[] {
  return items.slice(firstAfter(items, lineOf, from - 1), firstAfter(items, lineOf, to));
}

/** The index of the first item whose line is after `line`. */
function firstAfter<T>(items: readonly T[], lineOf: (item: T) => number, line: number): number {
  let lo = 0;
  let hi = items.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (lineOf(items[mid]) <= line) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

const headingLine = (h: Heading) => h.line;
const toggleLine = (t: Toggle) => t.range.start.line;
const fieldLine = (f: Field) => f.line;

/** `headings`, `toggles` and `desiredDateRanges` in line order (as parsePlan makes them). */
export function readRollouts(stages: readonly Stage[], headings: readonly Heading[], toggles: readonly Toggle[], desiredDateRanges: readonly Field[], lineCount: number): Rollout[] {
  const stageLines = new Set(stages.map((s) => s.heading.range.start.line));
  const groups: { heading?: Heading; stages: Stage[] }[] = [];
  let prev: Stage | undefined;
  for (const stage of stages) {
    let opener: Heading | undefined;
    if (prev && restarts(stage) && stage.source === 'heading') {
      const from = prev.heading.range.start.line;
      const to = stage.heading.range.start.line;
      const depth = stage.headingDepth ?? 7;
      const between = onLines(headings, headingLine, from + 1, to - 1).filter((h) => h.depth < depth && !stageLines.has(h.line));
      // the shallowest heading names the rollout (`## Rollout 2: the mobile app` over `### Planning`)
      opener = between.reduce<Heading | undefined>((best, h) => (!best || h.depth < best.depth ? h : best), undefined);
    }
    if (!prev || opener) groups.push({ heading: opener, stages: [] });
    groups[groups.length - 1].stages.push(stage);
    prev = stage;
  }
  return groups.map((g, index) => {
    const next = groups[index + 1];
    // a rollout runs from its heading (the first: from its first stage) up to the next rollout's heading
    const startLine = g.heading ? g.heading.line : index === 0 ? 0 : g.stages[0].heading.range.start.line;
    const endLine = next ? (next.heading?.line ?? next.stages[0].heading.range.start.line) - 1 : lineCount - 1;
    const range: Range = { start: { line: startLine, character: 0 }, end: { line: endLine, character: 0 } };
    for (const s of g.stages) s.rollout = index;
    return {
      index,
      heading: g.heading,
      range,
      stages: g.stages,
      toggles: onLines(toggles, toggleLine, startLine, endLine),
      desiredDateRanges: onLines(desiredDateRanges, fieldLine, startLine, endLine),
    };
  });
}
