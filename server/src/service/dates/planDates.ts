// Every date expression in a plan, placed (line, range, field, stage) and resolved to calendar days.
// Built once per parsed plan (cached on the plan object) and shared by the date checks, the
// timeline, the hover and the inlay hints.
//
// Year inference (issue 4): a date written without a year takes it from the desired date range that
// governs its line, else from the nearest date (by line) whose year is written; the candidate year is
// the one among the reference year and its neighbours that puts the date closest to the reference
// (so `1/25` after a December range lands in January of the next year). Without either, the date
// keeps "year unknown": no check that needs a year fires on it, though its length and order, which do
// not depend on the year, are still known (`relative`).
import type { Field, Heading, Range, ReleasePlan, Stage } from '../parse/model';
import { coversLine, lineIndexOf, rangeOnLine } from '../parse/text';
import { addDays, compareDates, daysInMonth, isValidDate, type LocalDate } from './calendar';
import { endpointYear, scanDates } from './scan';
import type { Endpoint, Expression, Span } from './types';
import { boundedMemo, perPlan } from '../memo';
import { chunkLineCache } from '../parse/reuse';

export type YearSource = 'written' | 'range' | 'desired-range' | 'neighbour';

export interface DateMention {
  expr: Expression;
  line: number;
  /** Range of the whole expression. */
  range: Range;
  /** First and last day meant (a month means all of it), when the year is known and the dates exist. */
  start?: LocalDate;
  end?: LocalDate;
  /** The same days in a stand-in year when the year is unknown: length and order are still right. */
  relative?: { start: LocalDate; end: LocalDate };
  /** Where the year came from; undefined when it is unknown. */
  yearSource?: YearSource;
  /** The field whose value (or nested item) holds the expression. */
  field?: Field;
  stage?: Stage;
  /** Set when the expression is in a heading. */
  heading?: Heading;
  part?: 'planning' | 'results';
}

export interface DesiredRange {
  field: Field;
  /** The date expressions the window was read from (several when the field lists more than one). */
  mentions: DateMention[];
  start: LocalDate;
  /** Undefined for an open end: `11/11/2025 - [FILL_IN]`, `August 18, 2022 - open`, `November 1+`, a lone date. */
  end?: LocalDate;
  /** The date text as written, for messages. */
  text: string;
}

export interface PlanDates {
  mentions: DateMention[];
  desired: DesiredRange[];
  /** The desired date range that governs `line` (see `governs`). */
  desiredFor(line: number): DesiredRange | undefined;
  /** The line's text as written. */
  lineText(line: number): string;
  /** Range of a piece (`Span` on the mention's line). */
  spanRange(line: number, span: Span): Range;
}

/** Labels whose value is a date, so bare `3/15` and `[November]` there are dates. */
const DATE_FIELD_RE = /\b(?:dates?|range|duration|length of time|timeline|time ?frame|when|started|completed|deadline|schedule[d]?|eta|go[- ]?live|launch(?:ed)?|release)\b/i;

// Asked for every line with a field on every keystroke: the pattern tries its alternatives at every
// position of the label, and the labels are the same strings from one keystroke to the next.
const isDateLabel = boundedMemo(5000, (label: string): boolean => DATE_FIELD_RE.test(label));

const STAND_IN_YEAR = 2000; // a leap year, so Feb 29 written without a year still exists
/** As in the scanner: a range that wraps into the next year by at most a quarter is read that way. */
const MAX_WRAP_DAYS = 92;

function spanRange(line: number, span: Span): Range {
  return rangeOnLine(line, span.start, span.end);
}

function endpointBounds(e: Endpoint, year: number): { first: LocalDate; last: LocalDate } | undefined {
  if (e.granularity === 'month') return { first: { year, month: e.month, day: 1 }, last: { year, month: e.month, day: daysInMonth(e.month, year) } };
  if (!e.valid || !isValidDate(e.month, e.day, year)) return undefined;
  const d = { year, month: e.month, day: e.day };
  return { first: d, last: d };
}

function endpointsOf(expr: Expression): [Endpoint, Endpoint] | undefined {
  if (expr.kind === 'date') return [expr.date, expr.date];
  if (expr.kind === 'range') return [expr.start, expr.end];
  return undefined;
}

/** Distance in days from `d` to the interval [a, b] (0 inside). */
function distanceTo(d: LocalDate, a: LocalDate, b: LocalDate): number {
  if (compareDates(d, a) < 0) return -compareDates(d, a);
  if (compareDates(d, b) > 0) return compareDates(d, b);
  return 0;
}

