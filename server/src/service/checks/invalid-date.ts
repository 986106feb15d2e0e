// `invalid-date`: a date that does not exist (`2/30/2026`, `13/4/25`, `6/31`). The range is the date
// itself, not the range around it. Placeholders (`XX/XX/2026`) are the placeholder check's business.
import { planDates } from '../dates/planDates';
import type { WrittenDay } from '../dates/types';
import type { Check, Finding } from './types';

export const invalidDateCheck: Check = {
  id: 'invalid-date',
  description: 'A date that does not exist (2/30/2026, 13/4/25).',
  defaultSeverity: 'error',
  check(plan) {
    const dates = planDates(plan);
    const findings: Finding[] = [];
    for (const m of dates.mentions) {
      const days: WrittenDay[] = [];
      if (m.expr.kind === 'date' && m.expr.date.granularity === 'day') days.push(m.expr.date);
      if (m.expr.kind === 'range') for (const e of [m.expr.start, m.expr.end]) if (e.granularity === 'day') days.push(e);
      for (const d of days) {
        if (d.valid) continue;
        const text = dates.lineText(m.line).slice(d.span.start, d.span.end);
        findings.push({
          checkId: 'invalid-date',
          range: dates.spanRange(m.line, d.span),
          message: `${text} is not a date: ${d.invalidReason ?? 'no such day'}`,
          data: { month: d.month, day: d.day, year: d.year ?? d.impliedYear ?? null },
        });
      }
    }
    return findings;
  },
};
