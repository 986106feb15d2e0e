// Phase 1 of parsePlan, and the state every later phase reads: the text split into heading chunks,
// each chunk's blocks and placeholders (cached by its text, see chunkAnalysis.ts) shifted into
// document coordinates, and the line index that turns offsets into ranges.
import type { BlockScan, LinkSpan } from './blocks';
import { analyzeChunk, shiftInto, type ChunkAnalysis } from './chunkAnalysis';
import type { Placeholder, TextSpan } from './model';
import { editedLineStarts, movedPlaceholders, reusableChunks, textEdit, type ChunkLayout, type LaidChunk } from './reuse';
import { splitChunks, type Chunk } from './sections';
import { spanFinder } from './spanFinder';
import { bomAsSpace, LineIndex } from './text';

export interface ParseState {
  /** The document text, with a byte-order mark turned into a space (offsets and columns stay the same). */
  readonly text: string;
  readonly lines: LineIndex;
  /** Every chunk's blocks, inline code, links and HTML, in document order and coordinates. */
  readonly scan: BlockScan;
  readonly placeholders: Placeholder[];
  /** The link that contains an offset (a binary search: a 10,000-row toggle table asks once per cell). */
  readonly linkAt: (offset: number) => LinkSpan | undefined;
  /** The chunks, for the parse of the document's next version (see reuse.ts). */
  readonly layout: ChunkLayout;
}

/** `previous`: the layout of the document's previous version, whose untouched chunks are taken over. */
export function readChunks(input: string, previous?: ChunkLayout): ParseState {
  const text = bomAsSpace(input);
  const edit = previous && textEdit(previous.text, text);
  const lines = new LineIndex(text, previous && edit && editedLineStarts(previous.lineStarts, text, edit));
  const scan: BlockScan = { blocks: [], inlineCode: [], links: [], html: [] };
  const ids = { item: 0, list: 0 };
  const placeholders: Placeholder[] = [];
  const reused = reusableChunks(previous, text, edit);
  const laid: LaidChunk[] = [];
  const chunks = splitChunks(text);
  // indexed: a whole-plan loop of every keystroke (README, Developing: hot loops)
  for (let i = 0; i < chunks.length; i++) {
    const chunk = chunks[i];
    const old = reused(chunk);
    const a = old?.analysis ?? analyzeChunk(chunk.text);
    shiftInto(scan, a, chunk.offset, ids.item, ids.list);
    ids.item += a.items;
    ids.list += a.lists;
    const own = old ? movedPlaceholders(old.placeholders, chunk.line - old.line) : placeholdersOf(a, chunk, text, lines);
    for (let k = 0; k < own.length; k++) placeholders.push(own[k]);
    laid.push({ offset: chunk.offset, line: chunk.line, length: chunk.text.length, analysis: a, placeholders: own });
  }
  return { text, lines, scan, placeholders, linkAt: spanFinder(scan.links), layout: { text, chunks: laid, lineStarts: lines.lineStarts } };
}

/**
 * The text between two offsets, with its range. A function of the state, not a closure the state
 * carries (README, Developing: no closures on the keystroke path).
 */
export function textSpan(state: ParseState, start: number, end: number): TextSpan {
  return { text: state.text.slice(start, end), range: state.lines.range(start, end) };
}

/** A chunk's placeholder matches in document coordinates. */
function placeholdersOf(a: ChunkAnalysis, chunk: Chunk, text: string, lines: LineIndex): Placeholder[] {
  const out: Placeholder[] = [];
  for (const m of a.placeholders) {
    const p: Placeholder = { kind: m.kind, text: text.slice(chunk.offset + m.start, chunk.offset + m.end), range: lines.range(chunk.offset + m.start, chunk.offset + m.end) };
    if (m.options) p.options = { text: m.options.text, values: m.options.values, range: lines.range(chunk.offset + m.options.start, chunk.offset + m.options.end) };
    out.push(p);
  }
  return out;
}
