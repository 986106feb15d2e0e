// Completions in a release plan: toggle names (in the toggle table, in backticks, as Flipper link text
// and in the Flipper URL path, whose whole URL can be completed too), ranked this plan's toggles first,
// then the registry's, then other plans'; and the template's vocabulary: answers at a `[PICK_ONE]`,
// the next stage label and percentage in a new stage heading, and section headings the plan lacks.
// Pure: a function of the parsed plan, a position and the catalog.
import { lineIndexOf, type LineIndex } from '../parse/index';
import type { Position, Range, ReleasePlan, SectionKind, Stage } from '../parse/model';
import { pickOneAnswers } from '../parse/queries';
import { rangeOnLine } from '../parse/text';
import { toggleColumns } from '../parse/toggles';
import type { CatalogEntry, CatalogView } from '../toggles/catalog';
import type { ToggleOrigin } from '../toggles/types';

export type CompletionSuggestionKind = 'toggle' | 'url' | 'answer' | 'stage' | 'heading';

export interface CompletionSuggestion {
  label: string;
  kind: CompletionSuggestionKind;
  /** One line: the description and where the toggle is known from. */
  detail?: string;
  insertText: string;
  /** The text the suggestion replaces (on the position's line). */
  range: Range;
  /** What the editor filters on, when it differs from the label. */
  filterText?: string;
  /** Ranking: suggestions sort by this. */
  sortText: string;
  preselect?: boolean;
}

export interface CompletionOptions {
  /** Flipper UI base for completed link URLs; default: the plan's own Flipper links, else VA.gov's. */
  flipperUiBase?: string;
}

/** What completions need from the catalog: `ToggleCatalog.withDocument(plan, uri)`. */
export type CompletionCatalog = Pick<CatalogView, 'entries' | 'flipperName'>;

const DEFAULT_FLIPPER_FEATURES = 'https://api.va.gov/flipper/features/';
const ORIGIN_RANK: Record<ToggleOrigin, number> = { document: 0, registry: 1, workspace: 2 };
const WORD_AFTER = /^[A-Za-z0-9_]*/;

// The sections of the current VA template, in template order, with the template's wording and depth.
const TEMPLATE_SECTIONS: ReadonlyArray<{ kind: SectionKind; depth: number; text: string }> = [
  { kind: 'toggles', depth: 2, text: 'Feature Toggles' },
  { kind: 'rollback', depth: 3, text: 'Define Rollback process' },
  { kind: 'phase-1', depth: 3, text: 'Phase I: moderated production testing (also known as User Acceptance Testing, or UAT)' },
  { kind: 'phase-2', depth: 3, text: 'Phase II: Staged Rollout (also known as unmoderated production testing)' },
  { kind: 'rollout-planning', depth: 4, text: 'Rollout Planning' },
  { kind: 'post-launch', depth: 2, text: 'Post Launch metrics' },
  { kind: 'week-1', depth: 3, text: '1-week results' },
  { kind: 'month-1', depth: 3, text: '1-month results' },
  { kind: 'post-launch-questions', depth: 2, text: 'Post-launch Questions' },
];

// The template's rollout ladder (Canary, then 25/50/75/100% of users).
const PERCENTAGE_LADDER = [25, 50, 75, 100];

export interface Completions {
  items: CompletionSuggestion[];
  /**
   * The toggle names were narrowed to those that match what is typed (a registry has hundreds; sending
   * them all on every keystroke cost more than the rest of the request): the editor must ask again
   * as the user types on, not filter this list.
   */
  incomplete: boolean;
}

const NONE: Completions = { items: [], incomplete: false };
const all = (items: CompletionSuggestion[]): Completions => ({ items, incomplete: false });

