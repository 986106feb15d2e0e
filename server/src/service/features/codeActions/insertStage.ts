// "Insert next stage" and "Insert a stage between": a new rollout stage already labelled and sized,
// with the plan's own Planning/Results fields (copied from an existing stage, values blanked to
// [FILL_IN]) or, in a plan without stages, the official template's.
//
// Sizing follows the plan's ramp: +25 after a 25-point step (the template's 25/50/75/100), the same
// step again after two equal steps, otherwise the next rung of 1 → 5 → 25 → 50 → 100. Never above 100:
// once a stage reaches 100% the action is shown disabled, with the reason.
//
// Naming a stage inserted between two others re-letters nothing, because other text points at the
// labels ("Stage B Results", "after Stage B", dates and tickets). So: when the labels leave a gap
// (B then E) the new stage takes the first free label after the earlier stage (C) and the sequence gets
// better; when they are consecutive (A then B) it becomes a sub-stage of the earlier one, `Stage A.1`
// (then A.2…), which reads in order and duplicates nothing. The next free letter (F after E) would be
// wrong: it reads as coming after every stage. A sub-stage is offered only in a plan that already uses
// them: elsewhere `Stage D.1` is a naming scheme the plan never chose, so between consecutive labels
// nothing is offered (insert after the last stage, or rename, instead).
//
// The next stage's 'Length of time' continues the plan's dates (nextStageLength.ts) when the last
// stage has planned dates; otherwise it is [FILL_IN] like the other values.
import type { Field, Position, ReleasePlan, Stage, StageLabelKind } from '../../parse/model';
import { normalizeLabel } from '../../parse/fields';
import { stageLabelAt } from '../../parse/stageLabels';
import { containsPosition } from '../../parse/text';
import { stagePercentage } from '../../parse/queries';
import { nextStageLength } from './nextStageLength';
import { placeBlock } from './placement';
import { FILL_IN, PICK_ONE_ANSWER, TEMPLATE_STAGE_DEPTH, shiftHeadings, templateStageBody } from './template';
import { bulletOf, hashes, headingAtLine, indentOf, isBlank, lastContentLine, lineEndPosition, lineText, listItemOf, subtreeEnd, withBullet } from './text';
import type { PlanCodeAction, PlanTextEdit } from './types';

const RAMP = [1, 5, 25, 50, 100];

/** The label at `ordinal` for this plan's kind of labels (see parse/stageLabels). */
export const labelFor = stageLabelAt;

/** The next percentage after `values` (the plan's stage percentages in order), capped at 100. */
export function nextPercentage(values: readonly number[]): number {
  if (values.length === 0) return RAMP[0];
  const last = values[values.length - 1];
  const top = Math.max(...values);
  let next: number | undefined;
  if (values.length >= 2) {
    const step = last - values[values.length - 2];
    if (step === 25 && last % 25 === 0) next = last + 25;
    else if (values.length >= 3 && step > 0 && step === values[values.length - 2] - values[values.length - 3]) next = last + step;
  }
  if (next === undefined || next <= top) next = RAMP.find((r) => r > top) ?? 100;
  return Math.min(100, next);
}

/** The midpoint between two stages' percentages: a whole number when there is room for one. */
export function midpoint(a: number, b: number): number | undefined {
  if (!(b > a)) return undefined;
  const m = (a + b) / 2;
  const rounded = Math.round(m);
  return rounded > a && rounded < b ? rounded : m;
}

function pctText(value: number | undefined): string {
  return value === undefined ? `${FILL_IN}%` : `${value}%`;
}

