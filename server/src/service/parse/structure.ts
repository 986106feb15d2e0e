// Phase 3 of parsePlan: one walk over the blocks in document order, keeping the reader's context —
// which stage, phase or section we are in, and whether in its Planning or Results part — to find the
// stage/phase/section headings, the list stages, and every `Label: value` field with its owner. Phase 7
// (fields into phases and sections by position) runs once the walk has closed every range.
import type { Block, HeadingBlock, LineBlock } from './blocks';
import type { ChunkAnalysis } from './chunkAnalysis';
import type { Field, Phase, Range, Section, SectionKind, Stage, StageSource } from './model';
import { rampStepAt } from './rampSteps';
import { isResultsOf, stageAt, type StageGroup, type StageMaker } from './stages';
import type { Outline } from './outline';
import { moveRange, type LaidChunk } from './reuse';
import { textSpan, type ParseState } from './state';
import { coversLine, trimOffsets } from './text';
import { boundedMemo, ownString } from '../memo';

const PHASE_RE = /^\W{0,4}(?:Step\s+\d+\s*[:\-–—]\s*)?Phase\s+(I{1,3}|IV|VI{0,3}|\d{1,2})(?:\s*\.\s*([A-Z0-9]{1,3}))?(?![\w])/i;
const PART_PLANNING = /^\W*(?:rollout\s+)?planning\W*$/i;
const PART_RESULTS = /^\W*results\W*$/i;
/** A line can be a part marker only if it has one of their words (most lines are not read further). */
const PART_WORD = /planning|results/i;

function sectionKind(text: string): SectionKind | undefined {
  if (/post[- ]?launch questions/i.test(text)) return 'post-launch-questions';
  if (/\b(?:1|one)[- ]?week\b/i.test(text)) return 'week-1';
  if (/\b(?:1|one)[- ]?month\b/i.test(text)) return 'month-1';
  if (/post[- ]?launch/i.test(text)) return 'post-launch';
  if (/rollback/i.test(text)) return 'rollback';
  if (/rollout planning/i.test(text)) return 'rollout-planning';
  if (/feature (?:toggles?|flags?)|toggle names?|flipper (?:toggles?|features?)/i.test(text)) return 'toggles';
  if (/^\W*go[- ]live\b/i.test(text)) return 'go-live';
  return undefined;
}

interface HeadingClass {
  kind: SectionKind | undefined;
  /** The phase label (`I`, `II.A`), when the heading names a phase. */
  phase: string | undefined;
  /** A Planning or Results part heading (`#### Planning`, `Results:`), and which. */
  part: 'planning' | 'results' | undefined;
}

/**
 * What a heading's plain text makes it, by a dozen regular expressions: cached by the text, because
 * the same headings recur in every stage of a plan and in every plan (`Planning`, `Results`).
 */
export const classifyHeading = boundedMemo(2000, (plain: string): HeadingClass => {
  const phaseMatch = PHASE_RE.exec(plain);
  const phase = phaseMatch ? phaseMatch[1].toUpperCase() + (phaseMatch[2] ? '.' + phaseMatch[2].toUpperCase() : '') : undefined;
  // a heading that starts with the word is a part (`Results (5/13)`); PART_RESULTS is a case of that,
  // PART_PLANNING adds `Rollout planning`
  const starts = /^\W*(planning|results)\b/i.exec(plain);
  const part = starts ? (starts[1].toLowerCase() as 'planning' | 'results') : PART_PLANNING.test(plain) ? 'planning' : undefined;
  return { kind: sectionKind(plain), phase, part };
});

export interface Structure {
  /** The fields the walk read, in document order (parsePlan adds the table fields after listStages). */
  fields: Field[];
  /** The list items `fields[i]` sits in, outermost first (see ListStageInput). */
  fieldItemPaths: number[][];
  headingStages: Stage[];
  phases: Phase[];
  sections: Section[];
  /** Stages found as list items, one group per list (see listStages). */
  listGroups: StageGroup[];
  orphanResults: Map<string, Stage>;
}

/**
 * What the walk read from the lines of a chunk after its heading: the fields it made (each with the
 * index of its block after the heading), and the part it ended in. The same chunk text at the same
 * line, entered in the same context (inside a stage or not, and which part), reads the same, so a
 * keystroke takes over the fields of every chunk it did not touch instead of making them again: the
 * walk made ~a third of a keystroke's model, and most of its allocations (the profile of issue 17).
 * Only chunks whose lines make no list stage and hold no heading beyond their first are kept: those
 * make objects the model changes later (stages) or change the context mid-chunk.
 */
interface WalkedLines {
  /** The chunk's first line (the editor's), which the fields' lines follow. */
  line: number;
  inStage: boolean;
  part: Field['part'];
  fields: Array<{ field: Field; at: number }>;
  partAfter: Field['part'];
}

