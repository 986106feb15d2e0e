// `stage-sequence`: stage labels should run A, B, C… (or I, II, III / 1, 2, 3). A repeated, skipped or
// backwards label usually means a stage was copied and not renamed, or one was deleted and the rest
// not relabelled — and dates, percentages and sign-offs get attributed to the wrong stage.
import type { Stage } from '../parse/model';
import type { Check, Finding } from './types';
import { rangeData } from './support';
import { stageLabelAt } from '../parse/stageLabels';

function labelFor(ordinal: number, like: Stage): string {
  return stageLabelAt(ordinal, like.labelKind) ?? '?';
}

export const stageSequenceCheck: Check = {
  id: 'stage-sequence',
  description: 'Stage labels out of sequence: a duplicate (two Stage A), a gap (Stage B then Stage E), or out of order.',
  defaultSeverity: 'warning',
  check(plan) {
    const findings: Finding[] = [];
    // each rollout has its own sequence: a second rollout's Stage A under its own heading starts again
    for (const rollout of plan.rollouts) findings.push(...sequenceFindings(plan.text, rollout.stages));
    return findings;
  },
};

function sequenceFindings(text: string, stages: readonly Stage[]): Finding[] {
  const findings: Finding[] = [];
  // keyed by the whole label, so `Stage A.1` (a sub-stage inserted after A) is not a second A
  const seen = new Map<string, Stage>();
  let prev: Stage | undefined;
  for (const stage of stages) {
    const key = `${stage.ordinal}.${stage.sub ?? 0}`;
    const first = seen.get(key);
    const push = (message: string, expected: string | undefined) =>
      findings.push({
        checkId: 'stage-sequence',
        range: stage.labelRange,
        message,
        data: { label: stage.label, expected, labelRange: rangeData(stage.labelRange) },
      });
    if (stage.sub !== undefined && !first) {
      // a sub-stage follows its parent or an earlier sibling: A, A.1, A.2, B
      if (!prev || prev.ordinal !== stage.ordinal || (prev.sub ?? 0) >= stage.sub) {
        const parent = stage.label.split('.')[0];
        push(`Stage ${stage.label} ${prev ? `comes after Stage ${prev.label}` : 'comes first'}; a sub-stage belongs right after Stage ${parent}`, undefined);
      }
    } else if (first) {
      push(`Stage ${stage.label} appears twice (first on line ${first.labelRange.start.line + 1}); rename one of them`, prev ? labelFor(prev.ordinal + 1, stage) : undefined);
    } else if (!prev) {
      // numbered stages may start at 0 or 1; letters and numerals start at A / I
      const start = stage.labelKind === 'number' && stage.ordinal === 0 ? 0 : 1;
      const expected = labelFor(start, stage);
      // a struck-out or prose `Stage A` elsewhere means the author dropped it on purpose
      if (stage.ordinal !== start && !new RegExp(`\\bStage\\s+${expected}\\b`).test(text)) {
        push(`The first stage is Stage ${stage.label}; expected Stage ${expected}`, expected);
      }
    } else if (stage.ordinal < prev.ordinal) {
      push(`Stage ${stage.label} comes after Stage ${prev.label}; stages should be in order`, labelFor(prev.ordinal + 1, stage));
    } else if (stage.ordinal > prev.ordinal + 1) {
      const expected = labelFor(prev.ordinal + 1, stage);
      push(`Stage ${stage.label} follows Stage ${prev.label}; expected Stage ${expected}`, expected);
    }
    if (!first) seen.set(key, stage);
    prev = stage;
  }
  return findings;
}
