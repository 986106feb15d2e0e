// The date grammar: finds dates, ranges, month names, durations and date placeholders in one line of
// plan text, with offsets for every piece.
//
// Why a grammar of our own and not chrono-node: the notations plans use are few and regular, and
// the cost of a wrong reading is high (a false `date-outside-range` is as bad as a crash). chrono-node
// was measured against them (issue 4): it reads `7/16/25-7/21/25` as one date with a `-7` time-zone
// offset, treats `->` as two separate dates, drops `11a EST`, and, having no notion of context, reads
// the corpus's ratios and fractions (`2/2` bugs fixed, `1/3 of traffic`, `post-9/11`) as dates.
// Fixing that takes custom parsers and refiners for every notation, i.e. this grammar plus a
// dependency. What we need from a calendar library (day arithmetic, weekdays, business days) is a
// few lines in calendar.ts. The table in test/service/dates/scan.test.ts is the arbiter.
import { daysInMonth, isValidDate, MONTH_NAMES } from './calendar';
import {
  DATE_CUE_WORDS, DATE_LABEL_RE, MONTH_SOURCE, monthNumber, NOT_A_DATE_AFTER_RE, NUMBER_WORD_SOURCE, NUMBER_WORDS,
  UNIT_SOURCE, unitOf, WEEKDAY_SOURCE, weekdayNumber, ZONE_SOURCE,
} from './lexicon';
import { maskLine } from './mask';
import { isAsciiLetterOrDigit } from '../parse/text';
import type {
  DurationExpression, Endpoint, Expression, Quantity, ScanOptions, Span, TimeOfDay, WrittenDay, WrittenMonth,
} from './types';

const re = (source: string, flags = ''): RegExp => new RegExp(source, `yd${flags}`);

const WEEKDAY_PREFIX = re(`${WEEKDAY_SOURCE},?\\s*`);
const WEEKDAY_SUFFIX = re(`\\s*\\(\\s*${WEEKDAY_SOURCE}\\s*\\)`);
const ISO_DATE = re('((?:19|20)\\d{2})([/-])(\\d{1,2})\\2(\\d{1,2})(?![\\d/])');
const NUMERIC_DATE = re('(\\d{1,2})/(\\d{1,2})(?:/(\\d{4}|\\d{2}))?(?![\\d/]|\\.\\d)');
const NAMED_DATE = re(`${MONTH_SOURCE}\\s*(\\d{1,2})(st|nd|rd|th)?(?![\\d:/%])(?:,?\\s*((?:19|20)\\d{2})(?![\\d/]))?`);
const DAY_ONLY = re('(\\d{1,2})(st|nd|rd|th)?(?![\\d/:%.])');
const DAY_YEAR = re('(\\d{1,2})/((?:19|20)\\d{2})(?![\\d/])');
const YEAR_AFTER = re('(?:,\\s*|\\s+)((?:19|20)\\d{2})(?![\\d/])');
const COMMA_YEAR = re(',?\\s*((?:19|20)\\d{2})(?![\\d/])');
const TIME = re(
  `(?:\\s*(?:at|@)\\s*|\\s+|,\\s*)(\\d{1,2})(?::(\\d{2}))?\\s*(a\\.?m\\.?|p\\.?m\\.?|a|p)(?![A-Za-z])(?:\\s*${ZONE_SOURCE})?`,
  'i',
);
const TIME_24 = re(`\\s*(?:at|@)\\s*(\\d{1,2}):(\\d{2})(?!\\d)(?:\\s*${ZONE_SOURCE})?`);
const RANGE_SEPARATOR = re('(\\s*(?:->|→|–|—|--?)\\s*|\\s+(?:to|through|thru|until|till)\\s+)~?\\s*');
const MONTH_RANGE_SEPARATOR = re('(\\s*(?:->|→|–|—|--?|/)\\s*|\\s+(?:to|through|thru|until|till)\\s+)~?\\s*');
const QUALIFIER = re('(early|mid|late|the end of|end of|beginning of|start of)\\s*-?\\s*', 'i');
const MONTH = re(MONTH_SOURCE);
const PLACEHOLDER = re(
  '(?:(?:[Xx]{1,2}|[Mm]{1,2}|\\d{1,2})/(?:[Xx]{1,2}|[Dd]{1,2}|\\d{1,2})/(?:[Xx]{2,4}|[Yy]{2,4}|\\d{4}|\\d{2})|[Mm]{1,2}/[Dd]{1,2}(?:/[Yy]{2,4})?|[Xx]{2}/[Xx]{2})(?![\\w/])',
);
const NUM = `(\\d+(?:\\.\\d+)?|${NUMBER_WORD_SOURCE})`;
const DURATION = re(
  `(~\\s*|(?:approx(?:imately|\\.)?|about|around|roughly|est(?:imated|\\.)?)\\s+)?((?:min(?:imum|\\.)?|at least)\\s+)?${NUM}(?:\\s*(?:-|–|—|to)\\s*${NUM})?\\s*(\\+)?\\s*-?\\s*(?:(business|working|calendar)\\s+)?${UNIT_SOURCE}(?:\\s*(?:-|–|—|to)\\s*${NUM}\\s*${UNIT_SOURCE})?`,
  'i',
);

