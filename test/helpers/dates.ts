// Small plans written inline for the date tests, parsed by the real parser.
import { parsePlan } from '../../server/src/service/parse/index';
import type { ReleasePlan } from '../../server/src/service/parse/model';
import type { LocalDate } from '../../server/src/service/dates/calendar';

/** Parses `lines` joined with newlines (an array keeps leading spaces and line numbers obvious). */
export function planOf(...lines: string[]): ReleasePlan {
  return parsePlan(lines.join('\n'));
}

export function day(iso: string): LocalDate {
  const [year, month, d] = iso.split('-').map(Number);
  return { year, month, day: d };
}

/** 0-based line of the first line containing `needle`. */
export function lineOf(plan: ReleasePlan, needle: string): number {
  const line = plan.text.split(/\r?\n/).findIndex((l) => l.includes(needle));
  if (line < 0) throw new Error(`no line contains ${needle}`);
  return line;
}
