// `placeholder`: template text nobody replaced ([FILL_IN], TBD, x, lorem ipsum…). The parser finds
// the tokens (plan.placeholders); this check words the finding around the field it sits in and applies
// the timeline rule: a placeholder in a stage that has already ended is a warning, not a reminder.
import type { Check, Finding } from './types';
import { fieldAt, fieldLabel } from '../parse/queries';
import { rangeData, timelineAt } from './support';

export const placeholderCheck: Check = {
  id: 'placeholder',
  description: 'An unfilled template placeholder ([FILL_IN], TBD, XX/XX/2026, mm/dd/yy, lorem ipsum, ???, x standing in for a value).',
  defaultSeverity: 'information',
  timeline: true,
  check(plan, context) {
    const findings: Finding[] = [];
    for (const p of plan.placeholders) {
      if (p.kind !== 'placeholder') continue;
      const line = p.range.start.line;
      const field = fieldAt(plan, p.range.start);
      const { severity, ended } = timelineAt(context, line);
      const label = fieldLabel(plan, field);
      let message: string;
      if (ended) message = `${ended.label} ended ${ended.endText}; ${label ?? 'this text'} is still ${p.text}`;
      else if (label) message = `${label} still has the placeholder ${p.text}; replace it with the real value`;
      else message = `Unfilled placeholder ${p.text}; replace it with the real text`;
      const finding: Finding = {
        checkId: 'placeholder',
        range: p.range,
        message,
        data: { placeholder: p.text, field: field?.label, range: rangeData(p.range) },
      };
      if (severity) finding.severity = severity;
      findings.push(finding);
    }
    return findings;
  },
};
