// `placeholder`: template text nobody replaced ([FILL_IN], TBD, x, lorem ipsum…). The parser finds
// the tokens (plan.placeholders); this check words the finding around the field it sits in and applies
// the timeline rule (support.ts fillTimingAt): a placeholder in a stage that has already ended is a warning, one in
// results nobody can have yet or under a section marked N/A is a hint. Each N/A section that still holds
// template text gets one finding of this check on its heading (notApplicableFindings below), so the quick fix
// that clears them all has one place to sit.
import type { Check, Finding } from './types';
import type { ReleasePlan } from '../parse/model';
import { isUnder, notApplicableSections } from '../parse/notApplicable';
import { fieldAt, fieldLabel } from '../parse/queries';
import { plural } from '../dates/format';
import { applyTiming, fillTimingAt, rangeData } from './support';

export const placeholderCheck: Check = {
  id: 'placeholder',
  description: 'An unfilled template placeholder ([FILL_IN], TBD, XX/XX/2026, mm/dd/yy, lorem ipsum, ???, x standing in for a value).',
  defaultSeverity: 'information',
  timeline: true,
  check(plan, context) {
    const findings: Finding[] = [];
    // indexed: a whole-plan loop of every keystroke (README, Developing: hot loops)
    const { placeholders } = plan;
    for (let i = 0; i < placeholders.length; i++) {
      const p = placeholders[i];
      if (p.kind !== 'placeholder') continue;
      const field = fieldAt(plan, p.range.start);
      const timing = fillTimingAt(plan, context, p.range.start);
      const { ended, awaiting } = timing;
      const label = fieldLabel(plan, field);
      let message: string;
      if (timing.notApplicable) message = `${label ?? 'This text'} is still ${p.text}; ${timing.notApplicable.name} is marked N/A, so it needs no value`;
      else if (awaiting) message = `${label ?? 'This text'} is still ${p.text}: to fill in ${awaiting}`;
      else if (ended) message = `${ended.label} ended ${ended.endText}; ${label ?? 'this text'} is still ${p.text}`;
      else if (label) message = `${label} still has the placeholder ${p.text}; replace it with the real value`;
      else message = `Unfilled placeholder ${p.text}; replace it with the real text`;
      const finding: Finding = {
        checkId: 'placeholder',
        range: p.range,
        message,
        data: { placeholder: p.text, field: field?.label, range: rangeData(p.range) },
      };
      findings.push(applyTiming(finding, timing));
    }
    return [...findings, ...notApplicableFindings(plan)];
  },
};

// The one finding per N/A section that still holds template text, reported by the `placeholder` check
// (it is about placeholders, so it is configured, disabled and documented with them) at information
// severity on the section's heading: "Phase I is marked N/A but still holds 9 template placeholders".
// The placeholders themselves stay as faded hints; the heading finding carries the fix that marks
// them all N/A (features/codeActions/markNotApplicable.ts).
function notApplicableFindings(plan: ReleasePlan): Finding[] {
  const out: Finding[] = [];
  for (const section of notApplicableSections(plan)) {
    // counted in a loop: a filter's callback is a closure made per call (README, Developing)
    let placeholders = 0;
    let pickOnes = 0;
    for (let i = 0; i < plan.placeholders.length; i++) {
      const p = plan.placeholders[i];
      if (!isUnder(section, p.range.start.line)) continue;
      if (p.kind === 'placeholder') placeholders++;
      else pickOnes++;
    }
    if (placeholders + pickOnes === 0) continue;
    const parts = [placeholders ? plural(placeholders, 'template placeholder') : '', pickOnes ? `${pickOnes} [PICK_ONE]` : ''].filter(Boolean);
    out.push({
      checkId: 'placeholder',
      range: section.heading.range,
      message: `${section.name} is marked N/A but still holds ${parts.join(' and ')}`,
      severity: 'information',
      data: { notApplicable: true, section: rangeData(section.range) },
    });
  }
  return out;
}
