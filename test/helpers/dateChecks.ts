// Shared by the date check tests: run one check with the plan's own timeline and a fixed today, and
// show findings as `line:col [text] message` so assertions state exactly what is reported and where.
import type { Check, CheckContext, Finding } from '../../server/src/service/checks/types';
import { plannedEndAtFor } from '../../server/src/service/dates/timeline';
import type { ReleasePlan } from '../../server/src/service/parse/model';

export function runDateCheck(check: Check, plan: ReleasePlan, today = { year: 2026, month: 3, day: 1 }): Finding[] {
  const context: CheckContext = { today, plannedEndAt: plannedEndAtFor(plan) };
  return check.check(plan, context);
}

export function show(plan: ReleasePlan, f: Finding): string {
  const line = plan.text.split(/\r?\n/)[f.range.start.line];
  return `${f.range.start.line + 1}:${f.range.start.character + 1} [${line.slice(f.range.start.character, f.range.end.character)}] ${f.message}`;
}

export function shown(check: Check, plan: ReleasePlan): string[] {
  return runDateCheck(check, plan).map((f) => show(plan, f));
}
