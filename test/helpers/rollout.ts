// The rollout fixture with and without years: the dated copy adds the year to the desired date
// range only, so every stage date takes its year from there (as plans usually write them).
import { join } from 'node:path';
import { FIXTURES, read } from './fixtures';
import type { LocalDate } from '../../server/src/service/dates/types';

export const ROLLOUT_NO_YEARS = join(FIXTURES, 'views', 'rollout-no-years.md');
export const NO_DATES = join(FIXTURES, 'views', 'no-dates.md');

export function datedRolloutText(): string {
  const text = read(ROLLOUT_NO_YEARS);
  const dated = text.replace('- Desired date range: 3/3 - 3/28', '- Desired date range: 3/3/2025 - 3/28/2025');
  if (dated === text) throw new Error('rollout fixture changed: the desired date range line is gone');
  return dated;
}

export const day = (iso: string): LocalDate => {
  const [year, month, d] = iso.split('-').map(Number);
  return { year, month, day: d };
};
