// CodeLens for a plan, computed for one day: on each stage where it stands (`▶ current — day 3 of 5,
// ends Fri 3/14`, `✓ done 3/2–3/9 · results: 2 blanks`, `starts in 5 days (Mon 3/17)`, `⚠ ended 12
// days ago — results empty`) and on the title where the rollout stands (`Stage B of E (25%) · next:
// Stage C 50% on Tue 3/18 · 1 stage late`). Each lens says where clicking goes.
import { daysBetween, type LocalDate } from '../dates/calendar';
import { plural } from '../dates/format';
import type { Position, Range } from '../parse/model';
import type { ReleasePlan } from '../parse/model';
import { rolloutStatus, stageTarget, type RolloutStatus, type StageStatus } from './rollout';
import { rolloutNames } from './rolloutNames';
import { shortDay, shortRange, stageWithPercentage } from './rolloutText';

export interface PlanLens {
  /** Where the lens sits (the stage heading / title). */
  range: Range;
  title: string;
  /** Where clicking goes. */
  target: Position;
}

function stageLensTitle(s: StageStatus, today: LocalDate): string {
  const w = s.window;
  switch (s.state) {
    case 'current': {
      if (!w) return '';
      const length = daysBetween(w.start, w.end) + 1;
      return `▶ current — day ${daysBetween(w.start, today) + 1} of ${length}, ends ${shortDay(w.end, today)}`;
    }
    case 'done': {
      if (!w) return '';
      const results = s.results === 0 ? '' : s.blanks.length === 0 ? ' · results filled' : ` · results: ${plural(s.blanks.length, 'blank')}`;
      return `✓ done ${shortRange(w.start, w.end, today)}${results}`;
    }
    case 'late': {
      if (!w) return '';
      const ago = daysBetween(w.end, today);
      return `⚠ ended ${ago === 1 ? 'yesterday' : `${ago} days ago`} — results empty`;
    }
    case 'planned': {
      if (!w) return '';
      const n = daysBetween(today, w.start);
      return `starts ${n === 1 ? 'tomorrow' : `in ${n} days`} (${shortDay(w.start, today)})`;
    }
    case 'undated':
      return s.yearless ? `${s.yearless} has no year — add it to place this stage` : 'no planned dates';
  }
}

/** `B`'s place among the plan's stages: `Stage B of E (25%)`. */
function titleLensText(r: RolloutStatus): string {
  const last = r.stages[r.stages.length - 1];
  const parts: string[] = [];
  const lastLabel = last ? last.stage.label : '';
  if (r.state === 'no-dates') parts.push(`${plural(r.stages.length, 'stage')} · ${r.stages.some((s) => s.yearless) ? 'dates without a year' : 'no planned dates'}`);
  else if (r.current) parts.push(`${r.current.label} of ${lastLabel}${r.current.percentage !== undefined ? ` (${r.current.percentage}%)` : ''}`);
  else if (r.next && r.stages.every((s) => s.state === 'planned' || s.state === 'undated')) parts.push('not started');
  else if (r.next) parts.push(`between stages`);
  else {
    const ends = r.stages.filter((s) => s.window).map((s) => (s.window as { end: LocalDate }).end);
    const end = ends.reduce((a, b) => (daysBetween(a, b) > 0 ? b : a));
    parts.push(`rollout ended ${shortDay(end, r.today)}`);
  }
  if (r.next?.window) parts.push(`next: ${stageWithPercentage(r.next)} on ${shortDay(r.next.window.start, r.today)}`);
  if (r.late.length) parts.push(`${plural(r.late.length, 'stage')} late`);
  return parts.join(' · ');
}

export function provideCodeLenses(plan: ReleasePlan, today: LocalDate): PlanLens[] {
  if (plan.stages.length === 0) return [];
  const names = rolloutNames(plan);
  if (names) return severalRolloutLenses(plan, today, names.map((n) => n.name));
  const r = rolloutStatus(plan, today);
  const out: PlanLens[] = [];
  if (plan.title) {
    const goTo = r.current ?? r.late[0] ?? r.next ?? r.stages[0];
    out.push({ range: plan.title.range, title: titleLensText(r), target: stageTarget(goTo) });
  }
  for (const s of r.stages) {
    // a lens per stage heading; list and table stages sit on their item's line
    out.push({ range: s.stage.heading.range, title: stageLensTitle(s, today), target: stageTarget(s) });
  }
  return out;
}

/**
 * Several rollouts: the title carries one lens per rollout (`Rollout 2: uploads: Stage B of C (50%)`),
 * each going to that rollout's stage, and every stage lens names the rollout it belongs to.
 */
function severalRolloutLenses(plan: ReleasePlan, today: LocalDate, names: string[]): PlanLens[] {
  const out: PlanLens[] = [];
  const stageLenses: PlanLens[] = [];
  for (const rollout of plan.rollouts) {
    if (rollout.stages.length === 0) continue;
    const r = rolloutStatus(plan, today, rollout);
    const name = names[rollout.index];
    if (plan.title) {
      const goTo = r.current ?? r.late[0] ?? r.next ?? r.stages[0];
      out.push({ range: plan.title.range, title: `${name}: ${titleLensText(r)}`, target: stageTarget(goTo) });
    }
    for (const s of r.stages) stageLenses.push({ range: s.stage.heading.range, title: `${name} · ${stageLensTitle(s, today)}`, target: stageTarget(s) });
  }
  return [...out, ...stageLenses];
}

/** Milliseconds from `now` to the next local midnight (plus a second, so the new day has begun). */
export function msUntilMidnight(now: Date): number {
  const next = new Date(now.getFullYear(), now.getMonth(), now.getDate() + 1, 0, 0, 1);
  return next.getTime() - now.getTime();
}
