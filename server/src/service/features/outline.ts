// The plan's outline as a reader means it, not as its headings nest: the toggle table with its
// toggles, each phase with the stages it holds (a stage carries `Stage B · 25% · Mon 3/10 – Fri 3/14`
// as detail), and the check-in sections. Stages written as list items or table rows appear like
// heading stages, which a markdown heading outline cannot show. Also the folding ranges of the same
// parts, and the workspace-wide toggle search.
import type { LocalDate } from '../dates/calendar';
import type { Position, Range, ReleasePlan, SectionKind } from '../parse/model';
import { coversLine, lineIndexOf } from '../parse/text';
import type { ToggleInfo } from '../toggles/types';
import { rolloutStatus } from './rollout';
import { rolloutNames } from './rolloutNames';
import { stageDetail } from './rolloutText';

export type PlanSymbolKind = 'toggles' | 'toggle' | 'phase' | 'rollout' | 'stage' | 'section' | 'timeline';

export interface PlanSymbol {
  name: string;
  detail?: string;
  kind: PlanSymbolKind;
  /** The whole part (what the editor highlights and breadcrumbs follow). */
  range: Range;
  /** The name in the text; always inside `range`. */
  selectionRange: Range;
  children: PlanSymbol[];
}

const SECTION_NAMES: Partial<Record<SectionKind, string>> = {
  rollback: 'Rollback plan',
  'post-launch': 'Post-launch',
  'week-1': '1-week results',
  'month-1': '1-month results',
  'post-launch-questions': 'Post-launch questions',
  'go-live': 'Go live',
};

function before(a: Position, b: Position): boolean {
  return a.line < b.line || (a.line === b.line && a.character <= b.character);
}

function contains(outer: Range, inner: Range): boolean {
  return before(outer.start, inner.start) && before(inner.end, outer.end);
}

function union(a: Range, b: Range): Range {
  return { start: before(a.start, b.start) ? a.start : b.start, end: before(a.end, b.end) ? b.end : a.end };
}

/** Keeps the selection inside the range, as LSP requires (a list stage's item is its whole range). */
function symbol(name: string, kind: PlanSymbolKind, range: Range, selection: Range, detail?: string): PlanSymbol {
  const out: PlanSymbol = { name, kind, range: contains(range, selection) ? range : union(range, selection), selectionRange: selection, children: [] };
  if (detail) out.detail = detail;
  return out;
}

/** Where the generated timeline block sits, between its marker comments (see timelineDiagram.ts). */
export interface MarkedBlock {
  range: Range;
}

export function provideDocumentSymbols(plan: ReleasePlan, today: LocalDate, timeline?: MarkedBlock): PlanSymbol[] {
  const top: PlanSymbol[] = [];
  // The toggle table, not its whole markdown section: stages written under `## Feature Toggles` as
  // `###` headings belong to the rollout, not to the table.
  const tableToggles = plan.toggles.filter((t) => t.source === 'table');
  const togglesSection = plan.sections.find((s) => s.kind === 'toggles');
  const inSection = togglesSection ? tableToggles.filter((t) => contains(togglesSection.range, t.range)) : [];
  const group = (name: string, selection: Range, toggles: typeof tableToggles) => {
    const last = toggles[toggles.length - 1];
    const range = last ? union(selection, last.range) : selection;
    const table = symbol(name, 'toggles', range, selection, toggles.length ? `${toggles.length} toggle${toggles.length === 1 ? '' : 's'}` : undefined);
    for (const t of toggles) table.children.push(symbol(t.name, 'toggle', t.range, t.range, t.description?.text));
    top.push(table);
  };
  if (togglesSection) group(togglesSection.heading.text, togglesSection.heading.range, inSection);
  const rest = tableToggles.filter((t) => !inSection.includes(t));
  if (rest.length) group('Feature toggles', rest[0].range, rest);
  if (timeline) top.push(symbol('Timeline diagram', 'timeline', timeline.range, { start: timeline.range.start, end: timeline.range.start }));

  const phases = plan.phases.map((p) => symbol(p.heading.text, 'phase', p.range, p.heading.range, `Phase ${p.label}`));
  // The phase a part belongs to: the innermost one whose section holds it, else the last phase
  // before it when nothing else starts in between (`### Phase II: Staged Rollout` followed by sibling
  // `### Stage A` headings is how the template writes it).
  const place = (part: PlanSymbol, line: number) => {
    const owner =
      [...phases].reverse().find((p) => coversLine(p.range, line)) ??
      [...phases].reverse().find((p) => p.range.start.line < line && !plan.sections.some((x) => x.heading.line > p.range.end.line && x.heading.line < line));
    if (owner) {
      owner.children.push(part);
      owner.range = union(owner.range, part.range);
    } else {
      top.push(part);
    }
  };
  const status = rolloutStatus(plan, today);
  const stageSymbols = status.stages.map((s) => ({ s, symbol: symbol(s.stage.heading.text, 'stage', s.stage.range, s.stage.heading.range, stageDetail(s, today)) }));
  const names = rolloutNames(plan);
  if (!names) {
    for (const { s, symbol: stage } of stageSymbols) place(stage, s.stage.heading.range.start.line);
  } else {
    // several rollouts: each rollout (named by its heading) holds its own stages
    for (const rollout of plan.rollouts) {
      const own = stageSymbols.filter((x) => x.s.stage.rollout === rollout.index).map((x) => x.symbol);
      if (own.length === 0) continue;
      const { name, heading } = names[rollout.index];
      const selection = heading?.range ?? own[0].selectionRange;
      const range = own.reduce((r, st) => union(r, st.range), selection);
      const group = symbol(name, 'rollout', range, selection, `Rollout ${rollout.index + 1} of ${plan.rollouts.length} · ${own.length} stage${own.length === 1 ? '' : 's'}`);
      group.children.push(...own);
      place(group, selection.start.line);
    }
  }
  top.push(...phases);
  for (const section of plan.sections) {
    const name = SECTION_NAMES[section.kind];
    if (!name) continue;
    // a section that is also a phase (Phase I/II headings) is already there
    if (plan.phases.some((p) => p.heading.line === section.heading.line)) continue;
    top.push(symbol(section.heading.text || name, 'section', section.range, section.heading.range, name));
  }
  return nest(top);
}

