// The plan's timeline as a picture: one pure function gives both the Gantt data the webview draws
// (bars with state for today, a line for today) and the mermaid `gantt` block written into the plan
// for GitHub and the markdown preview. The block is built from the dates alone — no state, no today —
// so it goes out of date when the plan's dates change, never because a day passed (GitHub's mermaid
// draws its own "today" line).
import { compareDates, daysBetween, type LocalDate } from '../dates/calendar';
import { planDates } from '../dates/planDates';
import { planTimeline } from '../dates/timeline';
import type { Range, ReleasePlan } from '../parse/model';
import { lineIndexOf } from '../parse/text';
import { rolloutStatus, type StageState } from './rollout';

export interface GanttBar {
  /** `Stage B` */
  label: string;
  /** Heading text (`Stage B: 25% of users`). */
  name: string;
  percentage?: number;
  start: LocalDate;
  /** Inclusive. */
  end: LocalDate;
  state: StageState;
  /** Where clicking the bar goes. */
  line: number;
}

export interface GanttMarker {
  label: string;
  date: LocalDate;
  line: number;
}

export interface GanttData {
  title: string;
  today: LocalDate;
  /** The desired date ranges with both ends (the window the plan wants the rollout in). */
  desired: Array<{ start: LocalDate; end: LocalDate; line: number }>;
  bars: GanttBar[];
  /** The 1-week / 1-month check-ins. */
  checkIns: GanttMarker[];
  /** First and last day any of the above covers (undefined when the plan has no dates). */
  span?: { start: LocalDate; end: LocalDate };
}

export interface PlanTimelinePicture {
  data: GanttData;
  /** The fenced block with its marker comments, or undefined when no stage has dates. */
  mermaid?: string;
}

export const TIMELINE_START = '<!-- release-plan:timeline:start';
export const TIMELINE_END = '<!-- release-plan:timeline:end -->';
const START_LINE = `${TIMELINE_START} (generated from the stage dates by Release Plan Tools; run "Release Plan: Insert Timeline Diagram" to refresh) -->`;

const iso = (d: LocalDate) => `${d.year}-${String(d.month).padStart(2, '0')}-${String(d.day).padStart(2, '0')}`;

