// parsePlan: markdown text → ReleasePlan, in named phases over one parse state (state.ts). remark
// parses each heading-delimited chunk (cached by its text, so a keystroke re-reads one section); the
// phases then read the flattened blocks the way a person reading the plan would.
import { analyzeChunk, forgetLastParsed } from './chunkAnalysis';
import { normalizeLabel } from './fields';
import type { Range, ReleasePlan } from './model';
import { readOutline } from './outline';
import { desiredRangeFields, releaseDateFields } from './releaseDates';
import { chunkLayoutOf, textEdit } from './reuse';
import { readRollouts } from './rollouts';
import { proseToggles } from './proseToggles';
import { listStages, stageMaker } from './stages';
import { splitChunks } from './sections';
import { readChunks } from './state';
import { classifyHeading, placeFields, walkStructure } from './structure';
import { readTables } from './tableRows';
import { detectEol, lineIndexOf } from './text';

export type * from './model';
export { LineIndex, containsPosition, lineIndexOf } from './text';
export { normalizeLabel } from './fields';

/** Empties every text-keyed cache the parser keeps (benchmarks measure a cold parse with it). */
export function clearParseCaches(): void {
  analyzeChunk.clear();
  forgetLastParsed();
  normalizeLabel.clear();
  classifyHeading.clear();
  splitChunks.clear();
  textEdit.clear();
}
export { flipperFeatureName } from './toggles';

// comparators made once, not a closure per parse (README, Developing: no closures on the keystroke path)
const byLine = (a: { line: number }, b: { line: number }): number => a.line - b.line;
const byPosition = (a: { range: Range }, b: { range: Range }): number => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character;

/**
 * `previous`: the model of the same document before an edit, when there is one — the chunks the edit
 * did not touch are taken over from it (reuse.ts). The result is the same either way.
 */
export function parsePlan(input: string, previous?: ReleasePlan): ReleasePlan {
  const state = readChunks(input, previous && chunkLayoutOf(previous)); // 1. chunks → blocks and placeholders
  const { lines } = state;
  const outline = readOutline(state); // 2. headings, code blocks, comments
  const makeStage = stageMaker(state);
  const structure = walkStructure(state, outline, makeStage, previous !== undefined); // 3. stages, phases, sections, parts, fields
  const tables = readTables(state, makeStage); // 4. table toggles and table-row stages
  const toggles = [...tables.toggles, ...proseToggles(state, tables.toggleCells)]; // 5. prose toggles
  toggles.sort(byPosition);
  // 6. stages: headings win; otherwise the first list/table with at least two stage items
  const stages = structure.headingStages.length ? structure.headingStages : listStages(state, [...structure.listGroups, ...tables.rowGroups], structure);
  if (tables.fields.length) {
    // question/answer table rows are fields too, in document order (stage.fields stay line fields)
    structure.fields.push(...tables.fields);
    structure.fields.sort(byLine);
  }
  placeFields(structure); // 7. fields into phases and sections by position
  const { fields, phases, sections } = structure;
  const releaseDates = releaseDateFields(fields, sections); // 8. go-live dates versus desired ranges
  const desiredDateRanges = desiredRangeFields(fields, releaseDates);
  const rollouts = readRollouts(stages, outline.headings, toggles, desiredDateRanges, lines.lineCount); // 9. one ramp or several

  const plan: ReleasePlan = {
    text: input,
    lineCount: lines.lineCount,
    eol: detectEol(state.text),
    title: outline.headings.find((h) => h.depth === 1) ?? outline.headings[0],
    headings: outline.headings,
    toggles,
    phases,
    stages,
    rollouts,
    fields,
    desiredDateRanges,
    releaseDates,
    placeholders: state.placeholders,
    sections,
    comments: outline.comments,
    codeBlocks: outline.codeBlocks,
  };
  lineIndexOf.remember(plan, lines);
  chunkLayoutOf.remember(plan, state.layout);
  return plan;
}
