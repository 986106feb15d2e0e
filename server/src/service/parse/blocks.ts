// Flattens each chunk's mdast into the few block kinds the plan model is built from, with offsets
// into the whole document. Everything downstream works on source text + offsets, so ranges stay exact
// even where markdown escapes or emphasis make the rendered text differ from what was typed.
import type { Nodes, Parent, Root, RootContent, TableRow } from 'mdast';
import { splitFieldAt, type FieldSplit } from './fields';
import type { Chunk } from './sections';

export interface HeadingBlock {
  kind: 'heading';
  depth: number;
  /** Rendered text: emphasis markers dropped, inline code kept as its value. */
  plain: string;
  /** Source offsets of the heading content (after `#`s), trimmed. */
  start: number;
  end: number;
}

export interface LineBlock {
  kind: 'line';
  /** Source offsets of one line of text (a paragraph line or a list item's first line). */
  start: number;
  end: number;
  /** Nesting depth of the enclosing list item (0 = not in a list). */
  listDepth: number;
  /** True for the first line of a list item. */
  itemStart: boolean;
  /** Task-list state of the enclosing item when this is its first line. */
  checked: boolean | null;
  ordered: boolean;
  /** Id of the list item this line belongs to (-1 outside lists); ids of parents in `itemPath`. */
  itemPath: number[];
  /** Id of the list this line's item belongs to (-1 outside lists). */
  listId: number;
  /** The line as a `Label: value` field, offsets relative to `start`; undefined when it is not one. */
  field: FieldSplit | undefined;
}

export interface TableBlock {
  kind: 'table';
  rows: { cells: { start: number; end: number }[] }[];
  start: number;
  end: number;
}

export interface HtmlBlock {
  kind: 'html';
  value: string;
  start: number;
  end: number;
}

export interface CodeBlock {
  kind: 'code';
  start: number;
  end: number;
}

export interface InlineCode {
  value: string;
  start: number;
  end: number;
}

export interface LinkSpan {
  url: string;
  start: number;
  end: number;
  /** Offsets of the link text between the brackets. */
  textStart: number;
  textEnd: number;
}

export type Block = HeadingBlock | LineBlock | TableBlock | HtmlBlock | CodeBlock;

export interface BlockScan {
  blocks: Block[];
  inlineCode: InlineCode[];
  links: LinkSpan[];
  /** Inline HTML (comments inside paragraphs) as well as html blocks. */
  html: HtmlBlock[];
}

interface Walk {
  chunkOffset: number;
  text: string;
  out: BlockScan;
  nextId: { item: number; list: number };
}

function off(w: Walk, node: Nodes, which: 'start' | 'end'): number {
  const p = node.position;
  return w.chunkOffset + (p ? p[which].offset ?? 0 : 0);
}

function plainText(node: Nodes): string {
  if (node.type === 'text' || node.type === 'inlineCode') return node.value;
  if (node.type === 'break') return ' ';
  if ('children' in node) return (node.children as Nodes[]).map(plainText).join('');
  return '';
}

function collectInline(w: Walk, node: Nodes): void {
  if (node.type === 'inlineCode') {
    w.out.inlineCode.push({ value: node.value, start: off(w, node, 'start'), end: off(w, node, 'end') });
  } else if (node.type === 'link') {
    const start = off(w, node, 'start');
    const end = off(w, node, 'end');
    const first = node.children[0];
    const last = node.children[node.children.length - 1];
    const textStart = first ? off(w, first, 'start') : start + 1;
    const textEnd = last ? off(w, last, 'end') : start + 1;
    w.out.links.push({ url: node.url, start, end, textStart, textEnd });
  } else if (node.type === 'html') {
    w.out.html.push({ kind: 'html', value: node.value, start: off(w, node, 'start'), end: off(w, node, 'end') });
  }
  if ('children' in node) for (const c of node.children as Nodes[]) collectInline(w, c);
}