/** Mermaid reads `:` as the start of the task's data and `#`/`;` as comments/ends: keep names plain. */
function mermaidText(text: string): string {
  return text.replace(/[:;#]/g, ' ').replace(/[`*_[\]<>{}]/g, '').replace(/\s+/g, ' ').trim() || 'Stage';
}

export function planTimelinePicture(plan: ReleasePlan, today: LocalDate): PlanTimelinePicture {
  const status = rolloutStatus(plan, today);
  const windows = planTimeline(plan);
  const bars: GanttBar[] = [];
  for (const s of status.stages) {
    if (!s.window) continue;
    const bar: GanttBar = { label: s.label, name: s.stage.heading.text, start: s.window.start, end: s.window.end, state: s.state, line: s.stage.heading.range.start.line };
    if (s.percentage !== undefined) bar.percentage = s.percentage;
    bars.push(bar);
  }
  const desired = planDates(plan)
    .desired.filter((d) => d.end !== undefined && compareDates(d.end, d.start) >= 0)
    .map((d) => ({ start: d.start, end: d.end as LocalDate, line: d.field.line }));
  const checkIns = windows.checkIns.map((c) => ({ label: c.label.replace(/^The /, ''), date: c.end, line: c.section.heading.line }));
  const days = [...bars.flatMap((b) => [b.start, b.end]), ...desired.flatMap((d) => [d.start, d.end]), ...checkIns.map((c) => c.date)];
  const data: GanttData = { title: plan.title?.text ?? 'Release plan', today, desired, bars, checkIns };
  if (days.length) {
    data.span = {
      start: days.reduce((a, b) => (compareDates(a, b) <= 0 ? a : b)),
      end: days.reduce((a, b) => (compareDates(a, b) >= 0 ? a : b)),
    };
  }
  const out: PlanTimelinePicture = { data };
  const mermaid = mermaidBlock(data, plan.eol);
  if (mermaid) out.mermaid = mermaid;
  return out;
}

function mermaidBlock(data: GanttData, eol: string): string | undefined {
  if (data.bars.length === 0) return undefined;
  const lines = [START_LINE, '```mermaid', 'gantt', `    title ${mermaidText(data.title)}`, '    dateFormat YYYY-MM-DD', '    axisFormat %b %d'];
  // a duration in days, not an end date: mermaid's end dates are exclusive, plans' are inclusive
  const length = (start: LocalDate, end: LocalDate) => `${daysBetween(start, end) + 1}d`;
  if (data.desired.length) {
    lines.push('    section Desired dates');
    data.desired.forEach((d, i) => lines.push(`    Desired date range${data.desired.length > 1 ? ` ${i + 1}` : ''} :${iso(d.start)}, ${length(d.start, d.end)}`));
  }
  lines.push('    section Rollout');
  for (const b of data.bars) {
    const pct = b.percentage !== undefined ? ` (${b.percentage}%)` : '';
    lines.push(`    ${mermaidText(b.label + pct)} :${iso(b.start)}, ${length(b.start, b.end)}`);
  }
  if (data.checkIns.length) {
    lines.push('    section Check-ins');
    for (const c of data.checkIns) lines.push(`    ${mermaidText(c.label)} :milestone, ${iso(c.date)}, 0d`);
  }
  lines.push('```', TIMELINE_END);
  return lines.join(eol);
}

// The block carries no state, so any day gives the same text; this one keeps quick fixes and the
// check free of the clock.
const ANY_DAY: LocalDate = { year: 2000, month: 1, day: 1 };

/** The mermaid block (with its markers) the plan's dates give today, or undefined when no stage has dates. */
export function timelineBlock(plan: ReleasePlan): string | undefined {
  return planTimelinePicture(plan, ANY_DAY).mermaid;
}

/** The block between the marker comments, when the plan has one (the whole block, markers included). */
export function findTimelineBlock(plan: ReleasePlan): { range: Range; text: string } | undefined {
  // the timeline-out-of-date check asks on every keystroke: no line before the marker's first
  // occurrence can start with it, so the line-by-line look starts there (and most plans have none)
  const first = plan.text.indexOf(TIMELINE_START);
  if (first < 0) return undefined;
  const lines = lineIndexOf(plan);
  let start = -1;
  for (let l = lines.positionAt(first).line; l < lines.lineCount; l++) {
    const text = lines.lineText(l).trim();
    if (start < 0 && text.startsWith(TIMELINE_START)) start = l;
    else if (start >= 0 && text === TIMELINE_END) {
      const range = { start: { line: start, character: 0 }, end: { line: l, character: lines.lineText(l).length } };
      const body: string[] = [];
      for (let i = start; i <= l; i++) body.push(lines.lineText(i));
      return { range, text: body.join(plan.eol) };
    }
  }
  return undefined;
}

/** Same picture, whatever the line endings or trailing spaces. */
export function sameBlock(a: string, b: string): boolean {
  const norm = (t: string) => t.split(/\r?\n/).map((l) => l.trimEnd()).join('\n').trim();
  return norm(a) === norm(b);
}

export interface TimelineEdit {
  range: Range;
  newText: string;
  /** `insert` after the title, or `refresh` of an existing block. */
  mode: 'insert' | 'refresh';
}

/**
 * The edit that writes the current block: it replaces an existing block, else goes after the title
 * (or at the top). Undefined when no stage has dates, or when the block is already current.
 */
export function timelineEdit(plan: ReleasePlan): TimelineEdit | undefined {
  const mermaid = timelineBlock(plan);
  if (!mermaid) return undefined;
  const existing = findTimelineBlock(plan);
  if (existing) return sameBlock(existing.text, mermaid) ? undefined : { range: existing.range, newText: mermaid, mode: 'refresh' };
  const eol = plan.eol;
  if (plan.title) {
    const line = plan.title.line;
    const lines = lineIndexOf(plan);
    const at = { line, character: lines.lineText(line).length };
    return { range: { start: at, end: at }, newText: `${eol}${eol}${mermaid}`, mode: 'insert' };
  }
  const top = { line: 0, character: 0 };
  return { range: { start: top, end: top }, newText: `${mermaid}${eol}${eol}`, mode: 'insert' };
}
