// When the feature launched (or will): the day the post-launch check-ins are counted from. Only two
// things in a plan say that — the start of the stage that reaches 100% of users, or a go-live / launch
// date — so the launch is one of those or unknown. It is never guessed from the last stage that happens
// to have a date (seed 004: Stage A has dates, the 100% Stage C has none; counting the 1-week check-in
// from Stage A invented "ended Feb 18, 2026" and sixteen warnings).
import type { ReleasePlan } from '../parse/model';
import { stagePercentage } from '../parse/queries';
import { coversLine } from '../parse/text';
import { compareDates, type LocalDate } from './calendar';
import type { DateMention } from './planDates';

export interface Launch {
  day: LocalDate;
  /** What the day was read from, for explanations: `Stage E` or the go-live field's label. */
  from: string;
}

/** Labels whose date is the launch itself (`Go-live date`, `Beta launch on prod`), not `Post-launch KPI 1`. */
const GO_LIVE_RE = /\b(?:go[- ]?live|(?<!post[- ]|pre[- ])launch(?:ed)?(?: date)?|full (?:release|rollout)(?: date)?)\b/i;
/** In a `## Go Live!` section, any date field is the launch date (`Desired date for initial launch: 03/20/2021`). */
const DATE_LABEL_RE = /\bdate\b/i;

/**
 * The launch day: the start of the first stage whose percentage reaches 100% when that stage has planned
 * dates; else the earliest go-live / launch date written in a field (or a Go-live section's heading or
 * date fields);
 * else undefined. A 100% stage without dates does not fall back to an earlier stage.
 */
export function launchOf(
  plan: ReleasePlan,
  stages: ReadonlyArray<{ stage: ReleasePlan['stages'][number]; start: LocalDate; label: string }>,
  mentions: readonly DateMention[],
): Launch | undefined {
  const full = plan.stages.find((s) => (stagePercentage(s)?.value ?? 0) >= 100);
  const window = full && stages.find((w) => w.stage === full);
  if (window) return { day: window.start, from: window.label };
  const goLiveSections = plan.sections.filter((s) => s.kind === 'go-live');
  let best: Launch | undefined;
  for (const m of mentions) {
    if (!m.start || (m.expr.kind !== 'date' && m.expr.kind !== 'range') || m.part === 'results') continue;
    const byField = m.field !== undefined && GO_LIVE_RE.test(m.field.label) && !m.stage;
    const inGoLive = goLiveSections.find((s) => coversLine(s.range, m.line));
    const bySection = inGoLive !== undefined && (m.line === inGoLive.heading.line || (m.field !== undefined && DATE_LABEL_RE.test(m.field.label)));
    if (!byField && !bySection) continue;
    if (!best || compareDates(m.start, best.day) < 0) best = { day: m.start, from: m.field?.label ?? 'go-live' };
  }
  return best;
}
