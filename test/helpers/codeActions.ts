// Shared by the code-action tests: apply edits the way an editor does, re-parse and re-check (the
// markdownlint fix-then-relint loop), and compare findings across an edit that inserted or replaced
// one contiguous piece of text.
import { strict as assert } from 'node:assert';
import { runChecks, type ReportedFinding } from '../../server/src/service/checks/index';
import { checkContext } from '../../server/src/service/index';
import type { PlanCodeAction, PlanTextEdit } from '../../server/src/service/features/codeActions/index';
import { parsePlan, type ReleasePlan } from '../../server/src/service/parse/index';
import type { Heading, Range } from '../../server/src/service/parse/model';
import { LineIndex } from '../../server/src/service/parse/text';

const TODAY = { year: 2025, month: 9, day: 1 };

export function check(plan: ReleasePlan): ReportedFinding[] {
  return runChecks(plan, checkContext(plan, () => TODAY));
}

export function applyEdits(text: string, edits: readonly PlanTextEdit[]): string {
  const index = new LineIndex(text);
  const withOffsets = edits.map((e) => ({ s: index.offsetAt(e.range.start), e: index.offsetAt(e.range.end), t: e.newText }));
  withOffsets.sort((a, b) => b.s - a.s);
  let out = text;
  for (const e of withOffsets) out = out.slice(0, e.s) + e.t + out.slice(e.e);
  return out;
}

export function apply(text: string, action: PlanCodeAction): string {
  assert.equal(action.disabledReason, undefined, `action '${action.title}' is disabled: ${action.disabledReason}`);
  assert.ok(action.edits.length > 0, `action '${action.title}' has no edits`);
  return applyEdits(text, action.edits);
}

export function toCrlf(text: string): string {
  return text.replace(/\r?\n/g, '\r\n');
}

/** What one edit did to a text: where, what it removed, what it inserted. */
export interface Change {
  at: number;
  removed: string;
  inserted: string;
}

export function changeOf(text: string, edit: PlanTextEdit): Change {
  const index = new LineIndex(text);
  const at = index.offsetAt(edit.range.start);
  return { at, removed: text.slice(at, index.offsetAt(edit.range.end)), inserted: edit.newText };
}

/** The single edit of an action, as a change to `text`. */
export function singleChange(text: string, action: PlanCodeAction): Change {
  assert.equal(action.edits.length, 1, `'${action.title}' should be one edit`);
  return changeOf(text, action.edits[0]);
}

/** Asserts inserted text uses only the document's line ending. */
export function assertLineEndings(inserted: string, eol: '\n' | '\r\n'): void {
  if (eol === '\r\n') assert.ok(!/(^|[^\r])\n/.test(inserted), `LF without CR in a CRLF document: ${JSON.stringify(inserted)}`);
  else assert.ok(!inserted.includes('\r'), 'CR in an LF document');
}

/** Maps a range of the text before `change` to the text after it (undefined inside the changed text). */
export function rangeMapper(before: string, change: Change): (r: Range) => Range | undefined {
  const after = before.slice(0, change.at) + change.inserted + before.slice(change.at + change.removed.length);
  const b = new LineIndex(before);
  const a = new LineIndex(after);
  const delta = change.inserted.length - change.removed.length;
  const changeEnd = change.at + change.removed.length;
  return (r) => {
    const s = b.offsetAt(r.start);
    const e = b.offsetAt(r.end);
    if (e <= change.at) return a.range(s, e);
    if (s >= changeEnd) return a.range(s + delta, e + delta);
    return undefined;
  };
}

export function key(f: { checkId: string; range: Range }): string {
  return `${f.checkId}@${f.range.start.line}:${f.range.start.character}-${f.range.end.line}:${f.range.end.character}`;
}

/**
 * The fix-then-relint comparison: every finding of `before` except `gone` is still reported at its
 * (shifted) place in `after`, and anything new lies inside the changed text and is one of `allowNew`.
 */
export function compareFindings(beforeText: string, before: readonly ReportedFinding[], change: Change, after: readonly ReportedFinding[], options: { gone?: (f: ReportedFinding) => boolean; allowNew?: readonly string[]; /** checks the change may legitimately move either way */ dependent?: readonly string[] } = {}): ReportedFinding[] {
  const map = rangeMapper(beforeText, change);
  const afterText = beforeText.slice(0, change.at) + change.inserted + beforeText.slice(change.at + change.removed.length);
  const afterKeys = new Set(after.map(key));
  const expected = new Set<string>();
  const dependent = new Set(options.dependent ?? []);
  for (const f of before) {
    if (dependent.has(f.checkId)) continue;
    if (options.gone?.(f)) {
      const mapped = map(f.range);
      if (mapped) assert.ok(!afterKeys.has(key({ checkId: f.checkId, range: mapped })), `${key(f)} should be gone but is still reported`);
      continue;
    }
    const mapped = map(f.range);
    assert.ok(mapped, `${key(f)} sits in the changed text`);
    const k = key({ checkId: f.checkId, range: mapped });
    assert.ok(afterKeys.has(k), `${key(f)} (now ${k}) disappeared: ${f.message}`);
    expected.add(k);
  }
  const index = new LineIndex(afterText);
  const added = after.filter((f) => !expected.has(key(f)) && !dependent.has(f.checkId));
  for (const f of added) {
    const s = index.offsetAt(f.range.start);
    assert.ok(s >= change.at && s <= change.at + change.inserted.length, `new finding outside the change: ${key(f)} ${f.message}`);
    assert.ok((options.allowNew ?? []).includes(f.checkId), `unexpected new finding ${key(f)}: ${f.message}`);
  }
  return added;
}

/**
 * Asserts every heading of `before` is still there with its depth and its parent heading: the edit
 * adopted no existing heading into a new section. Headings inside the changed text are the new ones.
 */
export function assertHeadingsKept(before: ReleasePlan, change: Change, after: ReleasePlan): void {
  const index = new LineIndex(after.text);
  const tree = (plan: ReleasePlan) => {
    const stack: Heading[] = [];
    return plan.headings.map((h) => {
      while (stack.length && stack[stack.length - 1].depth >= h.depth) stack.pop();
      const parent = stack.length ? stack[stack.length - 1].text : '';
      stack.push(h);
      return { h, text: h.text, depth: h.depth, parent };
    });
  };
  const old = tree(before);
  const kept = tree(after).filter(({ h }) => {
    const o = index.offsetAt(h.range.start);
    return !(o >= change.at && o < change.at + change.inserted.length);
  });
  assert.deepEqual(
    kept.map(({ text, depth, parent }) => ({ text, depth, parent })),
    old.map(({ text, depth, parent }) => ({ text, depth, parent })),
  );
}

export function reparse(text: string): ReleasePlan {
  return parsePlan(text);
}
