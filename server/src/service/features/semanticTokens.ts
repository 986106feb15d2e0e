// Semantic tokens for a detected plan: what the old TextMate injection coloured in every markdown file
// (placeholders, [PICK_ONE]s, toggles, dates, percentages, stage labels), now coloured only where the
// server has decided the document is a release plan, from the same model the checks read, so the
// colours and the findings agree. Custom token types with a legend; package.json declares them
// (contributes.semanticTokenTypes, with a standard super type) and maps each to the TextMate scope the
// grammar used (contributes.semanticTokenScopes), so themes can restyle them and a theme that styled
// the old scopes keeps working. Pure: the LSP adapter encodes these into the protocol's relative form.
import { fieldPercentage } from '../parse/queries';
import { notApplicableAt } from '../parse/notApplicable';
import { percentageField } from '../parse/queries';
import { planDates } from '../dates/planDates';
import type { Range, ReleasePlan } from '../parse/model';
import { lineIndexOf } from '../parse/text';

/** Token types, in legend order (the protocol sends indexes into this list). */
export const TOKEN_TYPES = ['placeholder', 'pickOne', 'toggle', 'date', 'percentage', 'stageLabel'] as const;
/** `notApplicable`: a placeholder under a section the plan marks N/A (themes can fade it). */
export const TOKEN_MODIFIERS = ['notApplicable'] as const;

export type TokenType = (typeof TOKEN_TYPES)[number];
export type TokenModifier = (typeof TOKEN_MODIFIERS)[number];

export interface PlanToken {
  line: number;
  character: number;
  length: number;
  type: TokenType;
  modifiers: TokenModifier[];
}

function singleLine(r: Range, type: TokenType, modifiers: TokenModifier[] = []): PlanToken | undefined {
  if (r.start.line !== r.end.line || r.end.character <= r.start.character) return undefined;
  return { line: r.start.line, character: r.start.character, length: r.end.character - r.start.character, type, modifiers };
}

/**
 * The plan's tokens in document order, without overlaps (a date inside a placeholder's text, say, is
 * dropped: the protocol allows no overlapping tokens), limited to `range` when given.
 */
export function provideSemanticTokens(plan: ReleasePlan, range?: Range): PlanToken[] {
  const candidates: Array<PlanToken | undefined> = [];
  for (const p of plan.placeholders) {
    const modifiers: TokenModifier[] = notApplicableAt(plan, p.range.start.line) ? ['notApplicable'] : [];
    candidates.push(singleLine(p.range, p.kind === 'pick-one' ? 'pickOne' : 'placeholder', modifiers));
  }
  for (const t of plan.toggles) {
    candidates.push(singleLine(t.range, 'toggle'));
    if (t.link?.featureName && t.link.featureName === t.name) {
      // the name inside the Flipper URL is the same toggle
      const at = t.link.target.lastIndexOf(t.link.featureName);
      const r = t.link.range;
      if (at >= 0 && r.start.line === r.end.line) candidates.push(singleLine({ start: { line: r.start.line, character: r.start.character + at }, end: { line: r.start.line, character: r.start.character + at + t.name.length } }, 'toggle'));
    }
  }
  for (const m of planDates(plan).mentions) {
    if (m.expr.kind === 'date' || m.expr.kind === 'range') candidates.push(singleLine(m.range, 'date'));
  }
  const lines = lineIndexOf(plan);
  for (const stage of plan.stages) {
    if (stage.percentage) candidates.push(singleLine(stage.percentage.range, 'percentage'));
    const field = percentageField(stage);
    const value = field && fieldPercentage(field);
    if (value) candidates.push(singleLine(value.range, 'percentage'));
    // `Stage B`: the word and the label
    const r = stage.labelRange;
    const before = lines.lineText(r.start.line).slice(0, r.start.character);
    const word = /stage\s+$/i.exec(before);
    const start = word ? r.start.character - word[0].length : r.start.character;
    candidates.push(singleLine({ start: { line: r.start.line, character: start }, end: r.end }, 'stageLabel'));
  }
  const tokens = candidates
    .filter((t): t is PlanToken => t !== undefined)
    .filter((t) => !range || (t.line >= range.start.line && t.line <= range.end.line))
    .sort((a, b) => a.line - b.line || a.character - b.character || b.length - a.length);
  const out: PlanToken[] = [];
  for (const t of tokens) {
    const last = out[out.length - 1];
    if (last && last.line === t.line && t.character < last.character + last.length) continue;
    out.push(t);
  }
  return out;
}
