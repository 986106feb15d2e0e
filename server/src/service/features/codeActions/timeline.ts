// The timeline diagram's code actions: on the plan's title, insert (or refresh) the mermaid block;
// for a `timeline-out-of-date` finding, refresh it (or remove it when no stage has dates any more).
// Both re-read the plan, like every quick fix, instead of trusting the finding's data.
import type { Finding } from '../../checks/types';
import type { Position, ReleasePlan } from '../../parse/model';
import { findTimelineBlock, timelineEdit } from '../timelineDiagram';
import { KIND_QUICKFIX, type PlanCodeAction } from './types';

export const KIND_REFACTOR_INSERT_TIMELINE = 'refactor.releasePlan.insertTimeline';

/** On the title line: "Insert timeline diagram" (or "Refresh …" when the block is there and stale). */
export function insertTimelineActions(plan: ReleasePlan, at: Position): PlanCodeAction[] {
  if (!plan.title || plan.title.line !== at.line) return [];
  const edit = timelineEdit(plan);
  if (!edit) return [];
  return [{ title: edit.mode === 'insert' ? 'Insert timeline diagram (mermaid)' : 'Refresh timeline diagram', kind: KIND_REFACTOR_INSERT_TIMELINE, edits: [{ range: edit.range, newText: edit.newText }] }];
}

export function timelineFixes(plan: ReleasePlan, finding: Finding): PlanCodeAction[] {
  const edit = timelineEdit(plan);
  if (edit) return [{ title: 'Refresh timeline diagram', kind: KIND_QUICKFIX, edits: [{ range: edit.range, newText: edit.newText }], diagnostics: [finding], isPreferred: true }];
  const block = findTimelineBlock(plan);
  if (!block) return [];
  return [{ title: 'Remove timeline diagram', kind: KIND_QUICKFIX, edits: [{ range: block.range, newText: '' }], diagnostics: [finding] }];
}