class Cursor {
  constructor(readonly s: string, public i: number) {}

  eat(pattern: RegExp): RegExpExecArray | undefined {
    pattern.lastIndex = this.i;
    const m = pattern.exec(this.s);
    if (!m) return undefined;
    this.i = pattern.lastIndex;
    return m;
  }
}

function group(m: RegExpExecArray, index: number): Span {
  const pair = m.indices?.[index];
  return pair ? { start: pair[0], end: pair[1] } : { start: m.index, end: m.index };
}

function expandYear(text: string): number | undefined {
  const n = Number(text);
  if (text.length === 4) return n >= 1990 && n <= 2099 ? n : undefined;
  // Two-digit years: plans are 2019+. `50/30/20` is a traffic split, not a date.
  return n <= 50 ? 2000 + n : undefined;
}

function invalidReason(month: number, day: number, year?: number): string | undefined {
  if (month < 1 || month > 12) return `there is no month ${month}${day >= 1 && day <= 12 ? ' (day and month swapped?)' : ''}`;
  if (day < 1 || day > daysInMonth(month, year)) {
    return `${MONTH_NAMES[month - 1]}${year === undefined ? '' : ` ${year}`} has ${daysInMonth(month, year)} days`;
  }
  return undefined;
}

function makeDay(
  style: WrittenDay['style'], month: number, day: number, year: number | undefined,
  monthSpan: Span, daySpan: Span, yearSpan: Span | undefined, span: Span,
): WrittenDay {
  const reason = invalidReason(month, day, year);
  return {
    granularity: 'day', span, style, month, day, year, monthSpan, daySpan, yearSpan,
    valid: reason === undefined && isValidDate(month, day, year), invalidReason: reason,
  };
}

interface Parsed {
  day: WrittenDay;
  /** `m/d` with neither year nor other evidence: needs a cue to count as a date. */
  bare: boolean;
  zeroPadded: boolean;
}

function parseNumeric(c: Cursor): Parsed | undefined {
  const start = c.i;
  const iso = c.eat(ISO_DATE);
  if (iso) {
    const month = Number(iso[3]);
    const day = Number(iso[4]);
    if (month < 1 || month > 12 || day < 1 || day > 31) { c.i = start; return undefined; }
    const d = makeDay('iso', month, day, Number(iso[1]), group(iso, 3), group(iso, 4), group(iso, 1), { start, end: c.i });
    return { day: d, bare: false, zeroPadded: true };
  }
  const m = c.eat(NUMERIC_DATE);
  if (!m) return undefined;
  const month = Number(m[1]);
  const day = Number(m[2]);
  const zeroPadded = m[1].startsWith('0') || m[2].startsWith('0');
  if (m[3] !== undefined) {
    const year = expandYear(m[3]);
    // Components above 31 make a ratio or an id (`472/27/…`), not a mistyped date.
    if (year === undefined || month < 1 || day < 1 || month > 31 || day > 31) { c.i = start; return undefined; }
    const d = makeDay('numeric', month, day, year, group(m, 1), group(m, 2), group(m, 3), { start, end: c.i });
    return { day: d, bare: false, zeroPadded };
  }
  // Without a year only a real month and a possible day make a candidate (`24/7`, `401/403` are not).
  if (month < 1 || month > 12 || day < 1 || day > 31) { c.i = start; return undefined; }
  const d = makeDay('numeric', month, day, undefined, group(m, 1), group(m, 2), undefined, { start, end: c.i });
  return { day: d, bare: true, zeroPadded };
}

