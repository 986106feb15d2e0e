// Hover on a date, a range, a month, a length or a date placeholder: the weekday(s), the inclusive
// day count, where the year came from when the plan did not write it, how the date sits against the
// plan's desired date range, and against today ("ends in 3 days", "12 days ago"). Pure: today is
// handed in. Returns the range of the expression too, so the editor highlights what was read.
import { compareDates, daysBetween, type LocalDate, WEEKDAY_NAMES, weekday } from '../dates/calendar';
import { formatDate, formatDateWithWeekday, formatDuration, plural, relativeDay } from '../dates/format';
import { readLength } from '../dates/length';
import { lengthPairs } from '../dates/pairs';
import { planDates, type DateMention, type DesiredRange, type PlanDates } from '../dates/planDates';
import type { Endpoint } from '../dates/types';
import { containsPosition } from '../parse/index';
import type { Position, Range, ReleasePlan } from '../parse/model';
import { rolloutNames } from './rolloutNames';
import { escapeMarkdown } from './toggleHover';

export interface DateHover {
  markdown: string;
  range: Range;
}

const MONTH_FULL = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

function yearNote(m: DateMention): string | undefined {
  switch (m.yearSource) {
    case 'desired-range': return `Year ${m.start?.year} taken from the desired date range.`;
    case 'neighbour': return `Year ${m.start?.year} taken from the nearest dated line.`;
    case undefined: return 'Year unknown: no check uses this date until it has a year (or the plan has a dated desired date range).';
    default: return undefined;
  }
}

/** A written weekday that disagrees with the calendar (`Thursday Oct 24` in 2024 was a Thursday; in 2025 not). */
function weekdayNotes(m: DateMention): string[] {
  if (!m.start || !m.end) return [];
  const ends: Array<[Endpoint, LocalDate]> = m.expr.kind === 'range' ? [[m.expr.start, m.start], [m.expr.end, m.end]] : m.expr.kind === 'date' ? [[m.expr.date, m.start]] : [];
  const notes: string[] = [];
  for (const [e, d] of ends) {
    if (e.granularity !== 'day' || !e.weekday || e.weekday.value === weekday(d)) continue;
    notes.push(`Written as ${WEEKDAY_NAMES[e.weekday.value]}, but ${formatDate(d)} is a ${WEEKDAY_NAMES[weekday(d)]}.`);
  }
  return notes;
}

function againstToday(start: LocalDate, end: LocalDate, today: LocalDate): string {
  if (compareDates(start, end) === 0) {
    const rel = relativeDay(start, today);
    return `${rel[0].toUpperCase()}${rel.slice(1)}.`;
  }
  if (compareDates(today, start) < 0) return `Starts ${relativeDay(start, today)}.`;
  if (compareDates(today, end) > 0) return `Ended ${relativeDay(end, today)}.`;
  const day = daysBetween(start, today) + 1;
  const total = daysBetween(start, end) + 1;
  const ends = compareDates(today, end) === 0 ? 'ends today' : `ends ${relativeDay(end, today)}`;
  return `Under way: day ${day} of ${total}, ${ends}.`;
}

function againstDesired(m: DateMention, desired: DesiredRange | undefined): string | undefined {
  if (!desired || !m.start || !m.end) return undefined;
  if (desired.mentions.includes(m)) return 'This is the plan\'s desired date range.';
  const window = desired.end ? `the desired date range (${desired.text})` : `the desired start date (${desired.text})`;
  const before = daysBetween(m.start, desired.start);
  if (before > 0) return `Starts ${plural(before, 'day')} before ${window}.`;
  if (desired.end) {
    const startsAfter = daysBetween(desired.end, m.start);
    if (startsAfter > 0) return `${compareDates(m.start, m.end) === 0 ? 'Falls' : 'Starts'} ${plural(startsAfter, 'day')} after ${window} ends.`;
    const endsAfter = daysBetween(desired.end, m.end);
    if (endsAfter > 0) return `Ends ${plural(endsAfter, 'day')} after ${window} ends.`;
    return `Inside ${window}.`;
  }
  return `On or after ${window}.`;
}

