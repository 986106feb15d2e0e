// `duration-mismatch`: a declared length next to a date range that says otherwise (`1 week
// (03/18-03/26/21)` is nine days). Either counting convention is accepted, and the readings plans
// use in practice (working weeks, business days) — see dates/length.ts. The range is the length text,
// the claim a fix would change.
import { readLength } from '../dates/length';
import { lengthPairs } from '../dates/pairs';
import { planDates } from '../dates/planDates';
import { formatDuration, plural } from '../dates/format';
import type { Check, Finding } from './types';
import { rangeData } from './support';

/** `1 week` needs no gloss; `Six Days` → `(6 days)`, `~1 week` → `(about 1 week)` do. */
function sameWords(a: string, b: string): boolean {
  return a.toLowerCase().replace(/\s+/g, ' ') === b.toLowerCase();
}

export const durationMismatchCheck: Check = {
  id: 'duration-mismatch',
  description: 'A declared length (Six Days, 1 week, 2 business days) disagrees with the date range given with it.',
  defaultSeverity: 'warning',
  check(plan) {
    const dates = planDates(plan);
    const findings: Finding[] = [];
    for (const { duration, range } of lengthPairs(dates)) {
      const days = range.start && range.end ? { start: range.start, end: range.end } : range.relative;
      if (!days) continue;
      const reading = readLength(duration.expr, days.start, days.end);
      if (reading.agrees) continue;
      // Without a year the weekdays are unknown, so a working-day reading cannot be ruled out.
      if (!range.start && (duration.expr.business || duration.expr.max.unit === 'week' || duration.expr.max.unit === 'day')) continue;
      const counted = duration.expr.business
        ? `${plural(reading.businessDays, 'business day')}`
        : `${plural(reading.inclusiveDays, 'day')} counting both ends`;
      const suggestion = duration.expr.business ? plural(reading.businessDays, 'business day') : plural(reading.inclusiveDays, 'day');
      findings.push({
        checkId: 'duration-mismatch',
        range: duration.range,
        message: `'${duration.expr.text}'${sameWords(duration.expr.text, formatDuration(duration.expr)) ? '' : ` (${formatDuration(duration.expr)})`} does not match ${range.expr.text}, which is ${counted}; correct the length or the dates`,
        data: {
          declared: duration.expr.text,
          inclusiveDays: reading.inclusiveDays,
          businessDays: reading.businessDays,
          suggestion,
          dateRange: rangeData(range.range),
        },
      });
    }
    return findings;
  },
};