/** What is kept for one chunk analysis (shared by equal chunk texts, in any document). */
interface KeptWalks {
  /** By the chunk's first line. */
  at: Map<number, WalkedLines>;
  /** The last kept in each context (contextSlot), to move to another line in one lookup. */
  latest: Array<WalkedLines | undefined>;
}

const walkedLines = new WeakMap<ChunkAnalysis, KeptWalks>();

function contextSlot(inStage: boolean, part: Field['part']): number {
  return (inStage ? 3 : 0) + (part === 'planning' ? 1 : part === 'results' ? 2 : 0);
}

/**
 * Positions kept per chunk text: a chunk repeated through a plan has one each (`#### Results` is 147
 * chunks of the 300 KB benchmark plan).
 */
const MAX_POSITIONS = 512;

function keepWalk(kept: KeptWalks, walked: WalkedLines): void {
  if (kept.at.size >= MAX_POSITIONS) kept.at.clear();
  kept.at.set(walked.line, walked);
  kept.latest[contextSlot(walked.inStage, walked.part)] = walked;
}

/**
 * A stage, phase or section whose range ends where a later heading (or the document) closes it: from
 * `start` to that offset (at least to `end`, its heading's), given to every owner. Data, not a
 * closure per heading (README, Developing: no closures on the keystroke path).
 */
interface OpenRange {
  depth: number;
  stageLike: boolean;
  start: number;
  end: number;
  /** A phase and its section share one range object. */
  owners: Array<{ range: Range }>;
}

class StructureWalk {
  readonly out: Structure = { fields: [], fieldItemPaths: [], headingStages: [], phases: [], sections: [], listGroups: [], orphanResults: new Map() };
  private readonly listGroups = new Map<number, StageGroup>();
  /** The field each list item starts with, by item id (ids are dense: an array, not a Map). */
  private readonly fieldByItem: Array<Field | undefined> = [];
  private readonly openEnds: OpenRange[] = [];
  private stage: Stage | undefined;
  private stageDepth = 0;
  private part: Field['part'];
  /** List stages made so far (a chunk that makes one is not kept, see WalkedLines). */
  private listMembers = 0;
  /** The fields of the chunk being walked, while it is, for WalkedLines. */
  private recording: WalkedLines['fields'] | undefined;

  constructor(
    private readonly state: ParseState,
    private readonly outline: Outline,
    private readonly makeStage: StageMaker,
    private readonly keep: boolean,
  ) {}

  run(): Structure {
    const { blocks } = this.state.scan;
    let from = 0;
    const { chunks } = this.state.layout;
    for (let c = 0; c < chunks.length; c++) {
      const chunk = chunks[c];
      const to = from + chunk.analysis.scan.blocks.length;
      let i = from;
      if (i < to && blocks[i].kind === 'heading') this.heading(blocks[i++] as HeadingBlock);
      this.chunkLines(chunk, blocks, i, to);
      from = to;
    }
    this.closeUntil(0, this.endBefore(this.state.lines.lineCount), true);
    // text.length may sit on an empty last line; end at the last content instead
    for (const s of this.out.headingStages) if (s.range.end.line < s.range.start.line) s.range = s.heading.range;
    this.out.listGroups = [...this.listGroups.values()];
    return this.out;
  }

  /** The blocks of a chunk after its heading: taken over from the walk of an earlier version, or walked (see WalkedLines). */
  private chunkLines(chunk: LaidChunk, blocks: readonly Block[], from: number, to: number): void {
    const inStage = this.stage !== undefined;
    const { line } = chunk;
    const kept = walkedLines.get(chunk.analysis);
    const same = kept?.at.get(line);
    const hit = same && same.inStage === inStage && same.part === this.part ? same : kept && this.moved(kept, line, inStage);
    if (hit) {
      // indexed: a whole-plan loop of every keystroke (README, Developing: hot loops)
      for (let k = 0; k < hit.fields.length; k++) {
        const { field, at } = hit.fields[k];
        this.out.fields.push(field);
        this.out.fieldItemPaths.push((blocks[from + at] as LineBlock).itemPath);
        if (this.stage) this.stage.fields.push(field);
      }
      this.part = hit.partAfter;
      return;
    }
    const partIn = this.part;
    const membersIn = this.listMembers;
    const fields: WalkedLines['fields'] = [];
    this.recording = fields;
    let keep = true;
    for (let i = from; i < to; i++) {
      const b = blocks[i];
      if (b.kind === 'heading') {
        keep = false;
        this.heading(b);
      } else if (b.kind === 'line') this.line(b, i - from);
    }
    this.recording = undefined;
    if (!this.keep || !keep || this.listMembers !== membersIn) return;
    for (const { field } of fields) detachStrings(field);
    const walks = kept ?? { at: new Map<number, WalkedLines>(), latest: [] };
    keepWalk(walks, { line, inStage, part: partIn, fields, partAfter: this.part });
    if (!kept) walkedLines.set(chunk.analysis, walks);
  }