export function provideCompletions(
  plan: ReleasePlan,
  position: Position,
  catalog: CompletionCatalog,
  options: CompletionOptions = {},
): Completions {
  if (plan.codeBlocks.some((r) => position.line >= r.start.line && position.line <= r.end.line)) return NONE;
  const lines = lineIndexOf(plan);
  if (position.line >= lines.lineCount) return NONE;
  const text = lines.lineText(position.line);
  const col = Math.min(position.character, text.length);
  const before = text.slice(0, col);
  const after = text.slice(col);
  const line = position.line;

  const heading = /^ {0,3}(#{1,6})(?:[ \t]+(.*))?$/.exec(before);
  if (heading && after.trim() === '') return all(headingCompletions(plan, line, before, heading[1], heading[2] ?? ''));

  const pick = pickOneCompletions(plan, position);
  if (pick.length) return all(pick);

  const wordEnd = col + (WORD_AFTER.exec(after)?.[0].length ?? 0);
  const partial = /[A-Za-z0-9_]*$/.exec(before)![0];
  const nameRange = rangeOnLine(line, col - partial.length, wordEnd);

  // In a Flipper URL's path: the name Flipper knows.
  if (/\/flipper\/features\/[A-Za-z0-9_]*$/.test(before)) return toggleItems(plan, position, catalog, nameRange, 'flipper', partial);

  // In a link target that is heading for a Flipper URL: complete the whole URL.
  const target = /\]\(\s*<?([^\s()<>]*)$/.exec(before);
  if (target) {
    const base = options.flipperUiBase ?? planFlipperBase(plan) ?? DEFAULT_FLIPPER_FEATURES;
    const typed = target[1];
    if (!base.toLowerCase().startsWith(typed.toLowerCase())) return NONE;
    const targetEnd = col + (/^[^\s()<>]*/.exec(after)?.[0].length ?? 0);
    const range = rangeOnLine(line, col - typed.length, targetEnd);
    const linkText = /\[`?([A-Za-z0-9_]+)`?\]\(\s*<?[^\s()<>]*$/.exec(before)?.[1];
    if (linkText) {
      const name = catalog.flipperName(linkText);
      return all([{ label: base + name, kind: 'url', detail: `Flipper UI page of ${name}`, insertText: base + encodeURIComponent(name), range, sortText: '0', preselect: true }]);
    }
    // what is typed is a start of the base URL, which every name follows: nothing to narrow by
    const names = toggleItems(plan, position, catalog, range, 'flipper', '');
    return all(
      names.items.map((item) => ({
        ...item,
        kind: 'url' as const,
        label: base + item.insertText,
        insertText: base + encodeURIComponent(item.insertText),
        filterText: base + item.insertText,
      })),
    );
  }

  const inBackticks = (before.match(/`/g)?.length ?? 0) % 2 === 1;
  const inLinkText = /\[`?[A-Za-z0-9_]*$/.test(before) && /^[A-Za-z0-9_]*`?\]\([^)]*flipper/i.test(after);
  if (inBackticks || inLinkText || inToggleColumn(lines, line, before)) {
    if (/[^A-Za-z0-9_`[\s*|:]$/.test(before.slice(0, col - partial.length))) return NONE;
    return toggleItems(plan, position, catalog, nameRange, 'name', partial);
  }
  return NONE;
}

/**
 * Does every character of `typed` occur in `label` in order, ignoring case? Editors filter a completion
 * list at least this strictly (VS Code's fuzzy match, Neovim's prefix match), so a list narrowed by it
 * never loses an item the editor would have shown.
 */
export function matchesTyped(typed: string, label: string): boolean {
  const t = typed.toLowerCase();
  const l = label.toLowerCase();
  let at = 0;
  for (const ch of t) {
    at = l.indexOf(ch, at) + 1;
    if (at === 0) return false;
  }
  return true;
}

/** The Flipper features base the plan already links to, so completed links match their neighbours. */
function planFlipperBase(plan: ReleasePlan): string | undefined {
  for (const t of plan.toggles) {
    const m = t.link && /^(https?:\/\/[^\s]*\/flipper\/features\/)/i.exec(t.link.target);
    if (m) return m[1];
  }
  return undefined;
}

function splitCells(row: string): string[] {
  return row.split(/(?<!\\)\|/);
}

/** Is the cursor in the name column of a toggle table (header row and separator above it)? */
function inToggleColumn(lines: LineIndex, line: number, before: string): boolean {
  if (!before.trimStart().startsWith('|')) return false;
  let header = line;
  while (header > 0 && lines.lineText(header - 1).trimStart().startsWith('|')) header--;
  if (line - header < 2) return false;
  if (!/^\s*\|?\s*:?-{3,}/.test(lines.lineText(header + 1))) return false;
  const headerCells = splitCells(lines.lineText(header).trim());
  // A leading `|` leaves an empty first piece; cell indexes count from the first real cell.
  const cells = headerCells.slice(headerCells[0].trim() === '' ? 1 : 0).map((c) => c.trim());
  const columns = toggleColumns(cells);
  if (!columns) return false;
  const beforeCells = splitCells(before.trim());
  const cellIndex = beforeCells.length - 1 - (beforeCells[0].trim() === '' ? 1 : 0);
  return cellIndex === columns.name;
}

function sourceSummary(entry: CatalogEntry): string {
  const labels: string[] = [];
  for (const info of entry.infos) {
    const label = info.origin === 'workspace' ? `plan ${info.sourceLabel}` : info.sourceLabel;
    if (!labels.includes(label)) labels.push(label);
  }
  const shown = labels.slice(0, 2).join(', ');
  return labels.length > 2 ? `${shown} +${labels.length - 2}` : shown;
}

function toggleItems(
  plan: ReleasePlan,
  position: Position,
  catalog: CompletionCatalog,
  range: Range,
  spelling: 'name' | 'flipper',
  typed: string,
): Completions {
  // The toggle being typed is in this plan's table already (half-written); offering it back is noise.
  const beingTyped = plan.toggles.find((t) => t.range.start.line === position.line && t.range.start.character <= position.character && position.character <= t.range.end.character);
  const items: CompletionSuggestion[] = [];
  let narrowed = false;
  for (const entry of catalog.entries()) {
    const label = spelling === 'flipper' ? entry.flipperName : entry.name;
    if (typed && !matchesTyped(typed, label)) {
      narrowed = true;
      continue;
    }
    const infos = beingTyped ? entry.infos.filter((i) => !(i.origin === 'document' && i.range?.start.line === position.line)) : entry.infos;
    if (infos.length === 0) continue;
    const best = infos[0].origin;
    const source = sourceSummary({ ...entry, infos });
    items.push({
      label,
      kind: 'toggle',
      detail: entry.description ? `${entry.description} (${source})` : `(${source})`,
      insertText: label,
      range,
      sortText: `${ORIGIN_RANK[best]}_${label.toLowerCase()}`,
    });
  }
  items.sort((a, b) => (a.sortText < b.sortText ? -1 : a.sortText > b.sortText ? 1 : 0));
  return { items, incomplete: narrowed };
}

/** Answers at a `[PICK_ONE]` marker: they replace the marker and its option list. */
function pickOneCompletions(plan: ReleasePlan, position: Position): CompletionSuggestion[] {
  for (const p of plan.placeholders) {
    if (p.kind !== 'pick-one' || p.range.start.line !== position.line) continue;
    const end = p.options && p.options.range.end.line === position.line ? p.options.range.end : p.range.end;
    if (position.character < p.range.start.character || position.character > end.character) continue;
    const answers = pickOneAnswers(p);
    const range = { start: p.range.start, end };
    return answers.map((answer, i) => ({
      label: answer,
      kind: 'answer' as const,
      detail: `answer ${p.text}`,
      insertText: answer,
      // The editor filters on the text being replaced (the marker), so every answer must match it.
      filterText: `${p.text} ${answer}`,
      range,
      sortText: String(i),
    }));
  }
  return [];
}

const LETTERS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
const ROMANS = ['I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII', 'IX', 'X', 'XI', 'XII'];

function nextLabel(previous: Stage | undefined): string {
  if (!previous) return 'A';
  if (previous.labelKind === 'roman') return ROMANS[previous.ordinal] ?? String(previous.ordinal + 1);
  if (previous.labelKind === 'number') return String(previous.ordinal + 1);
  return LETTERS[previous.ordinal] ?? LETTERS[LETTERS.length - 1];
}

function headingCompletions(plan: ReleasePlan, line: number, before: string, hashes: string, typed: string): CompletionSuggestion[] {
  const start = before.length - before.trimStart().length;
  const range = rangeOnLine(line, start, before.length);
  const items: CompletionSuggestion[] = [];

  const lower = typed.toLowerCase();
  if ('stage'.startsWith(lower) || lower.startsWith('stage')) {
    const previous = plan.stages.filter((s) => s.source === 'heading' && s.heading.range.start.line < line).pop();
    const label = nextLabel(previous);
    const depth = previous?.headingDepth ?? hashes.length;
    const prefix = `${'#'.repeat(depth)} `;
    let heading: string;
    if (!previous) heading = `Stage ${label}: Canary`;
    else {
      const prev = previous.percentage?.value ?? 0;
      const pct = PERCENTAGE_LADDER.find((p) => p > prev);
      heading = pct === undefined ? `Stage ${label}` : `Stage ${label}: ${pct}% of users`;
    }
    items.push({ label: heading, kind: 'stage', detail: previous ? `next stage after Stage ${previous.label}` : 'first stage', insertText: prefix + heading, filterText: `${hashes} ${heading}`, range, sortText: '0', preselect: true });
  }

  const present = new Set(plan.sections.map((s) => s.kind));
  if (plan.toggles.some((t) => t.source === 'table')) present.add('toggles');
  TEMPLATE_SECTIONS.forEach((section, i) => {
    if (present.has(section.kind)) return;
    items.push({
      label: section.text,
      kind: 'heading',
      detail: 'template section missing from this plan',
      insertText: `${'#'.repeat(section.depth)} ${section.text}`,
      filterText: `${hashes} ${section.text}`,
      range,
      sortText: `1_${String(i).padStart(2, '0')}`,
    });
  });
  return items;
}
