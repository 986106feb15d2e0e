// Blanks out what is not prose before the date scanner reads a line, keeping every offset where it
// was (each masked character becomes a space), so the expressions found map straight back onto the
// source. Masked: link targets and bare URLs (`_u.date00=20200930` is no date), inline code,
// HTML tags and comments, entities (`&nbsp;`), ticket numbers (`#92287`), struck-through text
// (`~~2 weeks~~` is no longer the plan), and the emphasis / escape characters that markdown puts
// inside dates (`**2/20/25 - 2/25/25**`, `May 19, 2026 \- May 26, 2026`).

function blank(chars: string[], start: number, end: number): void {
  for (let i = Math.max(0, start); i < Math.min(end, chars.length); i++) chars[i] = ' ';
}

function blankMatches(chars: string[], text: string, re: RegExp): void {
  for (const m of text.matchAll(re)) blank(chars, m.index, m.index + m[0].length);
}

const MAX_TILDE_RUNS = 64;

// made once: a pattern literal in the function would be a new RegExp object per character tested
const SPACE = /\s/;
const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;
const isSpace = (c: string | undefined): boolean => c === undefined || SPACE.test(c);
const isAlnum = (c: string | undefined): boolean => c !== undefined && LETTER_OR_DIGIT.test(c);

/**
 * GFM strikethrough: a run of one or two tildes opens when followed by non-space and not preceded by
 * a letter/digit, closes when preceded by non-space and not followed by one. A lone `~` before a
 * date or length (`~Aug 1`, `~2 weeks`) has no closer and so means "about", as it should.
 */
function blankStrikethrough(chars: string[], text: string): void {
  const runs: Array<{ start: number; end: number; opens: boolean; closes: boolean }> = [];
  for (const m of text.matchAll(/~+/g)) {
    const start = m.index;
    const end = start + m[0].length;
    if (end - start > 2) continue;
    const before = text[start - 1];
    const after = text[end];
    runs.push({ start, end, opens: !isSpace(after) && !isAlnum(before), closes: !isSpace(before) && !isAlnum(after) });
  }
  // Pairing is quadratic in the number of tilde runs; a line with hundreds of them is no prose.
  if (runs.length > MAX_TILDE_RUNS) return;
  for (let i = 0; i < runs.length; i++) {
    const open = runs[i];
    if (!open.opens) continue;
    for (let j = i + 1; j < runs.length; j++) {
      const close = runs[j];
      if (close.closes && close.end - close.start === open.end - open.start) {
        blank(chars, open.start, close.end);
        i = j;
        break;
      }
    }
  }
}

export function maskLine(text: string): string {
  const chars = text.split('');
  blankMatches(chars, text, /<!--.*?(?:-->|$)/g);
  blankMatches(chars, text, /`[^`]*`/g);
  blankMatches(chars, text, /\]\([^)\s]*(?:\s+"[^"]*")?\)/g);
  blankMatches(chars, text, /<https?:[^>]*>/g);
  blankMatches(chars, text, /\b(?:https?:\/\/|www\.)[^\s)\]>|]*/g);
  blankMatches(chars, text, /<\/?[A-Za-z][^>]*>/g);
  blankMatches(chars, text, /&[a-zA-Z]+;|&#\d+;/g);
  blankMatches(chars, text, /#\d+/g);
  blankStrikethrough(chars, text);
  // Emphasis and escapes last: they only ever become spaces, so earlier masks are unaffected.
  for (let i = 0; i < chars.length; i++) {
    const c = chars[i];
    if (c === '*' || c === '_') chars[i] = ' ';
    else if (c === '\\' && i + 1 < chars.length && /[!-/:-@[-`{-~]/.test(chars[i + 1])) chars[i] = ' ';
  }
  return chars.join('');
}
