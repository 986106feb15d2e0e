// Shared by the date check tests: run one check with the plan's own timeline and a fixed today, and
// show findings as `line:col [text] message` so assertions state exactly what is reported and where.
import type { Check, Finding } from '../../server/src/service/checks/types';
import { checkContext, fixedClock } from '../../server/src/service/index';
import type { ReleasePlan } from '../../server/src/service/parse/model';

export function runDateCheck(check: Check, plan: ReleasePlan, today = { year: 2026, month: 3, day: 1 }): Finding[] {
  return check.check(plan, checkContext(plan, fixedClock(today)));
}

export function show(plan: ReleasePlan, f: Finding): string {
  const line = plan.text.split(/\r?\n/)[f.range.start.line];
  return `${f.range.start.line + 1}:${f.range.start.character + 1} [${line.slice(f.range.start.character, f.range.end.character)}] ${f.message}`;
}

export function shown(check: Check, plan: ReleasePlan): string[] {
  return runDateCheck(check, plan).map((f) => show(plan, f));
}
