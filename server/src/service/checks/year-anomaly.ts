// `year-anomaly`: a written year out of line with the plan (`September 15th, 2015` in a 2025 plan).
// With at least three other dated expressions, out of line means two years or more from the nearest
// other written year (a baseline from the year before, `Jan 2022-Jan 2023` in a 2023 plan, is
// normal). A plan with fewer dates has no "rest of the plan" to compare with, so there only a year
// that no VA.gov release plan can mean is flagged: before 2018, when the platform and its release-plan
// template appeared, or more than three years after today. The range is the year itself.
import { planDates, type DateMention } from '../dates/planDates';
import type { Span } from '../dates/types';
import type { Check, Finding } from './types';

const MIN_OTHERS = 3;
const MIN_DISTANCE = 2;
const FIRST_PLAUSIBLE_YEAR = 2018;
const YEARS_AHEAD = 3;

function writtenYears(m: DateMention): Array<{ year: number; span: Span }> {
  const ends = m.expr.kind === 'date' ? [m.expr.date] : m.expr.kind === 'range' ? [m.expr.start, m.expr.end] : [];
  const out: Array<{ year: number; span: Span }> = [];
  for (const e of ends) {
    const year = e.year ?? e.impliedYear;
    const span = e.yearSpan;
    if (year === undefined || !span || out.some((o) => o.span.start === span.start)) continue;
    out.push({ year, span });
  }
  return out;
}

/** How far `year` is from the nearest of the other years (Infinity when there are none). */
function nearestDistance(otherYears: ReadonlyArray<[number, number]>, year: number): number {
  let best = Infinity;
  for (let i = 0; i < otherYears.length; i++) best = Math.min(best, Math.abs(otherYears[i][0] - year));
  return best;
}

/** The year a typo most likely meant: the plan's most used year, else the one with the same last digit nearest today. */
function likelyYear(otherYears: Array<[number, number]>, year: number, todayYear: number): number {
  if (otherYears.length > 0) return [...otherYears].sort((a, b) => b[1] - a[1] || b[0] - a[0])[0][0];
  const decade = Math.floor(todayYear / 10) * 10 + (year % 10);
  return decade > todayYear + YEARS_AHEAD ? decade - 10 : decade;
}

export const yearAnomalyCheck: Check = {
  id: 'year-anomaly',
  description: "A date whose year is out of line with the rest of the plan's dates (2015 in a 2025 plan).",
  defaultSeverity: 'warning',
  check(plan, context) {
    const dates = planDates(plan);
    // loops, not map/filter/reduce callbacks: closures made per keystroke (README, Developing)
    const dated: Array<{ m: (typeof dates.mentions)[number]; years: ReturnType<typeof writtenYears> }> = [];
    for (let i = 0; i < dates.mentions.length; i++) {
      const years = writtenYears(dates.mentions[i]);
      if (years.length > 0) dated.push({ m: dates.mentions[i], years });
    }
    // Year counts over the whole plan; each expression's "others" are these minus its own years.
    const all = new Map<number, number>();
    for (const d of dated) for (const y of d.years) all.set(y.year, (all.get(y.year) ?? 0) + 1);
    const findings: Finding[] = [];
    for (const { m, years } of dated) {
      const counts = new Map(all);
      for (const y of years) counts.set(y.year, (counts.get(y.year) ?? 0) - 1);
      const otherYears: Array<[number, number]> = [];
      let othersCount = 0;
      for (const entry of counts) {
        if (entry[1] <= 0) continue;
        otherYears.push(entry);
        othersCount += entry[1];
      }
      for (const { year, span } of years) {
        let why: string;
        if (othersCount >= MIN_OTHERS) {
          if (nearestDistance(otherYears, year) < MIN_DISTANCE) continue;
          const distinct = otherYears.map(([y]) => y).sort((a, b) => a - b);
          why = `is out of line with the plan's other dates (${distinct.length === 1 ? `all in ${distinct[0]}` : `${distinct[0]}–${distinct[distinct.length - 1]}`})`;
        } else if (year < FIRST_PLAUSIBLE_YEAR) {
          why = `is earlier than any VA.gov release plan (they start in ${FIRST_PLAUSIBLE_YEAR})`;
        } else if (year > context.today.year + YEARS_AHEAD) {
          why = `is more than ${YEARS_AHEAD} years after today (${context.today.year})`;
        } else {
          continue;
        }
        const suggestion = likelyYear(otherYears, year, context.today.year);
        findings.push({
          checkId: 'year-anomaly',
          range: dates.spanRange(m.line, span),
          message: `${year} ${why}; did you mean ${suggestion}?`,
          data: { year, suggestion },
        });
      }
    }
    return findings;
  },
};
