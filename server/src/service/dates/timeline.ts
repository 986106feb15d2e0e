// The plan's own timeline: when each stage runs, when the 1-week / 1-month check-ins are due, and
// when each phase's desired window closes. `plannedEndAt(line)` is the CheckContext hook the
// placeholder / pick-one / empty-field checks use to raise an unfilled value to a warning once the
// part of the plan it belongs to is over ("Stage B ended 7/30/25; its results are still [FILL_IN]").
//
// A stage's window comes from its planned dates: the dates in its heading and in its Planning
// fields (`Length of time: Six Days 7/16/25 - 7/21/25`), or a start written in a release/start-date
// field (`Release Date: 2/11/2026`). A lone start date runs for the stage's declared length
// (`2 Days, Starting 4/20/26`; `~1 week`), else up to the day before the next stage starts, else
// that one day. Check-ins run a week / a month from the launch (see launch.ts: the 100% stage's start
// or a go-live date, never just the last dated stage) unless their heading gives dates
// (`1-Week Results (5/20-5/27)`); with no launch date they have no end, so nothing in them is late.
import type { Range, ReleasePlan, Section, Stage } from '../parse/model';
import { addDays, addMonths, compareDates, type LocalDate } from './calendar';
import { formatDate } from './format';
import { launchOf } from './launch';
import { endAfter } from './length';
import { planDates, type DateMention } from './planDates';
import type { DurationExpression } from './types';
import { perPlan } from '../memo';

export interface StageWindow {
  stage: Stage;
  /** `Stage B` */
  label: string;
  start: LocalDate;
  end: LocalDate;
  /** The planned dates the window was read from, in document order. */
  mentions: DateMention[];
  /** The text and range of the first planned date (where a stage-order finding points). */
  startText: string;
  startRange: Range;
  /** The end as written (`7/23/25`) or, when derived, formatted (`Feb 17, 2026`). */
  endText: string;
}

export interface PlannedEnd {
  end: LocalDate;
  label: string;
  endText: string;
}

export interface Timeline {
  stages: StageWindow[];
  /** The 1-week / 1-month check-ins with a known end. */
  checkIns: Array<{ section: Section } & PlannedEnd>;
  /** Shared between the lines it covers: read it, do not change it. */
  plannedEndAt(line: number): Readonly<PlannedEnd> | undefined;
}

/** Fields whose date is when the stage starts, even under Results (the actual start is still the start). */
const START_FIELD_RE = /\b(?:release date|date started|start(?:ed)? date|start|launch date|go[- ]?live(?: date)?|rollout date|date)\b/i;
/** Fields that report what happened, not what was planned. */
const ACTUAL_FIELD_RE = /\b(?:actual|completed|done|updated|ended|end date)\b/i;
/** Planning fields that carry the stage's dates. */
const PLANNED_FIELD_RE = /\b(?:length of time|dates?|timeline|time ?frame|when|schedule[d]?|duration|range)\b/i;

function isDay(m: DateMention): boolean {
  return (m.expr.kind === 'date' || m.expr.kind === 'range') && m.start !== undefined && m.end !== undefined;
}

/** Dates the plan has moved on from: `(Initially 1/2-1/7/2024, paused and rolled back 1/3/24 …)`. */
const SUPERSEDED_RE = /\b(?:initially|originally|previously|formerly|was planned|old date|rolled back|paused|postponed|moved from)\b/i;

function superseded(m: DateMention, line: string): boolean {
  return SUPERSEDED_RE.test(line.slice(0, m.expr.span.start));
}

/** `mentions`: the stage's own (see byStage). */
function plannedMentions(stage: Stage, mentions: DateMention[], lineText: (line: number) => string): DateMention[] {
  const resultsLines = new Set(stage.resultsHeadings.map((h) => h.line));
  const headingLine = stage.heading.range.start.line;
  const own = mentions.filter((m) => isDay(m) && !resultsLines.has(m.line) && !superseded(m, lineText(m.line)));
  const fromFields = own.filter((m) => {
    if (!m.field || ACTUAL_FIELD_RE.test(m.field.label)) return false;
    if (m.part === 'results') return START_FIELD_RE.test(m.field.label);
    return PLANNED_FIELD_RE.test(m.field.label) || START_FIELD_RE.test(m.field.label);
  });
  if (fromFields.length > 0) return fromFields;
  return own.filter((m) => m.line === headingLine);
}

