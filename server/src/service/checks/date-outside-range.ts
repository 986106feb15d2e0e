// `date-outside-range`: a stage's planned dates, or a release / go-live date, outside the desired date
// range that governs them (`Desired date range: 6/30/25 - 7/16/25` but Stage D runs 7/28/25 - 7/30/25).
// The range points at the part that is outside: the end date when only the end runs over, the whole
// range when all of it is out. Dates whose year is unknown never fire (see dates/planDates.ts).
import { compareDates, daysBetween, type LocalDate } from '../dates/calendar';
import { planDates, type DateMention, type DesiredRange } from '../dates/planDates';
import { planTimeline } from '../dates/timeline';
import type { Range, ReleasePlan } from '../parse/model';
import type { Check, Finding } from './types';
import { quoteLabel } from '../parse/queries';
import { rangeData } from './support';

/** Fields outside stages whose date should fall in the desired window. */
const RELEASE_FIELD_RE = /\b(?:release date|go[- ]?live(?: date)?|launch date|target (?:release|launch)(?: date)?)\b/i;

const iso = (d: LocalDate): string => `${d.year}-${String(d.month).padStart(2, '0')}-${String(d.day).padStart(2, '0')}`;

function windowEdge(d: DesiredRange, edge: 'start' | 'end'): string {
  return d.end ? `the desired date range (${d.text}) ${edge === 'start' ? 'starts' : 'ends'}` : `the desired start date (${d.text})`;
}

interface Subject {
  mention: DateMention;
  label: string;
  /** A go-live / release date: Phase I's test window (`…or test duration`) says nothing about it. */
  release?: boolean;
}

function subjects(plan: ReleasePlan): Subject[] {
  const dates = planDates(plan);
  const out: Subject[] = [];
  const seen = new Set<DateMention>();
  for (const w of planTimeline(plan).stages) {
    for (const m of w.mentions) {
      seen.add(m);
      out.push({ mention: m, label: w.label });
    }
  }
  const releaseFields = new Set(plan.releaseDates);
  for (const m of dates.mentions) {
    if (seen.has(m) || !m.field || !(RELEASE_FIELD_RE.test(m.field.label) || releaseFields.has(m.field))) continue;
    if (m.expr.kind !== 'date' && m.expr.kind !== 'range') continue;
    out.push({ mention: m, label: quoteLabel(m.field.label), release: true });
  }
  return out;
}

/** A date outside its desired range: the finding, and what the "extend the range" fix needs. */
export interface OutsideRange {
  finding: Finding;
  mention: DateMention;
  desired: DesiredRange;
}

/** Every date outside its desired range (the check's findings, with the dates they were read from). */
export function datesOutsideRange(plan: ReleasePlan): OutsideRange[] {
  const dates = planDates(plan);
  const out: OutsideRange[] = [];
  for (const { mention: m, label, release } of subjects(plan)) {
    const desired = dates.desiredFor(m.line);
    if (!desired || desired.mentions.includes(m) || !m.start || !m.end) continue;
    if (release && /\btest duration\b/i.test(desired.field.label)) continue;
    const startsBefore = compareDates(m.start, desired.start) < 0;
    const endsBefore = compareDates(m.end, desired.start) < 0;
    const startsAfter = desired.end !== undefined && compareDates(m.start, desired.end) > 0;
    const endsAfter = desired.end !== undefined && compareDates(m.end, desired.end) > 0;
    if (!startsBefore && !endsAfter) continue;

    const expr = m.expr;
    const isRange = expr.kind === 'range';
    let range: Range = m.range;
    let message: string;
    if (endsAfter && desired.end) {
      const late = daysBetween(desired.end, m.end);
      if (isRange && !startsAfter && !startsBefore) {
        range = dates.spanRange(m.line, expr.end.span);
        message = `${label} ends ${dates.lineText(m.line).slice(expr.end.span.start, expr.end.span.end)}, ${late} day${late === 1 ? '' : 's'} after ${windowEdge(desired, 'end')}; move the date or widen the desired date range`;
      } else {
        message = `${label} ${isRange ? 'runs' : 'is on'} ${expr.text}, after ${windowEdge(desired, 'end')}; move the date${isRange ? 's' : ''} or widen the desired date range`;
      }
    } else {
      const early = daysBetween(m.start, desired.start);
      if (isRange && !endsBefore) {
        range = dates.spanRange(m.line, expr.start.span);
        message = `${label} starts ${dates.lineText(m.line).slice(expr.start.span.start, expr.start.span.end)}, ${early} day${early === 1 ? '' : 's'} before ${windowEdge(desired, 'start')}; move the date or widen the desired date range`;
      } else {
        message = `${label} ${isRange ? 'runs' : 'is on'} ${expr.text}, before ${windowEdge(desired, 'start')}; move the date${isRange ? 's' : ''} or widen the desired date range`;
      }
    }
    const finding: Finding = {
      checkId: 'date-outside-range',
      range,
      message,
      // every finding of one stale range points at it: the editor links them, and one edit fixes all
      related: pointersTo(desired),
      data: {
        subject: label,
        start: iso(m.start),
        end: iso(m.end),
        desiredStart: iso(desired.start),
        desiredEnd: desired.end ? iso(desired.end) : null,
        desiredRange: rangeData(desired.mentions[0].range),
      },
    };
    out.push({ finding, mention: m, desired });
  }
  return out;
}

export const dateOutsideRangeCheck: Check = {
  id: 'date-outside-range',
  description: "A stage date or range, or a release / go-live date, falls outside the plan's desired date range.",
  defaultSeverity: 'warning',
  check(plan) {
    return datesOutsideRange(plan).map((o) => o.finding);
  },
};

/** The related locations of a finding against a desired range: each of its dates (a loop, not a closure per finding). */
function pointersTo(desired: DesiredRange): NonNullable<Finding['related']> {
  const message = `The desired date range (${desired.text})`;
  const out: NonNullable<Finding['related']> = [];
  for (let i = 0; i < desired.mentions.length; i++) out.push({ range: desired.mentions[i].range, message });
  return out;
}
