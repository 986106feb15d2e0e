// The tree of a chunk after a keystroke inside a word, from the tree of the chunk before it, without
// running remark again. Most keystrokes type or delete letters in a word or at the end of a line; the
// markdown structure cannot change then, only the text node holding the word and the offsets after
// it. micromark costs ~1 ms for a 300-byte section on a server that sits idle between keystrokes (its
// code is never hot), which was the largest single cost of a keystroke in a small plan; this walk over
// the section's few hundred nodes costs a few microseconds.
//
// Only edits that provably leave the structure alone are patched; anything else returns undefined and
// the chunk is parsed as before. test/service/parse/wordEdit.test.ts holds the patched tree to a fresh
// parse of the new text, node for node, across every section of the corpus.
import type { Nodes, Root } from 'mdast';
import { mayHoldLiteralAutolink } from './markdown';
import { textEdit } from './reuse';
import { isAsciiLetterOrDigit } from './text';

export interface ParsedChunk {
  text: string;
  tree: Root;
}

const WORD = /^[A-Za-z0-9]*$/;

/** Whether a letter or digit could make or unmake something on this line: a literal autolink, a character reference, HTML. */
function unsafeLine(line: string): boolean {
  return mayHoldLiteralAutolink(line) || line.includes('<');
}

function isLineEnd(text: string, i: number): boolean {
  return i >= text.length || text.charCodeAt(i) === 10 || text.charCodeAt(i) === 13;
}

/**
 * `next`'s tree, made by patching `previous.tree` in place (callers give up the previous tree), when
 * `next` differs from `previous.text` only by letters, digits and spaces typed, deleted or replaced:
 * - inside one text node whose value is its source as written (no escapes, entities or stripped
 *   indentation to map), with a letter, digit or space on each side of the edit; or letters and
 *   digits after a letter or digit at the end of a line (inLine);
 * - spaces at the end of a paragraph's or heading's last line, or a word typed after them
 *   (atParagraphEnd);
 * - on a line with nothing a letter could turn into or out of a literal autolink, a character
 *   reference or HTML (`@`, `&`, `www`, `http`, `<`: `<di` + `v` starts an HTML block), in a chunk with
 *   no definitions (`]:`), whose labels a changed word could start or stop matching.
 * Such edits change no block (the line keeps its start and indentation and has letters, so it is no
 * thematic break, setext underline or table delimiter row; a list marker or an empty heading would need
 * punctuation next to the edit) and no delimiter run's flanking (the characters next to every run stay
 * what they were), so the tree keeps its shape.
 */
export function patchWordEdit(previous: ParsedChunk, next: string): Root | undefined {
  const old = previous.text;
  const { prefix: p, suffix } = textEdit(old, next);
  const edit: Edit = { p, oldEnd: old.length - suffix, newEnd: next.length - suffix, removed: old.slice(p, old.length - suffix), inserted: next.slice(p, next.length - suffix) };
  if (p === 0 || (edit.removed === '' && edit.inserted === '')) return undefined;
  if (!WORDS_AND_SPACES.test(edit.removed) || !WORDS_AND_SPACES.test(edit.inserted)) return undefined;
  if (old.includes(']:')) return undefined;

  let lineStart = p;
  while (lineStart > 0 && !isLineEnd(old, lineStart - 1)) lineStart--;
  let lineEnd = edit.oldEnd;
  while (!isLineEnd(old, lineEnd)) lineEnd++;
  const newLineEnd = lineEnd + next.length - old.length;
  if (unsafeLine(old.slice(lineStart, lineEnd)) || unsafeLine(next.slice(lineStart, newLineEnd))) return undefined;

  const patched = inLine(previous, next, edit, lineEnd) || atParagraphEnd(previous, next, edit, lineStart, lineEnd);
  return patched ? previous.tree : undefined;
}

interface Edit {
  /** Where old and new text part, and where each takes up again. */
  p: number;
  oldEnd: number;
  newEnd: number;
  removed: string;
  inserted: string;
}

const BLANKS = /^ *$/;
const WORDS_AND_SPACES = /^[A-Za-z0-9 ]*$/;

function isWordOrSpace(c: number): boolean {
  return c === 32 || isAsciiLetterOrDigit(c);
}

/**
 * Letters, digits or spaces typed, deleted or replaced inside a text node between two letters, digits
 * or spaces; or letters and digits after a letter or digit at the end of a line (spaces there are the
 * paragraph's, not the text's: atParagraphEnd).
 */