/** The year among ref-1, ref, ref+1 that puts month/day closest to [a, b]. */
function closestYear(e: Endpoint, a: LocalDate, b: LocalDate): number {
  let best = a.year;
  let bestDistance = Infinity;
  for (const year of [a.year, a.year - 1, a.year + 1, b.year + 1]) {
    const day = e.granularity === 'day' ? Math.min(e.day, daysInMonth(e.month, year)) : 1;
    const distance = distanceTo({ year, month: e.month, day }, a, b);
    if (distance < bestDistance) {
      best = year;
      bestDistance = distance;
    }
  }
  return best;
}

/** Resolves `m` with `year` for any endpoint that has none; the end wraps into the next year when short. */
function resolveWith(m: DateMention, year: number, source: YearSource | undefined): void {
  const ends = endpointsOf(m.expr);
  if (!ends) return;
  const [s, e] = ends;
  const first = endpointBounds(s, endpointYear(s) ?? year);
  if (!first) return;
  let last = endpointBounds(e, endpointYear(e) ?? first.first.year);
  if (last && endpointYear(e) === undefined && compareDates(last.last, first.first) < 0) {
    // `12/28 - 1/5`: into the next year when that makes a short range; otherwise keep it backwards (a typo).
    const wrapped = endpointBounds(e, first.first.year + 1);
    if (wrapped && compareDates(wrapped.last, addDays(first.first, MAX_WRAP_DAYS)) <= 0) last = wrapped;
  }
  if (!last) return;
  m.relative = { start: first.first, end: last.last };
  if (source) {
    m.start = first.first;
    m.end = last.last;
    m.yearSource = source;
  }
}

function writtenSource(expr: Expression): YearSource | undefined {
  const ends = endpointsOf(expr);
  if (!ends) return undefined;
  const [s, e] = ends;
  if (s.year !== undefined && e.year !== undefined) return 'written';
  return endpointYear(s) !== undefined ? 'range' : undefined;
}

/** Nested items count even when they read like fields of their own (`- Take two date range: 1/10/24-1/24/24`). */
function inDesiredField(m: DateMention, field: Field): boolean {
  if (m.field === field) return true;
  for (let i = 0; i < field.children.length; i++) if (coversLine(field.children[i].range, m.line)) return true;
  return false;
}

/**
 * The window a `Desired date range` field gives. When it lists several ranges (`12/20/23 - 01/11/23`
 * then `Take two date range: 1/10/24-1/24/24`) the window spans them all, so no date is called outside
 * a window the plan also names; a backwards range is left out (date-order reports it). A lone day is
 * when the window opens (`03/20/21`, `August 18, 2022 - open`, `11/11/2025 - [FILL_IN]`), not a one-day
 * window: only dates before it are outside.
 */
function buildDesired(plan: ReleasePlan, mentions: DateMention[]): DesiredRange[] {
  const out: DesiredRange[] = [];
  for (const field of plan.desiredDateRanges) {
    const own: DateMention[] = [];
    // indexed: a whole-plan loop of every keystroke (README, Developing: hot loops)
    for (let i = 0; i < mentions.length; i++) {
      const m = mentions[i];
      if (inDesiredField(m, field) && (m.expr.kind === 'date' || m.expr.kind === 'range') && m.start && m.end && compareDates(m.end, m.start) >= 0) own.push(m);
    }
    if (own.length === 0) continue;
    const start = own.map((m) => m.start as LocalDate).reduce((a, b) => (compareDates(a, b) <= 0 ? a : b));
    const windows = own.filter((m) => !(m.expr.kind === 'date' && m.expr.date.granularity === 'day'));
    const end = windows.length === 0 ? undefined : windows.map((m) => m.end as LocalDate).reduce((a, b) => (compareDates(a, b) >= 0 ? a : b));
    out.push({ field, mentions: own, start, end, text: own.map((m) => m.expr.text).join(', ') });
  }
  return out;
}

function phaseOf(plan: ReleasePlan, line: number): { start: number; end: number } | undefined {
  for (const p of plan.phases) if (coversLine(p.range, line)) return { start: p.range.start.line, end: p.range.end.line };
  return undefined;
}

/**
 * Which desired date range governs a line: one written inside a phase governs that phase only (Phase
 * I's test window says nothing about Phase II's stages); one written outside a phase (or in Phase II,
 * whose stages usually follow its heading section) governs the lines after it, up to the next one.
 */
