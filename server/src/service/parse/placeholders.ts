// Finds template placeholders in one line of source text. The catalogue's tokens: [FILL_IN] (also the
// Google-Docs-escaped \[FILL\_IN\]), [PICK_ONE] with its option list, TBD/TBC, XX/XX/2026, mm/dd/yy,
// lorem ipsum, ???, [link here], and a lone x/xx/XXX standing in for a value or a number.

export interface PlaceholderMatch {
  kind: 'placeholder' | 'pick-one';
  start: number;
  end: number;
  text: string;
  options?: { start: number; end: number; text: string; values: string[] };
}

const TOKEN = new RegExp(
  [
    String.raw`\\?\[\s*FILL\\?_IN\s*\\?\]`,
    String.raw`\\?\[PICK\\?_ONE\\?\]`,
    String.raw`\\?\[TB[DC]\\?\]`,
    String.raw`\bTB[DC]\b`,
    String.raw`\b[Xx]{2}/[Xx]{2}/(?:\d{2}(?:\d{2})?|[Xx]{2}(?:[Xx]{2})?)\b`,
    String.raw`\bmm/dd/(?:yyyy|yy)\b`,
    String.raw`\blorem ipsum\b`,
    String.raw`\?{3,}`,
    String.raw`\\?\[(?:link here|date\s*-\s*date|duration)\\?\]`,
  ].join('|'),
  'gi',
);

const PICK_OPTIONS = /^(\s*:?\s*)((?:yes|no|n\/a)(?:\s*[|/]\s*(?:yes|no|n\/a))+)/i;

// A lone x/xx/xxx, or x/x, not part of a word, not a checkbox.
const XTOKEN = /(?<![\w[\]\\/.,#-])([xX]{1,3}(?:\/[xX]{1,3})?)(?![\w\]/-])/g;

function xStandsForValue(line: string, start: number, end: number): boolean {
  const token = line.slice(start, end);
  if (token.includes('/')) return true;
  const after = line.slice(end);
  if (/^%/.test(after)) return true;
  if (/^\s+(?:users?|submissions?|veterans?|people|days?|weeks?|hours?)\b/i.test(after)) return true;
  const before = line.slice(0, start);
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
