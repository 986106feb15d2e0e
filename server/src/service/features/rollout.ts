// Where a plan's rollout stands on a given day: each stage's window (from the plan's own timeline,
// the one the checks use) and its state, the results still blank, and the plan-wide "where are we".
// The outline, the CodeLens, the timeline picture, the tree view and `release-plan summary` all read
// this one answer, so they cannot disagree with each other or with the checks.
import { compareDates, daysBetween, type LocalDate } from '../dates/calendar';
import { planTimeline, type StageWindow } from '../dates/timeline';
import { planDates } from '../dates/planDates';
import type { Field, Position, ReleasePlan, Rollout, Stage } from '../parse/model';

/**
 * `done`: its window is over and its results are (at least partly) filled; `late`: over with every
 * results field still blank; `current`: today is inside the window; `planned`: it starts later;
 * `undated`: the plan gives it no dates.
 */
export type StageState = 'done' | 'current' | 'late' | 'planned' | 'undated';

export interface StageStatus {
  stage: Stage;
  /** `Stage B` */
  label: string;
  percentage?: number;
  window?: { start: LocalDate; end: LocalDate };
  state: StageState;
  /** For an undated stage whose dates are written without a year (`3/10 - 3/14`): that text. */
  yearless?: string;
  /** Results fields of this stage (`part: 'results'`). */
  results: number;
  /** Results fields still blank (empty or a placeholder), in document order. */
  blanks: Field[];
}

/** What the plan as a whole is doing today; the tree view groups plans by it. */
export type PlanState = 'rolling-out' | 'starting-soon' | 'late' | 'finished' | 'not-started' | 'no-dates';

export interface RolloutStatus {
  today: LocalDate;
  stages: StageStatus[];
  current?: StageStatus;
  /** The first stage that starts after today. */
  next?: StageStatus;
  late: StageStatus[];
  /** The desired date range that closes last, when one has an end. */
  desiredEnd?: LocalDate;
  state: PlanState;
}

/** A plan starting within this many days is "starting soon". */
export const STARTING_SOON_DAYS = 14;

function isBlank(plan: ReleasePlan, field: Field): boolean {
  const stripped = (t: string) => t.replace(/[*_\s-]/g, '');
  if (stripped(field.value) === '' && field.children.every((c) => stripped(c.text) === '')) return true;
  // the value is just a placeholder (`[FILL_IN]`, `TBD`, `[PICK_ONE]: yes | no`)
  return plan.placeholders.some((p) => p.range.start.line === field.line && p.range.start.character <= field.valueRange.start.character + 1);
}

function stageStatus(plan: ReleasePlan, stage: Stage, window: StageWindow | undefined, today: LocalDate): StageStatus {
  const results = stage.fields.filter((f) => f.part === 'results');
  const blanks = results.filter((f) => isBlank(plan, f));
  let state: StageState = 'undated';
  if (window) {
    if (compareDates(today, window.start) < 0) state = 'planned';
    else if (compareDates(today, window.end) <= 0) state = 'current';
    else state = results.length > 0 && blanks.length === results.length ? 'late' : 'done';
  }
  const status: StageStatus = { stage, label: `Stage ${stage.label}`, state, results: results.length, blanks };
  if (stage.percentage) status.percentage = stage.percentage.value;
  if (window) status.window = { start: window.start, end: window.end };
  else {
    // Dates with no year anywhere in the plan cannot be placed against today; say what is written.
    const written = planDates(plan).mentions.find((m) => m.stage === stage && !m.start && m.relative && m.part !== 'results' && (m.expr.kind === 'date' || m.expr.kind === 'range'));
    if (written) status.yearless = written.expr.text;
  }
  return status;
}

/**
 * Where the plan stands today; with `rollout`, where that one ramp of a several-rollout plan stands
 * (its stages, and its own desired date range when it has one, else the plan's).
 */
export function rolloutStatus(plan: ReleasePlan, today: LocalDate, rollout?: Rollout): RolloutStatus {
  const windows = new Map(planTimeline(plan).stages.map((w) => [w.stage, w]));
  const stages = (rollout ? rollout.stages : plan.stages).map((s) => stageStatus(plan, s, windows.get(s), today));
  const current = stages.find((s) => s.state === 'current');
  const next = stages.find((s) => s.state === 'planned');
  const late = stages.filter((s) => s.state === 'late');
  const allDesired = planDates(plan).desired;
  const own = rollout ? allDesired.filter((d) => rollout.desiredDateRanges.includes(d.field)) : [];
  const ends = (own.length ? own : allDesired).map((d) => d.end).filter((d): d is LocalDate => d !== undefined);
  const desiredEnd = ends.length ? ends.reduce((a, b) => (compareDates(a, b) >= 0 ? a : b)) : undefined;
  const dated = stages.filter((s) => s.window);

  let state: PlanState;
  if (dated.length === 0) state = 'no-dates';
  // late: a stage is over with nothing reported, or the rollout is still going past its desired window
  else if (late.length > 0 || ((current || next) && desiredEnd !== undefined && compareDates(today, desiredEnd) > 0)) state = 'late';
  else if (current) state = 'rolling-out';
  else if (next && dated.every((s) => s.state === 'planned')) {
    state = daysBetween(today, (next.window as { start: LocalDate }).start) <= STARTING_SOON_DAYS ? 'starting-soon' : 'not-started';
  } else if (next) state = 'rolling-out'; // between two stages: the rollout is under way
  else state = 'finished';

  const out: RolloutStatus = { today, stages, late, state };
  if (current) out.current = current;
  if (next) out.next = next;
  if (desiredEnd) out.desiredEnd = desiredEnd;
  return out;
}

/** Where "go to this stage" lands: its first blank result when it is over, else its heading. */
export function stageTarget(status: StageStatus): Position {
  if ((status.state === 'done' || status.state === 'late') && status.blanks.length > 0) return status.blanks[0].valueRange.start;
  return status.stage.heading.range.start;
}

export const PLAN_STATE_LABELS: Record<PlanState, string> = {
  'rolling-out': 'Rolling out now',
  'starting-soon': `Starting within ${STARTING_SOON_DAYS} days`,
  late: 'Late',
  finished: 'Finished',
  'not-started': 'Not started',
  'no-dates': 'No dates',
};