function desiredLookup(plan: ReleasePlan, desired: DesiredRange[]): (line: number) => DesiredRange | undefined {
  const scoped = desired.map((d) => {
    const phase = phaseOf(plan, d.field.line);
    const inPhaseOne = phase !== undefined && plan.phases.some((p) => p.range.start.line === phase.start && /^(?:I|1)(?:\.|$)/.test(p.label));
    return { d, phase: inPhaseOne ? phase : undefined };
  });
  return (line) => {
    let best: DesiredRange | undefined;
    for (const { d, phase } of scoped) {
      if (d.field.line > line) continue;
      if (phase && (line < phase.start || line > phase.end)) continue;
      if (!best || d.field.line > best.field.line) best = d;
    }
    return best;
  };
}

// Each keystroke builds a new plan, but almost every line is unchanged: the scan of a line is kept by
// its text (expressions are never mutated after scanning), one cache per context (a key with the
// context prefixed was a new string to hash for every line of every keystroke).
const scanInDateField = boundedMemo(20_000, (text: string): Expression[] => scanDates(text, { dateContext: true }));
const scanElsewhere = boundedMemo(20_000, (text: string): Expression[] => scanDates(text, { dateContext: false }));

function scanLine(text: string, dateContext: boolean): Expression[] {
  return dateContext ? scanInDateField(text) : scanElsewhere(text);
}

// and kept on the chunks' analyses too, so a keystroke finds a line's scan without hashing the line
const chunkScansInDateField = chunkLineCache<Expression[]>();
const chunkScansElsewhere = chunkLineCache<Expression[]>();

export const planDates = perPlan((plan: ReleasePlan): PlanDates => buildPlanDates(plan));

function buildPlanDates(plan: ReleasePlan): PlanDates {
  const lines = lineIndexOf(plan);
  // per-line tables as arrays (lines are dense small integers): Maps of this size were among the
  // largest allocations of a keystroke in a 300 KB plan
  const count = lines.lineCount;
  const skip = new Uint8Array(count);
  for (const block of plan.codeBlocks) for (let l = Math.max(block.start.line, 0); l <= block.end.line && l < count; l++) skip[l] = 1;
  const fieldsByLine = new Array<Field | undefined>(count);
  const childOwner = new Array<Field | undefined>(count);
  // indexed: a whole-plan loop of every keystroke (README, Developing: hot loops)
  const { fields, headings } = plan;
  for (let i = 0; i < fields.length; i++) {
    const f = fields[i];
    fieldsByLine[f.line] = f;
    for (let k = 0; k < f.children.length; k++) {
      const c = f.children[k];
      for (let l = c.range.start.line; l <= c.range.end.line; l++) if (childOwner[l] === undefined) childOwner[l] = f;
    }
  }
  const headingsByLine = new Array<Heading | undefined>(count);
  for (let i = 0; i < headings.length; i++) headingsByLine[headings[i].line] = headings[i];
  const stageAt = stageLookup(plan);

  const commentsByLine = new Array<typeof plan.comments | undefined>(count);
  for (const c of plan.comments) {
    for (let l = c.range.start.line; l <= c.range.end.line; l++) (commentsByLine[l] ??= []).push(c);
  }

  const mentions: DateMention[] = [];
  const inDateField = chunkScansInDateField(plan);
  const elsewhere = chunkScansElsewhere(plan);
  const scanInField = (l: number) => scanLine(lines.lineText(l), true);
  const scanOutside = (l: number) => scanLine(lines.lineText(l), false);
  let lastField: Field | undefined;
  let lastDateContext = false;
  for (let line = 0; line < count; line++) {
    if (skip[line]) continue;
    const comments = commentsByLine[line];
    const own = fieldsByLine[line];
    const field = own ?? childOwner[line];
    // a field's nested lines follow one another: their owner's answer is the one just computed
    if (field !== lastField) {
      lastField = field;
      lastDateContext = field !== undefined && isDateLabel(field.label);
    }
    const dateContext = lastDateContext;
    // a line with a comment blanked out is not the chunk's line: only its text-keyed scan applies; the
    // others read their text only when their chunk has not scanned them yet (most lines, most keystrokes)
    const kept = comments ? undefined : dateContext ? inDateField : elsewhere;
    const scanned = kept ? kept(line, dateContext ? scanInField : scanOutside) : scanLine(withoutComments(lines.lineText(line), line, comments), dateContext);
    // indexed: a whole-plan loop of every keystroke (README, Developing: hot loops)
    for (let k = 0; k < scanned.length; k++) {
      const expr = scanned[k];
      const inValue = own ? expr.span.start >= own.valueRange.start.character || own.valueRange.start.line !== line : field !== undefined;
      const owner = inValue ? field : undefined;
      // `part` in the literal, not added after: a property added later grows the object's storage
      const m: DateMention = { expr, line, range: spanRange(line, expr.span), field: owner, stage: stageAt(line), heading: headingsByLine[line], part: owner?.part };
      const source = writtenSource(expr);
      const ends = endpointsOf(expr);
      if (source && ends) resolveWith(m, endpointYear(ends[0]) as number, source);
      mentions.push(m);
    }
  }

  // Desired ranges first (their own years may come from neighbours), then everything else.
  let desired: DesiredRange[] = [];
  let lookup: (line: number) => DesiredRange | undefined = () => undefined;
  const firstDesired = (): DesiredRange | undefined => desired[0];
  const desiredFields = new Set(plan.desiredDateRanges);
  const anchors = writtenAnchors(mentions);
  const resolve = (m: DateMention, useDesired: boolean): void => {
    const ends = endpointsOf(m.expr);
    if (!ends || m.yearSource) return;
    const ref = useDesired ? lookup(m.line) ?? firstDesired() : undefined;
    if (ref && !ref.mentions.includes(m)) {
      resolveWith(m, closestYear(ends[0], ref.start, ref.end ?? ref.start), 'desired-range');
      return;
    }
    const anchor = nearestWritten(anchors, m.line);
    if (anchor?.start && anchor.end) resolveWith(m, closestYear(ends[0], anchor.start, anchor.end), 'neighbour');
    else resolveWith(m, STAND_IN_YEAR, undefined);
  };
  for (const m of mentions) if (m.field && desiredFields.has(m.field)) resolve(m, false);
  desired = buildDesired(plan, mentions);
  lookup = desiredLookup(plan, desired);
  for (const m of mentions) resolve(m, true);

  return {
    mentions,
    desired,
    desiredFor: lookup,
    lineText: (line) => lines.lineText(line),
    spanRange,
  };
}

