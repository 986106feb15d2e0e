// The one finding per N/A section that still holds template text, reported by the `placeholder` check
// (it is about placeholders, so it is configured, disabled and documented with them) at information
// severity on the section's heading: "Phase I is marked N/A but still holds 9 template placeholders".
// The placeholders themselves stay as faded hints; the heading finding carries the fix that marks
// them all N/A (features/codeActions/markNotApplicable.ts).
import type { ReleasePlan } from '../parse/model';
import { plural } from '../dates/format';
import { notApplicableSections } from './notApplicable';
import { rangeData } from './support';
import type { Finding } from './types';

export function notApplicableFindings(plan: ReleasePlan): Finding[] {
  const out: Finding[] = [];
  for (const section of notApplicableSections(plan)) {
    const under = plan.placeholders.filter((p) => p.range.start.line > section.heading.line && p.range.start.line <= section.range.end.line);
    const placeholders = under.filter((p) => p.kind === 'placeholder').length;
    const pickOnes = under.length - placeholders;
    if (under.length === 0) continue;
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
