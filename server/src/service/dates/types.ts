// What the date scanner finds in a piece of text. Every piece carries its offsets ([start, end) in
// UTF-16 code units of the scanned string, the unit LSP positions use), so callers can point a
// diagnostic, a hover or an inlay hint at exactly the text they talk about.

/** A calendar day with no time zone: plans talk in days. month is 1–12. */
export interface LocalDate {
  year: number;
  month: number;
  day: number;
}

export interface Span {
  start: number;
  end: number;
}

export interface TimeOfDay {
  /** 0–23 */
  hour: number;
  minute: number;
  /** `ET`, `EST`, `PT`… as written, upper-cased. */
  zone?: string;
  span: Span;
}

/** A calendar day as written: `6/30/25`, `Aug. 4`, `Monday, 6/2`, `2025/03/10`, `2/11/2026 at 11a EST`. */
export interface WrittenDay {
  granularity: 'day';
  /** The whole date, weekday prefix and time of day included. */
  span: Span;
  style: 'numeric' | 'iso' | 'named';
  month: number;
  day: number;
  /** The year as written (two-digit years expanded to 20yy). */
  year?: number;
  /** The year taken from the other end of its own range or from a year written after the range. */
  impliedYear?: number;
  monthSpan: Span;
  daySpan: Span;
  yearSpan?: Span;
  /** A weekday written before the date (`Monday, 6/2`) or after it (`5/13 (Monday)`). 0 = Sunday. */
  weekday?: { value: number; span: Span };
  time?: TimeOfDay;
  /** False for a date that does not exist (`2/30/2026`, `13/4/25`). */
  valid: boolean;
  /** Why it does not exist, for messages. */
  invalidReason?: string;
}

/** A whole month: `February 2026`, `Late December 2020`, `[November]` (in a date field). */
export interface WrittenMonth {
  granularity: 'month';
  span: Span;
  month: number;
  year?: number;
  impliedYear?: number;
  monthSpan: Span;
  yearSpan?: Span;
  /** `early`, `mid`, `late`, `end`: kept for hovers; checks use the whole month. */
  qualifier?: string;
}

export type Endpoint = WrittenDay | WrittenMonth;

export type DurationUnit = 'minute' | 'hour' | 'day' | 'week' | 'month';

export interface Quantity {
  value: number;
  unit: DurationUnit;
}

interface ExpressionBase {
  span: Span;
  /** The source text of `span`, exactly as written. */
  text: string;
}

export interface DateExpression extends ExpressionBase {
  kind: 'date';
  date: Endpoint;
}

export interface RangeExpression extends ExpressionBase {
  kind: 'range';
  start: Endpoint;
  end: Endpoint;
  separator: Span;
}

export interface DurationExpression extends ExpressionBase {
  kind: 'duration';
  min: Quantity;
  max: Quantity;
  /** `2 business days`, `3 working days`. */
  business: boolean;
  /** `~1 week`, `about 2 weeks`, `approx. 3 days`. */
  approximate: boolean;
  /** `minimum 2 hours`, `15+ hrs`, `at least 7 days`: no upper bound. */
  atLeast: boolean;
}

/** A date left as a template placeholder: `XX/XX/2026`, `mm/dd/yy`. Not an invalid date. */
export interface PlaceholderExpression extends ExpressionBase {
  kind: 'placeholder';
}

export type Expression = DateExpression | RangeExpression | DurationExpression | PlaceholderExpression;

export interface ScanOptions {
  /**
   * The text is the value of a date field (`Desired date range:`, `Length of time:`, `Date Started:`),
   * so bare `m/d` (`3/15`) and bare month names (`[November]`, `End of July`) are read as dates.
   * Elsewhere they need a cue (`on 3/15`, `Monday, 6/2`, a range) because prose is full of ratios
   * (`2/2 fixed`, `1/3 of traffic`) and "May" is also a verb.
   */
  dateContext?: boolean;
}
