// Splits a document into chunks at ATX headings that are outside fenced code, so each chunk can be
// parsed by remark on its own and cached by its text: an edit re-parses only the chunk it touches.
// Limits (accepted): a link reference definition in one chunk does not resolve in another, and a
// heading inside a raw HTML block starts a new chunk. Neither occurs in real plans.

export interface Chunk {
  /** Offset of the chunk's first character in the document. */
  offset: number;
  /** 0-based line of the chunk's first line. */
  line: number;
  text: string;
}

const FENCE = /^ {0,3}(`{3,}|~{3,})/;
const ATX = /^ {0,3}#{1,6}(?:[ \t]|$)/;

export function splitChunks(text: string): Chunk[] {
  const chunks: Chunk[] = [];
  let chunkStart = 0;
  let chunkLine = 0;
  let fence: string | undefined;
  let offset = 0;
  let line = 0;
  while (offset <= text.length) {
    let end = text.indexOf('\n', offset);
    if (end === -1) end = text.length;
    // Only a line whose first character after up to three spaces is #, ` or ~ can open or close a
    // fence or be a heading: every other line is passed over without being copied (a keystroke splits
    // the whole document again).
    let first = offset;
    while (first < end && first - offset < 3 && text.charCodeAt(first) === 32) first++;
    const c = text.charCodeAt(first);
    if (c !== 35 /* # */ && c !== 96 /* ` */ && c !== 126 /* ~ */) {
      if (end === text.length) break;
      offset = end + 1;
      line++;
      continue;
    }
    const lineText = text.slice(offset, end).replace(/\r$/, '');
    if (fence) {
      const m = FENCE.exec(lineText);
      if (m && m[1][0] === fence[0] && m[1].length >= fence.length && lineText.slice(m[0].length).trim() === '') fence = undefined;
    } else {
      const m = FENCE.exec(lineText);
      if (m && !(m[1][0] === '`' && lineText.slice(m[0].length).includes('`'))) fence = m[1];
      else if (ATX.test(lineText) && offset > chunkStart) {
        chunks.push({ offset: chunkStart, line: chunkLine, text: text.slice(chunkStart, offset) });
        chunkStart = offset;
        chunkLine = line;
      }
    }
    if (end === text.length) break;
    offset = end + 1;
    line++;
  }
  chunks.push({ offset: chunkStart, line: chunkLine, text: text.slice(chunkStart) });
  return chunks;
}
