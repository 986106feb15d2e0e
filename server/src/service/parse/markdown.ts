// remark's parser (mdast-util-from-markdown + GFM: tables, task lists, strikethrough, autolinks).
// Not cached here: its only caller, analyzeChunk, caches what it derives from the tree by chunk text.
import { fromMarkdown } from 'mdast-util-from-markdown';
import { gfmFromMarkdown } from 'mdast-util-gfm';
import { gfmAutolinkLiteralFromMarkdown } from 'mdast-util-gfm-autolink-literal';
import { gfm } from 'micromark-extension-gfm';
import { gfmAutolinkLiteral } from 'micromark-extension-gfm-autolink-literal';
import type { Construct, Extension } from 'micromark-util-types';
import type { Root } from 'mdast';

// Built once, not per parse: making them combines the GFM extensions anew and creates their tokenizer
// functions afresh, which the keystroke profile showed twice over — as allocation on every parse, and
// as V8 optimising the fresh functions again after each full garbage collection.
const GFM = { extensions: [gfm()], mdastExtensions: [gfmFromMarkdown()] };

/**
 * GFM without its literal autolinks (`www.x.gov`, `https://…`, `a@b.gov` written without `<…>`), for
 * text that cannot contain one. They cost more than the rest of GFM together: micromark tries the
 * email autolink at the start of every word (every ASCII letter and digit is one of its triggers) and
 * mdast-util-gfm-autolink-literal runs four regular expressions over every text node afterwards — a
 * third of a chunk's parse. The tree is the same (test/service/parse/markdown.test.ts holds every
 * chunk of every corpus plan to that).
 */
const literalAutolinkTransforms = new Set(gfmAutolinkLiteralFromMarkdown().transforms);
const GFM_WITHOUT_LITERAL_AUTOLINKS = {
  extensions: [withoutConstructs(gfm(), new Set(Object.values(gfmAutolinkLiteral().text ?? {}).flat()))],
  mdastExtensions: [gfmFromMarkdown().map((e) => ({ ...e, transforms: e.transforms?.filter((t) => !literalAutolinkTransforms.has(t)) }))],
};

/**
 * Whether `text` may hold a literal autolink. Each of micromark's three tokenizers needs `www`,
 * `http` or `@` in the source as written, and the mdast transform's four patterns need `www`, `http`
 * or `@` in a text node's value, which is the source with character references decoded — so `&`
 * (`&#64;`, `&commat;`) counts too. Case-insensitive, as the patterns are.
 */
export function mayHaveLiteralAutolink(text: string): boolean {
  return /[@&]|www|http/i.test(text);
}

export function parseMarkdown(text: string): Root {
  return fromMarkdown(text, mayHaveLiteralAutolink(text) ? GFM : GFM_WITHOUT_LITERAL_AUTOLINKS);
}

/** A combined micromark extension with the given constructs taken out of every hook. */
function withoutConstructs(extension: Extension, drop: ReadonlySet<Construct | undefined>): Extension {
  const out: Extension = {};
  for (const [field, hooks] of Object.entries(extension) as [keyof Extension, Record<string, Construct | Construct[]> | undefined][]) {
    if (!hooks || typeof hooks !== 'object') {
      Object.assign(out, { [field]: hooks });
      continue;
    }
    const kept: Record<string, Construct[]> = {};
    for (const [code, constructs] of Object.entries(hooks)) {
      const list = (Array.isArray(constructs) ? constructs : [constructs]).filter((c) => !drop.has(c));
      if (list.length) kept[code] = list;
    }
    Object.assign(out, { [field]: kept });
  }
  return out;
}
