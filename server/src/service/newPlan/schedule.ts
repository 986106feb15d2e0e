// Stage dates for a new plan: the desired range split into consecutive runs of business days
// (Monday–Friday), one per stage, so no stage starts or ends on a weekend and together they fill the
// range. Extra days go to the later, larger stages: the canary is the one to keep short.
import { addDays, businessDaysInclusive, weekday, type LocalDate } from '../dates/calendar';

export interface StageDates {
  start: LocalDate;
  end: LocalDate;
  businessDays: number;
}

function isBusinessDay(d: LocalDate): boolean {
  const wd = weekday(d);
  return wd !== 0 && wd !== 6;
}

function nextBusinessDay(d: LocalDate): LocalDate {
  let day = d;
  while (!isBusinessDay(day)) day = addDays(day, 1);
  return day;
}

/** The `count`th business day from `start` (a business day), counting `start` as the first. */
function afterBusinessDays(start: LocalDate, count: number): LocalDate {
  let day = start;
  for (let left = count - 1; left > 0; ) {
    day = addDays(day, 1);
    if (isBusinessDay(day)) left--;
  }
  return day;
}

/**
 * Splits `start`–`end` (both included) into `stages` runs of business days. Undefined when the range
 * has fewer business days than stages (every stage needs at least one day).
 */
export function scheduleStages(start: LocalDate, end: LocalDate, stages: number): StageDates[] | undefined {
  const total = businessDaysInclusive(start, end);
  if (stages < 1 || total < stages) return undefined;
  const base = Math.floor(total / stages);
  const extra = total % stages;
  const out: StageDates[] = [];
  let day = nextBusinessDay(start);
  for (let i = 0; i < stages; i++) {
    const n = base + (i >= stages - extra ? 1 : 0);
    const stageEnd = afterBusinessDays(day, n);
    out.push({ start: day, end: stageEnd, businessDays: n });
    day = nextBusinessDay(addDays(stageEnd, 1));
  }
  return out;
}