/** `mentions`: the stage's own (see byStage). */
function declaredLength(mentions: DateMention[]): DurationExpression | undefined {
  for (const m of mentions) {
    if (m.expr.kind !== 'duration' || m.part === 'results') continue;
    if (m.field && /length of time|duration/i.test(m.field.label)) return m.expr;
  }
  return undefined;
}

/** How a window's end reads in messages: as written when the end names its month (`7/23/25`, `Sept 2`), else spelled out (`30` of `Aug 28- 30` → `Aug 30, 2024`). */
function endText(m: DateMention, text: string): string {
  const end = m.expr.kind === 'range' ? m.expr.end : m.expr.kind === 'date' ? m.expr.date : undefined;
  if (end && end.monthSpan.start >= end.span.start && (end.year !== undefined || end.impliedYear !== undefined || m.yearSource)) {
    return text.slice(end.span.start, end.span.end);
  }
  return m.end ? formatDate(m.end) : m.expr.text;
}

function buildStageWindows(plan: ReleasePlan): StageWindow[] {
  const dates = planDates(plan);
  const mentionsOf = byStage(dates.mentions);
  const drafts = plan.stages.map((stage) => {
    const own = mentionsOf.get(stage) ?? [];
    return { stage, planned: plannedMentions(stage, own, dates.lineText), length: declaredLength(own) };
  });
  // the next dated stage after each (for a lone start date), found in one pass from the end
  const nextStart: Array<LocalDate | undefined> = [];
  for (let i = drafts.length - 1, next: LocalDate | undefined; i >= 0; i--) {
    nextStart[i] = next;
    if (drafts[i].planned.length > 0) next = drafts[i].planned[0].start;
  }
  const windows: StageWindow[] = [];
  // indexed: a whole-plan loop of every keystroke (README, Developing: hot loops)
  for (let i = 0; i < drafts.length; i++) {
    const draft = drafts[i];
    const { stage, planned } = draft;
    if (planned.length === 0) continue;
    let start = planned[0].start as LocalDate;
    let end = planned[0].end as LocalDate;
    let last = planned[0];
    for (const m of planned) {
      if (compareDates(m.start as LocalDate, start) < 0) start = m.start as LocalDate;
      if (compareDates(m.end as LocalDate, end) > 0) {
        end = m.end as LocalDate;
        last = m;
      }
    }
    let text = endText(last, dates.lineText(last.line));
    if (compareDates(start, end) === 0 && planned.every((m) => m.expr.kind === 'date')) {
      const next = nextStart[i];
      if (draft.length) {
        end = endAfter(draft.length, start);
        text = formatDate(end);
      } else if (next && compareDates(next, start) > 0) {
        end = addDays(next, -1);
        text = formatDate(end);
      }
    }
    windows.push({
      stage, label: `Stage ${stage.label}`, start, end, mentions: planned,
      startText: planned[0].expr.text, startRange: planned[0].range, endText: text,
    });
  }
  return windows;
}

/** Each stage's date mentions, in document order: one pass, where a filter per stage was stages × mentions. */
function byStage(mentions: DateMention[]): Map<Stage, DateMention[]> {
  const out = new Map<Stage, DateMention[]>();
  for (const m of mentions) {
    if (!m.stage) continue;
    const list = out.get(m.stage);
    if (list) list.push(m);
    else out.set(m.stage, [m]);
  }
  return out;
}

export const planTimeline = perPlan((plan: ReleasePlan): Timeline => buildTimeline(plan));

