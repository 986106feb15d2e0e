// Sections the plan itself marks as not happening: a heading that says N/A / not applicable / skipped
// (`### Phase I: moderated production testing … N/A`), or whose first line does (`N/A: no UAT for this
// change`). Template placeholders left under such a section are not work to do: the placeholder,
// pick-one and empty-field checks still report them (same codes, so disable comments and configs keep
// working) but as faded hints, and the placeholder check adds one finding on the heading instead.
import { lineIndexOf } from './text';
import type { Heading, Range, ReleasePlan } from './model';
import { perPlan } from '../memo';
import { quoteLabel } from './queries';

export interface NotApplicableSection {
  heading: Heading;
  /** `Phase I`, `Stage C`, or the heading quoted. */
  name: string;
  /** Heading line through the line before the next heading of the same or a higher level. */
  range: Range;
}

/** `N/A` as a word, `not applicable`, `skipped`; not an option list (`yes | no | N/A`) or a `[PICK_ONE]`. */
const SAYS_NA = /(?:^|[^\w/])N\/A(?![\w/])|\bnot applicable\b|\bskipped\b/i;
const OPTION_LIST = /\||\[\s*PICK/i;
/** A first line that is the verdict itself (`N/A`, `_Not applicable: …_`, `Skipped — …`). */
const FIRST_LINE_NA = /^[\s>*_-]*(?:N\/A|not applicable|skipped)(?![\w/])/i;

function nameOf(plan: ReleasePlan, heading: Heading): string {
  const phase = plan.phases.find((p) => p.heading.line === heading.line);
  if (phase) return `Phase ${phase.label}`;
  const stage = plan.stages.find((s) => s.source === 'heading' && s.heading.range.start.line === heading.line);
  if (stage) return `Stage ${stage.label}`;
  const head = heading.text.split(':')[0].trim();
  return head.length > 0 && head.length <= 40 && head !== heading.text ? head : quoteLabel(heading.text, 40);
}

export const notApplicableSections = perPlan((plan: ReleasePlan): NotApplicableSection[] => {
  const lines = lineIndexOf(plan);
  const out: NotApplicableSection[] = [];
  // indexed: a whole-plan loop of every keystroke (README, Developing: hot loops)
  for (let i = 0; i < plan.headings.length; i++) {
    const heading = plan.headings[i];
    // inside one already found: the outer section speaks for it (the sections found so far follow one
    // another without overlapping, so the last one reaches furthest)
    const last = out.at(-1);
    if (last && last.range.end.line >= heading.line) continue;
    const firstSub = plan.headings[i + 1];
    let marked = SAYS_NA.test(heading.text) && !OPTION_LIST.test(heading.text);
    if (!marked) {
      // the section's own first line comes before any heading under it
      for (let l = heading.line + 1; l < (firstSub ? firstSub.line : plan.lineCount); l++) {
        const text = lines.lineText(l);
        if (text.trim() === '') continue;
        marked = FIRST_LINE_NA.test(text);
        break;
      }
    }
    if (!marked) continue;
    const next = plan.headings.slice(i + 1).find((h) => h.depth <= heading.depth);
    const endLine = next ? next.line - 1 : plan.lineCount - 1;
    const end = { line: endLine, character: lines.lineText(endLine).length };
    out.push({ heading, name: nameOf(plan, heading), range: { start: { line: heading.line, character: 0 }, end } });
  }
  return out;
});

/** Whether a line is under an N/A section: after its heading line (which is not), to its end. */
export function isUnder(section: NotApplicableSection, line: number): boolean {
  return section.heading.line < line && line <= section.range.end.line;
}

export function notApplicableAt(plan: ReleasePlan, line: number): NotApplicableSection | undefined {
  // a loop, not find(): asked for every unfilled value on every keystroke, and find's callback is a
  // closure made per call
  const sections = notApplicableSections(plan);
  for (let i = 0; i < sections.length; i++) if (isUnder(sections[i], line)) return sections[i];
  return undefined;
}
