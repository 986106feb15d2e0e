// `pick-one`: an unanswered `[PICK_ONE]` (with or without its `yes | no | N/A` list). The finding
// carries the option values and the range to replace so a quick fix can offer "Answer: no" and leave
// just the answer behind.
import type { Check, Finding, FindingData } from './types';
import { fieldAt, fieldLabel } from '../parse/queries';
import { rangeData, timelineAt } from './support';

export const pickOneCheck: Check = {
  id: 'pick-one',
  description: 'A [PICK_ONE] marker still present, with or without its option list.',
  defaultSeverity: 'information',
  timeline: true,
  check(plan, context) {
    const findings: Finding[] = [];
    for (const p of plan.placeholders) {
      if (p.kind !== 'pick-one') continue;
      const line = p.range.start.line;
      const field = fieldAt(plan, p.range.start);
      const { severity, ended } = timelineAt(context, line);
      const options = p.options?.values ?? [];
      const choices = options.length ? options.join(' | ') : undefined;
      const label = fieldLabel(plan, field);
      const subject = label ? `${label} still says ${p.text}` : `${p.text} is still unanswered`;
      const message = ended
        ? `${ended.label} ended ${ended.endText}; ${subject}${choices ? ` (${choices})` : ''}`
        : choices
          ? `${subject}; pick one of ${choices}`
          : `${subject}; replace it with the answer`;
      const data: FindingData = { marker: p.text, field: field?.label, options, markerRange: rangeData(p.range) };
      if (p.options) {
        data.optionsText = p.options.text;
        data.optionsRange = rangeData(p.options.range);
        // marker through option list: replacing this span with one value answers the question
        data.replaceRange = rangeData({ start: p.range.start, end: p.options.range.end });
      } else {
        data.replaceRange = rangeData(p.range);
      }
      const finding: Finding = { checkId: 'pick-one', range: p.range, message, data };
      if (severity) finding.severity = severity;
      findings.push(finding);
    }
    return findings;
  },
};
