// Phase 4 of parsePlan: tables. A row whose first cell is `Stage X` is a stage (`| Stage A | 25% | 2
// days |`); a toggle table's name column (or a first cell holding a Flipper link) names toggles, with
// the description column as their description.
import type { TableBlock } from './blocks';
import type { Field, Toggle } from './model';
import { userPercentage } from './shares';
import { stageAt, type StageCandidate, type StageGroup, type StageMaker } from './stages';
import { textSpan, type ParseState } from './state';
import { trimOffsets } from './text';
import { toggleColumns, togglesInCell } from './toggles';

export interface Tables {
  toggles: Toggle[];
  /** The table-row stages, one group per table that has any. */
  rowGroups: StageGroup[];
  /** Offsets of the cells toggles came from: prose toggles skip them. */
  toggleCells: Array<{ start: number; end: number }>;
  /** Rows of question/answer tables (`| Number of unique users | |`) read as `Label: value` fields. */
  fields: Field[];
}

// a results table: a question column, then the answer (`| Question | Answer |`, `| Metric | Result |`)
const ANSWER_HEADER = /^(?:answers?|results?|values?|responses?|actuals?|notes?)$/i;

export function readTables(state: ParseState, makeStage: StageMaker): Tables {
  const out: Tables = { toggles: [], rowGroups: [], toggleCells: [], fields: [] };
  // indexed: a whole-plan loop of every keystroke (README, Developing: hot loops)
  const { blocks } = state.scan;
  for (let i = 0; i < blocks.length; i++) {
    const b = blocks[i];
    if (b.kind === 'table' && b.rows.length >= 2) readTable(state, makeStage, b, out);
  }
  return out;
}

/** A cell's source text (a function of the text, not a closure per table: README, Developing). */
function sliceOf(text: string, c: { start: number; end: number }): string {
  return text.slice(c.start, c.end);
}

function readTable(state: ParseState, makeStage: StageMaker, b: TableBlock, out: Tables): void {
  const { text, lines } = state;
  const header = b.rows[0].cells.map((c) => sliceOf(text, c).replace(/[*_`]/g, '').trim());
  const cols = toggleColumns(header);
  const rowStages: StageGroup = [];
  // a rollout table names its steps in a `Stage` (or `Phase`, `Step`) column: `Stage A` in any such
  // column, or a bare `A` / `II` / `3` under a `Stage` header
  const stageCol = header.findIndex((h) => /^(?:rollout\s+)?(?:stage|phase|step)s?$/i.test(h));
  for (const row of b.rows.slice(1)) {
    const col = stageCol >= 0 ? stageCol : 0;
    const first = row.cells[col];
    if (!first) continue;
    const cand = stageAt(sliceOf(text, first), first.start) ?? (stageCol >= 0 ? bareLabel(sliceOf(text, first), first.start) : undefined);
    if (cand && /^[\s*_]*$/.test(cand.rest)) {
      const rowStart = lines.lineStarts[lines.positionAt(first.start).line];
      const rowSpan = textSpan(state, rowStart, lines.lineEnd(lines.positionAt(first.start).line));
      const st = makeStage.make(cand, rowSpan, 'table', undefined);
      const pc = row.cells.filter((c) => c !== first).map((c) => ({ c, m: userPercentage(sliceOf(text, c)) })).find((x) => x.m);
      if (pc && pc.m) {
        const s = pc.c.start + pc.m.index;
        st.percentage = { value: pc.m.value, text: pc.m.text, range: lines.range(s, s + pc.m.text.length) };
      }
      st.name = row.cells.filter((c) => c !== first).map((c) => sliceOf(text, c)).join(' | ').trim();
      rowStages.push({ stage: st, itemId: -1 });
    }
  }
  if (rowStages.length) out.rowGroups.push(rowStages);

  if (header.length >= 2 && ANSWER_HEADER.test(header[1])) {
    for (const row of b.rows.slice(1)) {
      const [q, a] = row.cells;
      if (!q || !a) continue;
      const [ls, le] = trimOffsets(text, q.start, q.end);
      const label = text.slice(ls, le).replace(/[*_]{2}/g, '').replace(/[:\s]+$/, '').trim();
      if (!/[A-Za-z]/.test(label)) continue;
      let [vs, ve] = trimOffsets(text, a.start, a.end);
      // a disable comment written after the row lands in its last cell; it is not the answer
      if (text.slice(vs, ve).replace(/<!--[\s\S]*?-->/g, '').trim() === '') {
        // an empty cell sits before its closing pipe: a value goes after the opening one
        const pipe = text.indexOf('|', q.end);
        if (pipe >= 0) vs = ve = pipe + 1 + (text[pipe + 1] === ' ' ? 1 : 0);
      }
      out.fields.push({ label, labelRange: lines.range(ls, le), value: text.slice(vs, ve), valueRange: lines.range(vs, ve), children: [], line: lines.positionAt(q.start).line });
    }
  }

  // indexed: a whole-plan loop of every keystroke (README, Developing: hot loops); a toggle table can
  // have thousands of rows, and forEach's callback was a closure per row
  for (let r = 1; r < b.rows.length; r++) {
    const row = b.rows[r];
    for (let i = 0; i < row.cells.length; i++) {
      const cell = row.cells[i];
      const src = sliceOf(text, cell);
      const isNameCol = cols !== undefined && i === cols.name;
      const hasFlipperLink = /\/flipper\/features\//.test(src) && /^\s*(?:\*\*[^*]+\*\*\s*)?\[/.test(src);
      if (!isNameCol && !(hasFlipperLink && i === 0)) continue;
      const found = togglesInCell(src, cell.start, lines, state.linkAt, !isNameCol);
      if (found.length) out.toggleCells.push({ start: cell.start, end: cell.end });
      const descCell = cols?.description !== undefined ? row.cells[cols.description] : undefined;
      for (const t of found) {
        if (descCell && descCell !== cell) {
          const [ds, de] = trimOffsets(text, descCell.start, descCell.end);
          if (de > ds) t.description = textSpan(state, ds, de);
        }
        out.toggles.push(t);
      }
    }
  }
}

/** A bare stage label in a `Stage` column (`A`, `**B**`, `II`, `3`), read as `Stage A`. */
function bareLabel(cell: string, base: number): StageCandidate | undefined {
  const m = /^([\s*_]*)([A-Z]|[IVX]{1,4}|\d{1,2})(?:\.(\d{1,2}))?[\s*_]*$/.exec(cell);
  if (!m) return undefined;
  const label = m[3] !== undefined ? `${m[2]}.${m[3]}` : m[2];
  const labelStart = base + m[1].length;
  return { label, base: m[2], sub: m[3] !== undefined ? parseInt(m[3], 10) : undefined, labelStart, rest: '', restStart: labelStart + label.length };
}
