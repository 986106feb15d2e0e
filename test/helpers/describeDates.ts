// One-line readings of scanned expressions, so table rows state expectations compactly and a
// failure shows the whole reading: `range 2025-07-16..2025-07-21`, `duration 2-3 week`,
// `date 06-02 Mon`, `invalid 2026-02-30`, `placeholder XX/XX/2026`.
import { WEEKDAY_NAMES } from '../../server/src/service/dates/calendar';
import type { Endpoint, Expression, Quantity } from '../../server/src/service/dates/types';

const pad = (n: number): string => String(n).padStart(2, '0');

function endpoint(e: Endpoint): string {
  const year = e.year ?? e.impliedYear;
  const y = year === undefined ? '' : `${year}-`;
  if (e.granularity === 'month') return `${y}${pad(e.month)}`;
  let s = `${y}${pad(e.month)}-${pad(e.day)}`;
  if (e.weekday) s += ` ${WEEKDAY_NAMES[e.weekday.value].slice(0, 3)}`;
  if (e.time) s += ` ${pad(e.time.hour)}:${pad(e.time.minute)}${e.time.zone ? ` ${e.time.zone}` : ''}`;
  return s;
}

function quantity(q: Quantity, withUnit = true): string {
  return withUnit ? `${q.value} ${q.unit}` : String(q.value);
}

export function describe(e: Expression): string {
  switch (e.kind) {
    case 'placeholder':
      return `placeholder ${e.text}`;
    case 'date':
      if (e.date.granularity === 'month') return `month ${endpoint(e.date)}`;
      return `${e.date.valid ? 'date' : 'invalid'} ${endpoint(e.date)}`;
    case 'range': {
      const bad = [e.start, e.end].some((p) => p.granularity === 'day' && !p.valid);
      return `${bad ? 'invalid-range' : 'range'} ${endpoint(e.start)}..${endpoint(e.end)}`;
    }
    case 'duration': {
      const prefix = `${e.approximate ? '~' : ''}`;
      const sameUnit = e.min.unit === e.max.unit;
      const amount = e.min.value === e.max.value && sameUnit
        ? `${e.min.value}`
        : sameUnit ? `${e.min.value}-${e.max.value}` : `${quantity(e.min)}..${quantity(e.max, false)}`;
      const unit = `${e.business ? 'business ' : ''}${e.max.unit}`;
      return `duration ${prefix}${amount}${e.atLeast ? '+' : ''} ${unit}`;
    }
  }
}
