// Where a plan's rollout stands today, in a few words for the status bar: `Stage B · 25% · day 3/5`,
// `draft` (no dated stage yet, or the first has not started), `finished` (the last stage is over).
// Worded from the one rollout answer (./rollout.ts) the CodeLens, the timeline and the tree view read,
// so the status bar cannot disagree with them or with the checks.
import { daysBetween, type LocalDate } from '../dates/calendar';
import { formatDate } from '../dates/format';
import type { ReleasePlan } from '../parse/model';
import { stagePercentage } from '../parse/queries';
import { rolloutStatus, type StageStatus } from './rollout';

export type RolloutPhase = 'draft' | 'running' | 'between' | 'finished';

export interface RolloutBrief {
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

type Dated = StageStatus & { window: { start: LocalDate; end: LocalDate } };

/** The stage's percentage as a reviewer reads it: its `Percentage of Users` field, else its heading. */
function percentOf(status: StageStatus): number | undefined {
  return stagePercentage(status.stage)?.value;
}

function pct(value: number | undefined): string {
  return value === undefined ? '' : ` · ${value}%`;
}

export function rolloutBrief(plan: ReleasePlan, today: LocalDate): RolloutBrief {
  const status = rolloutStatus(plan, today);
  const dated = status.stages.filter((s): s is Dated => s.window !== undefined);
  if (dated.length === 0) {
    return { phase: 'draft', text: 'draft', detail: plan.stages.length ? 'No stage has planned dates yet.' : 'The plan has no stages yet.' };
  }
  const first = dated[0];
  if (dated.every((s) => s.state === 'planned')) {
    return { phase: 'draft', text: 'draft', detail: `${first.label} starts ${formatDate(first.window.start)}.`, stage: first.label };
  }
  // stages may share a boundary day (A ends the day B starts): that day belongs to the later stage
  const running = dated.filter((s) => s.state === 'current').at(-1);
  if (running) {
    const { start, end } = running.window;
    const day = daysBetween(start, today) + 1;
    const days = daysBetween(start, end) + 1;
    return {
      phase: 'running', text: `${running.label}${pct(percentOf(running))} · day ${day}/${days}`,
      detail: `${running.label} runs ${formatDate(start)} – ${formatDate(end)}.`, stage: running.label, percent: percentOf(running), day, days,
    };
  }
  const nextIndex = dated.findIndex((s) => s.state === 'planned');
  if (nextIndex > 0) {
    const [ended, next] = [dated[nextIndex - 1], dated[nextIndex]];
    return {
      phase: 'between', text: `${next.label}${pct(percentOf(next))} · starts ${formatDate(next.window.start)}`,
      detail: `${ended.label} ended ${formatDate(ended.window.end)}; ${next.label} starts ${formatDate(next.window.start)}.`, stage: next.label, percent: percentOf(next),
    };
  }
  const last = dated[dated.length - 1];
  return { phase: 'finished', text: 'finished', detail: `${last.label}, the last stage, ended ${formatDate(last.window.end)}.` };
}
