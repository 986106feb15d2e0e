// `pick-one`: an unanswered `[PICK_ONE]` (with or without its `yes | no | N/A` list). The finding
// carries the option values and the range to replace so a quick fix can offer "Answer: no" and leave
// just the answer behind.
import type { Check, Finding, FindingData } from './types';
import { fieldAt, fieldLabel } from '../parse/queries';
import { applyTiming, fillTimingAt, rangeData } from './support';

export const pickOneCheck: Check = {
  id: 'pick-one',
  description: 'A [PICK_ONE] marker still present, with or without its option list.',
  defaultSeverity: 'information',
  timeline: true,
  check(plan, context) {
    const findings: Finding[] = [];
    // indexed: a whole-plan loop of every keystroke (README, Developing: hot loops)
    const { placeholders } = plan;
    for (let i = 0; i < placeholders.length; i++) {
      const p = placeholders[i];
      if (p.kind !== 'pick-one') continue;
      const field = fieldAt(plan, p.range.start);
      const timing = fillTimingAt(plan, context, p.range.start);
      const { ended, awaiting } = timing;
      const options = p.options?.values ?? [];
      const choices = options.length ? options.join(' | ') : undefined;
      const label = fieldLabel(plan, field);
      const subject = label ? `${label} still says ${p.text}` : `${p.text} is still unanswered`;
      const message = timing.notApplicable
        ? `${subject}; ${timing.notApplicable.name} is marked N/A, so it needs no answer`
        : awaiting
        ? `${subject}: to answer ${awaiting}`
        : ended
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
      findings.push(applyTiming({ checkId: 'pick-one', range: p.range, message, data }, timing));
    }
    return findings;
  },
};