const PART_LINE = /^[\s*_#>-]*(?:rollout\s+)?(?:planning|results)[\s*_:]*$/i;

/**
 * Last line of a stage's text: a heading stage's section and its `Stage X Results` sections; a list
 * item's nested lines (its results sections further down are not where the next item goes).
 */
export function stageEnd(plan: ReleasePlan, stage: Stage): number {
  let end = stage.range.end.line;
  if (stage.source === 'heading') for (const h of stage.resultsHeadings) end = Math.max(end, subtreeEnd(plan, h));
  if (stage.source === 'list' || stage.source === 'checklist') {
    const itemIndent = indentOf(lineText(plan, stage.heading.range.start.line)).length;
    let l = stage.heading.range.end.line + 1;
    while (l < plan.lineCount && !isBlank(plan, l) && indentOf(lineText(plan, l)).length > itemIndent) l++;
    end = Math.max(end, l - 1);
  }
  return lastContentLine(plan, end, stage.heading.range.start.line);
}

function fieldLine(plan: ReleasePlan, field: Field, value: string): string {
  const text = lineText(plan, field.line);
  const start = field.valueRange.start.character;
  const end = field.valueRange.end.character;
  // `**Label: value**`: the closing emphasis belongs to the line, not to the value
  const closing = /(\*\*|__)$/.exec(field.value);
  const keepClosing = closing && text.slice(0, field.labelRange.start.character).includes(closing[1]) ? closing[1] : '';
  // one space after the separator, whatever the copied answer had
  const head = text.slice(0, start).replace(/[ \t]+$/, '');
  return head + ' ' + value + keepClosing + text.slice(end).replace(/\s+$/, '');
}

function blankValue(field: Field, percent: string, length?: string): string {
  const label = normalizeLabel(field.label);
  if (/^percentage of users\b/.test(label)) return percent;
  if (length && /^length of time\b/.test(label) && field.part !== 'results') return length;
  if (/^was any downstream service affected\b/.test(label)) return PICK_ONE_ANSWER;
  return FILL_IN;
}

/**
 * The body of `stage` (everything under its heading) as a blank form: headings and Planning/Results
 * markers kept, field values replaced, prose, notes and nested answers dropped. Undefined when the
 * stage has no fields to copy.
 */
function copiedBody(plan: ReleasePlan, stage: Stage, label: string, percent: string, length?: string): string[] | undefined {
  const first = stage.heading.range.end.line + 1;
  const last = stageEnd(plan, stage);
  const fields = new Map<number, Field>();
  for (const f of plan.fields) if (f.line >= first && f.line <= last) fields.set(f.line, f);
  if (fields.size === 0) return undefined;
  const hasChildFields = (f: Field) => f.children.some((c) => fields.has(c.range.start.line));
  const resultsLines = new Set(stage.resultsHeadings.map((h) => h.line));
  const out: string[] = [];
  for (let l = first; l <= last; l++) {
    const text = lineText(plan, l);
    const field = fields.get(l);
    if (text.trim() === '') {
      if (out.length && out[out.length - 1] !== '') out.push('');
    } else if (resultsLines.has(l)) {
      const h = headingAtLine(plan, l)!;
      out.push(`${hashes(h.depth)} Stage ${label} Results`);
    } else if (headingAtLine(plan, l) || PART_LINE.test(text)) {
      out.push(text.trimEnd());
    } else if (field) {
      out.push(field.value === '' && hasChildFields(field) ? text.trimEnd() : fieldLine(plan, field, blankValue(field, percent, length)));
    }
  }
  while (out.length && out[out.length - 1] === '') out.pop();
  return out;
}

function headingStageLines(plan: ReleasePlan, stages: readonly Stage[], copyFrom: Stage | undefined, label: string, percent: number | undefined, depth: number, length?: string): string[] {
  const pct = pctText(percent);
  let prefix = `${hashes(depth)} `;
  let suffix = '';
  if (copyFrom && copyFrom.source === 'heading') {
    const text = lineText(plan, copyFrom.heading.range.start.line);
    const at = text.search(/stage\s/i);
    if (at > 0) prefix = text.slice(0, at);
    const close = /(\*\*|__)\s*$/.exec(text);
    if (close && prefix.includes(close[1])) suffix = close[1];
  }
  const heading = `${prefix}Stage ${label}: ${pct} of users${suffix}`;
  // the fields: from the given stage, else the nearest earlier stage that has any, else the template
  const candidates = copyFrom ? [copyFrom, ...stages.slice(0, stages.indexOf(copyFrom)).reverse()] : [];
  for (const s of candidates) {
    if (s.source !== 'heading') continue;
    const body = copiedBody(plan, s, label, pct, length);
    if (body) return [heading, '', ...body];
  }
  const body = withBullet(shiftHeadings(templateStageBody(pct), depth - TEMPLATE_STAGE_DEPTH), bulletOf(plan));
  return [heading, '', ...body];
}

function listStageLine(plan: ReleasePlan, after: Stage, label: string, percent: number | undefined): string {
  const text = lineText(plan, after.heading.range.start.line);
  const item = listItemOf(text);
  let marker = item?.marker ?? '- ';
  const num = /^(\d+)([.)])(\s+)/.exec(marker);
  if (num) marker = `${Number(num[1]) + 1}${num[2]}${num[3]}`;
  const box = item && /^\[[ xX]\]\s/.test(text.slice(item.lead.length + item.marker.length)) ? '[ ] ' : '';
  return `${item?.lead ?? ''}${marker}${box}Stage ${label}: ${pctText(percent)} of users`;
}

/** Inserts a stage after `after` (or, with no stages, where the template puts stages). */
function insertStageEdit(plan: ReleasePlan, after: Stage | undefined, label: string, percent: number | undefined, length?: string): PlanTextEdit | undefined {
  const stages = plan.stages;
  if (!after) {
    const depth = plan.sections.find((s) => s.kind === 'phase-2')?.heading.depth ?? TEMPLATE_STAGE_DEPTH;
    const place = placeBlock(plan, 'stage', depth);
    return place.insert(headingStageLines(plan, stages, undefined, label, percent, place.depth));
  }
  const end = stageEnd(plan, after);
  if (after.source === 'heading') {
    const lines = headingStageLines(plan, stages, after, label, percent, after.headingDepth ?? TEMPLATE_STAGE_DEPTH, length);
    const at = lineEndPosition(plan, end);
    const followed = end + 1 < plan.lineCount && !isBlank(plan, end + 1);
    return { range: { start: at, end: at }, newText: plan.eol + plan.eol + lines.join(plan.eol) + (followed ? plan.eol : '') };
  }
  if (after.source === 'list' || after.source === 'checklist') {
    const at = lineEndPosition(plan, end);
    return { range: { start: at, end: at }, newText: plan.eol + listStageLine(plan, after, label, percent) };
  }
  // table rows: a new row would have to guess every column; not offered
  return undefined;
}

