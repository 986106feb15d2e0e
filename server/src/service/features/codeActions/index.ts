// Code actions for a range of a plan: quick fixes (and disable comments) for the findings there, the
// refactors that fit where the cursor is (a stage heading, the staged-rollout part, a toggle name, a
// heading), and — only when the editor asks for source actions — the plan-wide ones and Fix All.
// Source actions are never volunteered: editors that show every returned action (Neovim) would list
// "Add …" on every request otherwise.
import type { Finding } from '../../checks/types';
import type { Range, ReleasePlan } from '../../parse/model';
import { disableActions } from './disableComments';
import { fixAllAction } from './fixAll';
import { inStagedRollout, insertBetweenActions, insertNextStageAction } from './insertStage';
import { linkToggleActions } from './linkToggle';
import { missingSectionActions } from './missingSections';
import { quickFixesFor } from './quickFixes';
import { headingAtLine } from './text';
import { insertTimelineActions, KIND_REFACTOR_INSERT_TIMELINE } from './timeline';
import {
  asksForSource,
  KIND_FIX_ALL,
  KIND_QUICKFIX,
  KIND_REFACTOR_ADD_SECTION,
  KIND_REFACTOR_INSERT_STAGE,
  KIND_REFACTOR_LINK_TOGGLE,
  KIND_SOURCE_ADD_SECTION,
  KIND_SOURCE_INSERT_STAGE,
  kindMatches,
  type PlanCodeAction,
} from './types';

export type { PlanCodeAction, PlanTextEdit } from './types';
export { KIND_FIX_ALL, PROVIDED_KINDS } from './types';

export interface CodeActionRequest {
  range: Range;
  /** LSP `context.only`. */
  only?: readonly string[];
  /** The findings to fix here (those at the range; see findingsAt). */
  findings: readonly Finding[];
  /** Every finding of the document, for Fix All. */
  allFindings: readonly Finding[];
}

function before(a: Range['start'], b: Range['start']): boolean {
  return a.line < b.line || (a.line === b.line && a.character <= b.character);
}

/** Findings whose range touches `range` (an empty range on a finding's edge counts). */
export function findingsAt(findings: readonly Finding[], range: Range): Finding[] {
  return findings.filter((f) => before(f.range.start, range.end) && before(range.start, f.range.end));
}

export function provideCodeActions(plan: ReleasePlan, request: CodeActionRequest): PlanCodeAction[] {
  const { only, range } = request;
  const at = range.start;
  const out: PlanCodeAction[] = [];
  const want = (kind: string) => kindMatches(kind, only);

  if (want(KIND_QUICKFIX)) {
    const seen = new Set<string>();
    for (const finding of request.findings) {
      for (const action of [...quickFixesFor(plan, finding), ...disableActions(plan, finding)]) {
        // two findings of one id on one line offer one "Disable … for this line"
        const key = action.title + JSON.stringify(action.edits);
        if (seen.has(key)) continue;
        seen.add(key);
        out.push(action);
      }
    }
  }

  if (want(KIND_REFACTOR_INSERT_STAGE)) {
    out.push(...insertBetweenActions(plan, at, KIND_REFACTOR_INSERT_STAGE));
    if (inStagedRollout(plan, at)) {
      const next = insertNextStageAction(plan, KIND_REFACTOR_INSERT_STAGE);
      if (next) out.push(next);
    }
  }
  if (want(KIND_REFACTOR_LINK_TOGGLE)) out.push(...linkToggleActions(plan, at));
  if (want(KIND_REFACTOR_INSERT_TIMELINE)) out.push(...insertTimelineActions(plan, at));
  if (want(KIND_REFACTOR_ADD_SECTION) && headingAtLine(plan, at.line)) out.push(...missingSectionActions(plan, KIND_REFACTOR_ADD_SECTION));

  if (asksForSource(only, KIND_SOURCE_INSERT_STAGE)) {
    const next = insertNextStageAction(plan, KIND_SOURCE_INSERT_STAGE);
    if (next) out.push(next);
  }
  if (asksForSource(only, KIND_SOURCE_ADD_SECTION)) out.push(...missingSectionActions(plan, KIND_SOURCE_ADD_SECTION));
  if (asksForSource(only, KIND_FIX_ALL)) {
    const all = fixAllAction(plan, request.allFindings);
    if (all) out.push(all);
  }
  return out;
}