function parseNamed(c: Cursor): Parsed | undefined {
  const start = c.i;
  const m = c.eat(NAMED_DATE);
  if (!m) return undefined;
  const day = Number(m[2]);
  if (day < 1 || day > 31) { c.i = start; return undefined; }
  const year = m[4] === undefined ? undefined : Number(m[4]);
  const d = makeDay('named', monthNumber(m[1]), day, year, group(m, 1), group(m, 2), m[4] === undefined ? undefined : group(m, 4), { start, end: c.i });
  return { day: d, bare: false, zeroPadded: false };
}

function parseTime(c: Cursor): TimeOfDay | undefined {
  const start = c.i;
  const m = c.eat(TIME);
  if (m) {
    let hour = Number(m[1]);
    const minute = m[2] === undefined ? 0 : Number(m[2]);
    if (hour < 1 || hour > 12 || minute > 59) { c.i = start; return undefined; }
    const pm = m[3].toLowerCase().startsWith('p');
    if (pm && hour < 12) hour += 12;
    if (!pm && hour === 12) hour = 0;
    const span = { start: group(m, 1).start, end: c.i };
    return { hour, minute, zone: m[4]?.toUpperCase(), span };
  }
  const h = c.eat(TIME_24);
  if (h) {
    const hour = Number(h[1]);
    const minute = Number(h[2]);
    if (hour > 23 || minute > 59) { c.i = start; return undefined; }
    return { hour, minute, zone: h[3]?.toUpperCase(), span: { start: group(h, 1).start, end: c.i } };
  }
  return undefined;
}

/** weekday? (numeric | iso | named) time? */
function parseFullDay(c: Cursor): Parsed | undefined {
  const start = c.i;
  const wd = c.eat(WEEKDAY_PREFIX);
  const parsed = parseNumeric(c) ?? parseNamed(c);
  if (!parsed) { c.i = start; return undefined; }
  const day = parsed.day;
  if (wd) {
    day.weekday = { value: weekdayNumber(wd[1]), span: group(wd, 1) };
    day.span = { start, end: day.span.end };
  }
  const time = parseTime(c);
  if (time) {
    day.time = time;
    day.span = { start: day.span.start, end: time.span.end };
  }
  return { ...parsed, bare: parsed.bare && !wd && !time };
}

function parseWeekdaySuffix(c: Cursor, day: WrittenDay): boolean {
  if (day.weekday) return false;
  const m = c.eat(WEEKDAY_SUFFIX);
  if (!m) return false;
  day.weekday = { value: weekdayNumber(m[1]), span: group(m, 1) };
  return true;
}

function mdKey(e: Endpoint, side: 'start' | 'end'): number {
  const day = e.granularity === 'day' ? e.day : side === 'start' ? 1 : daysInMonth(e.month);
  return e.month * 100 + day;
}

/** Days from `start` to `end` when `end` falls in the following year (Dec 22 → Jan 2 is 11). */
function wrapDays(start: Endpoint, end: Endpoint): number {
  const startDay = start.granularity === 'day' ? start.day : 1;
  const endDay = end.granularity === 'day' ? end.day : 1;
  const a = Date.UTC(2001, start.month - 1, startDay);
  const b = Date.UTC(2002, end.month - 1, endDay);
  return Math.round((b - a) / 86_400_000);
}

/** A wrap of at most a quarter reads as "into next year" (`12/22 - 1/2/2024`); longer ones as a typo. */
const MAX_WRAP_DAYS = 92;

export function endpointYear(e: Endpoint): number | undefined {
  return e.year ?? e.impliedYear;
}

/** Lends a year written on one side of a range to the other (`03/18-03/26/21`, `May 22 - June 2, 2025`). */
function linkRangeYears(start: Endpoint, end: Endpoint): void {
  const sy = endpointYear(start);
  const ey = endpointYear(end);
  const backwards = mdKey(start, 'start') > mdKey(end, 'end');
  const wraps = backwards && wrapDays(start, end) <= MAX_WRAP_DAYS;
  if (sy === undefined && ey !== undefined) start.impliedYear = wraps ? ey - 1 : ey;
  else if (ey === undefined && sy !== undefined) end.impliedYear = wraps ? sy + 1 : sy;
}