function percentages(stages: readonly Stage[]): number[] {
  return stages.map((s) => stagePercentage(s)?.value).filter((v): v is number => v !== undefined);
}

export function insertNextStageAction(plan: ReleasePlan, kind: string): PlanCodeAction | undefined {
  const stages = plan.stages;
  if (stages.some((s) => s.source === 'table')) return undefined;
  const last = stages[stages.length - 1];
  const values = percentages(stages);
  if (values.length && Math.max(...values) >= 100) {
    return { title: 'Insert next stage', kind, edits: [], disabledReason: 'The rollout already reaches 100% of users.' };
  }
  const labelKind: StageLabelKind = last?.labelKind ?? 'letter';
  const ordinal = stages.length ? Math.max(...stages.map((s) => s.ordinal)) + 1 : 1;
  const label = labelFor(ordinal, labelKind);
  if (!label) return { title: 'Insert next stage', kind, edits: [], disabledReason: 'There is no stage label after the last one.' };
  // a plan whose stages carry no numbers gets a [FILL_IN]; a plan with no stages starts the ramp
  const percent = stages.length && !values.length ? undefined : nextPercentage(values);
  const edit = insertStageEdit(plan, last, label, percent, last && nextStageLength(plan, last));
  if (!edit) return undefined;
  return { title: `Insert next stage: Stage ${label} (${pctText(percent)} of users)`, kind, edits: [edit] };
}

function subLabel(plan: ReleasePlan, base: string): string {
  for (let k = 1; ; k++) {
    const candidate = `${base}.${k}`;
    if (!new RegExp(`\\bStage\\s+${candidate.replace('.', '\\.')}(?![\\w.])`, 'i').test(plan.text)) return candidate;
  }
}

/** The label for a stage between `prev` and `next` (see the file comment); undefined when only a sub-stage would fit and the plan uses none. */
export function labelBetween(plan: ReleasePlan, prev: Stage, next: Stage): string | undefined {
  const used = new Set(plan.stages.map((s) => s.ordinal));
  for (let o = prev.ordinal + 1; o < next.ordinal; o++) {
    const label = !used.has(o) ? labelFor(o, prev.labelKind) : undefined;
    if (label) return label;
  }
  return plan.stages.some((s) => s.sub !== undefined) ? subLabel(plan, prev.label) : undefined;
}

function betweenAction(plan: ReleasePlan, prev: Stage, next: Stage, kind: string): PlanCodeAction | undefined {
  const a = stagePercentage(prev)?.value;
  const b = stagePercentage(next)?.value;
  const percent = a !== undefined && b !== undefined ? midpoint(a, b) : undefined;
  const label = labelBetween(plan, prev, next);
  if (!label) return undefined;
  const edit = insertStageEdit(plan, prev, label, percent);
  if (!edit) return undefined;
  return { title: `Insert a stage between Stage ${prev.label} and Stage ${next.label}: Stage ${label} (${pctText(percent)} of users)`, kind, edits: [edit] };
}

/** On a stage's heading (or list item): insert a stage before it and after it. */
export function insertBetweenActions(plan: ReleasePlan, at: Position, kind: string): PlanCodeAction[] {
  const stages = plan.stages;
  const i = stages.findIndex((s) => at.line >= s.heading.range.start.line && at.line <= s.heading.range.end.line);
  if (i < 0) return [];
  const pairs: Array<[Stage, Stage]> = [];
  if (i > 0) pairs.push([stages[i - 1], stages[i]]);
  if (i + 1 < stages.length) pairs.push([stages[i], stages[i + 1]]);
  return pairs.map(([a, b]) => betweenAction(plan, a, b, kind)).filter((a): a is PlanCodeAction => a !== undefined);
}

/** The lines of the staged-rollout part: Phase II / Rollout Planning through the last stage. */
export function inStagedRollout(plan: ReleasePlan, at: Position): boolean {
  const starts: number[] = [];
  const ends: number[] = [];
  for (const s of plan.sections) {
    if (s.kind === 'phase-2' || s.kind === 'rollout-planning') {
      starts.push(s.heading.line);
      ends.push(s.range.end.line);
    }
  }
  for (const s of plan.stages) {
    starts.push(s.heading.range.start.line);
    ends.push(stageEnd(plan, s));
  }
  if (!starts.length) return false;
  const range = { start: { line: Math.min(...starts), character: 0 }, end: { line: Math.max(...ends), character: Number.MAX_SAFE_INTEGER } };
  return containsPosition(range, at);
}
