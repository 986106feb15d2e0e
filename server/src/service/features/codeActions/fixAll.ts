// Fix All (`source.fixAll.releasePlan`, e.g. from `editor.codeActionsOnSave`): every preferred fix at
// once. Only fixes with one obvious outcome are preferred (a link target that disagrees with its text,
// a length that disagrees with its dates, a misspelt check id); answering a [PICK_ONE] or choosing
// which side of a percentage mismatch is right stays with the author.
import type { Finding } from '../../checks/types';
import type { ReleasePlan } from '../../parse/model';
import { quickFixesFor } from './quickFixes';
import { KIND_FIX_ALL, type PlanCodeAction, type PlanTextEdit } from './types';

function before(a: PlanTextEdit['range']['start'], b: PlanTextEdit['range']['start']): number {
  return a.line - b.line || a.character - b.character;
}

export function fixAllAction(plan: ReleasePlan, findings: readonly Finding[]): PlanCodeAction | undefined {
  const edits: PlanTextEdit[] = [];
  const fixed: Finding[] = [];
  for (const finding of findings) {
    const safe = quickFixesFor(plan, finding).find((a) => a.isPreferred);
    if (!safe) continue;
    // two fixes touching the same text: the first wins, the other stays for the next run
    const clashes = safe.edits.some((e) => edits.some((o) => before(e.range.start, o.range.end) < 0 && before(o.range.start, e.range.end) < 0));
    if (clashes) continue;
    edits.push(...safe.edits);
    fixed.push(finding);
  }
  if (!edits.length) return undefined;
  edits.sort((a, b) => before(a.range.start, b.range.start));
  return { title: `Fix all release-plan problems that have a safe fix (${fixed.length})`, kind: KIND_FIX_ALL, edits, diagnostics: fixed };
}
