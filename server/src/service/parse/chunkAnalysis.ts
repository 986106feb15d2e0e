// Everything about a chunk that depends only on its own text — the flattened blocks and the
// placeholder matches — computed once per distinct chunk text and cached with chunk-relative offsets.
// parsePlan shifts them into place, so a keystroke re-parses and re-scans one section only.
import { scanChunk, type Block, type BlockScan, type HtmlBlock, type TableBlock } from './blocks';
import { boundedMemo } from '../memo';
import { parseMarkdown } from './markdown';
import { scanPlaceholders, type PlaceholderMatch } from './placeholders';
import { LineIndex } from './text';
import { patchWordEdit, type ParsedChunk } from './wordEdit';

export interface ChunkAnalysis {
  scan: BlockScan;
  /** The inline HTML of `scan.html` (the rest of it are html blocks, which are in `scan.blocks` too). */
  inlineHtml: HtmlBlock[];
  /** The last copy made into document coordinates, reused while the chunk stays where it was. */
  placed?: { offset: number; itemBase: number; listBase: number; scan: BlockScan };
  /** How many list items and lists the chunk numbered (ids are chunk-relative). */
  items: number;
  lists: number;
  placeholders: PlaceholderMatch[];
}

/**
 * The chunk remark parsed (or wordEdit.ts patched) last, and its tree: the next keystroke in the same
 * section patches it instead of parsing again. One, not a cache: typing stays in one section.
 */
let lastParsed: ParsedChunk | undefined;

/** Forgets the last parsed chunk (with analyzeChunk.clear(), for a cold parse). */
export function forgetLastParsed(): void {
  lastParsed = undefined;
}

export const analyzeChunk = boundedMemo(2000, (text: string): ChunkAnalysis => {
  const scan: BlockScan = { blocks: [], inlineCode: [], links: [], html: [] };
  const ids = { item: 0, list: 0 };
  const tree = (lastParsed && patchWordEdit(lastParsed, text)) ?? parseMarkdown(text);
  lastParsed = { text, tree };
  scanChunk(tree, { offset: 0, line: 0, text }, text, scan, ids);
  const blockHtml = new Set<unknown>(scan.blocks);
  const inlineHtml = scan.html.filter((h) => !blockHtml.has(h));
  return { scan, inlineHtml, items: ids.item, lists: ids.list, placeholders: findPlaceholders(text, scan) };
});

/**
 * Copies a cached analysis into document coordinates. A keystroke leaves every chunk before it where
 * it was, so their copies are reused as they are (the model builder only reads them).
 */
export function shiftInto(target: BlockScan, a: ChunkAnalysis, offset: number, itemBase: number, listBase: number): void {
  const p = a.placed;
  const placed = p && p.offset === offset && p.itemBase === itemBase && p.listBase === listBase ? p.scan : place(a, offset, itemBase, listBase);
  if (placed !== p?.scan) a.placed = { offset, itemBase, listBase, scan: placed };
  // indexed: a whole-plan loop of every keystroke (README, Developing: hot loops)
  appendAll(target.blocks, placed.blocks);
  appendAll(target.html, placed.html);
  appendAll(target.inlineCode, placed.inlineCode);
  appendAll(target.links, placed.links);
}

function appendAll<T>(target: T[], items: readonly T[]): void {
  for (let i = 0; i < items.length; i++) target.push(items[i]);
}

