// What the parse of an edited document takes over from the model of its previous version. A keystroke
// leaves the text before it as it was and moves the text after it by the same number of characters, so
// the old and new texts are compared once, from each end (textEdit), and then:
// - untouched chunks are found by position instead of by hashing every chunk's text into the analysis
//   cache, and keep their analysis and placeholders (the same objects when their lines did not move,
//   moved copies when they did);
// - line starts are taken over outside the edit instead of scanning the whole text again;
// - values computed from single lines (the date scan) are kept on the chunks' analyses (chunkLineCache).
// The result is always the model a parse from nothing gives (test/service/parse/reuse.test.ts).
import { lastCall, perPlan } from '../memo';
import type { ChunkAnalysis } from './chunkAnalysis';
import type { Placeholder, Range } from './model';
import type { Chunk } from './sections';
import { lineBreakAt } from './text';

/** One chunk of a parsed version: where it was, and what was read from it. */
export interface LaidChunk {
  offset: number;
  /** The chunk's first line, as the editor counts lines (see Chunk). */
  line: number;
  length: number;
  analysis: ChunkAnalysis;
  /** Its placeholders in document coordinates. */
  placeholders: Placeholder[];
}

export interface ChunkLayout {
  /** The text the chunks were cut from. */
  text: string;
  chunks: LaidChunk[];
  /** Where that text's lines start (see LineIndex). */
  lineStarts: number[];
}

/** How a new version of a text differs from the previous one: an unchanged head and tail around the edit. */
export interface TextEdit {
  /** Length of the unchanged head. */
  prefix: number;
  /** Length of the unchanged tail. */
  suffix: number;
  /** New length minus old length. */
  delta: number;
}

/** How `text` differs from `old` (kept for the next call: see lastCall; ~0.8 ms at 300 KB). */
export const textEdit = lastCall((old: string, text: string): Readonly<TextEdit> => {
  const prefix = commonPrefix(old, text);
  const suffix = commonSuffix(old, text, Math.min(old.length, text.length) - prefix);
  return { prefix, suffix, delta: text.length - old.length };
});

/**
 * The line starts of the new text from the old ones: kept in the unchanged head, moved by `delta` in
 * the unchanged tail, and found again only around the edit (a 300 KB plan has 6,000 lines).
 */
export function editedLineStarts(oldStarts: readonly number[], text: string, edit: TextEdit): number[] {
  // a break's decision reads its character and the next one (`\r\n`): the head's last character is
  // rescanned (what follows it changed); the tail's characters are followed by the tail (or the end)
  const from = Math.max(0, edit.prefix - 1);
  const to = text.length - edit.suffix;
  const starts: number[] = [];
  let k = 0;
  for (; k < oldStarts.length && oldStarts[k] <= from; k++) starts.push(oldStarts[k]);
  for (let i = from; i < to; i++) if (lineBreakAt(text, i)) starts.push(i + 1);
  // old starts after the rescanned part, in old coordinates: past to - delta
  for (let j = k; j < oldStarts.length; j++) if (oldStarts[j] > to - edit.delta) starts.push(oldStarts[j] + edit.delta);
  return starts;
}

/** The layout a model was built from (parsePlan registers it), for the parse of the next version. */
export const chunkLayoutOf = perPlan((_plan: object): ChunkLayout | undefined => undefined);

/** The previous version's chunk a chunk of the new text is, unchanged; undefined when the edit touched it. */
export type ReuseLookup = (chunk: Chunk) => LaidChunk | undefined;

export function reusableChunks(previous: ChunkLayout | undefined, text: string, edit = previous && textEdit(previous.text, text)): ReuseLookup {
  if (!previous || !edit) return () => undefined;
  const { prefix, suffix, delta } = edit;
  const chunks = previous.chunks;
  return (chunk) => {
    // inside the unchanged head: same offset; inside the unchanged tail: moved by delta. Equal
    // lengths then mean equal texts, since both slices lie where the two versions agree.
    const end = chunk.offset + chunk.text.length;
    const from = end <= prefix ? chunk.offset : chunk.offset >= text.length - suffix ? chunk.offset - delta : -1;
    const hit = from >= 0 ? chunkAt(chunks, from) : undefined;
    return hit && hit.length === chunk.text.length ? hit : undefined;
  };
}