  /**
   * The chunk's fields read at another line in the same context, moved to `line` (and kept there when
   * this parse keeps): an Enter moves every chunk after it, and moving a field is a few objects where
   * reading it again is the walk. Undefined when no position was read in this context.
   */
  private moved(kept: KeptWalks, line: number, inStage: boolean): WalkedLines | undefined {
    const w = kept.latest[contextSlot(inStage, this.part)];
    if (!w) return undefined;
    const delta = line - w.line;
    const moved: WalkedLines = { line, inStage, part: w.part, fields: w.fields.map(({ field, at }) => ({ field: movedField(field, delta), at })), partAfter: w.partAfter };
    if (this.keep) keepWalk(kept, moved);
    return moved;
  }

  private heading(b: HeadingBlock): void {
    const { text } = this.state;
    const h = this.outline.headingOf.get(b)!;
    const cand = stageAt(text.slice(b.start, b.end), b.start);
    const { kind, phase: phaseLabel, part } = classifyHeading(b.plain);
    const isPart = part !== undefined;
    const boundary = !!cand || !!kind || !!phaseLabel;

    // the stage (if any) ends at a boundary heading or a heading at its level or above
    if (this.stage && (boundary || (b.depth <= this.stageDepth && !isPart))) {
      this.stage = undefined;
      this.part = undefined;
    }
    this.closeUntil(b.depth, this.endBefore(h.line), boundary);

    if (cand && isResultsOf(cand)) {
      // `Stage A Results (5/13-5/15)` belongs to stage A
      // (when the stages are list items, the results collect on a stand-in merged in by listStages)
      let owner = this.out.headingStages.find((s) => s.label === cand.label) ?? this.out.orphanResults.get(cand.label);
      if (!owner) {
        owner = this.makeStage.make(cand, textSpan(this.state, b.start, b.end), 'heading', b.depth);
        this.out.orphanResults.set(cand.label, owner);
      }
      owner.resultsHeadings.push(h);
      this.stage = owner;
      this.stageDepth = b.depth;
      this.part = 'results';
    } else if (cand) {
      const s = this.makeStage.make(cand, textSpan(this.state, b.start, b.end), 'heading', b.depth);
      this.stage = s;
      this.out.headingStages.push(s);
      this.stageDepth = b.depth;
      this.part = undefined;
      this.openEnds.push({ depth: b.depth, stageLike: true, start: b.start, end: b.end, owners: [s] });
    } else if (this.stage && isPart) {
      this.part = part;
    }

    if (phaseLabel && !cand) {
      const phase: Phase = { label: phaseLabel, heading: h, range: h.range, fields: [] };
      this.out.phases.push(phase);
      const sec: Section = { kind: /^(I|1)(\.|$)/.test(phaseLabel) ? 'phase-1' : 'phase-2', heading: h, range: h.range, fields: [] };
      if (/^(I|II|1|2)(\.|$)/.test(phaseLabel)) this.out.sections.push(sec);
      this.openEnds.push({ depth: b.depth, stageLike: false, start: b.start, end: b.end, owners: [phase, sec] });
    } else if (kind && !cand) {
      const sec: Section = { kind, heading: h, range: h.range, fields: [] };
      this.out.sections.push(sec);
      this.openEnds.push({ depth: b.depth, stageLike: false, start: b.start, end: b.end, owners: [sec] });
    }
  }