/** Document order, with a part that lies inside an earlier one under it (`1-week results` under `Post-launch`). */
function nest(symbols: PlanSymbol[]): PlanSymbol[] {
  const sorted = [...symbols].sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character || b.range.end.line - a.range.end.line);
  const out: PlanSymbol[] = [];
  const stack: PlanSymbol[] = [];
  for (const s of sorted) {
    while (stack.length && !contains(stack[stack.length - 1].range, s.range)) stack.pop();
    const parent = stack[stack.length - 1];
    if (parent) parent.children.push(s);
    else out.push(s);
    stack.push(s);
  }
  const byStart = (list: PlanSymbol[]) => {
    list.sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
    for (const s of list) byStart(s.children);
  };
  byStart(out);
  return out;
}

export interface FoldRange {
  startLine: number;
  endLine: number;
  kind?: 'region' | 'comment';
}

/** Folds for every part the outline shows (more than one line), plus the timeline block as a region. */
export function provideFoldingRanges(plan: ReleasePlan, timeline?: MarkedBlock): FoldRange[] {
  const out: FoldRange[] = [];
  const lines = lineIndexOf(plan);
  const seen = new Set<string>();
  const add = (startLine: number, endLine: number, kind?: FoldRange['kind']) => {
    // a part's last line is often the blank one before the next heading: keep it visible
    let end = Math.min(endLine, lines.lineCount - 1);
    while (end > startLine && lines.lineText(end).trim() === '') end--;
    if (end <= startLine) return;
    const key = `${startLine}:${end}`;
    if (seen.has(key)) return;
    seen.add(key);
    const r: FoldRange = { startLine, endLine: end };
    if (kind) r.kind = kind;
    out.push(r);
  };
  for (const p of plan.phases) add(p.heading.line, p.range.end.line);
  for (const s of plan.stages) add(s.heading.range.start.line, s.range.end.line);
  for (const s of plan.sections) add(s.heading.line, s.range.end.line);
  for (const c of plan.comments) add(c.range.start.line, c.range.end.line, 'comment');
  if (timeline) add(timeline.range.start.line, timeline.range.end.line, 'region');
  return out.sort((a, b) => a.startLine - b.startLine || b.endLine - a.endLine);
}

export interface ToggleSymbol {
  name: string;
  uri: string;
  range: Range;
  /** The plan it is in, for the symbol's container. */
  container: string;
}

/**
 * `workspace/symbol`: every use of a toggle whose name contains the query's characters in order
 * (what editors' symbol pickers expect), across the workspace's plans. `open` plans (the editor's
 * buffers, possibly unsaved) replace what the index read from disk for the same file.
 */
export function provideWorkspaceToggleSymbols(query: string, indexed: readonly ToggleInfo[], open: ReadonlyArray<{ uri: string; label: string; plan: ReleasePlan }>, limit = 500): ToggleSymbol[] {
  const openUris = new Set(open.map((o) => o.uri));
  const out: ToggleSymbol[] = [];
  const q = query.toLowerCase().replace(/\s+/g, '');
  const matches = (name: string) => {
    let i = 0;
    const n = name.toLowerCase();
    for (const ch of q) {
      i = n.indexOf(ch, i);
      if (i < 0) return false;
      i++;
    }
    return true;
  };
  for (const o of open) {
    for (const t of o.plan.toggles) if (matches(t.name)) out.push({ name: t.name, uri: o.uri, range: t.range, container: o.label });
  }
  for (const info of indexed) {
    if (!info.uri || !info.range || openUris.has(info.uri) || !matches(info.name)) continue;
    out.push({ name: info.name, uri: info.uri, range: info.range, container: info.sourceLabel });
  }
  return out.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : a.uri < b.uri ? -1 : a.uri > b.uri ? 1 : a.range.start.line - b.range.start.line)).slice(0, limit);
}
