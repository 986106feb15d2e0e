// Does a declared length (`Six Days`, `1 week`, `2 business days`, `2-3 weeks`) agree with a date
// range? The catalogue accepts either counting convention (7/16–7/21 is six days inclusive, five
// exclusive), a week of 7 days, and business days that skip weekends. Two readings plans use in
// practice are accepted too, because flagging them would be a false positive: a week as a working
// week (`1 weeks - 8/21/2023 - 8/25/2023`, Monday to Friday) and plain days counted as working days
// over a weekend. `~`/`about` allow 15% (at least a day); months are calendar months, give or take
// two days a month; hours compare in whole days.
import { addDays, addMonths, businessDaysInclusive, daysBetween, type LocalDate } from './calendar';
import type { DurationExpression, Quantity } from './types';

export interface LengthReading {
  agrees: boolean;
  /** Days from start to end, both counted. */
  inclusiveDays: number;
  /** Monday–Friday days, both ends counted. */
  businessDays: number;
}

function inDays(q: Quantity, start: LocalDate): number {
  switch (q.unit) {
    case 'minute': return q.value / 1440;
    case 'hour': return q.value / 24;
    case 'day': return q.value;
    case 'week': return q.value * 7;
    case 'month':
      return Number.isInteger(q.value) ? daysBetween(start, addMonths(start, q.value)) : q.value * 30.4;
  }
}

function within(n: number, lo: number, hi: number): boolean {
  return n >= lo && n <= hi;
}

export function readLength(d: DurationExpression, start: LocalDate, end: LocalDate): LengthReading {
  const exclusive = daysBetween(start, end);
  const inclusive = exclusive + 1;
  const businessIn = businessDaysInclusive(start, end);
  const businessEx = businessDaysInclusive(addDays(start, 1), end);
  const reading = { inclusiveDays: inclusive, businessDays: businessIn };
  if (exclusive < 0) return { ...reading, agrees: true }; // a backwards range is date-order's business

  let lo = Math.floor(inDays(d.min, start));
  let hi = Math.ceil(inDays(d.max, start));
  if (d.max.unit === 'month') {
    lo -= 2 * d.min.value + 1;
    hi += 2 * d.max.value + 1;
  }
  if (d.atLeast) hi = Infinity;
  if (d.approximate) {
    const tolerance = Math.max(1, Math.round(hi === Infinity ? lo * 0.15 : hi * 0.15));
    lo -= tolerance;
    hi += tolerance;
  }
  const business = [businessIn, businessEx];
  if (d.business) return { ...reading, agrees: business.some((n) => within(n, lo, hi)) };
  if ([inclusive, exclusive].some((n) => within(n, lo, hi))) return { ...reading, agrees: true };
  if (d.max.unit === 'week' || d.max.unit === 'day') {
    const perUnit = d.max.unit === 'week' ? 5 : 1;
    const blo = Math.floor(d.min.value * perUnit);
    const bhi = d.atLeast ? Infinity : Math.ceil(d.max.value * perUnit);
    if (business.some((n) => within(n, blo, bhi))) return { ...reading, agrees: true };
  }
  return { ...reading, agrees: false };
}

/** The day a stage that starts on `start` and lasts `d` ends on (both counted), for planned ends. */
export function endAfter(d: DurationExpression, start: LocalDate): LocalDate {
  const q = d.max;
  if (q.unit === 'month') return addDays(addMonths(start, Math.ceil(q.value)), -1);
  if (d.business) {
    let left = Math.ceil(q.unit === 'week' ? q.value * 5 : q.value);
    let day = start;
    while (left > 1 || businessDaysInclusive(day, day) === 0) {
      if (businessDaysInclusive(day, day) === 1) left--;
      day = addDays(day, 1);
    }
    return day;
  }
  const days = Math.ceil(inDays(q, start));
  return addDays(start, Math.max(0, days - 1));
}