  /** `at`: the block's index after its chunk's heading. */
  private line(b: LineBlock, at: number): void {
    const { text, lines } = this.state;
    // the line's text is only read for part markers and list items (most lines of a large plan are neither)
    const own = this.stage && b.listDepth === 0 ? text.slice(b.start, b.end) : undefined;
    if (own !== undefined && PART_WORD.test(own)) {
      const plain = own.replace(/[*_]/g, '').trim();
      if (PART_PLANNING.test(plain) || PART_RESULTS.test(plain)) {
        this.part = PART_RESULTS.test(plain) ? 'results' : 'planning';
        return;
      }
    }
    // list / checklist stages (`1. Stage A: 10% of users on 12/12`, `- [ ] Stage B: 5%`)
    if (b.itemStart) {
      const lineSrc = text.slice(b.start, b.end);
      const cand = stageAt(lineSrc.replace(/^\[[ xX]\]\s/, '    '), b.start);
      const group = this.listGroups.get(b.listId);
      // a dated ramp step (`- 3/9/2026: 50% of users`) in a list that has no `Stage X:` items
      const step = !cand && (!group || group.every((g) => g.step)) ? rampStepAt(lineSrc, b.start, (group?.length ?? 0) + 1) : undefined;
      if ((cand && /^\s*(?:\*\*|__)?\s*:/.test(cand.rest)) || step) {
        const src: StageSource = b.checked !== null ? 'checklist' : 'list';
        const member = { stage: this.makeStage.make((cand ?? step)!, textSpan(this.state, b.start, b.end), src, undefined), itemId: b.itemPath[b.itemPath.length - 1], step: !!step };
        this.listMembers++;
        if (group) group.push(member);
        else this.listGroups.set(b.listId, [member]);
      }
    }
    const self = b.itemPath[b.itemPath.length - 1];
    if (b.listDepth > 0 && !b.itemStart) {
      // a lazy continuation line of an item continues that item's field value
      this.fieldByItem[self]?.children.push(textSpan(this.state, b.start, b.end));
      return;
    }
    if (b.listDepth > 0) {
      for (let i = b.itemPath.length - 2; i >= 0; i--) {
        const owner = this.fieldByItem[b.itemPath[i]];
        if (owner) {
          owner.children.push(textSpan(this.state, b.start, b.end));
          break;
        }
      }
    }
    const split = b.field;
    if (!split) return;
    const [vs, ve] = trimOffsets(text, b.start + split.valueStart, b.end);
    // a line block is one line (unless a lone `\r` breaks it): one lookup of it places label and value
    const line = lines.positionAt(b.start).line;
    const f: Field = {
      label: split.label,
      labelRange: lines.rangeFromLine(line, b.start + split.labelStart, b.start + split.labelEnd),
      value: text.slice(vs, ve),
      valueRange: lines.rangeFromLine(line, vs, ve),
      children: [],
      line,
      part: this.stage ? this.part : undefined,
    };
    this.out.fields.push(f);
    this.recording?.push({ field: f, at });
    this.out.fieldItemPaths.push(b.itemPath);
    if (b.listDepth > 0) this.fieldByItem[self] = f;
    if (this.stage) this.stage.fields.push(f);
  }

  private closeUntil(depth: number, offset: number, isBoundary: boolean): void {
    const openEnds = this.openEnds;
    for (let i = openEnds.length - 1; i >= 0; i--) {
      const open = openEnds[i];
      if (open.depth >= depth || (isBoundary && open.stageLike)) {
        const range = this.state.lines.range(open.start, Math.max(offset, open.end));
        for (let k = 0; k < open.owners.length; k++) open.owners[k].range = range;
        openEnds.splice(i, 1);
      }
    }
  }

  /** The end of the last non-blank line before `beforeLine`. */
  private endBefore(beforeLine: number): number {
    const { lines } = this.state;
    let line = beforeLine - 1;
    while (line > 0 && lines.lineText(line).trim() === '') line--;
    return lines.lineEnd(Math.max(line, 0));
  }
}

/** A kept field `lines` further down (its text and parts unchanged; the strings are already its own). */
function movedField(f: Field, lines: number): Field {
  return {
    label: f.label,
    labelRange: moveRange(f.labelRange, lines),
    value: f.value,
    valueRange: moveRange(f.valueRange, lines),
    children: f.children.map((c) => ({ text: c.text, range: moveRange(c.range, lines) })),
    line: f.line + lines,
    part: f.part,
  };
}

/**
 * A kept field's text as strings of their own: a value sliced from the document keeps the whole
 * document alive (see memo.ts), and kept fields outlive the version they were read from. The text
 * stays the same, so the model does too.
 */
function detachStrings(field: Field): void {
  field.value = ownString(field.value);
  for (const c of field.children) c.text = ownString(c.text);
}

/**
 * Phase 3: the heading structure, the list stages and the fields (see the header). `keep`: keep what
 * the chunks read for the next version (WalkedLines). Only a parse that follows an
 * earlier version of the document asks: a document parsed once (the CLI, a closed file) would only
 * hold the memory (~20 MB over 200 plans of 30 KB).
 */
export function walkStructure(state: ParseState, outline: Outline, makeStage: StageMaker, keep = false): Structure {
  return new StructureWalk(state, outline, makeStage, keep).run();
}

/** Phase 7: each field joins every phase and section whose range holds its line. */
export function placeFields({ fields, phases, sections }: Structure): void {
  // indexed: a whole-plan loop of every keystroke (README, Developing: hot loops)
  for (let i = 0; i < fields.length; i++) {
    const f = fields[i];
    for (let k = 0; k < phases.length; k++) if (coversLine(phases[k].range, f.line)) phases[k].fields.push(f);
    for (let k = 0; k < sections.length; k++) if (coversLine(sections[k].range, f.line)) sections[k].fields.push(f);
  }
}
