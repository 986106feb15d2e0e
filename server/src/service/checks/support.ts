// Helpers the checks share: the timeline severity rule, stage names in messages, and ranges as plain
// data for quick fixes. Questions about the plan itself (fieldAt, stagePercentage…) live in parse/queries.ts.
import { compareDates } from '../dates/calendar';
import type { Range, Stage } from '../parse/model';
import type { CheckContext, FindingData, Severity } from './types';

export interface Timeline {
  /** Undefined keeps the check's (or the user's) severity. */
  severity?: Severity;
  /** Set when the enclosing stage or check-in ended before today. */
  ended?: { label: string; endText: string };
}

/**
 * The catalogue's timeline rule for unfilled things: information while the stage is ahead or under way,
 * warning once the plan's own dates say the enclosing stage or check-in is over.
 */
export function timelineAt(context: CheckContext, line: number): Timeline {
  const planned = context.plannedEndAt(line);
  if (!planned || compareDates(planned.end, context.today) >= 0) return {};
  return { severity: 'warning', ended: { label: planned.label, endText: planned.endText } };
}

/** A Range copied into plain data (FindingData has no room for interfaces). */
export function rangeData(r: Range): FindingData {
  return { start: { line: r.start.line, character: r.start.character }, end: { line: r.end.line, character: r.end.character } };
}

export function stageName(stage: Stage): string {
  return `Stage ${stage.label}`;
}
