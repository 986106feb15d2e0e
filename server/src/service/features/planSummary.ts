// One row per plan for "every plan at a glance": the Release Plans tree view and `release-plan
// summary` print the same rows (state today, current stage, next stage, late stages, findings).
import type { Severity } from '../checks/types';
import type { LocalDate } from '../dates/calendar';
import type { ReleasePlan } from '../parse/model';
import { PLAN_STATE_LABELS, rolloutStatus, type PlanState } from './rollout';
import { shortDay, stageWithPercentage } from './rolloutText';

export interface PlanSummaryRow {
  title: string;
  state: PlanState;
  /** `Rolling out now`, `Late`… */
  stateLabel: string;
  stages: number;
  /** `Stage B` and its percentage, when a stage is under way today. */
  current?: { label: string; percentage?: number; line: number };
  next?: { label: string; percentage?: number; start: string; line: number };
  /** Labels of stages that ended with every result blank. */
  late: string[];
  findings: Record<Severity, number>;
  /** One line: `Stage B 25% · next Stage C 50% on Tue 3/18 · 1 late · 2 warnings`. */
  text: string;
}

/** Group order, most urgent first (the tree view's and the summary's order). */
export const STATE_ORDER: readonly PlanState[] = ['late', 'rolling-out', 'starting-soon', 'not-started', 'finished', 'no-dates'];

export function planSummaryRow(plan: ReleasePlan, today: LocalDate, findings: ReadonlyArray<{ severity: Severity }>): PlanSummaryRow {
  const r = rolloutStatus(plan, today);
  const counts: Record<Severity, number> = { error: 0, warning: 0, information: 0, hint: 0 };
  for (const f of findings) counts[f.severity]++;
  const row: PlanSummaryRow = { title: plan.title?.text || '(untitled)', state: r.state, stateLabel: PLAN_STATE_LABELS[r.state], stages: r.stages.length, late: r.late.map((s) => s.label), findings: counts, text: '' };
  if (r.current) {
    row.current = { label: r.current.label, line: r.current.stage.heading.range.start.line };
    if (r.current.percentage !== undefined) row.current.percentage = r.current.percentage;
  }
  if (r.next?.window) {
    row.next = { label: r.next.label, start: shortDay(r.next.window.start, today), line: r.next.stage.heading.range.start.line };
    if (r.next.percentage !== undefined) row.next.percentage = r.next.percentage;
  }
  const parts: string[] = [];
  if (r.current) parts.push(stageWithPercentage(r.current));
  if (r.next?.window) parts.push(`next ${stageWithPercentage(r.next)} on ${shortDay(r.next.window.start, today)}`);
  if (r.late.length) parts.push(`${r.late.length} late (${r.late.map((s) => s.stage.label).join(', ')})`);
  else if (r.state === 'late' && r.desiredEnd) parts.push(`past the desired date range (ended ${shortDay(r.desiredEnd, today)})`);
  const problems = (['error', 'warning'] as const).filter((s) => counts[s] > 0).map((s) => `${counts[s]} ${s}${counts[s] === 1 ? '' : 's'}`);
  parts.push(problems.length ? problems.join(', ') : 'no warnings');
  row.text = parts.join(' · ');
  return row;
}
