// Line-level helpers the code actions share: reading lines of the plan as written, the heading tree
// (parents, subtree ends) and building insertions that keep the document's line endings and leave
// exactly one blank line around a new block, whatever was there before.
import type { Heading, Position, ReleasePlan } from '../../parse/model';
import { lineIndexOf } from '../../parse/text';
import type { PlanTextEdit } from './types';

export function lineText(plan: ReleasePlan, line: number): string {
  const index = lineIndexOf(plan);
  return line >= 0 && line < index.lineCount ? index.lineText(line) : '';
}

export function isBlank(plan: ReleasePlan, line: number): boolean {
  return lineText(plan, line).trim() === '';
}

export function pos(line: number, character: number): Position {
  return { line, character };
}

export function lineEndPosition(plan: ReleasePlan, line: number): Position {
  return pos(line, lineText(plan, line).length);
}

/** The last non-blank line at or before `line` (and not before `floor`). */
export function lastContentLine(plan: ReleasePlan, line: number, floor = 0): number {
  let l = Math.min(line, plan.lineCount - 1);
  while (l > floor && isBlank(plan, l)) l--;
  return l;
}

/** The last line of a heading's subtree: up to the next heading of the same or a higher level. */
export function subtreeEnd(plan: ReleasePlan, heading: Heading): number {
  const next = plan.headings.find((h) => h.line > heading.line && h.depth <= heading.depth);
  return lastContentLine(plan, next ? next.line - 1 : plan.lineCount - 1, heading.line);
}

/** The heading that contains `heading` (nearest earlier heading with a smaller depth). */
export function parentHeading(plan: ReleasePlan, heading: Heading): Heading | undefined {
  // the nearest earlier heading with a smaller depth: anything shallower in between would be nearer
  let parent: Heading | undefined;
  for (const h of plan.headings) {
    if (h.line >= heading.line) break;
    if (h.depth < heading.depth) parent = h;
  }
  return parent;
}

export function headingAtLine(plan: ReleasePlan, line: number): Heading | undefined {
  return plan.headings.find((h) => h.line === line);
}

export function hashes(depth: number): string {
  return '#'.repeat(Math.max(1, Math.min(6, depth)));
}

/**
 * Inserts `block` (lines without line breaks) before line `line`, separated from what comes before
 * and after by one blank line.
 */
export function insertBefore(plan: ReleasePlan, line: number, block: readonly string[]): PlanTextEdit {
  const eol = plan.eol;
  const lead = line > 0 && !isBlank(plan, line - 1) ? eol : '';
  return { range: { start: pos(line, 0), end: pos(line, 0) }, newText: lead + block.join(eol) + eol + eol };
}

/** Inserts `block` after the end of line `line`, with one blank line before it (and after, when text follows). */
export function insertAfter(plan: ReleasePlan, line: number, block: readonly string[]): PlanTextEdit {
  const eol = plan.eol;
  const at = lineEndPosition(plan, line);
  const followed = line + 1 < plan.lineCount && !isBlank(plan, line + 1);
  return { range: { start: at, end: at }, newText: eol + eol + block.join(eol) + (followed ? eol : '') };
}

/** Leading whitespace of a line (spaces and tabs as written). */
export function indentOf(text: string): string {
  return /^[ \t]*/.exec(text)![0];
}

const LIST_ITEM = /^([ \t]*(?:>[ \t]?)*)((?:[-*+]|\d{1,9}[.)])[ \t]+)/;

/** `{ lead, marker }` of a list item line (`  - `, `3. `), or undefined. */
export function listItemOf(text: string): { lead: string; marker: string } | undefined {
  const m = LIST_ITEM.exec(text);
  return m ? { lead: m[1], marker: m[2] } : undefined;
}

/** The bullet the plan writes its lists with (`-`, `*` or `+`, the most used), for inserted template text. */
export function bulletOf(plan: ReleasePlan): string {
  const counts: Record<string, number> = { '-': 0, '*': 0, '+': 0 };
  for (const m of plan.text.matchAll(/^[ \t]*([-*+])[ \t]+\S/gm)) counts[m[1]]++;
  const [bullet, n] = Object.entries(counts).sort((a, b) => b[1] - a[1])[0];
  return n > 0 ? bullet : '-';
}

/** Template lines with the plan's bullet instead of the template's `-`. */
export function withBullet(lines: readonly string[], bullet: string): string[] {
  return bullet === '-' ? [...lines] : lines.map((l) => l.replace(/^([ \t]*)- /, `$1${bullet} `));
}
