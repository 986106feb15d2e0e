// Offsets ↔ positions over the original text. Positions are LSP-style: 0-based line, UTF-16 column,
// which is what JavaScript string indices already are.
import type { Position, Range, ReleasePlan } from './model';
import { perPlan } from '../memo';

/** Whether text[i] ends a line: `\n`, or a `\r` not followed by `\n`. */
export function lineBreakAt(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  return c === 10 || (c === 13 && text.charCodeAt(i + 1) !== 10);
}

export class LineIndex {
  readonly lineStarts: number[];

  /** `starts`: the line starts when already known (see reuse.ts editedLineStarts). */
  constructor(
    readonly text: string,
    starts?: number[],
  ) {
    if (starts) {
      this.lineStarts = starts;
      return;
    }
    const found = [0];
    if (text.indexOf('\r') === -1) {
      // no CR: only `\n` breaks lines, and indexOf finds it far faster than a test of every character
      for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) found.push(i + 1);
    } else {
      for (let i = 0; i < text.length; i++) if (lineBreakAt(text, i)) found.push(i + 1);
    }
    this.lineStarts = found;
  }

  get lineCount(): number {
    return this.lineStarts.length;
  }

  positionAt(offset: number): Position {
    const starts = this.lineStarts;
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo, character: offset - starts[lo] };
  }

  offsetAt(position: Position): number {
    const start = this.lineStarts[Math.min(position.line, this.lineStarts.length - 1)] ?? 0;
    return Math.min(start + position.character, this.lineEnd(position.line));
  }

  range(startOffset: number, endOffset: number): Range {
    return { start: this.positionAt(startOffset), end: this.positionAt(endOffset) };
  }

  /**
   * The same range as range(), for offsets known to start on `line`: without a search when they end
   * on that line too (a field's label and value, asked for every field line the walk reads).
   */
  rangeFromLine(line: number, startOffset: number, endOffset: number): Range {
    const next = this.lineStarts[line + 1];
    if (next !== undefined && next <= endOffset) return this.range(startOffset, endOffset);
    const base = this.lineStarts[line];
    return rangeOnLine(line, startOffset - base, endOffset - base);
  }

  /** Offset of the end of a line's content (before its line break). */
  lineEnd(line: number): number {
    const next = this.lineStarts[line + 1];
    if (next === undefined) return this.text.length;
    let end = next;
    if (this.text.charCodeAt(end - 1) === 10) end--;
    if (this.text.charCodeAt(end - 1) === 13) end--;
    return end;
  }

  lineText(line: number): string {
    return this.text.slice(this.lineStarts[line], this.lineEnd(line));
  }
}

export function detectEol(text: string): '\n' | '\r\n' {
  const lf = text.indexOf('\n');
  return lf > 0 && text.charCodeAt(lf - 1) === 13 ? '\r\n' : '\n';
}

/** An ASCII letter or digit, by character code (the word characters of wordEdit.ts and the date scanner). */
export function isAsciiLetterOrDigit(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}

/** Made once: a pattern literal in the loops below would be a new RegExp object per character. */
const SPACE = /\s/;

/** Trim whitespace from [start, end) of text, returning the narrowed offsets. */
export function trimOffsets(text: string, start: number, end: number): [number, number] {
  while (start < end && SPACE.test(text[start])) start++;
  while (end > start && SPACE.test(text[end - 1])) end--;
  return [start, end];
}

/** A range within one line. */
export function rangeOnLine(line: number, start: number, end: number): Range {
  return { start: { line, character: start }, end: { line, character: end } };
}

/** Whether a range's lines include `line` (its first and last line whole). */
export function coversLine(range: Range, line: number): boolean {
  return range.start.line <= line && line <= range.end.line;
}

export function sameRange(a: Range, b: Range): boolean {
  return a.start.line === b.start.line && a.start.character === b.start.character && a.end.line === b.end.line && a.end.character === b.end.character;
}

export function containsPosition(range: Range, pos: Position): boolean {
  if (pos.line < range.start.line || pos.line > range.end.line) return false;
  if (pos.line === range.start.line && pos.character < range.start.character) return false;
  if (pos.line === range.end.line && pos.character > range.end.character) return false;
  return true;
}

/** One line index per model, shared by every feature that needs one (the parser remembers its own). */
export const lineIndexOf = perPlan((plan: ReleasePlan) => new LineIndex(plan.text));

/** A BOM becomes a space, so the first heading still parses and columns stay the same. */
export function bomAsSpace(input: string): string {
  return input.charCodeAt(0) === 0xfeff ? ' ' + input.slice(1) : input;
}