function dayOnlyEnd(c: Cursor, start: WrittenDay): WrittenDay | undefined {
  const at = c.i;
  const m = c.eat(DAY_ONLY);
  if (!m) return undefined;
  const day = Number(m[1]);
  // `Aug 7 - 8 users`, `Oct 23 - 2 weeks`, `6/18 - 8am`: a count or a time is not the range's end day.
  const rest = c.s.slice(c.i);
  if (m[2] === undefined && (NOT_A_DATE_AFTER_RE.test(rest) || /^\s*(?:a\.?m\b|p\.?m\b|[ap]\b|%)/i.test(rest))) { c.i = at; return undefined; }
  if (day <= start.day || day > 31) { c.i = at; return undefined; }
  const end = makeDay(start.style, start.month, day, undefined, start.monthSpan, group(m, 1), undefined, { start: at, end: c.i });
  const year = c.eat(COMMA_YEAR);
  if (year) {
    end.year = Number(year[1]);
    end.yearSpan = group(year, 1);
    end.span = { start: at, end: c.i };
    const reason = invalidReason(end.month, end.day, end.year);
    end.valid = reason === undefined;
    end.invalidReason = reason;
  }
  return end;
}

function parseRangeEnd(c: Cursor, start: Parsed): Parsed | undefined {
  const at = c.i;
  const full = parseFullDay(c);
  if (full) return full;
  c.i = at;
  const s = start.day;
  if (s.time) return undefined;
  if (s.style === 'numeric' && s.year === undefined) {
    // `8/2-15/2023`: day, then the year, of the start's month.
    const dy = c.eat(DAY_YEAR);
    if (dy) {
      const day = Number(dy[1]);
      if (day > s.day && day <= 31) {
        const end = makeDay('numeric', s.month, day, Number(dy[2]), s.monthSpan, group(dy, 1), group(dy, 2), { start: at, end: c.i });
        return { day: end, bare: false, zeroPadded: false };
      }
      c.i = at;
    }
  }
  if (s.style === 'named' && s.year !== undefined) return undefined;
  if (s.style === 'named' || (s.style === 'numeric' && s.year === undefined)) {
    const end = dayOnlyEnd(c, s);
    if (end) return { day: end, bare: start.bare, zeroPadded: start.zeroPadded };
  }
  return undefined;
}

const LOOK_BEHIND = 80;

interface Context {
  s: string;
  options: ScanOptions;
}

