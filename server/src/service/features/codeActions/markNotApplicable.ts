// Quick fix on "Phase I is marked N/A but still holds 9 template placeholders": write N/A in every
// field the section still leaves to fill, so the section reads as decided and the faded hints go.
// A placeholder in a field's value replaces the whole value (`yes/no, [FILL_IN]` → `N/A`: the template
// text around it was never an answer); one in a nested item replaces the item; a [PICK_ONE] replaces
// the marker and its options; an empty template field gets ` N/A`.
import { fieldAt } from '../../parse/queries';
import { isTemplateLabel } from '../../checks/empty-field';
import { notApplicableSections } from '../../parse/notApplicable';
import type { Finding } from '../../checks/types';
import type { Range, ReleasePlan } from '../../parse/model';
import { containsPosition } from '../../parse/text';
import { KIND_QUICKFIX, type PlanCodeAction, type PlanTextEdit } from './types';

function cmp(a: Range['start'], b: Range['start']): number {
  return a.line - b.line || a.character - b.character;
}

export function markNotApplicableFixes(plan: ReleasePlan, finding: Finding): PlanCodeAction[] {
  if (finding.checkId !== 'placeholder') return [];
  const section = notApplicableSections(plan).find((s) => s.heading.line === finding.range.start.line);
  if (!section) return [];
  const under = (line: number) => line > section.heading.line && line <= section.range.end.line;
  const edits: PlanTextEdit[] = [];
  for (const p of plan.placeholders) {
    if (!under(p.range.start.line)) continue;
    const field = fieldAt(plan, p.range.start);
    let range: Range;
    if (field && field.line === p.range.start.line && containsPosition(field.valueRange, p.range.start)) range = field.valueRange;
    else if (field?.children.some((c) => containsPosition(c.range, p.range.start))) range = field.children.find((c) => containsPosition(c.range, p.range.start))?.range as Range;
    else range = p.options ? { start: p.range.start, end: p.options.range.end } : p.range;
    edits.push({ range, newText: 'N/A' });
  }
  for (const f of plan.fields) {
    if (!under(f.line) || f.value !== '' || f.children.length > 0 || !isTemplateLabel(f.label)) continue;
    edits.push({ range: f.valueRange, newText: ' N/A' });
  }
  // several placeholders in one value become one edit; overlapping edits are not allowed
  edits.sort((a, b) => cmp(a.range.start, b.range.start) || cmp(b.range.end, a.range.end));
  const merged: PlanTextEdit[] = [];
  for (const e of edits) {
    const last = merged[merged.length - 1];
    if (last && (cmp(e.range.start, last.range.end) < 0 || cmp(e.range.start, last.range.start) === 0)) continue;
    merged.push(e);
  }
  if (merged.length === 0) return [];
  return [{ title: 'Mark the remaining fields N/A', kind: KIND_QUICKFIX, edits: merged, diagnostics: [finding] }];
}
