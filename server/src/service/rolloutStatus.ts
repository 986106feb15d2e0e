// Where a plan's rollout stands today, in a few words for the status bar: `Stage B · 25% · day 3/5`,
// `draft` (no dated stage yet, or the first has not started), `finished` (the last stage is over).
// Read from the same timeline and clock as the checks, so the status bar and the findings agree.
import { stagePercentage } from './checks/stage-percentages';
import { compareDates, daysBetween, type LocalDate } from './dates/calendar';
import { formatDate } from './dates/format';
import { planTimeline } from './dates/timeline';
import type { ReleasePlan } from './parse/model';

export type RolloutPhase = 'draft' | 'running' | 'between' | 'finished';

export interface RolloutStatus {
  phase: RolloutPhase;
  /** The status bar text. */
  text: string;
  /** One sentence for the tooltip. */
  detail: string;
  /** The stage running now (or next, between stages). */
  stage?: string;
  percent?: number;
  /** Day of the running stage (1-based, calendar days) and its length in days. */
  day?: number;
  days?: number;
}

function pct(value: number | undefined): string {
  return value === undefined ? '' : ` · ${value}%`;
}

export function rolloutStatus(plan: ReleasePlan, today: LocalDate): RolloutStatus {
  const windows = planTimeline(plan).stages;
  if (windows.length === 0) {
    return { phase: 'draft', text: 'draft', detail: plan.stages.length ? 'No stage has planned dates yet.' : 'The plan has no stages yet.' };
  }
  const first = windows[0];
  if (compareDates(today, first.start) < 0) {
    return { phase: 'draft', text: 'draft', detail: `${first.label} starts ${formatDate(first.start)}.`, stage: first.label };
  }
  // the latest stage that has started: stages may share a boundary day (A ends the day B starts)
  let i = windows.length - 1;
  while (i > 0 && compareDates(today, windows[i].start) < 0) i--;
  const w = windows[i];
  const percent = stagePercentage(w.stage)?.value;
  if (compareDates(today, w.end) <= 0) {
    const day = daysBetween(w.start, today) + 1;
    const days = daysBetween(w.start, w.end) + 1;
    return {
      phase: 'running', text: `${w.label}${pct(percent)} · day ${day}/${days}`,
      detail: `${w.label} runs ${formatDate(w.start)} – ${formatDate(w.end)}.`, stage: w.label, percent, day, days,
    };
  }
  const next = windows[i + 1];
  if (next) {
    const nextPercent = stagePercentage(next.stage)?.value;
    return {
      phase: 'between', text: `${next.label}${pct(nextPercent)} · starts ${formatDate(next.start)}`,
      detail: `${w.label} ended ${formatDate(w.end)}; ${next.label} starts ${formatDate(next.start)}.`, stage: next.label, percent: nextPercent,
    };
  }
  const last = windows[windows.length - 1];
  return { phase: 'finished', text: 'finished', detail: `${last.label}, the last stage, ended ${formatDate(last.end)}.` };
}
