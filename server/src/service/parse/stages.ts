// Stages as the parser reads them: a `Stage X…` label at the start of a heading, list item or table
// row becomes a Stage (label kind, ordinal, name, percentage); and phase 6 of parsePlan, the fallback
// for plans whose stages are list items or table rows rather than headings.
import type { Field, ReleasePlan, Stage, StageLabelKind, StageSource, TextSpan } from './model';
import { userPercentage } from './shares';
import { romanValue } from './stageLabels';
import type { ParseState } from './state';
import type { LineIndex } from './text';

// `Stage A`, `Stage II`, `Stage 3`, and sub-stages inserted between two others: `Stage A.1`.
const STAGE_RE = /^[\s*_~]{0,4}[Ss]tage\s+(([A-Z]|[IVX]{1,5}|\d{1,2})(?:\.(\d{1,2}))?)(?![\w.])/;
const ROMAN = /^[IVX]+$/;

export interface StageCandidate {
  /** The whole label (`A.1`), its base (`A`) and sub-stage number. */
  label: string;
  base: string;
  sub?: number;
  labelStart: number;
  /** How much text the label covers, when not the label itself (a ramp step's date). */
  labelLength?: number;
  rest: string;
  restStart: number;
}

/** Stages that a list or table offers, with the list item each came from (-1 for a table row). */
export type StageGroup = { stage: Stage; itemId: number; /** a dated ramp step, not a `Stage X` item */ step?: boolean }[];

/** Builds a Stage from a candidate; `heading` is the text that introduced it. */
export interface StageMaker {
  make(cand: StageCandidate, heading: TextSpan, source: StageSource, depth: number | undefined): Stage;
}

/** Reads `Stage X…` at the start of `source` (source text starting at document offset `base`). */
export function stageAt(source: string, base: number): StageCandidate | undefined {
  const m = STAGE_RE.exec(source);
  if (!m) return undefined;
  const labelStart = base + m.index + m[0].length - m[1].length;
  const after = m.index + m[0].length;
  return { label: m[1], base: m[2], sub: m[3] !== undefined ? parseInt(m[3], 10) : undefined, labelStart, rest: source.slice(after), restStart: base + after };
}

/** `Stage A Results (5/13-5/15)`: a heading that belongs to a stage rather than starting one. */
export function isResultsOf(cand: StageCandidate): boolean {
  return /^\W*results?\b/i.test(cand.rest);
}

function labelKind(label: string, roman: boolean): StageLabelKind {
  if (/^\d+$/.test(label)) return 'number';
  return roman && ROMAN.test(label) ? 'roman' : 'letter';
}

function ordinalOf(label: string, kind: StageLabelKind): number {
  if (kind === 'number') return parseInt(label, 10);
  if (kind === 'roman') return romanValue(label);
  return label.charCodeAt(0) - 64;
}

/**
 * The stage builder for this document. Whether `I`, `V`, `X` are letters or roman numerals is decided
 * once from the stage headings: roman when every one is and at least one has two letters.
 */
export function stageMaker({ text, lines, scan }: ParseState): StageMaker {
  const stageHeads: StageCandidate[] = [];
  // indexed: a whole-plan loop of every keystroke (README, Developing: hot loops)
  for (let i = 0; i < scan.blocks.length; i++) {
    const b = scan.blocks[i];
    if (b.kind !== 'heading') continue;
    const cand = stageAt(text.slice(b.start, b.end), b.start);
    if (cand && !isResultsOf(cand)) stageHeads.push(cand);
  }
  const roman = stageHeads.length > 0 && stageHeads.every((c) => ROMAN.test(c.base)) && stageHeads.some((c) => c.base.length > 1);
  return new DocumentStages(text, lines, roman);
}

/** The stage builder of one document (a class: its method is made once, see README, Developing). */
class DocumentStages implements StageMaker {
  constructor(
    private readonly text: string,
    private readonly lines: LineIndex,
    private readonly roman: boolean,
  ) {}

  make(cand: StageCandidate, heading: TextSpan, source: StageSource, depth: number | undefined): Stage {
    const { text, lines } = this;
    const kind = labelKind(cand.base, this.roman);
    const nameMatch = /^\s*(?:\*\*|__)?\s*[:\-–—.)]?\s*/.exec(cand.rest)!;
    const nameStart = cand.restStart + nameMatch[0].length;
    const name = text.slice(nameStart, lines.lineEnd(lines.positionAt(cand.restStart).line)).replace(/[*_]{2}/g, '').trim();
    const pm = userPercentage(cand.rest);
    let percentage: Stage['percentage'];
    if (pm) {
      const s = cand.restStart + pm.index;
      percentage = { value: pm.value, text: pm.text, range: lines.range(s, s + pm.text.length) };
    }
    return {
      label: cand.label,
      labelKind: kind,
      ordinal: ordinalOf(cand.base, kind),
      ...(cand.sub !== undefined ? { sub: cand.sub } : {}),
      labelRange: lines.range(cand.labelStart, cand.labelStart + (cand.labelLength ?? cand.label.length)),
      name: source === 'heading' ? name.replace(/\s+$/, '') : name,
      heading,
      headingDepth: depth,
      percentage,
      optional: /\(optional\)/i.test(cand.rest),
      source,
      range: heading.range,
      fields: [],
      resultsHeadings: [],
    };
  }
}

export interface ListStageInput {
  fields: Field[];
  /**
   * The list items `fields[i]` sits in, outermost first. Parallel to `fields` (a Map keyed by field was
   * one set per field per keystroke, for a phase most plans never reach).
   */
  fieldItemPaths: number[][];
  /** `Stage A Results` headings whose stage is not a heading: merged into the list stage of that label. */
  orphanResults: Map<string, Stage>;
}

/**
 * Phase 6, for plans without stage headings: the first list or table (in document order) with at least
 * two stage items. A list stage owns the fields inside its item and ends at the last of them.
 */
export function listStages({ lines }: ParseState, groups: StageGroup[], { fields, fieldItemPaths, orphanResults }: ListStageInput): ReleasePlan['stages'] {
  const group = groups.filter((g) => g.length >= 2).sort((a, b) => a[0].stage.heading.range.start.line - b[0].stage.heading.range.start.line)[0];
  if (!group) return [];
  const baseOf = (label: string) => label.split('.')[0];
  const isRoman = group.every((g) => ROMAN.test(baseOf(g.stage.label))) && group.some((g) => baseOf(g.stage.label).length > 1);
  return group.map(({ stage: st, itemId }) => {
    const kind = labelKind(baseOf(st.label), isRoman);
    const owned = itemId >= 0 ? fields.filter((_, i) => fieldItemPaths[i].includes(itemId)) : [];
    const lastLine = owned.reduce((m, f) => Math.max(m, f.line, ...f.children.map((c) => c.range.end.line)), st.heading.range.end.line);
    const results = orphanResults.get(st.label);
    return { ...st, labelKind: kind, ordinal: ordinalOf(baseOf(st.label), kind), fields: results ? [...owned, ...results.fields] : owned, resultsHeadings: results?.resultsHeadings ?? [], range: { start: st.heading.range.start, end: lastLine > st.heading.range.end.line ? { line: lastLine, character: lines.lineEnd(lastLine) - lines.lineStarts[lastLine] } : st.heading.range.end } };
  });
}
