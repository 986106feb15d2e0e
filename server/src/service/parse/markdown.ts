// remark's parser (mdast-util-from-markdown + GFM: tables, task lists, strikethrough, autolinks).
// Not cached here: its only caller, analyzeChunk, caches what it derives from the tree by chunk text.
import { fromMarkdown } from 'mdast-util-from-markdown';
import { gfmFromMarkdown } from 'mdast-util-gfm';
import { gfm } from 'micromark-extension-gfm';
import type { Root } from 'mdast';

// Built once, not per parse: making them combines the GFM extensions anew and creates their tokenizer
// functions afresh, which the keystroke profile showed twice over — as allocation on every parse, and
// as V8 optimising the fresh functions again after each full garbage collection.
const OPTIONS = { extensions: [gfm()], mdastExtensions: [gfmFromMarkdown()] };

export function parseMarkdown(text: string): Root {
  return fromMarkdown(text, OPTIONS);
}
