// The official VA release-plan template's pieces, as the code actions insert them. Source: the current
// template, va.gov-team platform/product-management/release-plan-template.md @ 00ee884 (the one with the
// toggle table, rollback process and [FILL_IN]/[PICK_ONE] markers; the older 606b17d has neither and
// uses `x`/`lorem ipsum`). Copied, not read at run time: the service has no file system. Explanatory
// paragraphs are left out and every value is a marker, so an inserted section is a form to fill in.
// Heading depths are the template's own; `shiftHeadings` moves them to the depth the plan uses.
import type { SectionKind } from '../../parse/model';

export const FILL_IN = '[FILL_IN]';
export const PICK_ONE_ANSWER = '[PICK_ONE]: yes | no | N/A';

/** A Planning/Results stage body (the template's Stage B–E shape), under a `###` stage heading. */
export function templateStageBody(percent: string): string[] {
  return [
    '#### Planning',
    '',
    `- Length of time: ${FILL_IN}`,
    `- Percentage of Users (and roughly how many users do you expect this to be): ${percent}`,
    '',
    '#### Results',
    '',
    `- Number of unique users: ${FILL_IN}`,
    `- Metrics at this stage (per your "success criteria"): ${FILL_IN}`,
    `- Was any downstream service affected by the change?: ${PICK_ONE_ANSWER}`,
    `- Types of errors logged: ${FILL_IN}`,
    `- What changes (if any) are necessary based on the logs, or feedback on user challenges, or VA challenges? ${FILL_IN}`,
  ];
}
export const TEMPLATE_STAGE_DEPTH = 3;

// The template's two check-ins differ only in their title and in asking about "UX" changes a month in.
function checkIn(title: string, changes: string): string[] {
  return [
    `### ${title}`,
    '',
    `- Number of unique users: ${FILL_IN}`,
    `- Post-launch KPI 1 actual: ${FILL_IN}`,
    `- Post-launch KPI 2 actual: ${FILL_IN}`,
    `- Post-launch KPI 3 actual: ${FILL_IN}`,
    `- Any issues with VA handling/processing?: ${PICK_ONE_ANSWER}`,
    `- Types of errors logged: ${FILL_IN}`,
    `- ${changes} necessary based on the logs, or feedback on user challenges, or VA challenges? ${PICK_ONE_ANSWER}`,
    `- If yes, what: ${FILL_IN}`,
  ];
}

const WEEK_1 = checkIn('1-week results', 'Any changes');
const MONTH_1 = checkIn('1-month results', 'Any UX changes');

const ROLLOUT_PLANNING = [
  '#### Rollout Planning',
  '',
  `- Desired date range: ${FILL_IN}`,
  `- How will you make the product available in production while limiting the number of users who can find/access it: ${FILL_IN}`,
  `- What metrics-based criteria will you look at before advancing rollout to the next stage ("success criteria")?: ${FILL_IN}`,
  `- Links to dashboard(s) showing "success criteria" metrics: ${FILL_IN}`,
  `- Who is monitoring the dashboard(s)?: ${FILL_IN}`,
];

export interface SectionTemplate {
  /** The action's title: "Add <what>". */
  what: string;
  lines: readonly string[];
}

/**
 * The section bodies. `week-1`/`month-1` are the post-launch check-ins on their own; `post-launch` is
 * the container with both (offered when the plan has neither).
 */
export function sectionTemplate(kind: SectionKind, options: { withRolloutPlanning: boolean }): SectionTemplate | undefined {
  switch (kind) {
    case 'toggles':
      return {
        what: 'feature toggle table',
        lines: ['## Feature toggles', '', '| Toggle name | Description |', '| ----------- | ----------- |', `| ${FILL_IN} | ${FILL_IN} |`],
      };
    case 'rollback':
      return { what: 'rollback plan', lines: ['### Define Rollback process', '', `${FILL_IN}: create your rollback plan`] };
    case 'phase-1':
      return {
        what: 'Phase I (moderated production testing)',
        lines: [
          '### Phase I: moderated production testing (also known as User Acceptance Testing, or UAT)',
          '',
          '#### Planning',
          '',
          `- Desired date range or test duration: ${FILL_IN}`,
          `- Desired number of users: ${FILL_IN}`,
          `- How you'll recruit the right production test users: ${FILL_IN}`,
          `- How you'll conduct the testing: ${FILL_IN}`,
          `- How you'll give the test users access to the product in production w/o making it live on VA.gov: ${FILL_IN}`,
          '',
          '#### Results',
          '',
          `- Number of users: ${FILL_IN}`,
          `- Number of bugs identified / fixed: ${FILL_IN}`,
          `- Was any downstream service affected by the change?: ${PICK_ONE_ANSWER}`,
          `- Types of errors logged: ${FILL_IN}`,
          `- Any changes necessary based on the logs, or feedback on user challenges, or VA challenges? ${PICK_ONE_ANSWER}`,
          `- If yes, what: ${FILL_IN}`,
        ],
      };
    case 'phase-2':
      return {
        what: 'Phase II (staged rollout)',
        lines: ['### Phase II: Staged Rollout (also known as unmoderated production testing)', ...(options.withRolloutPlanning ? ['', ...ROLLOUT_PLANNING] : [])],
      };
    case 'post-launch':
      return {
        what: 'post-launch metrics (1-week and 1-month results)',
        lines: ['## Post Launch metrics', '', ...WEEK_1, '', ...MONTH_1],
      };
    case 'week-1':
      return { what: 'post-launch 1-week results', lines: WEEK_1 };
    case 'month-1':
      return { what: 'post-launch 1-month results', lines: MONTH_1 };
    case 'post-launch-questions':
      return {
        what: 'post-launch questions',
        lines: [
          '## Post-launch Questions',
          '',
          '*To be completed once you have gathered your initial set of data, as outlined above.*',
          '',
          '1. How do the KPIs you gathered compare to your pre-launch definition(s) of "success"?',
          '1. What qualitative feedback have you gathered from users or other stakeholders, if any?',
          '1. Which of the assumptions you listed in your product outline were/were not validated?',
          '1. How might your product evolve now or in the future based on these results?',
          '1. What technical tasks are needed to clean up (i.e. removal of feature toggles)?',
        ],
      };
    default:
      return undefined;
  }
}

/** The template depth of a block's first heading. */
export function firstHeadingDepth(lines: readonly string[]): number {
  for (const l of lines) {
    const m = /^(#{1,6})\s/.exec(l);
    if (m) return m[1].length;
  }
  return 0;
}

/** Moves every ATX heading in `lines` by `delta` levels (clamped to 1–6). */
export function shiftHeadings(lines: readonly string[], delta: number): string[] {
  if (delta === 0) return [...lines];
  return lines.map((l) => l.replace(/^(#{1,6})(?=\s)/, (m) => '#'.repeat(Math.max(1, Math.min(6, m.length + delta)))));
}
