// parsePlan: markdown text → ReleasePlan. remark parses each heading-delimited chunk (cached by its
// text, see markdown.ts); this module walks the flattened blocks once, keeping the reader's context
// (which phase, which stage, Planning or Results) the way a person reading the plan would.
import type { BlockScan, HeadingBlock, TableBlock } from './blocks';
import { analyzeChunk, shiftInto } from './chunkAnalysis';
import { normalizeLabel, splitField, splitLine } from './fields';
import type { Field, Heading, HtmlComment, Phase, Placeholder, Range, ReleasePlan, Section, SectionKind, Stage, StageLabelKind, StageSource, TextSpan, Toggle } from './model';
import { splitChunks } from './sections';
import { spanFinder } from './spanFinder';
import { romanValue } from './stageLabels';
import { bomAsSpace, detectEol, LineIndex, lineIndexOf, trimOffsets } from './text';
import { flipperFeatureName, looksLikeCodeToggle, toggleColumns, togglesInCell } from './toggles';

export type * from './model';
export { LineIndex, containsPosition, lineIndexOf } from './text';
export { normalizeLabel } from './fields';

/** Empties every text-keyed cache the parser keeps (benchmarks measure a cold parse with it). */
export function clearParseCaches(): void {
  analyzeChunk.clear();
  splitLine.clear();
  normalizeLabel.clear();
}
export { flipperFeatureName } from './toggles';

// `Stage A`, `Stage II`, `Stage 3`, and sub-stages inserted between two others: `Stage A.1`.
const STAGE_RE = /^[\s*_~]{0,4}[Ss]tage\s+(([A-Z]|[IVX]{1,5}|\d{1,2})(?:\.(\d{1,2}))?)(?![\w.])/;
const PHASE_RE = /^\W{0,4}(?:Step\s+\d+\s*[:\-–—]\s*)?Phase\s+(I{1,3}|IV|VI{0,3}|\d{1,2})(?:\s*\.\s*([A-Z0-9]{1,3}))?(?![\w])/i;
const PART_PLANNING = /^\W*(?:rollout\s+)?planning\W*$/i;
const PART_RESULTS = /^\W*results\W*$/i;
const PERCENT_RE = /(\d{1,3}(?:\.\d+)?)\s*%/;
const ROMAN = /^[IVX]+$/;

function sectionKind(text: string): SectionKind | undefined {
  if (/post[- ]?launch questions/i.test(text)) return 'post-launch-questions';
  if (/\b(?:1|one)[- ]?week\b/i.test(text)) return 'week-1';
  if (/\b(?:1|one)[- ]?month\b/i.test(text)) return 'month-1';
  if (/post[- ]?launch/i.test(text)) return 'post-launch';
  if (/rollback/i.test(text)) return 'rollback';
  if (/rollout planning/i.test(text)) return 'rollout-planning';
  if (/feature (?:toggles?|flags?)|toggle names?|flipper (?:toggles?|features?)/i.test(text)) return 'toggles';
  if (/^\W*go[- ]live\b/i.test(text)) return 'go-live';
  return undefined;
}

interface StageCandidate {
  /** The whole label (`A.1`), its base (`A`) and sub-stage number. */
  label: string;
  base: string;
  sub?: number;
  labelStart: number;
  rest: string;
  restStart: number;
}

/** Reads `Stage X…` at the start of `source` (source text starting at document offset `base`). */
function stageAt(source: string, base: number): StageCandidate | undefined {
  const m = STAGE_RE.exec(source);
  if (!m) return undefined;
  const labelStart = base + m.index + m[0].length - m[1].length;
  const after = m.index + m[0].length;
  return { label: m[1], base: m[2], sub: m[3] !== undefined ? parseInt(m[3], 10) : undefined, labelStart, rest: source.slice(after), restStart: base + after };
}

function labelKind(label: string, roman: boolean): StageLabelKind {
  if (/^\d+$/.test(label)) return 'number';
  return roman && ROMAN.test(label) ? 'roman' : 'letter';
}

function ordinalOf(label: string, kind: StageLabelKind): number {
  if (kind === 'number') return parseInt(label, 10);
  if (kind === 'roman') return romanValue(label);
  return label.charCodeAt(0) - 64;
}

