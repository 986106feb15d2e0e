// Helpers the placeholder/field/rollout checks share: the timeline severity rule, finding the field a
// line belongs to, quoting labels in messages, and ranges as plain data for quick fixes.
import type { Field, Position, Range, ReleasePlan } from '../parse/model';
import { userPercentage } from '../parse/shares';
import type { CheckContext, FindingData, LocalDate, Severity } from './types';

export function isBefore(a: LocalDate, b: LocalDate): boolean {
  return a.year !== b.year ? a.year < b.year : a.month !== b.month ? a.month < b.month : a.day < b.day;
}

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
  if (!planned || !isBefore(planned.end, context.today)) return {};
  return { severity: 'warning', ended: { label: planned.label, endText: planned.endText } };
}

/**
 * The field whose value holds the position: the field on that line, else the field whose nested items
 * include it. A position inside a label (`- [FILL_IN] : list`) belongs to the enclosing field instead.
 */
export function fieldAt(plan: ReleasePlan, pos: Position): Field | undefined {
  let owner: Field | undefined;
  for (const f of plan.fields) {
    if (f.line > pos.line) break;
    const inLabel = f.line === pos.line && pos.character < f.labelRange.end.character;
    if (f.line === pos.line && !inLabel) return f;
    if (f.children.some((c) => c.range.start.line <= pos.line && c.range.end.line >= pos.line)) owner = f;
  }
  return owner;
}

/** The field's label for a message, unless the label is itself a placeholder (`- TBD: …`), which names nothing. */
export function fieldLabel(plan: ReleasePlan, field: Field | undefined): string | undefined {
  if (!field) return undefined;
  const inLabel = plan.placeholders.some((p) => p.range.start.line === field.line && p.range.start.character < field.labelRange.end.character && p.range.end.character > field.labelRange.start.character);
  return inLabel ? undefined : quoteLabel(field.label);
}

/** A label as messages quote it: long template questions are cut at a word boundary. */
export function quoteLabel(label: string, max = 60): string {
  // a trailing `(and roughly how many users…)` aside and a pasted bullet (`•`) are not part of the name
  const clean = label.replace(/^[•◦▪‣·]\s*/, '').replace(/\s*\([^()]*\)\s*$/, '').replace(/\s+/g, ' ').trim() || label.trim();
  if (clean.length <= max) return `'${clean}'`;
  const cut = clean.slice(0, max);
  const space = cut.lastIndexOf(' ');
  return `'${(space > max / 2 ? cut.slice(0, space) : cut).replace(/[\s,;:]+$/, '')}…'`;
}

/** A Range copied into plain data (FindingData has no room for interfaces). */
export function rangeData(r: Range): FindingData {
  return { start: { line: r.start.line, character: r.start.character }, end: { line: r.end.line, character: r.end.character } };
}

export function rangeOnLine(line: number, start: number, end: number): Range {
  return { start: { line, character: start }, end: { line, character: end } };
}

export interface FoundPercentage {
  value: number;
  text: string;
  range: Range;
}

/** The first `N%` in a field's value, else in its first nested item that has one. */
export function fieldPercentage(field: Field): FoundPercentage | undefined {
  const spans = [{ text: field.value, range: field.valueRange }, ...field.children];
  for (const s of spans) {
    // `100% of pilot sites` is not a share of users (parse/shares.ts)
    const m = userPercentage(s.text);
    // a value spread over lines (lazy continuation) keeps positions only for its first line
    if (!m || s.text.slice(0, m.index).includes('\n')) continue;
    // `x% (500 users) (…at most 10%)`, `[FILL_IN]%`: the percentage is still to be filled in; the
    // template's recommendation after it is not the stage's percentage
    if (/(?:\[\s*FILL\\?_IN\s*\\?\]|(?<![\w])[xX]{1,3})\s*%/.test(s.text.slice(0, m.index))) return undefined;
    const start = s.range.start.character + m.index;
    return { value: m.value, text: m.text, range: rangeOnLine(s.range.start.line, start, start + m.text.length) };
  }
  return undefined;
}

export function formatPercent(value: number): string {
  return `${value}%`;
}
