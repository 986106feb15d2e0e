// Phase 4 of parsePlan: tables. A row whose first cell is `Stage X` is a stage (`| Stage A | 25% | 2
// days |`); a toggle table's name column (or a first cell holding a Flipper link) names toggles, with
// the description column as their description.
import type { TableBlock } from './blocks';
import type { Toggle } from './model';
import { PERCENT_RE, stageAt, type StageGroup, type StageMaker } from './stages';
import type { ParseState } from './state';
import { trimOffsets } from './text';
import { toggleColumns, togglesInCell } from './toggles';

export interface Tables {
  toggles: Toggle[];
  /** The table-row stages, one group per table that has any. */
  rowGroups: StageGroup[];
  /** Offsets of the cells toggles came from: prose toggles skip them. */
  toggleCells: Array<{ start: number; end: number }>;
}

export function readTables(state: ParseState, makeStage: StageMaker): Tables {
  const out: Tables = { toggles: [], rowGroups: [], toggleCells: [] };
  for (const b of state.scan.blocks) if (b.kind === 'table' && b.rows.length >= 2) readTable(state, makeStage, b, out);
  return out;
}

function readTable(state: ParseState, makeStage: StageMaker, b: TableBlock, out: Tables): void {
  const { text, lines, span } = state;
  const cellText = (c: { start: number; end: number }) => text.slice(c.start, c.end);
  const header = b.rows[0].cells.map((c) => cellText(c).replace(/[*_`]/g, '').trim());
  const cols = toggleColumns(header);
  const rowStages: StageGroup = [];
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
  if (rowStages.length) out.rowGroups.push(rowStages);

  for (const row of b.rows.slice(1)) {
    row.cells.forEach((cell, i) => {
      const src = cellText(cell);
      const isNameCol = cols !== undefined && i === cols.name;
      const hasFlipperLink = /\/flipper\/features\//.test(src) && /^\s*(?:\*\*[^*]+\*\*\s*)?\[/.test(src);
      if (!isNameCol && !(hasFlipperLink && i === 0)) return;
      const found = togglesInCell(src, cell.start, lines, state.linkAt, !isNameCol);
      if (found.length) out.toggleCells.push({ start: cell.start, end: cell.end });
      const descCell = cols?.description !== undefined ? row.cells[cols.description] : undefined;
      for (const t of found) {
        if (descCell && descCell !== cell) {
          const [ds, de] = trimOffsets(text, descCell.start, descCell.end);
          if (de > ds) t.description = span(ds, de);
        }
        out.toggles.push(t);
      }
    });
  }
}