function buildTimeline(plan: ReleasePlan): Timeline {
  const dates = planDates(plan);
  const stages = buildStageWindows(plan);
  const launch = launchOf(plan, stages, dates.mentions)?.day;

  const checkIns: Timeline['checkIns'] = [];
  const rangesOnLine = new Map<number, DateMention>(); // the first dated range on each line
  for (const m of dates.mentions) if (m.expr.kind === 'range' && m.end && !rangesOnLine.has(m.line)) rangesOnLine.set(m.line, m);
  for (const section of plan.sections) {
    if (section.kind !== 'week-1' && section.kind !== 'month-1') continue;
    const name = section.kind === 'week-1' ? 'The 1-week check-in' : 'The 1-month check-in';
    const dated = rangesOnLine.get(section.heading.line);
    if (dated?.end) {
      checkIns.push({ section, end: dated.end, label: name, endText: endText(dated, dates.lineText(dated.line)) });
    } else if (launch) {
      const end = section.kind === 'week-1' ? addDays(launch, 7) : addMonths(launch, 1);
      checkIns.push({ section, end, label: name, endText: formatDate(end) });
    }
  }

  const phaseEnds = plan.phases.flatMap((phase) => {
    const desired = dates.desired.find((d) => d.field.line >= phase.range.start.line && d.field.line <= phase.range.end.line && d.end);
    return desired?.end ? [{ phase, end: desired.end, endText: formatDate(desired.end) }] : [];
  });

  // Findings ask for every line they are on, so each line's owner is indexed once. A stage owns its
  // own lines, plus its fields wherever they are (`Stage A Results` sections further down); other
  // lines go to the first check-in, else the first phase, whose range holds them.
  const stageOfLine = new Array<Stage | undefined>(plan.lineCount);
  const claim = (stage: Stage, from: number, to: number) => {
    for (let l = from; l <= to; l++) if (stageOfLine[l] === undefined) stageOfLine[l] = stage;
  };
  // indexed: a whole-plan loop of every keystroke (README, Developing: hot loops)
  const { stages: planStages } = plan;
  for (let i = 0; i < planStages.length; i++) claim(planStages[i], planStages[i].range.start.line, planStages[i].range.end.line);
  for (let i = 0; i < planStages.length; i++) {
    const stage = planStages[i];
    for (let j = 0; j < stage.fields.length; j++) {
      const f = stage.fields[j];
      claim(stage, f.line, f.line);
      for (let k = 0; k < f.children.length; k++) claim(stage, f.children[k].range.start.line, f.children[k].range.end.line);
    }
  }
  // each window's planned end made once: every unfilled value asks for its line's, on every keystroke
  const endOf = new Map<Stage, PlannedEnd>(stages.map((w) => [w.stage, { end: w.end, label: w.label, endText: w.endText }]));
  const otherEnds = new Array<PlannedEnd | undefined>(plan.lineCount);
  const fill = (r: Range, end: PlannedEnd) => {
    for (let l = Math.max(r.start.line, 0); l <= r.end.line && l < otherEnds.length; l++) otherEnds[l] = end;
  };
  // filled last to first, so that where ranges overlap the first one wins
  for (let i = phaseEnds.length - 1; i >= 0; i--) {
    const p = phaseEnds[i];
    fill(p.phase.range, { end: p.end, label: `Phase ${p.phase.label}`, endText: p.endText });
  }
  for (let i = checkIns.length - 1; i >= 0; i--) {
    const c = checkIns[i];
    fill(c.section.range, { end: c.end, label: c.label, endText: c.endText });
  }
  return new PlanTimeline(stages, checkIns, stageOfLine, endOf, otherEnds);
}

/**
 * A Timeline whose per-line answer is a method, made once: an object literal's method (or an arrow)
 * made per model is a new function per keystroke, and V8 drops such functions' optimised code at
 * each full GC and compiles it again (README, Developing: no closures on the keystroke path).
 */
class PlanTimeline implements Timeline {
  constructor(
    readonly stages: StageWindow[],
    readonly checkIns: Timeline['checkIns'],
    private readonly stageOfLine: ReadonlyArray<Stage | undefined>,
    private readonly endOf: ReadonlyMap<Stage, PlannedEnd>,
    private readonly otherEnds: ReadonlyArray<PlannedEnd | undefined>,
  ) {}

  // the same object for every line it covers: callers only read it (CheckContext.plannedEndAt)
  plannedEndAt(line: number): Readonly<PlannedEnd> | undefined {
    const owner = this.stageOfLine[line];
    return owner ? this.endOf.get(owner) : this.otherEnds[line];
  }
}

/** The plan's stages with planned dates, in the shape the toggle hover takes (`ToggleHoverOptions.stages`). */
export function plannedStages(plan: ReleasePlan): Array<{ label: string; percentage?: number; start: LocalDate; end: LocalDate }> {
  return planTimeline(plan).stages.map((w) => {
    // the bare label (`E`, `A.1`): the hover writes "Stage" itself (it used to say "Stage Stage E")
    const stage: { label: string; percentage?: number; start: LocalDate; end: LocalDate } = { label: w.stage.label, start: w.start, end: w.end };
    if (w.stage.percentage) stage.percentage = w.stage.percentage.value;
    return stage;
  });
}