/** A line's text with the comments on it blanked out (columns stay where they were). */
function withoutComments(text: string, line: number, comments: ReleasePlan['comments'] | undefined): string {
  for (const c of comments ?? []) {
    const from = c.range.start.line === line ? c.range.start.character : 0;
    const to = c.range.end.line === line ? c.range.end.character : text.length;
    text = text.slice(0, from) + ' '.repeat(Math.max(0, to - from)) + text.slice(to);
  }
  return text;
}

/**
 * The stage a line belongs to: the first stage whose range holds it, else the stage headed on it. One
 * table per model instead of a scan of the stages per date (a 300 KB plan has hundreds of each).
 */
function stageLookup(plan: ReleasePlan): (line: number) => Stage | undefined {
  const byLine = new Array<Stage | undefined>(plan.lineCount);
  for (let i = plan.stages.length - 1; i >= 0; i--) {
    const s = plan.stages[i];
    for (let l = s.range.start.line; l <= s.range.end.line; l++) byLine[l] = s;
  }
  const byHeading = new Map<number, Stage>();
  for (const s of plan.stages) if (!byHeading.has(s.heading.range.start.line)) byHeading.set(s.heading.range.start.line, s);
  return (line) => byLine[line] ?? byHeading.get(line);
}

/** The mentions that carry their own year, in line order; fixed once the lines are scanned. */
function writtenAnchors(mentions: DateMention[]): DateMention[] {
  const out: DateMention[] = [];
  // indexed: a whole-plan loop of every keystroke (README, Developing: hot loops)
  for (let i = 0; i < mentions.length; i++) {
    const a = mentions[i];
    if ((a.yearSource === 'written' || a.yearSource === 'range') && a.start !== undefined && a.end !== undefined) out.push(a);
  }
  return out;
}

/**
 * The anchor nearest the line; on a tie the earlier one (the line above, or the first on a line). A
 * binary search over the anchors, which are in line order, instead of a scan per date.
 */
function nearestWritten(anchors: DateMention[], line: number): DateMention | undefined {
  let lo = 0;
  let hi = anchors.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (anchors[mid].line < line) lo = mid + 1;
    else hi = mid;
  }
  const above = anchors[lo];
  let below: DateMention | undefined;
  if (lo > 0) {
    let j = lo - 1;
    while (j > 0 && anchors[j - 1].line === anchors[j].line) j--;
    below = anchors[j];
  }
  if (!below || !above) return below ?? above;
  return line - below.line <= above.line - line ? below : above;
}
