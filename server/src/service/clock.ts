// The service never reads the system clock directly: tests and the CLI's --today inject the day.
import type { LocalDate } from './dates/types';

export type Clock = () => LocalDate;

export const systemClock: Clock = () => {
  const now = new Date();
  return { year: now.getFullYear(), month: now.getMonth() + 1, day: now.getDate() };
};

/** Parses `YYYY-MM-DD`; undefined when it is not a real calendar day. */
export function parseIsoDate(text: string): LocalDate | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text.trim());
  if (!m) return undefined;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const d = new Date(Date.UTC(year, month - 1, day));
  if (d.getUTCFullYear() !== year || d.getUTCMonth() !== month - 1 || d.getUTCDate() !== day) return undefined;
  return { year, month, day };
}

export function fixedClock(date: LocalDate): Clock {
  return () => date;
}
