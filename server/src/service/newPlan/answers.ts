// What a user types into the New Release Plan prompts, read strictly: a wrong answer gets a message
// the input box shows while typing, never a plan with a silently different value.
import { compareDates, isValidDate, type LocalDate } from '../dates/calendar';
import { parseIsoDate } from '../clock';

export const DEFAULT_PERCENTAGES: readonly number[] = [1, 25, 50, 100];

/** Stage labels run A–Z. */
export const MAX_STAGES = 26;

export type Parsed<T> = { value: T } | { error: string };

/** `2026-06-01`, `6/1/2026` or `6/1/26` (US month/day, as plans write them). */
export function parseDay(text: string): LocalDate | undefined {
  const iso = parseIsoDate(text);
  if (iso) return iso;
  const m = /^\s*(\d{1,2})\/(\d{1,2})\/(\d{2}|\d{4})\s*$/.exec(text);
  if (!m) return undefined;
  const month = Number(m[1]);
  const day = Number(m[2]);
  const year = m[3].length === 2 ? 2000 + Number(m[3]) : Number(m[3]);
  return isValidDate(month, day, year) ? { year, month, day } : undefined;
}

const DAY = String.raw`(\d{4}-\d{2}-\d{2}|\d{1,2}/\d{1,2}/(?:\d{4}|\d{2}))`;
const RANGE_RE = new RegExp(String.raw`^\s*${DAY}\s*(?:-|–|—|to|through|until)\s*${DAY}\s*$`, 'i');

/** `6/1/2026 - 6/26/2026`, `2026-06-01 to 2026-06-26`, `6/1/26 – 6/26/26`. */
export function parseDateRange(text: string): Parsed<{ start: LocalDate; end: LocalDate }> {
  const m = RANGE_RE.exec(text);
  if (!m) return { error: 'Write a start and an end, e.g. 6/1/2026 - 6/26/2026 (or 2026-06-01 to 2026-06-26).' };
  const start = parseDay(m[1]);
  const end = parseDay(m[2]);
  if (!start) return { error: `"${m[1]}" is not a date.` };
  if (!end) return { error: `"${m[2]}" is not a date.` };
  if (compareDates(end, start) < 0) return { error: 'The end is before the start.' };
  return { value: { start, end } };
}

/** `1, 25, 50, 100` or `1 → 25 → 50 → 100`: increasing, each above 0 and at most 100. */
export function parsePercentages(text: string): Parsed<number[]> {
  const parts = text.split(/[^0-9.]+/).filter((p) => p !== '');
  if (parts.length === 0) return { error: 'Write at least one percentage, e.g. 1, 25, 50, 100.' };
  const values = parts.map(Number);
  return validatePercentages(values);
}

export function validatePercentages(values: readonly number[]): Parsed<number[]> {
  if (values.length === 0) return { error: 'Write at least one percentage, e.g. 1, 25, 50, 100.' };
  if (values.length > MAX_STAGES) return { error: `At most ${MAX_STAGES} stages (Stage A to Stage Z).` };
  for (const v of values) {
    if (!Number.isFinite(v) || v <= 0 || v > 100) return { error: `${v}% is not a share of users between 0 and 100.` };
  }
  for (let i = 1; i < values.length; i++) {
    if (values[i] <= values[i - 1]) return { error: `Each stage reaches more users than the one before (${values[i - 1]}% then ${values[i]}%).` };
  }
  return { value: [...values] };
}

/** Toggle names as Flipper knows them: letters, digits and underscores (camelCase spellings too). */
export function isToggleName(name: string): boolean {
  return /^[A-Za-z][A-Za-z0-9_]*$/.test(name);
}

/** `Appointment reminders` → `appointment-reminders-release-plan.md` (matches the default `releasePlan.files`). */
export function planFileName(featureName: string | undefined): string {
  const slug = (featureName ?? '')
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '');
  return slug ? `${slug}-release-plan.md` : 'release-plan.md';
}
