// "Disable <id> for this line" / "…for this file": the HTML comment forms of disable.ts, written so
// the markdown renders and parses exactly as before.
//  - A comment line above the finding's line (`disable-next-line`), indented so it stays inside the
//    list item it sits in: at column 0 between two items it would end the list (and split a list of
//    stages in two).
//  - Where a line of its own would break the structure — a table row (ends the table) or the middle
//    of a prose paragraph (splits it) — the inline `disable-line` form at the end of the line (inside
//    the row's last cell). A `Label: value` line inside a paragraph gets the line above all the same:
//    an inline comment would become part of its value, a paragraph break changes nothing the model reads.
//  - An existing directive of the same kind is extended (` id`) rather than stacked with another.
import { CHECK_IDS } from '../../checks/catalogue';
import type { Finding } from '../../checks/types';
import { parseDirectives, type Directive, type DirectiveKind } from '../../disable';
import type { ReleasePlan } from '../../parse/model';
import { headingAtLine, isBlank, lineText, listItemOf } from './text';
import { KIND_QUICKFIX, type PlanCodeAction, type PlanTextEdit } from './types';

const TABLE_DELIMITER = /^\s*\|?\s*:?-+:?\s*(?:\|\s*:?-+:?\s*)*\|?\s*$/;

function directivesOf(plan: ReleasePlan): Directive[] {
  return parseDirectives(plan, CHECK_IDS).directives;
}

/** Adds ` id` after the directive's last id. */
function extend(d: Directive, id: string): PlanTextEdit | undefined {
  const last = d.idRanges[d.idRanges.length - 1];
  if (!last) return undefined;
  return { range: { start: last.end, end: last.end }, newText: ` ${id}` };
}

function directiveOn(plan: ReleasePlan, kind: DirectiveKind, line: number): Directive | undefined {
  return directivesOf(plan).find((d) => d.kind === kind && d.range.start.line === line && d.range.end.line === line);
}

function isTableRow(plan: ReleasePlan, line: number): boolean {
  const text = lineText(plan, line);
  if (!text.includes('|')) return false;
  if (/^\s*\|/.test(text) || TABLE_DELIMITER.test(text)) return true;
  for (let l = line - 1; l >= 0 && !isBlank(plan, l); l--) if (TABLE_DELIMITER.test(lineText(plan, l)) && lineText(plan, l).includes('|')) return true;
  return false;
}

/** A line that continues the paragraph (or list item text) above it: a comment line there would split it. */
function continuesParagraph(plan: ReleasePlan, line: number): boolean {
  if (line === 0 || isBlank(plan, line - 1)) return false;
  const text = lineText(plan, line);
  const above = lineText(plan, line - 1);
  if (headingAtLine(plan, line) || headingAtLine(plan, line - 1) || listItemOf(text)) return false;
  if (/^\s*(?:<!--|```|~~~|>?\s*$)/.test(text) || /-->\s*$|^\s*(?:```|~~~)/.test(above)) return false;
  return true;
}

/** Where a comment line above `line` must start to stay in the same list item / quote. */
function commentIndent(plan: ReleasePlan, line: number): string {
  const text = lineText(plan, line);
  const item = listItemOf(text);
  if (!item) return /^[ \t]*(?:>[ \t]?)*/.exec(text)![0];
  let p = line - 1;
  while (p >= 0 && isBlank(plan, p)) p--;
  const prev = p >= 0 ? lineText(plan, p) : '';
  const prevIndent = /^[ \t]*/.exec(prev)![0].length;
  const inSameList = p >= 0 && !headingAtLine(plan, p) && ((listItemOf(prev) !== undefined && prevIndent >= item.lead.length) || prevIndent > item.lead.length);
  // not the list's first item: sit inside the previous item (its content column), so the list goes on
  return inSameList ? item.lead + ' '.repeat(item.marker.length) : item.lead;
}

function lineEdit(plan: ReleasePlan, line: number, id: string): PlanTextEdit | undefined {
  const text = lineText(plan, line);
  // a field line may start a paragraph of its own (each line is a field either way); prose may not
  const fieldLine = plan.fields.some((f) => f.line === line);
  if (isTableRow(plan, line) || (continuesParagraph(plan, line) && !fieldLine)) {
    const existing = directiveOn(plan, 'disable-line', line);
    if (existing) return extend(existing, id);
    const comment = `<!-- release-plan-disable-line ${id} -->`;
    const trimmedEnd = text.replace(/\s+$/, '').length;
    if (isTableRow(plan, line) && text[trimmedEnd - 1] === '|' && trimmedEnd > 1) {
      const pipe = trimmedEnd - 1;
      const space = /\s/.test(text[pipe - 1]) ? '' : ' ';
      return { range: { start: { line, character: pipe }, end: { line, character: pipe } }, newText: `${space}${comment} ` };
    }
    return { range: { start: { line, character: trimmedEnd }, end: { line, character: trimmedEnd } }, newText: ` ${comment}` };
  }
  if (line > 0) {
    const above = directiveOn(plan, 'disable-next-line', line - 1);
    if (above && lineText(plan, line - 1).trim().startsWith('<!--') && lineText(plan, line - 1).trim().endsWith('-->')) return extend(above, id);
  }
  const indent = commentIndent(plan, line);
  return { range: { start: { line, character: 0 }, end: { line, character: 0 } }, newText: `${indent}<!-- release-plan-disable-next-line ${id} -->${plan.eol}` };
}

function fileEdit(plan: ReleasePlan, id: string): PlanTextEdit | undefined {
  const existing = directivesOf(plan).find((d) => d.kind === 'disable-file' && d.ids.length > 0);
  if (existing) return extend(existing, id);
  let line = 0;
  // YAML front matter stays first
  if (lineText(plan, 0).trim() === '---') {
    for (let l = 1; l < plan.lineCount; l++) {
      if (lineText(plan, l).trim() === '---') {
        line = l + 1;
        break;
      }
    }
  }
  const character = line === 0 && plan.text.charCodeAt(0) === 0xfeff ? 1 : 0;
  return { range: { start: { line, character }, end: { line, character } }, newText: `<!-- release-plan-disable-file ${id} -->${plan.eol}` };
}

export function disableActions(plan: ReleasePlan, finding: Finding): PlanCodeAction[] {
  const id = finding.checkId;
  const out: PlanCodeAction[] = [];
  const line = lineEdit(plan, finding.range.start.line, id);
  if (line) out.push({ title: `Disable ${id} for this line`, kind: KIND_QUICKFIX, edits: [line], diagnostics: [finding] });
  const file = fileEdit(plan, id);
  if (file) out.push({ title: `Disable ${id} for this file`, kind: KIND_QUICKFIX, edits: [file], diagnostics: [finding] });
  return out;
}
