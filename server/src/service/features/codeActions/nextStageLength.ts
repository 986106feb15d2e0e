// The 'Length of time' a new last stage starts with, continued from the plan's own dates: the day
// after the last stage ends (skipping a weekend: rollouts step on business days), for as many days as
// the last stage ran, written like the last stage wrote its own (`Three Days 7/28/25 - 7/30/25` →
// `Three Days 7/31/25 - 8/2/25`). Undefined when the last stage has no planned dates.
import { addDays, daysBetween, weekday, type LocalDate } from '../../dates/calendar';
import { planTimeline } from '../../dates/timeline';
import type { ReleasePlan, Stage } from '../../parse/model';
import { planDates } from '../../dates/planDates';
import { writeLike } from './extendDesiredRange';
import { rewriteLength } from './quickFixes';

function nextBusinessDay(d: LocalDate): LocalDate {
  let next = addDays(d, 1);
  while (weekday(next) === 0 || weekday(next) === 6) next = addDays(next, 1);
  return next;
}

export function nextStageLength(plan: ReleasePlan, last: Stage): string | undefined {
  const window = planTimeline(plan).stages.find((w) => w.stage === last);
  if (!window) return undefined;
  const days = daysBetween(window.start, window.end) + 1;
  const start = nextBusinessDay(window.end);
  const end = addDays(start, days - 1);
  const like = window.endText;
  const dates = days === 1 ? writeLike(like, start) : `${writeLike(like, start)} - ${writeLike(like, end)}`;
  // the declared length on the same line as the dates (`Three Days`), rewritten for the new count
  const dates0 = planDates(plan);
  const duration = dates0.mentions.find((m) => m.stage === last && m.expr.kind === 'duration' && window.mentions.some((w) => w.line === m.line));
  const length = duration ? rewriteLength(duration.expr.text, days, false) : `${days} day${days === 1 ? '' : 's'}`;
  return `${length} ${dates}`;
}
