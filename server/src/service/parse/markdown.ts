// remark's parser (mdast-util-from-markdown + GFM: tables, task lists, strikethrough, autolinks),
// with a bounded cache keyed by chunk text so unchanged sections are never parsed twice.
import { fromMarkdown } from 'mdast-util-from-markdown';
import { gfmFromMarkdown } from 'mdast-util-gfm';
import { gfm } from 'micromark-extension-gfm';
import type { Root } from 'mdast';

const MAX_CACHE = 2000;
const cache = new Map<string, Root>();

export function parseMarkdown(text: string): Root {
  const hit = cache.get(text);
  if (hit) {
    // Refresh recency: Map keeps insertion order, so re-inserting makes this the newest entry.
    cache.delete(text);
    cache.set(text, hit);
    return hit;
  }
  const root = fromMarkdown(text, { extensions: [gfm()], mdastExtensions: [gfmFromMarkdown()] });
  cache.set(text, root);
  if (cache.size > MAX_CACHE) cache.delete(cache.keys().next().value as string);
  return root;
}

export function clearMarkdownCache(): void {
  cache.clear();
}
