// How dates read in messages, hovers and hints: unambiguous (`Jul 21, 2025`, `Mon, Jul 21`), and
// "in 3 days" / "12 days ago" relative to an injected today.
import { daysBetween, MONTH_NAMES, WEEKDAY_NAMES, weekday, type LocalDate } from './calendar';
import type { DurationExpression, Quantity } from './types';

export function formatDate(d: LocalDate): string {
  return `${MONTH_NAMES[d.month - 1].slice(0, 3)} ${d.day}, ${d.year}`;
}

export function formatDateWithWeekday(d: LocalDate): string {
  return `${WEEKDAY_NAMES[weekday(d)].slice(0, 3)}, ${formatDate(d)}`;
}

export function plural(n: number, unit: string): string {
  return `${n} ${unit}${n === 1 ? '' : 's'}`;
}

/** `today`, `tomorrow`, `in 3 days`, `yesterday`, `12 days ago`. */
export function relativeDay(d: LocalDate, today: LocalDate): string {
  const n = daysBetween(today, d);
  if (n === 0) return 'today';
  if (n === 1) return 'tomorrow';
  if (n === -1) return 'yesterday';
  return n > 0 ? `in ${plural(n, 'day')}` : `${plural(-n, 'day')} ago`;
}

function quantityText(q: Quantity): string {
  return plural(q.value, q.unit);
}

/** `6 days`, `2–3 weeks`, `at least 2 hours`, `about 1 week`, `2 business days`. */
export function formatDuration(d: DurationExpression): string {
  const unit = d.business ? `business ${d.max.unit}` : d.max.unit;
  let amount: string;
  if (d.min.unit !== d.max.unit) amount = `${quantityText(d.min)} to ${quantityText(d.max)}`;
  else if (d.min.value !== d.max.value) amount = `${d.min.value}–${d.max.value} ${unit}s`;
  else amount = plural(d.min.value, unit);
  if (d.atLeast) return `at least ${amount}`;
  return d.approximate ? `about ${amount}` : amount;
}
