// Which declared length goes with which date range: `Six Days 7/16/25 - 7/21/25`,
// `1 week (03/18-03/26/21)`, `6 days, 1/10/24-1/16/24`, `01/21/2025-01/22/2025 - 1 day`. A length
// and a range pair only when they sit next to each other on one line with nothing between them but
// punctuation and a few linking words; a table cell border, a number or a word like "and"/"after"
// between them means they say different things (`14 days|7| July 1-10`, `60 days after 12/10`).
// Check-in names are not lengths (`1-Month Results (5/20-6/20)`).
import type { DateMention, PlanDates } from './planDates';
import type { DurationExpression, RangeExpression } from './types';

export interface LengthPair {
  duration: DateMention & { expr: DurationExpression };
  range: DateMention & { expr: RangeExpression };
}

const BLOCKING_WORDS = /\b(?:and|or|after|before|then|per|each|every|later|earlier|ago|prior|following|within|actual|until|of)\b/i;
const CHECK_IN_NAME = /^\s*-?\s*(?:results?|check[- ]?ins?|post[- ]?launch|metrics|review|kpis?|total)\b/i;

function gapAllows(gap: string): boolean {
  if (/[\d|;]/.test(gap) || gap.length > 40) return false;
  if (BLOCKING_WORDS.test(gap)) return false;
  return (gap.match(/[A-Za-z]+/g) ?? []).length <= 5;
}

/**
 * `dates.mentions` are in line order, so a mention's neighbours on its line are the mentions next to it
 * in the list (a table of mentions by line was built for this on every keystroke).
 */
export function lengthPairs(dates: PlanDates): LengthPair[] {
  const { mentions } = dates;
  const pairs: LengthPair[] = [];
  for (let i = 0; i < mentions.length; i++) {
    const m = mentions[i];
    if (m.expr.kind !== 'duration') continue;
    const text = dates.lineText(m.line);
    if (CHECK_IN_NAME.test(text.slice(m.expr.span.end))) continue;
    // the range before it or the one after it on the same line, whichever is closer (before on a tie)
    let best: DateMention | undefined;
    let bestGap = Infinity;
    for (const j of [i - 1, i + 1]) {
      const other = mentions[j];
      if (!other || other.line !== m.line || other.expr.kind !== 'range') continue;
      const [a, b] = j < i ? [other.expr.span.end, m.expr.span.start] : [m.expr.span.end, other.expr.span.start];
      const gap = text.slice(a, b);
      if (gapAllows(gap) && gap.length < bestGap) {
        best = other;
        bestGap = gap.length;
      }
    }
    if (best && best.expr.kind === 'range') pairs.push({ duration: m as LengthPair['duration'], range: best as LengthPair['range'] });
  }
  return pairs;
}
