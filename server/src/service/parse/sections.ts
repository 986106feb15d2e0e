// Splits a document into chunks at ATX headings that are outside fenced code, so each chunk can be
// parsed by remark on its own and cached by its text: an edit re-parses only the chunk it touches.
// Limits (accepted): a link reference definition in one chunk does not resolve in another, and a
// heading inside a raw HTML block starts a new chunk. Neither occurs in real plans.

import { lastCall } from '../memo';
import { lineBreakAt } from './text';

export interface Chunk {
  /** Offset of the chunk's first character in the document. */
  offset: number;
  /** 0-based line of the chunk's first line, as the editor and LineIndex count lines (a lone CR breaks one). */
  line: number;
  text: string;
}

const FENCE = /^ {0,3}(`{3,}|~{3,})/;
const ATX = /^ {0,3}#{1,6}(?:[ \t]|$)/;

/**
 * The splitter's rule, one line at a time: a heading outside a fenced code block starts a new chunk.
 * splitChunks hands it only the lines that can matter; test/service/parse/sections.test.ts hands it
 * every line and expects the same cuts.
 */
export class ChunkCutter {
  private readonly chunks: Chunk[] = [];
  private chunkStart = 0;
  private chunkLine = 0;
  private fence: string | undefined;

  constructor(private readonly text: string) {}

  /** The `line`th line, at `offset`, without its line break. */
  line(lineText: string, offset: number, line: number): void {
    const m = FENCE.exec(lineText);
    if (this.fence) {
      if (m && m[1][0] === this.fence[0] && m[1].length >= this.fence.length && lineText.slice(m[0].length).trim() === '') this.fence = undefined;
    } else if (m && !(m[1][0] === '`' && lineText.slice(m[0].length).includes('`'))) {
      this.fence = m[1];
    } else if (ATX.test(lineText) && offset > this.chunkStart) {
      this.chunks.push({ offset: this.chunkStart, line: this.chunkLine, text: this.text.slice(this.chunkStart, offset) });
      this.chunkStart = offset;
      this.chunkLine = line;
    }
  }

  /** The chunks, the last one running to the end of the text. */
  finish(): Chunk[] {
    this.chunks.push({ offset: this.chunkStart, line: this.chunkLine, text: this.text.slice(this.chunkStart) });
    return this.chunks;
  }
}

/** The chunks of a text (kept for the next call: see lastCall; ~2 ms at 300 KB). */
export const splitChunks = lastCall((text: string): readonly Chunk[] => {
  const cutter = new ChunkCutter(text);
  let offset = 0;
  let line = 0;
  // a lone CR is a line break to the editor (lineBreakAt) but cuts nothing here: it only counts
  let cr = text.indexOf('\r');
  while (offset <= text.length) {
    let end = text.indexOf('\n', offset);
    if (end === -1) end = text.length;
    // Only a line whose first character after up to three spaces is #, ` or ~ can open or close a
    // fence or be a heading: every other line is passed over without being copied (a keystroke splits
    // the whole document again).
    let first = offset;
    while (first < end && first - offset < 3 && text.charCodeAt(first) === 32) first++;
    const c = text.charCodeAt(first);
    if (c === 35 /* # */ || c === 96 /* ` */ || c === 126 /* ~ */) cutter.line(text.slice(offset, end).replace(/\r$/, ''), offset, line);
    for (; cr !== -1 && cr < end; cr = text.indexOf('\r', cr + 1)) if (lineBreakAt(text, cr)) line++;
    if (end === text.length) break;
    offset = end + 1;
    line++;
  }
  return cutter.finish();
});
