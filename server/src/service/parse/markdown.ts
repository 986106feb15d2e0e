// remark's parser (mdast-util-from-markdown + GFM: tables, task lists, strikethrough, autolinks).
// Not cached here: its only caller, analyzeChunk, caches what it derives from the tree by chunk text.
import { fromMarkdown } from 'mdast-util-from-markdown';
import { gfmFromMarkdown } from 'mdast-util-gfm';
import { gfm } from 'micromark-extension-gfm';
import type { Root } from 'mdast';

export function parseMarkdown(text: string): Root {
  return fromMarkdown(text, { extensions: [gfm()], mdastExtensions: [gfmFromMarkdown()] });
}
