// "Which span contains this offset?" asked once per link, cell or code span: a linear scan per
// question made a 10,000-row toggle table quadratic (seconds per keystroke). Spans that do not
// overlap (table cells, links) sort by start, so a binary search answers each question in log n.

export interface OffsetSpan {
  start: number;
  end: number;
}

// made once, not per call (README, Developing: no closures on the keystroke path)
const byStart = (a: OffsetSpan, b: OffsetSpan): number => a.start - b.start;

/** The span with `start <= offset < end`, for spans that do not overlap one another. */
export function spanFinder<T extends OffsetSpan>(spans: readonly T[]): (offset: number) => T | undefined {
  const sorted = [...spans].sort(byStart);
  return (offset) => {
    let lo = 0;
    let hi = sorted.length - 1;
    let best = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (sorted[mid].start <= offset) {
        best = mid;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    const hit = best >= 0 ? sorted[best] : undefined;
    return hit && offset < hit.end ? hit : undefined;
  };
}
