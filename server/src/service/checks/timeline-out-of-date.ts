// `timeline-out-of-date`: the plan carries a generated timeline diagram (the mermaid block between the
// `release-plan:timeline` marker comments) that no longer matches its stage dates, so readers on
// GitHub see an old picture. The quick fix rewrites the block. A plan without the block is never
// reported: the diagram is opt-in.
import { findTimelineBlock, sameBlock, timelineBlock } from '../features/timelineDiagram';
import type { Check, Finding } from './types';

export const timelineOutOfDateCheck: Check = {
  id: 'timeline-out-of-date',
  description: "The generated timeline diagram (mermaid block between the release-plan:timeline markers) no longer matches the plan's stage dates.",
  defaultSeverity: 'information',
  check(plan) {
    const block = findTimelineBlock(plan);
    if (!block) return [];
    const expected = timelineBlock(plan);
    if (expected !== undefined && sameBlock(block.text, expected)) return [];
    const first = block.range.start;
    const finding: Finding = {
      checkId: 'timeline-out-of-date',
      // the start marker line: the whole block would underline a screenful
      range: { start: first, end: { line: first.line, character: block.text.split(/\r?\n/)[0].length } },
      message:
        expected === undefined
          ? 'The timeline diagram is out of date: no stage has dates any more; remove the block or add the dates'
          : "The timeline diagram no longer matches the stage dates; refresh it (quick fix, or 'Release Plan: Insert Timeline Diagram')",
    };
    return [finding];
  },
};