export function parsePlan(input: string): ReleasePlan {
  const text = bomAsSpace(input);
  const lines = new LineIndex(text);
  const scan: BlockScan = { blocks: [], inlineCode: [], links: [], html: [] };
  const ids = { item: 0, list: 0 };
  const placeholders: Placeholder[] = [];
  for (const chunk of splitChunks(text)) {
    const a = analyzeChunk(chunk.text);
    shiftInto(scan, a, chunk.offset, ids.item, ids.list);
    ids.item += a.items;
    ids.list += a.lists;
    for (const m of a.placeholders) {
      const p: Placeholder = { kind: m.kind, text: text.slice(chunk.offset + m.start, chunk.offset + m.end), range: lines.range(chunk.offset + m.start, chunk.offset + m.end) };
      if (m.options) p.options = { text: m.options.text, values: m.options.values, range: lines.range(chunk.offset + m.options.start, chunk.offset + m.options.end) };
      placeholders.push(p);
    }
  }

  const span = (start: number, end: number): TextSpan => ({ text: text.slice(start, end), range: lines.range(start, end) });
  const blocks = scan.blocks;

  // ---- headings, code, comments
  const headings: Heading[] = [];
  const headingOf = new Map<HeadingBlock, Heading>();
  const codeBlocks: Range[] = [];
  for (const b of blocks) {
    if (b.kind === 'heading') {
      const h: Heading = { depth: b.depth, text: b.plain, range: lines.range(b.start, b.end), line: lines.positionAt(b.start).line };
      headings.push(h);
      headingOf.set(b, h);
    } else if (b.kind === 'code') codeBlocks.push(lines.range(b.start, b.end));
  }
  const comments: HtmlComment[] = [];
  for (const h of scan.html) {
    const re = /<!--([\s\S]*?)-->/g;
    for (let m = re.exec(h.value); m; m = re.exec(h.value)) {
      const start = h.start + m.index;
      comments.push({ text: m[1].trim(), range: lines.range(start, start + m[0].length) });
    }
  }
  comments.sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);

  // ---- heading-level structure: which headings are stages, results-of-stage, phases, sections
  const stageHeads: { block: HeadingBlock; cand: StageCandidate }[] = [];
  for (const b of blocks) {
    if (b.kind !== 'heading') continue;
    const cand = stageAt(text.slice(b.start, b.end), b.start);
    if (cand && !/^\W*results?\b/i.test(cand.rest)) stageHeads.push({ block: b, cand });
  }
  const roman = stageHeads.length > 0 && stageHeads.every((s) => ROMAN.test(s.cand.base)) && stageHeads.some((s) => s.cand.base.length > 1);

  const makeStage = (cand: StageCandidate, heading: TextSpan, source: StageSource, depth: number | undefined): Stage => {
    const kind = labelKind(cand.base, roman);
    const nameMatch = /^\s*(?:\*\*|__)?\s*[:\-–—.)]?\s*/.exec(cand.rest)!;
    const nameStart = cand.restStart + nameMatch[0].length;
    const name = text.slice(nameStart, lines.lineEnd(lines.positionAt(cand.restStart).line)).replace(/[*_]{2}/g, '').trim();
    const pm = PERCENT_RE.exec(cand.rest);
    let percentage: Stage['percentage'];
    if (pm) {
      const s = cand.restStart + pm.index;
      percentage = { value: parseFloat(pm[1]), text: pm[0], range: lines.range(s, s + pm[0].length) };
    }
    return {
      label: cand.label,
      labelKind: kind,
      ordinal: ordinalOf(cand.base, kind),
      ...(cand.sub !== undefined ? { sub: cand.sub } : {}),
      labelRange: lines.range(cand.labelStart, cand.labelStart + cand.label.length),
      name: source === 'heading' ? name.replace(/\s+$/, '') : name,
      heading,
      headingDepth: depth,
      percentage,
      optional: /\(optional\)/i.test(cand.rest),
      source,
      range: heading.range,
      fields: [],
      resultsHeadings: [],
    };
  };

  // ---- walk blocks in order
  const fields: Field[] = [];
  const fieldItemPath = new Map<Field, number[]>();
  const fieldByItem = new Map<number, Field>();
  const headingStages: Stage[] = [];
  const phases: Phase[] = [];
  const sections: Section[] = [];
  const toggles: Toggle[] = [];
  const listStageGroups = new Map<string, { stage: Stage; itemId: number }[]>();
  const orphanResults = new Map<string, Stage>();
  const tableCellRanges: Array<{ start: number; end: number }> = [];
  const linkAt = spanFinder(scan.links);

  let stage: Stage | undefined;
  let stageDepth = 0;
  let part: Field['part'];
  const openEnds: Array<{ depth: number; close: (endOffset: number) => void; stageLike: boolean }> = [];

  const closeUntil = (depth: number, offset: number, isBoundary: boolean) => {
    for (let i = openEnds.length - 1; i >= 0; i--) {
      if (openEnds[i].depth >= depth || (isBoundary && openEnds[i].stageLike)) {
        openEnds[i].close(offset);
        openEnds.splice(i, 1);
      }
    }
  };
  const endBefore = (beforeLine: number): number => {
    // the end of the last non-blank line before `beforeLine`
    let line = beforeLine - 1;
    while (line > 0 && lines.lineText(line).trim() === '') line--;
    return lines.lineEnd(Math.max(line, 0));
  };

  for (const b of blocks) {
    if (b.kind === 'heading') {
      const h = headingOf.get(b)!;
      const src = text.slice(b.start, b.end);
      const cand = stageAt(src, b.start);
      const kind = sectionKind(b.plain);
      const phaseMatch = PHASE_RE.exec(b.plain);
      const isPart = PART_PLANNING.test(b.plain) || PART_RESULTS.test(b.plain) || /^\W*(planning|results)\b/i.test(b.plain);
      const boundary = !!cand || !!kind || !!phaseMatch;

      // the stage (if any) ends at a boundary heading or a heading at its level or above
      if (stage && (boundary || (b.depth <= stageDepth && !isPart))) {
        stage = undefined;
        part = undefined;
      }
      closeUntil(b.depth, endBefore(h.line), boundary);

      if (cand && /^\W*results?\b/i.test(cand.rest)) {
        // `Stage A Results (5/13-5/15)` belongs to stage A
        // (when the stages are list items, the results collect on a stand-in merged in below)
        let owner = headingStages.find((s) => s.label === cand.label) ?? orphanResults.get(cand.label);
        if (!owner) {
          owner = makeStage(cand, span(b.start, b.end), 'heading', b.depth);
          orphanResults.set(cand.label, owner);
        }
        owner.resultsHeadings.push(h);
        stage = owner;
        stageDepth = b.depth;
        part = 'results';
      } else if (cand) {
        stage = makeStage(cand, span(b.start, b.end), 'heading', b.depth);
        const s = stage;
        headingStages.push(s);
        stageDepth = b.depth;
        part = undefined;
        openEnds.push({ depth: b.depth, stageLike: true, close: (end) => (s.range = lines.range(b.start, Math.max(end, b.end))) });
      } else if (stage && isPart) {
        part = PART_RESULTS.test(b.plain) || /^\W*results\b/i.test(b.plain) ? 'results' : 'planning';
      }

      if (phaseMatch && !cand) {
        const label = phaseMatch[1].toUpperCase() + (phaseMatch[2] ? '.' + phaseMatch[2].toUpperCase() : '');
        const phase: Phase = { label, heading: h, range: h.range, fields: [] };
        phases.push(phase);
        const sec: Section = { kind: /^(I|1)(\.|$)/.test(label) ? 'phase-1' : 'phase-2', heading: h, range: h.range, fields: [] };
        if (/^(I|II|1|2)(\.|$)/.test(label)) sections.push(sec);
        openEnds.push({
          depth: b.depth,
          stageLike: false,
          close: (end) => {
            phase.range = lines.range(b.start, Math.max(end, b.end));
            sec.range = phase.range;
          },
        });
      } else if (kind && !cand) {
        const sec: Section = { kind, heading: h, range: h.range, fields: [] };
        sections.push(sec);
        openEnds.push({ depth: b.depth, stageLike: false, close: (end) => (sec.range = lines.range(b.start, Math.max(end, b.end))) });
      }
      continue;
    }

    if (b.kind === 'line') {
      const lineSrc = text.slice(b.start, b.end);
      const plain = lineSrc.replace(/[*_]/g, '').trim();
      if (stage && b.listDepth === 0 && (PART_PLANNING.test(plain) || PART_RESULTS.test(plain))) {
        part = PART_RESULTS.test(plain) ? 'results' : 'planning';
        continue;
      }
      // list / checklist stages (`1. Stage A: 10% of users on 12/12`, `- [ ] Stage B: 5%`)
      if (b.itemStart) {
        const cand = stageAt(lineSrc.replace(/^\[[ xX]\]\s/, '    '), b.start);
        if (cand && /^\s*(?:\*\*|__)?\s*:/.test(cand.rest)) {
          const src: StageSource = b.checked !== null ? 'checklist' : 'list';
          const st = makeStage(cand, span(b.start, b.end), src, undefined);
          const key = `list:${b.listId}`;
          const group = listStageGroups.get(key) ?? [];
          group.push({ stage: st, itemId: b.itemPath[b.itemPath.length - 1] });
          listStageGroups.set(key, group);
        }
      }
      const self = b.itemPath[b.itemPath.length - 1];
      if (b.listDepth > 0 && !b.itemStart) {
        // a lazy continuation line of an item continues that item's field value
        const owner = fieldByItem.get(self);
        if (owner) owner.children.push(span(b.start, b.end));
        continue;
      }
      if (b.listDepth > 0) {
        for (let i = b.itemPath.length - 2; i >= 0; i--) {
          const owner = fieldByItem.get(b.itemPath[i]);
          if (owner) {
            owner.children.push(span(b.start, b.end));
            break;
          }
        }
      }
      const split = splitField(lineSrc, b.start);
      if (!split) continue;
      const [vs, ve] = trimOffsets(text, split.valueStart, b.end);
      const f: Field = {
        label: split.label,
        labelRange: lines.range(split.labelStart, split.labelEnd),
        value: text.slice(vs, ve),
        valueRange: lines.range(vs, ve),
        children: [],
        line: lines.positionAt(b.start).line,
        part: stage ? part : undefined,
      };
      fields.push(f);
      fieldItemPath.set(f, b.itemPath);
      if (b.listDepth > 0) fieldByItem.set(self, f);
      if (stage) stage.fields.push(f);
      continue;
    }

    if (b.kind === 'table') {
      tableToggles(b);
    }
  }
  closeUntil(0, endBefore(lines.lineCount), true);
  // text.length may sit on an empty last line; end at the last content instead
  for (const s of headingStages) if (s.range.end.line < s.range.start.line) s.range = s.heading.range;

  function tableToggles(b: TableBlock): void {
    if (b.rows.length < 2) return;
    const cellText = (c: { start: number; end: number }) => text.slice(c.start, c.end);
    const header = b.rows[0].cells.map((c) => cellText(c).replace(/[*_`]/g, '').trim());
    const cols = toggleColumns(header);
    // table-row stages: `| Stage A | 25% | 2 days |`
    const rowStages: { stage: Stage; itemId: number }[] = [];
    for (const row of b.rows.slice(1)) {
      const first = row.cells[0];
      if (!first) continue;
      const cand = stageAt(cellText(first), first.start);
      if (cand && /^[\s*_]*$/.test(cand.rest)) {
        const rowStart = lines.lineStarts[lines.positionAt(first.start).line];
        const rowSpan = span(rowStart, lines.lineEnd(lines.positionAt(first.start).line));
        const st = makeStage(cand, rowSpan, 'table', undefined);
        const pc = row.cells.slice(1).map((c) => ({ c, m: PERCENT_RE.exec(cellText(c)) })).find((x) => x.m);
        if (pc && pc.m) {
          const s = pc.c.start + pc.m.index;
          st.percentage = { value: parseFloat(pc.m[1]), text: pc.m[0], range: lines.range(s, s + pc.m[0].length) };
        }
        st.name = row.cells.slice(1).map(cellText).join(' | ').trim();
        rowStages.push({ stage: st, itemId: -1 });
      }
    }
    if (rowStages.length) listStageGroups.set(`table:${b.start}`, rowStages);

    for (const row of b.rows.slice(1)) {
      row.cells.forEach((cell, i) => {
        const src = cellText(cell);
        const isNameCol = cols !== undefined && i === cols.name;
        const hasFlipperLink = /\/flipper\/features\//.test(src) && /^\s*(?:\*\*[^*]+\*\*\s*)?\[/.test(src);
        if (!isNameCol && !(hasFlipperLink && i === 0)) return;
        const found = togglesInCell(src, cell.start, lines, linkAt, !isNameCol);
        if (found.length) tableCellRanges.push({ start: cell.start, end: cell.end });
        const descCell = cols?.description !== undefined ? row.cells[cols.description] : undefined;
        for (const t of found) {
          if (descCell && descCell !== cell) {
            const [ds, de] = trimOffsets(text, descCell.start, descCell.end);
            if (de > ds) t.description = span(ds, de);
          }
          toggles.push(t);
        }
      });
    }
  }

  // ---- prose toggles: backticked names and Flipper links on a line that talks about toggles/flags
  const tableCellAt = spanFinder(tableCellRanges);
  const inTable = (o: number) => tableCellAt(o) !== undefined;
  const mentionsToggle = (o: number) => /toggle|flag|flipper/i.test(lines.lineText(lines.positionAt(o).line));
  const seenProse = new Set<number>();
  for (const l of scan.links) {
    const feature = flipperFeatureName(l.url);
    if (!feature || inTable(l.start)) continue;
    let ns = l.textStart;
    let ne = l.textEnd;
    if (text[ns] === '`' && text[ne - 1] === '`') {
      ns++;
      ne--;
    }
    const name = text.slice(ns, ne).trim();
    if (!/^[A-Za-z][A-Za-z0-9_]*$/.test(name)) continue;
    const targetStart = text.indexOf(l.url, ne);
    toggles.push({
      name,
      range: lines.range(ns, ns + name.length),
      source: 'prose',
      backticked: text[l.textStart] === '`',
      link: { target: l.url, range: targetStart >= 0 ? lines.range(targetStart, targetStart + l.url.length) : lines.range(l.start, l.end), featureName: feature },
    });
    seenProse.add(ns - (text[l.textStart] === '`' ? 1 : 0));
  }
  for (const c of scan.inlineCode) {
    if (inTable(c.start) || seenProse.has(c.start) || !looksLikeCodeToggle(c.value.trim()) || !mentionsToggle(c.start)) continue;
    const name = c.value.trim();
    const s = text.indexOf(name, c.start);
    toggles.push({ name, range: lines.range(s, s + name.length), source: 'prose', backticked: true });
  }
  toggles.sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);

  // ---- stages: headings win; otherwise the first list/table with at least two stage items
  let stages: Stage[] = headingStages;
  if (!stages.length) {
    const group = [...listStageGroups.values()].filter((g) => g.length >= 2).sort((a, b) => a[0].stage.heading.range.start.line - b[0].stage.heading.range.start.line)[0];
    if (group) {
      const baseOf = (label: string) => label.split('.')[0];
      const isRoman = group.every((g) => ROMAN.test(baseOf(g.stage.label))) && group.some((g) => baseOf(g.stage.label).length > 1);
      stages = group.map(({ stage: st, itemId }) => {
        const kind = labelKind(baseOf(st.label), isRoman);
        const owned = itemId >= 0 ? fields.filter((f) => (fieldItemPath.get(f) ?? []).includes(itemId)) : [];
        const lastLine = owned.reduce((m, f) => Math.max(m, f.line, ...f.children.map((c) => c.range.end.line)), st.heading.range.end.line);
        const results = orphanResults.get(st.label);
        return { ...st, labelKind: kind, ordinal: ordinalOf(baseOf(st.label), kind), fields: results ? [...owned, ...results.fields] : owned, resultsHeadings: results?.resultsHeadings ?? [], range: { start: st.heading.range.start, end: lastLine > st.heading.range.end.line ? { line: lastLine, character: lines.lineEnd(lastLine) - lines.lineStarts[lastLine] } : st.heading.range.end } };
      });
    }
  }

  // ---- fields into phases and sections by position
  const inside = (r: Range, line: number) => line >= r.start.line && line <= r.end.line;
  for (const f of fields) {
    for (const p of phases) if (inside(p.range, f.line)) p.fields.push(f);
    for (const s of sections) if (inside(s.range, f.line)) s.fields.push(f);
  }
  const desiredDateRanges = fields.filter((f) => /^desired date(?:s)?(?: range)?\b/i.test(f.label));


  const title = headings.find((h) => h.depth === 1) ?? headings[0];
  const plan: ReleasePlan = {
    text: input,
    lineCount: lines.lineCount,
    eol: detectEol(text),
    title,
    headings,
    toggles,
    phases,
    stages,
    fields,
    desiredDateRanges,
    placeholders,
    sections,
    comments,
    codeBlocks,
  };
  lineIndexOf.remember(plan, lines);
  return plan;
}
