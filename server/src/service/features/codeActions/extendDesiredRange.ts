// Quick fix for `date-outside-range`: "Extend the desired date range to 7/30/25". When a plan slips,
// every stage after the slip lands outside the desired range it was written against (seed 000: five
// findings against `6/30/25 - 7/16/25`); the honest fix is often to move the range, once, to cover
// every date it governs. One edit, written in the style of the date it replaces, and every finding
// of that cause is gone. Moving a stage instead stays with the author.
import { compareDates, type LocalDate } from '../../dates/calendar';
import type { Endpoint } from '../../dates/types';
import { datesOutsideRange } from '../../checks/date-outside-range';
import type { Finding } from '../../checks/types';
import type { Range, ReleasePlan } from '../../parse/model';
import { lineText } from './text';
import { KIND_QUICKFIX, type PlanCodeAction, type PlanTextEdit } from './types';

function sameRange(a: Range, b: Range): boolean {
  return a.start.line === b.start.line && a.start.character === b.start.character && a.end.line === b.end.line && a.end.character === b.end.character;
}

/** `d` written like `like` was: `7/16/25` → `7/30/25`, `07/16/2025` → `07/30/2025`, `7/16` → `7/30`; else m/d/yyyy. */
export function writeLike(like: string, d: LocalDate): string {
  const m = /^(\d{1,2})([/.-])(\d{1,2})(?:\2(\d{2}|\d{4}))?$/.exec(like.trim());
  if (!m) return `${d.month}/${d.day}/${d.year}`;
  // zero-padded only when the original was (`07/16` → `07/30`; `7/30` → `8/2`, not `8/02`)
  const width = m[1].startsWith('0') || m[3].startsWith('0') ? 2 : 1;
  const pad = (n: number) => String(n).padStart(width, '0');
  const year = m[4] === undefined ? '' : `${m[2]}${m[4].length === 2 ? String(d.year % 100).padStart(2, '0') : d.year}`;
  return `${pad(d.month)}${m[2]}${pad(d.day)}${year}`;
}

export function extendDesiredRangeFixes(plan: ReleasePlan, finding: Finding): PlanCodeAction[] {
  const all = datesOutsideRange(plan);
  const hit = all.find((o) => sameRange(o.finding.range, finding.range));
  if (!hit) return [];
  const { desired } = hit;
  // only a range written as one `start - end` is rewritten; a list of ranges is for the author to merge
  const only = desired.mentions.length === 1 ? desired.mentions[0] : undefined;
  if (!only || only.expr.kind !== 'range' || !desired.end) return [];
  const same = all.filter((o) => o.desired === desired);
  let start = desired.start;
  let end = desired.end;
  for (const o of same) {
    if (o.mention.start && compareDates(o.mention.start, start) < 0) start = o.mention.start;
    if (o.mention.end && compareDates(o.mention.end, end) > 0) end = o.mention.end;
  }
  const text = lineText(plan, only.line);
  const edits: PlanTextEdit[] = [];
  const endpoint = (e: Endpoint, d: LocalDate): PlanTextEdit => {
    const written = writeLike(text.slice(e.span.start, e.span.end), d);
    return { range: { start: { line: only.line, character: e.span.start }, end: { line: only.line, character: e.span.end } }, newText: written };
  };
  const startEdit = compareDates(start, desired.start) < 0 ? endpoint(only.expr.start, start) : undefined;
  const endEdit = compareDates(end, desired.end) > 0 ? endpoint(only.expr.end, end) : undefined;
  if (startEdit) edits.push(startEdit);
  if (endEdit) edits.push(endEdit);
  if (edits.length === 0) return [];
  const to = startEdit && endEdit ? `${startEdit.newText} - ${endEdit.newText}` : startEdit ? `start ${startEdit.newText}` : (endEdit as PlanTextEdit).newText;
  return [{ title: `Extend the desired date range to ${to}`, kind: KIND_QUICKFIX, edits, diagnostics: same.map((o) => o.finding) }];
}