/** Emits one LineBlock per source line of a paragraph. */
function emitParagraphLines(w: Walk, start: number, end: number, ctx: Omit<LineBlock, 'kind' | 'start' | 'end' | 'itemStart' | 'checked' | 'field'>, checked: boolean | null, firstIsItem: boolean): void {
  let lineStart = start;
  let first = true;
  while (lineStart < end) {
    let lineEnd = w.text.indexOf('\n', lineStart);
    if (lineEnd === -1 || lineEnd > end) lineEnd = end;
    let contentEnd = lineEnd;
    if (w.text.charCodeAt(contentEnd - 1) === 13) contentEnd--;
    let s = lineStart;
    // continuation lines carry their indentation; the content starts after it
    while (s < contentEnd && (w.text[s] === ' ' || w.text[s] === '\t' || w.text[s] === '>')) s++;
    if (s < contentEnd) {
      // the fields in the order chunkAnalysis.ts copies them, so every line block has one shape
      const field = splitFieldAt(w.text.slice(s, contentEnd));
      w.out.blocks.push({ kind: 'line', start: s, end: contentEnd, listDepth: ctx.listDepth, itemStart: first && firstIsItem, checked: first ? checked : null, ordered: ctx.ordered, itemPath: ctx.itemPath, listId: ctx.listId, field });
    }
    first = false;
    lineStart = lineEnd + 1;
  }
}

function walkChildren(w: Walk, parent: Parent, listDepth: number, itemPath: number[], listId: number, ordered: boolean): void {
  for (const child of parent.children as RootContent[]) walkNode(w, child, listDepth, itemPath, listId, ordered);
}

function walkNode(w: Walk, node: RootContent, listDepth: number, itemPath: number[], listId: number, ordered: boolean): void {
  switch (node.type) {
    case 'heading': {
      const start = node.children.length ? off(w, node.children[0], 'start') : off(w, node, 'end');
      const end = node.children.length ? off(w, node.children[node.children.length - 1], 'end') : start;
      w.out.blocks.push({ kind: 'heading', depth: node.depth, plain: plainText(node).trim(), start, end });
      for (const c of node.children) collectInline(w, c);
      return;
    }
    case 'paragraph': {
      emitParagraphLines(w, off(w, node, 'start'), off(w, node, 'end'), { listDepth, ordered, itemPath, listId }, null, false);
      for (const c of node.children) collectInline(w, c);
      return;
    }
    case 'list': {
      const id = w.nextId.list++;
      for (const item of node.children) walkNode(w, item, listDepth + 1, itemPath, id, node.ordered === true);
      return;
    }
    case 'listItem': {
      const id = w.nextId.item++;
      const path = [...itemPath, id];
      const [first, ...rest] = node.children;
      if (first && first.type === 'paragraph') {
        // GFM task items: the paragraph already starts after `[ ] `
        emitParagraphLines(w, off(w, first, 'start'), off(w, first, 'end'), { listDepth, ordered, itemPath: path, listId }, node.checked ?? null, true);
        for (const c of first.children) collectInline(w, c);
        for (const c of rest) walkNode(w, c, listDepth, path, listId, ordered);
      } else {
        for (const c of node.children) walkNode(w, c, listDepth, path, listId, ordered);
      }
      return;
    }
    case 'blockquote':
      walkChildren(w, node, listDepth, itemPath, listId, ordered);
      return;
    case 'table': {
      const rows = node.children.map((row: TableRow) => ({
        cells: row.children.map((cell) => {
          for (const c of cell.children) collectInline(w, c);
          if (cell.children.length) return { start: off(w, cell.children[0], 'start'), end: off(w, cell.children[cell.children.length - 1], 'end') };
          const s = off(w, cell, 'start');
          return { start: s, end: s };
        }),
      }));
      w.out.blocks.push({ kind: 'table', rows, start: off(w, node, 'start'), end: off(w, node, 'end') });
      return;
    }
    case 'html': {
      const b: HtmlBlock = { kind: 'html', value: node.value, start: off(w, node, 'start'), end: off(w, node, 'end') };
      w.out.blocks.push(b);
      w.out.html.push(b);
      return;
    }
    case 'code':
      w.out.blocks.push({ kind: 'code', start: off(w, node, 'start'), end: off(w, node, 'end') });
      return;
    default:
      return;
  }
}

export function scanChunk(root: Root, chunk: Chunk, text: string, out: BlockScan, nextId: { item: number; list: number }): void {
  const w: Walk = { chunkOffset: chunk.offset, text, out, nextId };
  walkChildren(w, root, 0, [], -1, false);
}
