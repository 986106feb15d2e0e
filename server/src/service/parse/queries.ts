// Questions about a parsed plan that checks and code actions both ask: which field a position belongs
// to, what a field or a stage says its percentage is, the answers a [PICK_ONE] offers. They read the
// model only; they live beside it so a code action never has to reach into checks/ for them.
import { boundedMemo, perPlan } from '../memo';
import { normalizeLabel } from './fields';
import type { Field, Placeholder, Position, Range, ReleasePlan, Stage } from './model';
import { userPercentage } from './shares';
import { rangeOnLine } from './text';

/** What a `[PICK_ONE]` with no option list of its own offers: the template's usual answers. */
export const DEFAULT_ANSWERS: readonly string[] = ['yes', 'no', 'N/A'];

/** The answers a `[PICK_ONE]` offers: its own option list, else the template's usual ones. */
export function pickOneAnswers(p: Placeholder): readonly string[] {
  return p.options?.values.length ? p.options.values : DEFAULT_ANSWERS;
}

// Which field, stage and placeholders sit on a line, indexed once per model: the placeholder, pick-one
// and empty-field checks ask for every finding, and a scan of the plan per question made those checks
// quadratic (a 300 KB plan spent 80 ms of each keystroke in them). Tables by line are arrays, not Maps:
// a Map grown to thousands of entries was one of the largest allocations of a 300 KB keystroke.
interface LineIndexOfFields {
  /** The fields that start on each line, in document order: one field as itself (most lines), several as a list. */
  fieldsOn: Array<Field | Field[] | undefined>;
  /** By line: the last field (in document order, starting on or before the line) whose nested items cover it. */
  ownerOf: Array<Field | undefined>;
  /** The first stage that lists each field. */
  stageOf: Map<Field, Stage>;
  /** The placeholders on each line, one as itself, several as a list (as fieldsOn). */
  placeholdersOn: Array<Placeholder | Placeholder[] | undefined>;
}

/** Adds an item to a by-line table that keeps a lone item as itself: a list per line was thousands of arrays per keystroke. */
function addOn<T extends object>(table: Array<T | T[] | undefined>, line: number, item: T): void {
  const there = table[line];
  table[line] = there === undefined ? item : Array.isArray(there) ? [...there, item] : [there, item];
}

function allOn<T extends object>(entry: T | T[] | undefined): readonly T[] {
  return entry === undefined ? [] : Array.isArray(entry) ? entry : [entry];
}

/**
 * The first item of a line's entry that passes `test` with `arg`. The test is a module-level function
 * given what it needs, not a closure over it (README, Developing: no closures on the keystroke path).
 */
function findOn<T extends object, A>(entry: T | T[] | undefined, test: (item: T, arg: A) => boolean, arg: A): T | undefined {
  if (entry === undefined) return undefined;
  if (!Array.isArray(entry)) return test(entry, arg) ? entry : undefined;
  for (let i = 0; i < entry.length; i++) if (test(entry[i], arg)) return entry[i];
  return undefined;
}

/** A position on a field's line is in its value from the end of its label on. */
const holdsInValue = (f: Field, pos: Position): boolean => pos.character >= f.labelRange.end.character;

/** A placeholder on a field's line that overlaps its label. */
const overlapsLabel = (p: Placeholder, field: Field): boolean => p.range.start.character < field.labelRange.end.character && p.range.end.character > field.labelRange.start.character;

// indexed: a whole-plan loop of every keystroke (README, Developing: hot loops)
const fieldIndex = perPlan((plan: ReleasePlan): LineIndexOfFields => {
  const fieldsOn = new Array<Field | Field[] | undefined>(plan.lineCount);
  const ownerOf = new Array<Field | undefined>(plan.lineCount);
  const { fields, stages, placeholders } = plan;
  for (let i = 0; i < fields.length; i++) {
    const f = fields[i];
    addOn(fieldsOn, f.line, f);
    for (let k = 0; k < f.children.length; k++) {
      const c = f.children[k];
      for (let l = Math.max(c.range.start.line, f.line); l <= c.range.end.line; l++) ownerOf[l] = f;
    }
  }
  const stageOf = new Map<Field, Stage>();
  for (let i = 0; i < stages.length; i++) {
    const own = stages[i].fields;
    for (let k = 0; k < own.length; k++) if (!stageOf.has(own[k])) stageOf.set(own[k], stages[i]);
  }
  const placeholdersOn = new Array<Placeholder | Placeholder[] | undefined>(plan.lineCount);
  for (let i = 0; i < placeholders.length; i++) addOn(placeholdersOn, placeholders[i].range.start.line, placeholders[i]);
  return { fieldsOn, ownerOf, stageOf, placeholdersOn };
});

