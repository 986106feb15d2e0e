// Inlay hints after date ranges showing how long they are (`7/16/25 - 7/21/25` → `6 days`), counted
// inclusively as the hover does. The client keeps them off by default behind a setting; this only
// computes them. Ranges without a year still get a length (it does not depend on the year); ranges
// that end before they start get none (date-order reports them).
import { compareDates, daysBetween } from '../dates/calendar';
import { plural } from '../dates/format';
import { planDates } from '../dates/planDates';
import type { Position, Range, ReleasePlan } from '../parse/model';

export interface DateInlayHint {
  position: Position;
  label: string;
  /** The hint sits after the range's text, so the editor should put a space before it. */
  paddingLeft: boolean;
  tooltip: string;
}

export function provideDateInlayHints(plan: ReleasePlan, range: Range): DateInlayHint[] {
  const hints: DateInlayHint[] = [];
  for (const m of planDates(plan).mentions) {
    if (m.line < range.start.line || m.line > range.end.line || m.expr.kind !== 'range') continue;
    if (m.expr.start.granularity !== 'day' || m.expr.end.granularity !== 'day') continue;
    const days = m.start && m.end ? { start: m.start, end: m.end } : m.relative;
    if (!days || compareDates(days.end, days.start) < 0) continue;
    const n = daysBetween(days.start, days.end) + 1;
    hints.push({
      position: m.range.end,
      label: plural(n, 'day'),
      paddingLeft: true,
      tooltip: `${m.expr.text}: ${plural(n, 'day')} counting both ends`,
    });
  }
  return hints;
}