/** The chunk that starts at `offset`: a binary search (chunks are in offset order), where a Map of them was rebuilt per keystroke. */
function chunkAt(chunks: readonly LaidChunk[], offset: number): LaidChunk | undefined {
  let lo = 0;
  let hi = chunks.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const at = chunks[mid].offset;
    if (at === offset) return chunks[mid];
    if (at < offset) lo = mid + 1;
    else hi = mid - 1;
  }
  return undefined;
}

/** A reused chunk's placeholders where its lines are now. */
export function movedPlaceholders(list: Placeholder[], lines: number): Placeholder[] {
  if (lines === 0) return list;
  return list.map((p) => {
    const moved: Placeholder = { kind: p.kind, text: p.text, range: moveRange(p.range, lines) };
    if (p.options) moved.options = { ...p.options, range: moveRange(p.options.range, lines) };
    return moved;
  });
}

/** A range moved down (or up) by a number of lines. */
export function moveRange(r: Range, lines: number): Range {
  return { start: { line: r.start.line + lines, character: r.start.character }, end: { line: r.end.line + lines, character: r.end.character } };
}

// Blocks of text are compared natively first; the character loop only runs inside the block that differs.
const BLOCK = 2048;

/** The length of the longest common prefix of two texts. */
export function commonPrefix(a: string, b: string): number {
  const max = Math.min(a.length, b.length);
  let i = 0;
  while (i + BLOCK <= max && a.slice(i, i + BLOCK) === b.slice(i, i + BLOCK)) i += BLOCK;
  while (i < max && a.charCodeAt(i) === b.charCodeAt(i)) i++;
  return i;
}

/** The length of the longest common suffix of two texts, at most `limit`. */
export function commonSuffix(a: string, b: string, limit: number): number {
  let n = 0;
  while (n + BLOCK <= limit && a.slice(a.length - n - BLOCK, a.length - n) === b.slice(b.length - n - BLOCK, b.length - n)) n += BLOCK;
  while (n < limit && a.charCodeAt(a.length - 1 - n) === b.charCodeAt(b.length - 1 - n)) n++;
  return n;
}

/**
 * A value per line of a model's text, computed once per chunk text and line (see chunkLineCache).
 * `compute` gets the line: a function made once per model, not a closure made per line (a closure
 * over the loop's line was a function and a context per line of the plan on every keystroke).
 */
export type LineCache<V> = (line: number, compute: (line: number) => V) => V;

/**
 * Per-line values that depend on nothing but the line's text, kept on the analysis of the chunk the line
 * is in: a keystroke computes them again for the edited chunk only, and finds the others without
 * hashing every line of the document into a text-keyed cache. For one model, lines asked in order; none
 * when the model has no chunks. A chunk's lines, numbered from its first, are the same wherever its text
 * stands (lone CRs included: the chunks number lines as the editor does).
 */
export function chunkLineCache<V>(): (plan: object) => LineCache<V> | undefined {
  // the values hang on the analysis the way perPlan hangs a model's values on it, and go with it
  const valuesOf = perPlan((_analysis: ChunkAnalysis): V[] => []);
  return (plan) => {
    const chunks = chunkLayoutOf(plan)?.chunks;
    if (!chunks?.length) return undefined;
    let at = 0;
    let list = valuesOf(chunks[0].analysis); // the values of chunks[at], looked up when `at` moves
    return (line, compute) => {
      const was = at;
      if (chunks[at].line > line) at = 0; // asked out of order: start over
      while (at + 1 < chunks.length && chunks[at + 1].line <= line) at++;
      const chunk = chunks[at];
      if (at !== was) list = valuesOf(chunk.analysis);
      const rel = line - chunk.line;
      const hit = list[rel];
      return hit !== undefined ? hit : (list[rel] = compute(line));
    };
  };
}
