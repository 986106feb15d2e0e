// Phase 2 of parsePlan: the document's outline — its headings, fenced code blocks and HTML comments
// (where disable directives live), each with its range.
import type { HeadingBlock } from './blocks';
import type { Heading, HtmlComment, Range } from './model';
import type { ParseState } from './state';

export interface Outline {
  headings: Heading[];
  /** The model heading of each heading block, for the structure walk. */
  headingOf: Map<HeadingBlock, Heading>;
  codeBlocks: Range[];
  /** In document order. */
  comments: HtmlComment[];
}

export function readOutline({ lines, scan }: ParseState): Outline {
  const headings: Heading[] = [];
  const headingOf = new Map<HeadingBlock, Heading>();
  const codeBlocks: Range[] = [];
  // indexed: a whole-plan loop of every keystroke (README, Developing: hot loops)
  for (let i = 0; i < scan.blocks.length; i++) {
    const b = scan.blocks[i];
    if (b.kind === 'heading') {
      const h: Heading = { depth: b.depth, text: b.plain, range: lines.range(b.start, b.end), line: lines.positionAt(b.start).line };
      headings.push(h);
      headingOf.set(b, h);
    } else if (b.kind === 'code') codeBlocks.push(lines.range(b.start, b.end));
  }
  const comments: HtmlComment[] = [];
  for (const h of scan.html) {
    const re = /<!--([\s\S]*?)-->/g;
    for (let m = re.exec(h.value); m; m = re.exec(h.value)) {
      const start = h.start + m.index;
      comments.push({ text: m[1].trim(), range: lines.range(start, start + m[0].length) });
    }
  }
  comments.sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
  return { headings, headingOf, codeBlocks, comments };
}