// Every chunk after an edit moves, so its blocks are copied on each keystroke (30,000 of them in a
// 300 KB plan). Each kind is copied field by field, in the shape blocks.ts makes it: a generic
// `{ ...block }` over the five kinds was the slowest line of the parse.
function place(a: ChunkAnalysis, offset: number, itemBase: number, listBase: number): BlockScan {
  const target: BlockScan = { blocks: [], inlineCode: [], links: [], html: [] };
  const { blocks } = a.scan;
  for (let i = 0; i < blocks.length; i++) {
    const shifted = shiftBlock(blocks[i], offset, itemBase, listBase);
    target.blocks.push(shifted);
    if (shifted.kind === 'html') target.html.push(shifted);
  }
  for (const h of a.inlineHtml) target.html.push({ kind: 'html', value: h.value, start: h.start + offset, end: h.end + offset });
  for (const c of a.scan.inlineCode) target.inlineCode.push({ value: c.value, start: c.start + offset, end: c.end + offset });
  for (const l of a.scan.links) target.links.push({ url: l.url, start: l.start + offset, end: l.end + offset, textStart: l.textStart + offset, textEnd: l.textEnd + offset });
  return target;
}

function shiftBlock(b: Block, offset: number, itemBase: number, listBase: number): Block {
  const start = b.start + offset;
  const end = b.end + offset;
  switch (b.kind) {
    case 'line':
      return {
        kind: 'line', start, end, listDepth: b.listDepth, itemStart: b.itemStart, checked: b.checked, ordered: b.ordered,
        // paths are never changed once made, so the first chunk's are shared
        itemPath: itemBase === 0 ? b.itemPath : b.itemPath.map((id) => id + itemBase),
        listId: b.listId < 0 ? -1 : b.listId + listBase,
        field: b.field, // relative to the line: moves with it
      };
    case 'heading':
      return { kind: 'heading', depth: b.depth, plain: b.plain, start, end };
    case 'table':
      return { kind: 'table', rows: shiftedRows(b.rows, offset), start, end };
    case 'html':
      return { kind: 'html', value: b.value, start, end };
    case 'code':
      return { kind: 'code', start, end };
  }
}

/** A table's rows moved by `offset` (loops: map's callbacks would be closures made per table per keystroke). */
function shiftedRows(rows: TableBlock['rows'], offset: number): TableBlock['rows'] {
  const out: TableBlock['rows'] = [];
  for (let i = 0; i < rows.length; i++) {
    const cells: TableBlock['rows'][number]['cells'] = [];
    for (let k = 0; k < rows[i].cells.length; k++) cells.push({ start: rows[i].cells[k].start + offset, end: rows[i].cells[k].end + offset });
    out.push({ cells });
  }
  return out;
}

function findPlaceholders(text: string, scan: BlockScan): PlaceholderMatch[] {
  // Mask what is not prose: code blocks, HTML (comments carry template instructions), URLs.
  const chars = text.split('');
  const blank = (s: number, e: number) => {
    for (let i = s; i < e && i < chars.length; i++) if (chars[i] !== '\n' && chars[i] !== '\r') chars[i] = ' ';
  };
  for (const b of scan.blocks) if (b.kind === 'code') blank(b.start, b.end);
  for (const h of scan.html) blank(h.start, h.end);
  for (const l of scan.links) blank(l.textEnd, l.end);
  const urlRe = /\bhttps?:\/\/[^\s)>\]]+/g;
  for (let m = urlRe.exec(text); m; m = urlRe.exec(text)) blank(m.index, m.index + m[0].length);
  const masked = chars.join('');
  // the x/xx/XXX heuristic also ignores inline code
  const xchars = masked.split('');
  for (const c of scan.inlineCode) for (let i = c.start; i < c.end; i++) xchars[i] = ' ';
  const xmasked = xchars.join('');

  const lines = new LineIndex(text);
  const out: PlaceholderMatch[] = [];
  for (let line = 0; line < lines.lineCount; line++) {
    const start = lines.lineStarts[line];
    const end = lines.lineEnd(line);
    const src = masked.slice(start, end);
    if (!/[[?xXTtLlMm]/.test(src)) continue;
    for (const m of scanPlaceholders(src, xmasked.slice(start, end))) {
      out.push({ ...m, start: m.start + start, end: m.end + start, options: m.options && { ...m.options, start: m.options.start + start, end: m.options.end + start } });
    }
  }
  return out;
}
