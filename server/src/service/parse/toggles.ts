// Toggle names from toggle tables (every cell shape the corpus uses) and from prose near a
// toggle/flag mention.
import type { LinkSpan } from './blocks';
import type { Toggle } from './model';
import type { LineIndex } from './text';

const FLIPPER_PATH = /\/flipper\/features\/([^/?#\s)]+)/;
const IDENT = /^[A-Za-z][A-Za-z0-9_]*$/;

/**
 * The toggle a Flipper URL names, percent-decoded. A malformed escape (`%`, `%_`, a truncated
 * `%E0%A4`) makes the link name no toggle: it stays text, and one typo never stops the parse.
 */
export function flipperFeatureName(url: string): string | undefined {
  const m = FLIPPER_PATH.exec(url);
  if (!m) return undefined;
  try {
    return decodeURIComponent(m[1]);
  } catch {
    return undefined;
  }
}

/** Plausible as a toggle name when written bare (no backticks or link). */
function looksLikeBareToggle(name: string): boolean {
  if (!IDENT.test(name) || name.length < 3) return false;
  if (name.includes('_')) return true;
  if (/[a-z][A-Z]/.test(name)) return true;
  return /^[a-z]+$/.test(name) && name.length >= 4;
}

// Flipper's own API vocabulary shows up in backticks next to the word "toggle" ("we'll call
// `enable_percentage_of_actors`"); those are methods, not toggle names.
const FLIPPER_API_WORDS = new Set(['enable_percentage_of_actors', 'enable_percentage_of_time', 'disable_percentage_of_actors', 'disable_percentage_of_time', 'enable_actor', 'disable_actor', 'enable_group', 'disable_group', 'current_user', 'feature_toggles', 'percentage_of_actors', 'percentage_of_time']);

/** Plausible as a toggle name in backticks in prose: snake_case or camelCase. */
export function looksLikeCodeToggle(name: string): boolean {
  return !FLIPPER_API_WORDS.has(name) && IDENT.test(name) && name.length >= 3 && (name.includes('_') || /[a-z][A-Z]/.test(name));
}

/** Is this table header the header of a toggle table? Returns the name and description columns. */
export function toggleColumns(header: string[]): { name: number; description?: number } | undefined {
  const name = header.findIndex((h) => /toggle|flag|flipper/i.test(h) && !/possible with|status|state|enabled\?/i.test(h));
  if (name < 0) return undefined;
  let description: number | undefined = header.findIndex((h, i) => i !== name && /description|purpose|what it does|notes?/i.test(h));
  if (description < 0) description = header.length > name + 1 ? name + 1 : undefined;
  return { name, description };
}

/**
 * Extracts the toggles written in one table cell. `cell` is the cell's source text starting at document
 * offset `base`; `linkAt` finds the parsed link containing an offset (see spanFinder).
 */
export function togglesInCell(cell: string, base: number, lines: LineIndex, linkAt: (offset: number) => LinkSpan | undefined, requireShape: boolean): Toggle[] {
  const out: Toggle[] = [];
  const pieceRe = /[^,;]+?(?=<br\s*\/?>|[,;]|$)/gi;
  for (let m = pieceRe.exec(cell); m; m = pieceRe.exec(cell)) {
    if (m[0].length === 0) {
      pieceRe.lastIndex++;
      continue;
    }
    let piece = m[0];
    let at = m.index;
    const br = /^(?:<br\s*\/?>)+/i.exec(piece);
    if (br) {
      piece = piece.slice(br[0].length);
      at += br[0].length;
    }
    const lead = /^\s*/.exec(piece)![0].length;
    piece = piece.slice(lead).replace(/\s+$/, '');
    at += lead;
    let prefix: string | undefined;
    const pre = /^(?:\*\*|__)?([A-Za-z][A-Za-z ]{0,15}):(?:\*\*|__)?\s*(?=[[`A-Za-z])/.exec(piece);
    if (pre && !/^https?$/i.test(pre[1])) {
      prefix = pre[1].trim();
      piece = piece.slice(pre[0].length);
      at += pre[0].length;
    }
    const abs = base + at;
    const link = /^\[(`?)([^\]`]+)\1\]\(\s*<?([^)\s>]+)>?\s*\)/.exec(piece);
    if (link) {
      const name = link[2].trim();
      if (!IDENT.test(name)) continue;
      const nameStart = abs + 1 + link[1].length;
      const linkSpan = linkAt(abs);
      const target = linkSpan?.url ?? link[3];
      const targetStart = abs + piece.indexOf('](') + 2;
      out.push({
        name,
        range: lines.range(nameStart, nameStart + name.length),
        source: 'table',
        backticked: link[1] === '`',
        link: { target, range: lines.range(targetStart, targetStart + link[3].length), featureName: flipperFeatureName(target) },
        prefix,
      });
      continue;
    }
    const code = /^(\*\*|__)?`([^`]+)`/.exec(piece);
    if (code) {
      const name = code[2].trim();
      if (!IDENT.test(name)) continue;
      const s = abs + (code[1]?.length ?? 0) + 1 + code[2].indexOf(name);
      out.push({ name, range: lines.range(s, s + name.length), source: 'table', backticked: true, prefix });
      continue;
    }
    const bare = /^(\*\*|__)?([A-Za-z][A-Za-z0-9_]*)(\*\*|__)?$/.exec(piece);
    if (bare && (!requireShape || looksLikeBareToggle(bare[2])) && looksLikeBareToggle(bare[2])) {
      const s = abs + (bare[1]?.length ?? 0);
      out.push({ name: bare[2], range: lines.range(s, s + bare[2].length), source: 'table', backticked: false, prefix });
    }
  }
  return out;
}