/** Is there a word or mark before `start` that makes a bare `m/d` a date? */
function hasCueBefore(ctx: Context, start: number): boolean {
  // A bounded look-behind: cues are next to the date, and long lines must not cost quadratic time.
  const from = Math.max(0, start - LOOK_BEHIND);
  const before = ctx.s.slice(from, start);
  // At the start of the line, a list item or a table cell: `- 8/17: …`, `| 5/20 |`.
  if ((from === 0 && /^\s*(?:>\s*)*(?:[-+*]|\d+[.)])?[\s([~]*$/.test(before)) || /\|[\s([~]*$/.test(before)) return true;
  const trimmed = before.replace(/[\s([~"']+$/, '');
  if (trimmed.endsWith(':')) return ctx.options.dateContext === true || DATE_LABEL_RE.test(trimmed.slice(0, -1));
  const word = /([A-Za-z]+)\.?$/.exec(trimmed)?.[1];
  if (!word) return false;
  return DATE_CUE_WORDS.has(word.toLowerCase()) || weekdayNumber(word) >= 0 && new RegExp(`^${WEEKDAY_SOURCE}$`).test(word);
}

function acceptsBare(ctx: Context, startOffset: number, endOffset: number, parsed: Parsed): boolean {
  if (NOT_A_DATE_AFTER_RE.test(ctx.s.slice(endOffset))) return false;
  if (!parsed.bare || parsed.zeroPadded || ctx.options.dateContext) return true;
  return hasCueBefore(ctx, startOffset);
}

function tryDateOrRange(c: Cursor, ctx: Context): Expression | undefined {
  const begin = c.i;
  const start = parseFullDay(c);
  if (!start) return undefined;
  const afterStart = c.i;
  const suffixed = parseWeekdaySuffix(c, start.day);
  const afterSuffix = c.i;
  const sep = c.eat(RANGE_SEPARATOR);
  const end = sep ? parseRangeEnd(c, start) : undefined;
  if (sep && end) {
    if (start.day.year === undefined && end.day.year === undefined && end.day.style === 'numeric' && start.day.style === 'numeric') {
      // `3/10-3/11 2025`, `8/7 - 8/14,2025`: one year written after the range, for both ends.
      const y = c.eat(YEAR_AFTER);
      if (y) {
        const year = Number(y[1]);
        end.day.yearSpan = group(y, 1);
        end.day.span = { start: end.day.span.start, end: c.i };
        for (const d of [start.day, end.day]) {
          d.impliedYear = year;
          d.invalidReason = invalidReason(d.month, d.day, year);
          d.valid = d.invalidReason === undefined;
        }
      }
    }
    parseWeekdaySuffix(c, end.day);
    // Two m/d's joined by a dash are evidence enough (`(5/13-5/15)`), unless a count word follows.
    if (start.bare && end.bare && NOT_A_DATE_AFTER_RE.test(c.s.slice(c.i))) { c.i = begin; return undefined; }
    linkRangeYears(start.day, end.day);
    return { kind: 'range', span: { start: begin, end: end.day.span.end }, text: '', start: start.day, end: end.day, separator: group(sep, 1) };
  }
  c.i = afterSuffix;
  if (!acceptsBare(ctx, begin, afterStart, { ...start, bare: start.bare && !suffixed })) { c.i = begin; return undefined; }
  return { kind: 'date', span: { start: begin, end: start.day.span.end }, text: '', date: start.day };
}

function parseMonthEndpoint(c: Cursor): WrittenMonth | undefined {
  const start = c.i;
  const q = c.eat(QUALIFIER);
  const m = c.eat(MONTH);
  if (!m) { c.i = start; return undefined; }
  const month: WrittenMonth = {
    granularity: 'month', span: { start, end: c.i }, month: monthNumber(m[1]), monthSpan: group(m, 1),
    qualifier: q?.[1].toLowerCase().replace(/^the /, '').replace(/ of$/, ''),
  };
  const y = c.eat(COMMA_YEAR);
  if (y) {
    month.year = Number(y[1]);
    month.yearSpan = group(y, 1);
    month.span = { start, end: c.i };
  } else if (/^\s*\d/.test(c.s.slice(c.i))) {
    // `May 50`: a number that is neither a day nor a year; no month reading either.
    c.i = start;
    return undefined;
  }
  return month;
}

/** A month with no year stands alone only where nothing word-like follows (`[November]`, `End of July`). */
function bareMonthEnds(rest: string): boolean {
  return /^\s*(?:$|[\])},.;:+?!]|\(|-\s*$|TBD\b)/i.test(rest);
}

function tryMonth(c: Cursor, ctx: Context): Expression | undefined {
  const begin = c.i;
  const start = parseMonthEndpoint(c);
  if (!start) return undefined;
  const afterStart = c.i;
  const sep = c.eat(MONTH_RANGE_SEPARATOR);
  if (sep) {
    const at = c.i;
    const end: Endpoint | undefined = parseNamed(c)?.day ?? (c.i = at, parseMonthEndpoint(c));
    if (end) {
      linkRangeYears(start, end);
      const dated = endpointYear(start) !== undefined || endpointYear(end) !== undefined;
      if (dated || (ctx.options.dateContext && bareMonthEnds(c.s.slice(c.i)))) {
        return { kind: 'range', span: { start: begin, end: c.i }, text: '', start, end, separator: group(sep, 1) };
      }
    }
  }
  c.i = afterStart;
  if (start.year !== undefined || (ctx.options.dateContext && bareMonthEnds(c.s.slice(c.i)))) {
    return { kind: 'date', span: { start: begin, end: c.i }, text: '', date: start };
  }
  c.i = begin;
  return undefined;
}

function tryPlaceholder(c: Cursor): Expression | undefined {
  const begin = c.i;
  const m = c.eat(PLACEHOLDER);
  if (!m) return undefined;
  if (!/[A-Za-z]/.test(m[0])) { c.i = begin; return undefined; }
  return { kind: 'placeholder', span: { start: begin, end: c.i }, text: '' };
}

function quantity(text: string, unitWord: string): Quantity {
  const word = NUMBER_WORDS[text.toLowerCase()];
  return { value: word ?? Number(text), unit: unitOf(unitWord) };
}

function tryDuration(c: Cursor): Expression | undefined {
  const begin = c.i;
  const m = c.eat(DURATION);
  if (!m) return undefined;
  // `a`/`an` only count directly before a unit (`a week`), never as the start of a range (`a - 2 days`).
  const [, approx, atLeast, n1, n2, plus, business, unit1, n3, unit2] = m;
  if (/^an?$/i.test(n1) && n2 !== undefined) { c.i = begin; return undefined; }
  const min = quantity(n1, unit1);
  let max = n2 === undefined ? min : quantity(n2, unit1);
  if (n3 !== undefined && unit2 !== undefined) max = quantity(n3, unit2);
  const expr: DurationExpression = {
    kind: 'duration', span: { start: begin, end: c.i }, text: '', min, max,
    business: business !== undefined && /business|working/i.test(business),
    approximate: approx !== undefined,
    atLeast: atLeast !== undefined || plus !== undefined,
  };
  return expr;
}

// Asked several times per character of every line the scanner reads (a whole plan on its first open),
// and a pattern literal in a function is a new RegExp object at each call (52,000 of them on the first
// open of a 30 KB plan): character codes instead, and the pattern that stays is made once.
const isAlnum = (ch: string | undefined): boolean => ch !== undefined && isAsciiLetterOrDigit(ch.charCodeAt(0));
const LETTER = /[A-Za-z]/;
const isDigit = (ch: string | undefined): boolean => ch !== undefined && ch >= '0' && ch <= '9';

/** May an expression start at `i`? Not inside a word or number, `post-9/11`, `2.4`, `12:30`, `#4`, `/2`. */
function boundaryOk(s: string, i: number): boolean {
  const prev = s[i - 1];
  if (prev === undefined) return true;
  if (isAlnum(prev)) return false;
  if ((prev === '.' || prev === ':' || prev === ',') && isDigit(s[i - 2])) return false;
  if (prev === '/' || prev === '#' || prev === '$' || prev === '@' && isAlnum(s[i - 2])) return false;
  if (prev === '-' && LETTER.test(s[i - 2] ?? '')) return false;
  return true;
}

/**
 * Whether a line may hold a duration at all: every duration has a unit (UNIT_SOURCE) in it. DURATION is
 * a large case-insensitive pattern tried at every word start (~75 µs a line of a 10,000-row table); a
 * line without a unit, which most lines are, is not tried.
 */
const UNIT_HINT = new RegExp(UNIT_SOURCE, 'i');

/** Every date, range, month, duration and date placeholder in `text` (one line), in order. */
export function scanDates(text: string, options: ScanOptions = {}): Expression[] {
  const s = maskLine(text);
  const durations = UNIT_HINT.test(s);
  const ctx: Context = { s, options };
  const found: Expression[] = [];
  const c = new Cursor(s, 0);
  let i = 0;
  while (i < s.length) {
    const ch = s[i];
    // A placeholder may follow a dash (`mm/dd/yyyy-mm/dd/yyyy`), a date may not (`post-9/11`).
    const placeholderStart = isAlnum(ch) && !isAlnum(s[i - 1]);
    if ((isAlnum(ch) && boundaryOk(s, i)) || placeholderStart || (ch === '~' && !isAlnum(s[i - 1]))) {
      c.i = i;
      const expr = ch === '~'
        ? durations ? tryDuration(c) : undefined
        : !boundaryOk(s, i)
          ? tryPlaceholder(c)
          : tryPlaceholder(c) ?? tryDateOrRange(c, ctx) ?? tryMonth(c, ctx) ?? (durations ? tryDuration(c) : undefined);
      if (expr) {
        trimSpan(s, expr);
        expr.text = text.slice(expr.span.start, expr.span.end);
        found.push(expr);
        i = expr.span.end;
        continue;
      }
    }
    if (isAlnum(ch)) {
      while (i < s.length && isAlnum(s[i])) i++;
    } else {
      i++;
    }
  }
  return found;
}

function trimSpan(s: string, expr: Expression): void {
  while (expr.span.end > expr.span.start && /\s/.test(s[expr.span.end - 1])) expr.span.end--;
}
