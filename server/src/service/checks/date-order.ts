// `date-order`: a range that ends before it starts (`Sprint 31: 9/23-8/6`, `12/20/23 - 01/11/23`), and
// a stage that starts before the stage before it. A range without any year is still checked: its
// order does not depend on the year (a short wrap like `12/28 - 1/5` reads as crossing New Year).
import { compareDates } from '../dates/calendar';
import { formatDate } from '../dates/format';
import { planDates } from '../dates/planDates';
import { planTimeline } from '../dates/timeline';
import type { Check, Finding } from './types';
import { rangeData } from './support';

export const dateOrderCheck: Check = {
  id: 'date-order',
  description: 'A range whose end is before its start, or a stage that starts before the previous stage starts.',
  defaultSeverity: 'warning',
  check(plan) {
    const dates = planDates(plan);
    const findings: Finding[] = [];
    for (const m of dates.mentions) {
      if (m.expr.kind !== 'range' || !m.relative || compareDates(m.relative.end, m.relative.start) >= 0) continue;
      const text = dates.lineText(m.line);
      const startText = text.slice(m.expr.start.span.start, m.expr.start.span.end);
      const endText = text.slice(m.expr.end.span.start, m.expr.end.span.end);
      findings.push({
        checkId: 'date-order',
        range: m.range,
        message: `${m.expr.text} ends (${endText}) before it starts (${startText}); swap or correct the dates`,
        data: { kind: 'range' },
      });
    }
    const windows = planTimeline(plan).stages;
    for (let i = 1; i < windows.length; i++) {
      const prev = windows[i - 1];
      const cur = windows[i];
      if (compareDates(cur.start, prev.start) >= 0) continue;
      findings.push({
        checkId: 'date-order',
        range: cur.startRange,
        message: `${cur.label} starts ${formatDate(cur.start)}, before ${prev.label} (${formatDate(prev.start)}); stages run in order, so check both dates`,
        data: { kind: 'stage', stage: cur.stage.label, previousStage: prev.stage.label, previousRange: rangeData(prev.startRange) },
      });
    }
    return findings;
  },
};
