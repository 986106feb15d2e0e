// Finds template placeholders in one line of source text. The catalogue's tokens: [FILL_IN] (also the
// Google-Docs-escaped \[FILL\_IN\]), [PICK_ONE] with its option list, TBD/TBC, XX/XX/2026, mm/dd/yy,
// lorem ipsum, ???, [link here], and a lone x/xx/XXX standing in for a value or a number.
// Word edges are letters and digits only: `_` is emphasis in prose (`_TBD_`, `_Link to dashboards TBD_`),
// and counts as part of a word only between two word characters (`form_tbd_flag`, a snake_case name).

export interface PlaceholderMatch {
  kind: 'placeholder' | 'pick-one';
  start: number;
  end: number;
  text: string;
  options?: { start: number; end: number; text: string; values: string[] };
}

const WORD_START = String.raw`(?<![A-Za-z0-9])(?<![A-Za-z0-9]_)`;
const WORD_END = String.raw`(?![A-Za-z0-9])(?!_[A-Za-z0-9])`;
// a date with a part left as X: `XX/XX/2026`, and a day or month nobody filled in (`5/X/25`, `X/14/2025`)
const DATE_PART = String.raw`(?:\d{1,2}|[Xx]{1,2})`;
const X_DATE = String.raw`(?=[\dXx/]*[Xx])${DATE_PART}/${DATE_PART}/(?:\d{4}|\d{2}|[Xx]{4}|[Xx]{2})`;

const TOKEN = new RegExp(
  [
    String.raw`\\?\[\s*FILL\\?_IN\s*\\?\]`,
    String.raw`\\?\[PICK\\?_ONE\\?\]`,
    String.raw`\\?\[TB[DC]\\?\]`,
    `${WORD_START}TB[DC]${WORD_END}`,
    String.raw`(?<![\w/])${X_DATE}(?![\w/])`,
    String.raw`\bmm/dd/(?:yyyy|yy)\b`,
    // `\[_lorem ipsum_\]`: the escaped brackets and the emphasis around it belong to the placeholder
    String.raw`(?:\\?\[[*_]{0,2})?${WORD_START}lorem ipsum${WORD_END}(?:[*_]{0,2}\\?\])?`,
    String.raw`\?{3,}`,
    String.raw`\\?\[(?:link here|date\s*-\s*date|duration)\\?\]`,
  ].join('|'),
  'gi',
);

const PICK_OPTIONS = /^(\s*:?\s*)((?:yes|no|n\/a)(?:\s*[|/]\s*(?:yes|no|n\/a))+)/i;

// A lone x/xx/xxx, or x/x (`x / x`), not part of a word, not a checkbox. `_` around it is emphasis
// (`_x/x_`); a hyphen before it is allowed for `XX` glued to a word (`description here-XX`), see below.
const XTOKEN = /(?<![A-Za-z0-9[\]\\/.,#])(?<![A-Za-z0-9]_)([xX]{1,3}(?:\s?\/\s?[xX]{1,3})?)(?![A-Za-z0-9\]/-])(?!_[A-Za-z0-9])/g;

// what a number of something is counted in: `x users`, `x ms`, `25% (x users)`. Other nouns only in the
// plural: `X form` is prose for "some form" (`if you know X form is right`), `x errors` is a count.
const X_UNIT = /^\s+(?:users?|submissions?|veterans?|people|days?|weeks?|hours?|minutes?|mins?|seconds?|secs?|ms|months?|errors|requests|claims|applicants|applications|sessions|visits|calls|records)\b/i;
// a threshold in the template's own sentences: `if the error rate is above x`, `more than x errors`
const X_THRESHOLD = /\b(?:above|below|over|under|than|exceeds?|exceeding|at least|at most|reach(?:es)?|drops? to|falls? (?:below|to)|of)\s+(?:\*\*|_)?$/i;

function xStandsForValue(line: string, start: number, end: number): boolean {
  const token = line.slice(start, end);
  if (token.includes('/')) return true;
  // closing emphasis is not what follows the value (`_x_ users`)
  const after = line.slice(end).replace(/^(?:\*\*|__|[*_])/, '');
  if (/^%/.test(after)) return true;
  if (X_UNIT.test(after)) return true;
  const before = line.slice(0, start);
  // `XX` glued to a word by a hyphen (`description here-XX`): a number nobody filled in; lower-case `-x`
  // stays a word part (`Form-x`, `max-x`)
  if (before.endsWith('-')) return /^X{2,3}$/.test(token) && /^(?:\s|$|[.,;:)])/.test(after);
  // `XX applicants`, `~xxx submissions`: two or three x before a plural noun stand for a count
  if (/^[xX]{2,3}$/.test(token) && /^\s+[a-z]{3,}s\b/.test(after)) return true;
  if (X_THRESHOLD.test(before) && (/^\s*$/.test(after) || /^\s+(?:for|in|within|over|and|or|then|before|after|of)\b/i.test(after) || /^\s*[.,;:)]/.test(after))) return true;
  const startsValue = /(?::|\?|\(|^)\s*(?:\*\*|_)?\s*$/.test(before);
  if (startsValue && (/^\s*$/.test(after) || /^\s*\(/.test(after) || /^\s+lorem\b/i.test(after) || /^\s*[-–,;]/.test(after))) return true;
  return false;
}

/**
 * Scans `line` (already masked: URLs, inline code and HTML comments blanked out with spaces)
 * and returns placeholder matches with offsets relative to the line.
 */
export function scanPlaceholders(line: string, xLine: string = line): PlaceholderMatch[] {
  const out: PlaceholderMatch[] = [];
  TOKEN.lastIndex = 0;
  for (let m = TOKEN.exec(line); m; m = TOKEN.exec(line)) {
    const text = m[0];
    const start = m.index;
    const end = start + text.length;
    if (/PICK/i.test(text) && /^\\?\[PICK/i.test(text)) {
      const opt = PICK_OPTIONS.exec(line.slice(end));
      const match: PlaceholderMatch = { kind: 'pick-one', start, end, text };
      if (opt) {
        const oStart = end + opt[1].length;
        const oText = opt[2];
        // `N/A` contains the `/` separator, so read the options as tokens rather than splitting
        match.options = { start: oStart, end: oStart + oText.length, text: oText, values: oText.match(/n\/a|yes|no/gi) ?? [] };
      }
      out.push(match);
    } else {
      // TBD inside a word-ish context like "TBD-2" is still TBD; brackets are included when present
      out.push({ kind: 'placeholder', start, end, text });
    }
  }
  XTOKEN.lastIndex = 0;
  for (let m = XTOKEN.exec(xLine); m; m = XTOKEN.exec(xLine)) {
    const start = m.index;
    const end = start + m[1].length;
    if (out.some((o) => start < o.end && end > o.start)) continue;
    if (xStandsForValue(xLine, start, end)) out.push({ kind: 'placeholder', start, end, text: m[1] });
  }
  out.sort((a, b) => a.start - b.start);
  return out;
}