function lengthNote(m: DateMention, dates: PlanDates): string | undefined {
  const pair = lengthPairs(dates).find((p) => p.range === m || p.duration === m);
  if (!pair) return undefined;
  const days = pair.range.start && pair.range.end ? { start: pair.range.start, end: pair.range.end } : pair.range.relative;
  if (!days) return undefined;
  const reading = readLength(pair.duration.expr, days.start, days.end);
  const declared = `'${pair.duration.expr.text}' (${formatDuration(pair.duration.expr)})`;
  const counted = `${plural(reading.inclusiveDays, 'day')} counting both ends, ${plural(reading.businessDays, 'business day')}`;
  return reading.agrees
    ? `Declared length ${declared} agrees with ${pair.range.expr.text} (${counted}).`
    : `Declared length ${declared} does not match ${pair.range.expr.text} (${counted}).`;
}

function endpoints(m: DateMention): Endpoint[] {
  return m.expr.kind === 'range' ? [m.expr.start, m.expr.end] : m.expr.kind === 'date' ? [m.expr.date] : [];
}

function heading(m: DateMention): string | undefined {
  const e = m.expr;
  if (e.kind === 'placeholder') return '**Date placeholder**: replace it with the real date (for example 7/16/25).';
  if (e.kind === 'duration') return `**${formatDuration(e)}**`;
  const invalid = endpoints(m).find((p) => p.granularity === 'day' && !p.valid);
  if (invalid && invalid.granularity === 'day') return `**Not a date**: ${invalid.invalidReason ?? 'no such day'}.`;
  const span = m.start && m.end ? { start: m.start, end: m.end } : undefined;
  if (e.kind === 'date' && e.date.granularity === 'month') {
    const name = `${MONTH_FULL[e.date.month - 1]}${span ? ` ${span.start.year}` : ''}`;
    return span ? `**${name}**: ${formatDateWithWeekday(span.start)} – ${formatDateWithWeekday(span.end)}, ${plural(daysBetween(span.start, span.end) + 1, 'day')}` : `**${name}**`;
  }
  if (!span) {
    const rel = m.relative;
    return rel && e.kind === 'range' ? `**${plural(daysBetween(rel.start, rel.end) + 1, 'day')}** counting both ends` : undefined;
  }
  if (compareDates(span.start, span.end) === 0) return `**${WEEKDAY_NAMES[weekday(span.start)]}, ${formatDate(span.start)}**`;
  const days = daysBetween(span.start, span.end) + 1;
  if (days <= 0) return `**${formatDateWithWeekday(span.start)} – ${formatDateWithWeekday(span.end)}**: ends before it starts`;
  return `**${formatDateWithWeekday(span.start)} – ${formatDateWithWeekday(span.end)}**: ${plural(days, 'day')} counting both ends`;
}

/** In a plan with several rollouts, which one a stage's date belongs to (one-rollout plans: nothing). */
function rolloutNote(plan: ReleasePlan, m: DateMention): string | undefined {
  const index = m.stage?.rollout;
  const names = rolloutNames(plan);
  if (!names || index === undefined || !names[index]) return undefined;
  return `Stage ${escapeMarkdown(m.stage?.label ?? '')} of rollout ${index + 1} of ${names.length}: **${escapeMarkdown(names[index].name)}**.`;
}

/** The hover for the date expression at `position`, if there is one. */
export function provideDateHover(plan: ReleasePlan, position: Position, today: LocalDate): DateHover | undefined {
  const dates = planDates(plan);
  const m = dates.mentions.find((x) => x.line === position.line && containsPosition(x.range, position));
  if (!m) return undefined;
  const title = heading(m);
  if (!title) return undefined;
  const lines = [title];
  const invalid = (m.expr.kind === 'date' || m.expr.kind === 'range') && endpoints(m).some((p) => p.granularity === 'day' && !p.valid);
  if ((m.expr.kind === 'date' || m.expr.kind === 'range') && !invalid) {
    const valid = m.start && m.end && compareDates(m.start, m.end) <= 0;
    const notes = [yearNote(m), ...weekdayNotes(m)];
    if (valid && m.start && m.end) notes.push(againstToday(m.start, m.end, today), againstDesired(m, dates.desiredFor(m.line)));
    lines.push(...notes.filter((n): n is string => n !== undefined));
  }
  const length = lengthNote(m, dates);
  if (length) lines.push(length);
  const rollout = rolloutNote(plan, m);
  if (rollout) lines.push(rollout);
  return { markdown: lines.join('\n\n'), range: m.range };
}