function inLine(previous: ParsedChunk, next: string, edit: Edit, lineEnd: number): boolean {
  const old = previous.text;
  const before = old.charCodeAt(edit.p - 1);
  const atLineEnd = isLineEnd(old, edit.oldEnd);
  const words = WORD.test(edit.removed) && WORD.test(edit.inserted);
  const ok = atLineEnd ? words && isAsciiLetterOrDigit(before) : isWordOrSpace(before) && isWordOrSpace(old.charCodeAt(edit.oldEnd));
  if (!ok) return false;
  // the node holds the character before the edit and reaches to where it ends: inside a line, past it
  // (it holds the character after the edit too); at the end of a line, exactly there
  const found = textNodeCovering(previous.tree, (start, end) => start <= edit.p - 1 && (atLineEnd ? end >= edit.oldEnd : end > edit.oldEnd));
  const node = found?.node;
  if (!node || !asWritten(node, old)) return false;
  shiftPoints(previous.tree, edit.oldEnd, lineEnd, next.length - old.length);
  node.value = next.slice(node.position!.start.offset, node.position!.end.offset);
  return true;
}

/**
 * Spaces typed or deleted at the end of the last line of a paragraph or heading, or a word typed after
 * them (the first letter of every new word at the end of a line). Those spaces belong to the paragraph
 * but not to its last text node, whose end is where they start; a word after them joins the node. The
 * text node must be the paragraph's last child and the paragraph must end on this line: with a line
 * after it, two spaces would be a hard break that a letter typed after them undoes.
 */
function atParagraphEnd(previous: ParsedChunk, next: string, edit: Edit, lineStart: number, lineEnd: number): boolean {
  const old = previous.text;
  if (edit.oldEnd !== lineEnd) return false;
  let blankStart = lineEnd;
  while (blankStart > lineStart && old.charCodeAt(blankStart - 1) === 32) blankStart--;
  if (edit.p < blankStart) return false;
  const typedWord = edit.inserted !== '' && !BLANKS.test(edit.inserted);
  if (!typedWord && !(BLANKS.test(edit.removed) && BLANKS.test(edit.inserted))) return false;
  // a word goes after at least one space (right after the text it is an edit inside the word), and ends
  // in a letter or digit (spaces after it would be the paragraph's again)
  if (typedWord && (edit.removed !== '' || blankStart === lineEnd || !isAsciiLetterOrDigit(edit.inserted.charCodeAt(edit.inserted.length - 1)))) return false;
  // the text node that ends where the spaces start, as the last child of a paragraph or heading that
  // ends with this line
  const hit = textNodeCovering(previous.tree, (start, end) => start < blankStart && end >= blankStart);
  const found = hit?.node;
  const parent = hit?.parent;
  if (!found || found.position!.end.offset !== blankStart || !asWritten(found, old)) return false;
  if (parent?.type !== 'paragraph' && parent?.type !== 'heading') return false;
  if (parent.children[parent.children.length - 1] !== found || parent.position?.end.offset !== lineEnd) return false;
  const end = found.position!.end;
  const kept = { offset: end.offset, column: end.column };
  shiftPoints(previous.tree, edit.oldEnd, lineEnd, next.length - old.length);
  if (typedWord) {
    end.column = kept.column + (edit.newEnd - kept.offset!);
    end.offset = edit.newEnd;
  } else {
    end.offset = kept.offset;
    end.column = kept.column;
  }
  found.value = next.slice(found.position!.start.offset, end.offset);
  return true;
}

/** Whether a text node's value is its source as written (no escapes, references or dropped indentation). */
function asWritten(node: TextNode, text: string): boolean {
  return node.value === text.slice(node.position!.start.offset, node.position!.end.offset);
}

type TextNode = Nodes & { type: 'text' };

/**
 * The text node whose source span satisfies `covers`, reached through the nodes whose spans do, with
 * its parent; none inside a link or image reference (a changed word could change what the label matches).
 */
function textNodeCovering(tree: Root, covers: (start: number, end: number) => boolean): { node: TextNode; parent: Nodes } | undefined {
  let node: Nodes = tree;
  let parent: Nodes = tree;
  while (node.type !== 'text') {
    if (node.type === 'linkReference' || node.type === 'imageReference' || !('children' in node)) return undefined;
    const child: Nodes | undefined = (node.children as Nodes[]).find((c) => c.position !== undefined && covers(c.position.start.offset!, c.position.end.offset!));
    if (!child) return undefined;
    parent = node;
    node = child;
  }
  return { node, parent };
}

/** Moves every point at or after `from` by `delta`; those on the edited line (up to `lineEnd`) move their column too. */
function shiftPoints(tree: Root, from: number, lineEnd: number, delta: number): void {
  const visit = (n: Nodes): void => {
    const pos = n.position;
    if (pos) {
      for (const point of [pos.start, pos.end]) {
        if (point.offset! < from) continue;
        if (point.offset! <= lineEnd) point.column += delta;
        point.offset! += delta;
      }
    }
    if ('children' in n) for (const c of n.children as Nodes[]) visit(c);
  };
  visit(tree);
}
