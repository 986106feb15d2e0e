// `empty-field`: a template field (`- Number of unique users:`) left with nothing after the colon and
// nothing nested under it. Only the template's own labels count: plans are full of free-form
// `Label:` lines that introduce prose, and those are not blanks waiting to be filled.
import { normalizeLabel } from '../parse/fields';
import type { Field, Heading, ReleasePlan } from '../parse/model';
import { lineIndexOf, type LineIndex } from '../parse/text';
import type { Check, Finding } from './types';
import { fieldsOnLine, quoteLabel } from '../parse/queries';
import { boundedMemo } from '../memo';
import { applyTiming, fillTimingAt, rangeData } from './support';

/**
 * A short template label, whole: the template's words, then at most a parenthetical (`Length of time
 * (minimum 2 hours)`). Teams reuse the opening words for their own fields (`Number of users who have
 * the Letter:` in a success-criteria list), and those are not the template's blanks.
 */
const whole = (words: string): RegExp => new RegExp(`^${words}(?:\\s*\\(.*\\))?$`);

/** Normalised template labels (see templates in test/fixtures/corpus/templates and the seeds). */
const TEMPLATE_LABELS: readonly RegExp[] = [
  whole('length of time'),
  whole('percentage of users'),
  whole('(?:estimated )?number of (?:unique )?users'),
  whole('metrics at this stage'),
  /^was any downstream service affected\b/,
  /^was the data submitted\b/,
  whole('types of errors logged'),
  /^what (?:ux )?changes \(if any\)/,
  /^any (?:ux )?changes necessary\b/,
  /^any issues with va handling/,
  whole('desired date range(?: or test duration)?'),
  /^desired date$/,
  whole('desired number of users'),
  /^how you(?:'|’)ll (?:recruit|conduct|give)\b/,
  whole('number of bugs identified ?/ ?fixed'),
  /^how will you make the product available\b/,
  /^what metrics-based criteria\b/,
  /^links? to (?:the )?dashboard/,
  /^who is monitoring\b/,
  // `Post-launch KPI 1 actual — SC step 3 abandonment rate`: the KPI's name may follow
  /^post-launch kpi \d+\b/,
];

/** Whether a label is one of the template's (asked of every empty field on every keystroke: kept per label). */
export const isTemplateLabel = boundedMemo(5000, (label: string): boolean => {
  const norm = normalizeLabel(label);
  return TEMPLATE_LABELS.some((re) => re.test(norm));
});

// emphasis left behind by an emptied `**Label:** _value_` counts as nothing (a test, not a replace: every
// field of the plan is asked on every keystroke)
const SOMETHING = /[^*_\s]/;
const SOMETHING_BELOW = /[^*_\s-]/;

function isEmpty(field: Field): boolean {
  return !SOMETHING.test(field.value) && field.children.every((c) => !SOMETHING_BELOW.test(c.text));
}

const LIST_ITEM = /^(\s*)(?:[-*+]|\d{1,3}[.)])\s+(?:\[[ xX]\]\s+)?/;
const STRUCTURE = /^\s*(?:#{1,6}\s|(?:\*\s*){3,}$|(?:-\s*){3,}$|(?:_\s*){3,}$|\||<!--|```|~~~)/;
// a plan section written as a bold or italic paragraph (`**Stage B**`, `_Week 1 results_`); a bold answer
// (`**None**`) is not one
const PLAN_PART_WORDS = String.raw`(?:stage|phase|step|planning|results|post-launch|go[- ]live|week|month|\d+[- ](?:week|month))\b`;
const PLAN_PART = new RegExp(String.raw`^\W*${PLAN_PART_WORDS}`, 'i');
const PSEUDO_HEADING = new RegExp(String.raw`^\s*(\*\*|__|\*|_)\W*${PLAN_PART_WORDS}[^*_]{0,60}\1\s*$`, 'i');
const LINK_OR_URL = /^(?:\[[^\]]*\]\(|<?https?:\/\/)/;

/**
 * Whether the answer sits below the label instead of after it, as people write it:
 *   a paragraph label (`What metrics-based criteria…?:`) followed by a list, a paragraph or a deeper
 *   heading (`#### DataDog`) with its content;
 *   a list-item label followed by a nested item, or by a sibling item that is just the link
 *   (`- Link to the dashboard(s):` / `- https://…`).
 * A following template field, a same-level heading, a rule or a table means the field really is
 * empty, and so does a paragraph after a list item (it belongs to the surrounding text).
 */
function answeredBelow(plan: ReleasePlan, lines: LineIndex, field: Field): boolean {
  const { headings } = plan;
  let next = field.line + 1;
  while (next < lines.lineCount && lines.lineText(next).trim() === '') next++;
  if (next >= lines.lineCount) return false;
  const self = LIST_ITEM.exec(lines.lineText(field.line));
  const heading = /^\s{0,3}(#{1,6})\s/.exec(lines.lineText(next));
  if (heading) {
    // a later phase's or stage's own heading (`#### Stage A`, `##### Results`) starts the next part of
    // the plan, however deep: the field above it was left empty
    if (PLAN_PART.test(lines.lineText(next).replace(/^\s*#+\s*/, ''))) return false;
    // `What metrics-based criteria…?:` then `#### DataDog` and its list: the answer has sub-sections
    let enclosing: Heading | undefined;
    for (let i = headings.length - 1; i >= 0 && !enclosing; i--) if (headings[i].line < field.line) enclosing = headings[i];
    return !self && enclosing !== undefined && heading[1].length > enclosing.depth;
  }
  if (STRUCTURE.test(lines.lineText(next))) return false;
  const nextField = fieldsOnLine(plan, next).at(-1); // the last one that starts there, if several do
  if (!self) {
    // prose below a paragraph label answers it, even prose with a colon in it (`…survey
    // submission: rethink…`, `We will monitor the following metrics:`); a template label, a list
    // item label, or a short label after a blank line (`**OKRs:**`) starts something new
    if (PSEUDO_HEADING.test(lines.lineText(next))) return false;
    if (!nextField) return true;
    // the next question of the template, left as a bare paragraph too, is not this one's answer
    if (!SOMETHING.test(nextField.value) && nextField.label.endsWith('?')) return false;
    const shortLabel = nextField.label.split(/\s+/).length <= 6;
    const sameParagraph = next === field.line + 1;
    return !(isTemplateLabel(nextField.label) || LIST_ITEM.test(lines.lineText(next)) || (shortLabel && !sameParagraph));
  }
  // `- Types of errors logged:` then a mis-indented `- Backend:` with its own nested list: a breakdown
  if (nextField) return !isTemplateLabel(nextField.label) && nextField.value === '' && nextField.children.length > 0;
  const item = LIST_ITEM.exec(lines.lineText(next));
  if (!item) return false;
  if (item[1].length > self[1].length) return true;
  return item[1].length === self[1].length && LINK_OR_URL.test(lines.lineText(next).slice(item[0].length));
}

export const emptyFieldCheck: Check = {
  id: 'empty-field',
  description: 'A template field label with no value: nothing after the colon and no nested list under it.',
  defaultSeverity: 'information',
  timeline: true,
  check(plan, context) {
    const findings: Finding[] = [];
    const lines = lineIndexOf(plan);
    // indexed: a whole-plan loop of every keystroke (README, Developing: hot loops)
    const { fields } = plan;
    for (let i = 0; i < fields.length; i++) {
      const field = fields[i];
      if (!isEmpty(field) || !isTemplateLabel(field.label)) continue;
      if (answeredBelow(plan, lines, field)) continue;
      const timing = fillTimingAt(plan, context, field.valueRange.start);
      const { ended, awaiting } = timing;
      const label = quoteLabel(field.label);
      const message = timing.notApplicable ? `${label} is empty; ${timing.notApplicable.name} is marked N/A, so it needs no value` : awaiting ? `${label} is empty: to fill in ${awaiting}` : ended ? `${ended.label} ended ${ended.endText}; ${label} is still empty` : `${label} is empty; fill in the value (or N/A)`;
      const finding: Finding = {
        checkId: 'empty-field',
        range: field.labelRange,
        message,
        // a fix inserts a value (e.g. ` [FILL_IN]` or `N/A`) at insertAt
        data: { label: field.label, insertAt: rangeData(field.valueRange) },
      };
      findings.push(applyTiming(finding, timing));
    }
    return findings;
  },
};
