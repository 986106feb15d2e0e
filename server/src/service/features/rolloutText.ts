// How the rollout views write days and stages: short (`Mon 3/10`), because they sit next to a heading
// that already gives the context; the year only when it is not today's (an old or far-off plan).
import { WEEKDAY_NAMES, weekday, type LocalDate } from '../dates/calendar';
import type { StageStatus } from './rollout';

/** `Mon 3/10`, or `Mon 3/10/24` when the year is not `today`'s. */
export function shortDay(d: LocalDate, today?: LocalDate): string {
  const year = today && today.year !== d.year ? `/${String(d.year % 100).padStart(2, '0')}` : '';
  return `${WEEKDAY_NAMES[weekday(d)].slice(0, 3)} ${d.month}/${d.day}${year}`;
}

/** `3/2–3/9` (no weekdays: a compact range for a stage that is over). */
export function shortRange(start: LocalDate, end: LocalDate, today?: LocalDate): string {
  const y = (d: LocalDate) => (today && today.year !== d.year ? `/${String(d.year % 100).padStart(2, '0')}` : '');
  return `${start.month}/${start.day}${y(start)}–${end.month}/${end.day}${y(end)}`;
}

/** `Stage B · 25% · Mon 3/10 – Fri 3/14`: the stage's outline detail. */
export function stageDetail(s: StageStatus, today?: LocalDate): string {
  const parts = [s.label];
  if (s.percentage !== undefined) parts.push(`${s.percentage}%`);
  if (s.window) {
    const { start, end } = s.window;
    const oneDay = start.year === end.year && start.month === end.month && start.day === end.day;
    parts.push(oneDay ? shortDay(start, today) : `${shortDay(start, today)} – ${shortDay(end, today)}`);
  } else if (s.yearless) {
    parts.push(`${s.yearless} (no year)`);
  }
  return parts.join(' · ');
}

/** `Stage C 50%` */
export function stageWithPercentage(s: StageStatus): string {
  return s.percentage !== undefined ? `${s.label} ${s.percentage}%` : s.label;
}
