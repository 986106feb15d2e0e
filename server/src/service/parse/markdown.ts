// remark's parser (mdast-util-from-markdown + GFM: tables, task lists, strikethrough, footnotes,
// literal autolinks). Not cached here: its only caller, analyzeChunk, caches what it derives from the
// tree by chunk text.
//
// Each GFM part is left out of a chunk's parse when the chunk's text cannot hold what it makes. A part
// costs even where it finds nothing — the table construct is tried at the start of every block, the
// email autolink at the start of every word, and the autolink transform runs four regular expressions
// over every text node — so together they made half of a chunk's parse, and most chunks of real plans
// have no table and no bare URL. The tree is the same: test/service/parse/markdown.test.ts holds every
// chunk of every corpus plan to the tree the whole of GFM gives.
import { fromMarkdown } from 'mdast-util-from-markdown';
import { gfmFromMarkdown } from 'mdast-util-gfm';
import { gfmAutolinkLiteralFromMarkdown } from 'mdast-util-gfm-autolink-literal';
import { gfm } from 'micromark-extension-gfm';
import { gfmAutolinkLiteral } from 'micromark-extension-gfm-autolink-literal';
import { gfmFootnote } from 'micromark-extension-gfm-footnote';
import { gfmStrikethrough } from 'micromark-extension-gfm-strikethrough';
import { gfmTable } from 'micromark-extension-gfm-table';
import { gfmTaskListItem } from 'micromark-extension-gfm-task-list-item';
import type { Extension as MdastExtension } from 'mdast-util-from-markdown';
import type { Extension } from 'micromark-util-types';
import type { Root } from 'mdast';

interface GfmPart {
  /** The names of the constructs the part adds to GFM's micromark hooks. */
  constructs: readonly string[];
  /** The mdast transforms it runs after the tree is built (only literal autolinks have one). */
  transforms: NonNullable<MdastExtension['transforms']>;
  /**
   * False only when `text` cannot give the part anything to do. The micromark constructs read the
   * source as written; a transform reads text nodes, which have character references decoded.
   */
  mayApply(text: string): boolean;
}

/**
 * Whether `text` may hold a literal autolink, as written or once its character references are decoded:
 * every one of them needs `www`, `http` or `@`, and `&#64;` or `&commat;` decode to `@`.
 * Case-insensitive, as GFM's patterns are. (wordEdit.ts asks it of the line a keystroke is on.)
 */
export function mayHoldLiteralAutolink(text: string): boolean {
  return /[@&]|www|http/i.test(text);
}

const autolinkConstructs = constructNames(gfmAutolinkLiteral());
const EMAIL_AUTOLINK = 'emailAutolink';

const PARTS: readonly GfmPart[] = [
  // the email autolink is tried at the start of every word, so it is its own part: a chunk with a
  // bare URL but no `@` (a tracking link) leaves it out
  { constructs: autolinkConstructs.filter((n) => n === EMAIL_AUTOLINK), transforms: [], mayApply: (text) => text.includes('@') },
  { constructs: autolinkConstructs.filter((n) => n !== EMAIL_AUTOLINK), transforms: [], mayApply: (text) => /www|http/i.test(text) },
  // the transform's four patterns run over text nodes, which have character references decoded
  { constructs: [], transforms: gfmAutolinkLiteralFromMarkdown().transforms ?? [], mayApply: mayHoldLiteralAutolink },
  {
    // a delimiter row needs a `|`, or a `:` on a line of only `-`, `:` and spaces (`a` over `:-` is a
    // one-column table), after any blockquote markers
    constructs: constructNames(gfmTable()),
    transforms: [],
    mayApply: (text) => text.includes('|') || /^[ \t>]*[-: \t]*:[-: \t]*$/m.test(text),
  },
  { constructs: constructNames(gfmFootnote()), transforms: [], mayApply: (text) => text.includes('[^') },
  // `~` is also an attention marker in GFM's hooks; with no `~` in the text, that never comes up
  { constructs: constructNames(gfmStrikethrough()), transforms: [], mayApply: (text) => text.includes('~') },
  { constructs: constructNames(gfmTaskListItem()), transforms: [], mayApply: (text) => text.includes('[') },
];

// Built once per combination of parts, not per parse: making them combines the GFM extensions anew and
// creates their tokenizer functions afresh, which the keystroke profile showed twice over — as
// allocation on every parse, and as V8 optimising the fresh functions again after each full garbage
// collection.
const optionsByParts = new Map<number, { extensions: Extension[]; mdastExtensions: MdastExtension[] }>();

export function parseMarkdown(text: string): Root {
  const parts = gfmPartsFor(text);
  let options = optionsByParts.get(parts);
  if (!options) {
    options = gfmWithout(PARTS.filter((_, i) => !(parts & (1 << i))));
    optionsByParts.set(parts, options);
  }
  return fromMarkdown(text, options);
}

/** The GFM parts `text` is parsed with, one bit each in PARTS order (all bits set: the whole of GFM). */
export function gfmPartsFor(text: string): number {
  let parts = 0;
  PARTS.forEach((part, i) => {
    if (part.mayApply(text)) parts |= 1 << i;
  });
  return parts;
}

export const WHOLE_GFM = (1 << PARTS.length) - 1;

/** GFM's extensions with the given parts' constructs and transforms taken out. */
function gfmWithout(parts: readonly GfmPart[]): { extensions: Extension[]; mdastExtensions: MdastExtension[] } {
  const names = new Set(parts.flatMap((p) => p.constructs));
  const transforms = new Set(parts.flatMap((p) => p.transforms));
  const syntax: Extension = {};
  for (const [field, hooks] of Object.entries(gfm())) {
    const kept: Record<string, unknown[]> = {};
    for (const [code, list] of Object.entries(hooks as Record<string, unknown>)) {
      const rest = ([] as unknown[]).concat(list).filter((c) => !(isConstruct(c) && c.name !== undefined && names.has(c.name)));
      if (rest.length) kept[code] = rest;
    }
    Object.assign(syntax, { [field]: kept });
  }
  const mdast = gfmFromMarkdown().map((e) => ({ ...e, transforms: e.transforms?.filter((t) => !transforms.has(t)) }));
  return { extensions: [syntax], mdastExtensions: mdast };
}

// Constructs are told apart by name: the part factories make fresh construct objects on each call,
// so gfm()'s own are not the same objects. Every GFM construct is named, and no name is CommonMark's.
function constructNames(extension: Extension): string[] {
  const out: string[] = [];
  for (const hooks of Object.values(extension)) {
    for (const list of Object.values(hooks as Record<string, unknown>)) {
      for (const c of ([] as unknown[]).concat(list)) if (isConstruct(c) && c.name) out.push(c.name);
    }
  }
  return out;
}

function isConstruct(value: unknown): value is { name?: string; tokenize: unknown } {
  return typeof value === 'object' && value !== null && 'tokenize' in value;
}
