// Calendar arithmetic on zone-less days. Plans talk in days, so everything here works on
// (year, month, day) triples through a day number (days since 1970-01-01, proleptic Gregorian),
// computed in integers: no Date, so no local time zone or DST shift can move a day. (The day number
// was Date.UTC's; it is asked twice per date comparison, thousands of times per keystroke, and the
// builtin call was the costliest line of the date code in the keystroke profile. The test holds the
// two to each other over every day from 1600 to 2400.)
import type { LocalDate } from './types';

export type { LocalDate };

export const MONTH_NAMES = [
  'January', 'February', 'March', 'April', 'May', 'June',
  'July', 'August', 'September', 'October', 'November', 'December',
] as const;

export const WEEKDAY_NAMES = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'] as const;

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/** Days in each month of a common year. */
const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** Days in `month` (1–12); February counts 29 when the year is unknown, so no real date is rejected. */
export function daysInMonth(month: number, year?: number): number {
  if (month === 2) return year === undefined || isLeapYear(year) ? 29 : 28;
  return MONTH_DAYS[month - 1] ?? 0;
}

export function isValidDate(month: number, day: number, year?: number): boolean {
  return Number.isInteger(month) && Number.isInteger(day) && month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(month, year);
}

// Days from and to a civil date in 400-year eras of 146,097 days, each era starting on March 1 so that
// a leap day is the last day of its year (H. Hinnant's days_from_civil / civil_from_days).
const DAYS_PER_ERA = 146_097;
/** Day number of 0000-03-01, the first day of era 0. */
const ERA_ZERO = -719_468;

/** Days before each month of a common year and of a leap year. */
const MONTH_STARTS = MONTH_DAYS.map((_, i) => MONTH_DAYS.slice(0, i).reduce((sum, d) => sum + d, 0));
const LEAP_MONTH_STARTS = MONTH_STARTS.map((d, i) => (i >= 2 ? d + 1 : d));

function civilDayNumber(date: LocalDate): number {
  // a month outside 1–12 or a day past the month's end runs on, as Date.UTC lets it
  const months = date.month - 1;
  let year = date.year + Math.floor(months / 12);
  const month = months - Math.floor(months / 12) * 12 + 1;
  if (month <= 2) year--;
  const era = Math.floor(year / 400);
  const yearOfEra = year - era * 400; // 0–399
  const dayOfYear = Math.floor((153 * (month > 2 ? month - 3 : month + 9) + 2) / 5) + date.day - 1; // from March 1
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * DAYS_PER_ERA + dayOfEra + ERA_ZERO;
}

const TABLE_FROM = 1900;
const TABLE_TO = 2200;
/** The day number of January 1 of each year from TABLE_FROM. */
const YEAR_STARTS = Array.from({ length: TABLE_TO - TABLE_FROM }, (_, i) => civilDayNumber({ year: TABLE_FROM + i, month: 1, day: 1 }));

export function dayNumber(date: LocalDate): number {
  const { year, month, day } = date;
  // plans' years, from a table: no division (each fractional step is a boxed number in V8's
  // interpreter, which runs this for the first keystrokes after an open)
  if (year >= TABLE_FROM && year < TABLE_TO && month >= 1 && month <= 12) {
    return YEAR_STARTS[year - TABLE_FROM] + (isLeapYear(year) ? LEAP_MONTH_STARTS : MONTH_STARTS)[month - 1] + day - 1;
  }
  return civilDayNumber(date);
}

export function fromDayNumber(n: number): LocalDate {
  const z = n - ERA_ZERO;
  const era = Math.floor(z / DAYS_PER_ERA);
  const dayOfEra = z - era * DAYS_PER_ERA; // 0–146096
  const yearOfEra = Math.floor((dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36_524) - Math.floor(dayOfEra / 146_096)) / 365);
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const shifted = Math.floor((5 * dayOfYear + 2) / 153); // 0 = March
  const day = dayOfYear - Math.floor((153 * shifted + 2) / 5) + 1;
  const month = shifted < 10 ? shifted + 3 : shifted - 9;
  return { year: yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day };
}

export function addDays(date: LocalDate, days: number): LocalDate {
  return fromDayNumber(dayNumber(date) + days);
}

/** Same day `months` later, clamped to the end of a shorter month (Jan 31 + 1 month = Feb 28/29). */
export function addMonths(date: LocalDate, months: number): LocalDate {
  const index = date.year * 12 + (date.month - 1) + months;
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  return { year, month, day: Math.min(date.day, daysInMonth(month, year)) };
}

/** `b - a` in days. */
export function daysBetween(a: LocalDate, b: LocalDate): number {
  return dayNumber(b) - dayNumber(a);
}

export function compareDates(a: LocalDate, b: LocalDate): number {
  return dayNumber(a) - dayNumber(b);
}

/** 0 = Sunday … 6 = Saturday. */
export function weekday(date: LocalDate): number {
  // 1970-01-01 was a Thursday (4).
  return (((dayNumber(date) + 4) % 7) + 7) % 7;
}

/** Monday–Friday days from `a` to `b`, both included (0 when b is before a). */
export function businessDaysInclusive(a: LocalDate, b: LocalDate): number {
  const start = dayNumber(a);
  const end = dayNumber(b);
  let count = 0;
  for (let n = start; n <= end; n++) {
    const wd = (((n + 4) % 7) + 7) % 7;
    if (wd !== 0 && wd !== 6) count++;
  }
  return count;
}

