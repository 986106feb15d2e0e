// Helpers the checks share: the timeline severity rules, stage names in messages, and ranges as plain
// data for quick fixes. Questions about the plan itself (fieldAt, stagePercentage, N/A sections…) live in
// parse/.
import { compareDates, weekday, WEEKDAY_NAMES } from '../dates/calendar';
import type { Position, Range, ReleasePlan, Stage } from '../parse/model';
import { notApplicableAt, type NotApplicableSection } from '../parse/notApplicable';
import { fieldAt, fieldOnLine, stageOfField } from '../parse/queries';
import type { CheckContext, Finding, FindingData, LocalDate, Severity } from './types';

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

// When an unfilled value is worth mentioning, and how loudly — one answer for the placeholder,
// pick-one and empty-field checks:
// - under a section marked N/A (parse/notApplicable.ts): a faded hint, nothing to do;
// - in a stage's Results before that stage has ended, or in a stage with no dates yet: a hint, because
//   nobody can have the results yet ("to fill in after Stage C ends, Fri 3/14");
// - once the enclosing stage / check-in is over: the timeline's warning (timelineAt above);
// - anything else (toggle names, dates, success criteria, Planning fields): the check's own severity.
export interface FillTiming extends Timeline {
  /** Set when the value is a stage result that cannot exist yet: `after Stage C ends, Fri 3/14`. */
  awaiting?: string;
  notApplicable?: NotApplicableSection;
}

function shortDay(d: LocalDate, today: LocalDate): string {
  const year = d.year === today.year ? '' : `/${String(d.year % 100).padStart(2, '0')}`;
  return `${WEEKDAY_NAMES[weekday(d)].slice(0, 3)} ${d.month}/${d.day}${year}`;
}

export function fillTimingAt(plan: ReleasePlan, context: CheckContext, pos: Position): FillTiming {
  const notApplicable = notApplicableAt(plan, pos.line);
  if (notApplicable) return { severity: 'hint', notApplicable };
  const field = fieldAt(plan, pos) ?? fieldOnLine(plan, pos.line);
  const stage = field?.part === 'results' ? stageOfField(plan, field) : undefined;
  if (stage) {
    const planned = context.plannedEndAt(pos.line);
    if (!planned) return { severity: 'hint', awaiting: `once Stage ${stage.label} has run` };
    if (compareDates(planned.end, context.today) >= 0) return { severity: 'hint', awaiting: `after ${planned.label} ends, ${shortDay(planned.end, context.today)}` };
  }
  return timelineAt(context, pos.line);
}

/** Applies the timing's severity, and the fading of text under an N/A section, to a finding the check has worded. */
export function applyTiming(finding: Finding, timing: FillTiming): Finding {
  if (timing.severity) finding.severity = timing.severity;
  if (timing.notApplicable) finding.tags = ['unnecessary'];
  return finding;
}

/** A Range copied into plain data (FindingData has no room for interfaces). */
export function rangeData(r: Range): FindingData {
  return { start: { line: r.start.line, character: r.start.character }, end: { line: r.end.line, character: r.end.character } };
}

export function stageName(stage: Stage): string {
  return `Stage ${stage.label}`;
}
