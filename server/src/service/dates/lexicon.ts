// Words the date grammar knows: month and weekday names, number words, duration units, and the cue
// words that make a bare `m/d` a date in prose.
import type { DurationUnit } from './types';

/** Capitalised only: "may" and "march" are also ordinary words. A trailing `.` is allowed (`Aug.`). */
export const MONTH_SOURCE =
  '(Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)(?![A-Za-z])\\.?';

export function monthNumber(name: string): number {
  const key = name.slice(0, 3).toLowerCase();
  return ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'].indexOf(key) + 1;
}

export const WEEKDAY_SOURCE =
  '(Mon(?:day)?|Tue(?:s(?:day)?)?|Wed(?:nesday)?|Thu(?:r(?:s(?:day)?)?)?|Fri(?:day)?|Sat(?:urday)?|Sun(?:day)?)(?![A-Za-z])\\.?';

export function weekdayNumber(name: string): number {
  return ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'].indexOf(name.slice(0, 3).toLowerCase());
}

export const NUMBER_WORDS: Record<string, number> = {
  a: 1, an: 1, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10,
  eleven: 11, twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17,
  eighteen: 18, nineteen: 19, twenty: 20, thirty: 30, forty: 40, sixty: 60, ninety: 90,
};

/** Longest first, so `fourteen` is not read as `four`. */
export const NUMBER_WORD_SOURCE = `(?:${Object.keys(NUMBER_WORDS).sort((a, b) => b.length - a.length).join('|')})(?![A-Za-z])`;

export const UNIT_SOURCE = '(minutes?|mins?|hours?|hrs?|days?|weeks?|wks?|months?)(?![A-Za-z])';

export function unitOf(word: string): DurationUnit {
  const w = word.toLowerCase();
  if (w.startsWith('min')) return 'minute';
  if (w.startsWith('h')) return 'hour';
  if (w.startsWith('d')) return 'day';
  if (w.startsWith('w')) return 'week';
  return 'month';
}

export const ZONE_SOURCE = '(ET|EST|EDT|CT|CST|CDT|MT|MST|PT|PST|PDT|UTC|GMT)(?![A-Za-z])';

/**
 * Words after which a bare `m/d` is a date in prose: `on 6/18`, `by 03/15`, `week of 5/4`,
 * `through 9/19`, `merged 08/21`, `Users added 3/31`. Not `and`, so `Gulf War and 9/11 pages` stays prose.
 */
export const DATE_CUE_WORDS = new Set([
  'on', 'by', 'of', 'from', 'since', 'until', 'till', 'thru', 'through', 'to', 'after', 'before', 'starting', 'started',
  'start', 'starts', 'beginning', 'begins', 'began', 'ending', 'ends', 'ended', 'due', 'date', 'dated', 'updated',
  'release', 'released', 'launch', 'launched', 'deploy', 'deployed', 'merged', 'added', 'live', 'scheduled',
  'planned', 'target', 'targeting', 'week', 'effective', 'enabled', 'disabled', 'completed', 'done', 'as', 'at',
  'around', 'circa', 'approx', 'approximately', 'est', 'estimated', 'expected', 'tentatively', 'rolled', 'back',
  'paused', 'resumed', 'shifted', 'moved', 'delayed', 'freeze', 'sprint', 'eod', 'cob', 'wk',
]);

/** Labels (text before a `:`) whose value is a date, so a bare `m/d` after them is a date. */
export const DATE_LABEL_RE =
  /\b(?:dates?|range|duration|length of time|timeline|time ?frame|when|started|start|completed|done|deadline|launch(?:ed)?|release(?:d)?|go[- ]?live|freeze|schedule[d]?|rollout|sprint(?:\s*\d+)?|update[d]?|planned|target|eta)\W*$/i;

/** What follows a fraction or a count, never a date: `1/3 of`, `3/5+`, `2/2 bugs`, `9/11 pages`. */
export const NOT_A_DATE_AFTER_RE =
  /^\s*(?:of\b|%|\+|x\b|(?:users?|bugs?|pages?|errors?|requests?|tickets?|tests?|issues?|people|participants|veterans?|claims?|cases?|submissions?|responses?|respondents|times?|stars?|points?|days?|weeks?|hours?|months?|minutes?|items?|eras?|summary|criteria|passed|failed|fixed|complete)\b)/i;