/**
 * The field whose value holds the position: the field on that line, else the field whose nested items
 * include it. A position inside a label (`- [FILL_IN] : list`) belongs to the enclosing field instead.
 */
export function fieldAt(plan: ReleasePlan, pos: Position): Field | undefined {
  const index = fieldIndex(plan);
  const onLine = findOn(index.fieldsOn[pos.line], holdsInValue, pos);
  return onLine ?? index.ownerOf[pos.line];
}

/** The fields that start on the line, in document order. */
export function fieldsOnLine(plan: ReleasePlan, line: number): readonly Field[] {
  return allOn(fieldIndex(plan).fieldsOn[line]);
}

/** The first field that starts on the line. */
export function fieldOnLine(plan: ReleasePlan, line: number): Field | undefined {
  const on = fieldIndex(plan).fieldsOn[line];
  return Array.isArray(on) ? on[0] : on;
}

/** The stage whose fields include this one. */
export function stageOfField(plan: ReleasePlan, field: Field): Stage | undefined {
  return fieldIndex(plan).stageOf.get(field);
}

/** The field's label for a message, unless the label is itself a placeholder (`- TBD: …`), which names nothing. */
export function fieldLabel(plan: ReleasePlan, field: Field | undefined): string | undefined {
  if (!field) return undefined;
  // asked for every finding on a field: the line's entry is searched as it is, no list made for it
  const inLabel = findOn(fieldIndex(plan).placeholdersOn[field.line], overlapsLabel, field);
  return inLabel ? undefined : quoteLabel(field.label);
}

/** A label as messages quote it: long template questions are cut at a word boundary. */
export function quoteLabel(label: string, max = 60): string {
  return max === 60 ? quotedLabel(label) : quote(label, max);
}

// every keystroke words the same messages again: the usual length is remembered per label
const quotedLabel = boundedMemo(5000, (label: string) => quote(label, 60));

function quote(label: string, max: number): string {
  // a trailing `(and roughly how many users…)` aside and a pasted bullet (`•`) are not part of the name
  const clean = label.replace(/^[•◦▪‣·]\s*/, '').replace(/\s*\([^()]*\)\s*$/, '').replace(/\s+/g, ' ').trim() || label.trim();
  if (clean.length <= max) return `'${clean}'`;
  const cut = clean.slice(0, max);
  const space = cut.lastIndexOf(' ');
  return `'${(space > max / 2 ? cut.slice(0, space) : cut).replace(/[\s,;:]+$/, '')}…'`;
}

export interface FoundPercentage {
  value: number;
  text: string;
  range: Range;
}

/** The first `N%` in a field's value, else in its first nested item that has one. */
export function fieldPercentage(field: Field): FoundPercentage | undefined {
  const spans = [{ text: field.value, range: field.valueRange }, ...field.children];
  for (const s of spans) {
    // `100% of pilot sites` is not a share of users (parse/shares.ts)
    const m = userPercentage(s.text);
    // a value spread over lines (lazy continuation) keeps positions only for its first line
    if (!m || s.text.slice(0, m.index).includes('\n')) continue;
    // `x% (500 users) (…at most 10%)`, `[FILL_IN]%`: the percentage is still to be filled in; the
    // template's recommendation after it is not the stage's percentage
    if (/(?:\[\s*FILL\\?_IN\s*\\?\]|(?<![\w])[xX]{1,3})\s*%/.test(s.text.slice(0, m.index))) return undefined;
    const start = s.range.start.character + m.index;
    return { value: m.value, text: m.text, range: rangeOnLine(s.range.start.line, start, start + m.text.length) };
  }
  return undefined;
}

/** A stage's `Percentage of Users` field. */
export function percentageField(stage: Stage): Field | undefined {
  return stage.fields.find((f) => /^percentage of users\b/.test(normalizeLabel(f.label)));
}

export interface StagePercentage extends FoundPercentage {
  from: 'field' | 'heading';
}

/**
 * What percentage a stage rolls out to, read the way a reviewer would: the stage's own
 * `Percentage of Users` field when it gives a number, else the percentage named in the heading/row.
 */
export function stagePercentage(stage: Stage): StagePercentage | undefined {
  const field = percentageField(stage);
  const fromField = field && fieldPercentage(field);
  // field by field, not a spread: asked for every stage by several checks on every keystroke
  if (fromField) return { value: fromField.value, text: fromField.text, range: fromField.range, from: 'field' };
  if (stage.percentage) return { value: stage.percentage.value, text: stage.percentage.text, range: stage.percentage.range, from: 'heading' };
  return undefined;
}
