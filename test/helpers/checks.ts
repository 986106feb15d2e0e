// Shared by the check tests: a context with no date knowledge (so timeline severity stays out of the
// way unless a test asks for it), and reading fixtures from test/fixtures.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CheckContext } from '../../server/src/service/checks/types';
import type { LocalDate } from '../../server/src/service/dates/types';

export const FIXTURES = join(__dirname, '..', 'fixtures');

export function fixture(...parts: string[]): string {
  return readFileSync(join(FIXTURES, ...parts), 'utf8');
}

export const TODAY: LocalDate = { year: 2026, month: 3, day: 1 };

export function contextWithoutDates(today: LocalDate = TODAY): CheckContext {
  return { today, plannedEndAt: () => undefined };
}

const EXPECT = /[ \t]*<!-- expect: ([^>]*?) -->[ \t]*$/;

/** Strips `<!-- expect: … -->` markers (end of line only, so columns before them are unchanged). */
export function readMarkers(text: string): { text: string; expected: Map<number, string[]> } {
  const expected = new Map<number, string[]>();
  const lines = text.split('\n').map((line, i) => {
    const m = EXPECT.exec(line);
    if (!m) return line;
    expected.set(i, m[1].split(/[\s,]+/).filter(Boolean).sort());
    return line.slice(0, m.index);
  });
  return { text: lines.join('\n'), expected };
}
