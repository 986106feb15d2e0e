// CodeLens on the toggle table, plan versus production (issue 19 point 1): per configured environment
// `production: 25% · matches plan`, or the drift (`production: 5% · drift — plan says Stage B at 25%
// since 3/2/2026`), or why it was not compared. The verdict is rollout-drift's own (driftVerdict over
// the same ramps), so lens and diagnostic cannot disagree. It reads live answers already fetched;
// the caller hands in none when live status is off (no environment, untrusted workspace).
import type { LocalDate } from '../dates/types';
import type { Position, Range, ReleasePlan } from '../parse/model';
import { driftVerdict } from '../toggles/drift';
import { anchorStage, driftRamps } from '../toggles/driftRamps';
import type { EnvironmentStatus, ToggleStatus } from '../toggles/types';

export interface DriftLens {
  /** The toggle's name in the table (or, in a plan with several rollouts, its first mention in the rollout). */
  range: Range;
  title: string;
  /** Where clicking goes: the stage the plan expects today. */
  target: Position;
}

export interface LiveAnswers {
  statuses(toggleName: string): readonly EnvironmentStatus[];
}

const pct = (n: number) => `${Number.isInteger(n) ? n : Number(n.toFixed(2))}%`;

/** The live state in a few characters: `25%`, `on`, `off`, `conditional (2 groups)`. */
function shortLive(status: Extract<ToggleStatus, { kind: 'known' }>): string {
  if (status.anonymousOnly) return `${status.state === 'on' ? 'on' : 'off'} (anonymous)`;
  if (status.state === 'on') return 'on (100%)';
  if (status.state === 'off') return 'off';
  const g = status.gates;
  const p = Math.max(g?.percentageOfActors ?? 0, g?.percentageOfTime ?? 0);
  if (p > 0) return pct(p);
  const who = [g?.actors ? `${g.actors} actor${g.actors === 1 ? '' : 's'}` : '', g?.groups ? `${g.groups} group${g.groups === 1 ? '' : 's'}` : ''].filter(Boolean);
  return who.length ? `conditional (${who.join(', ')})` : 'conditional';
}

export function provideDriftLenses(plan: ReleasePlan, today: LocalDate, live: LiveAnswers): DriftLens[] {
  const out: DriftLens[] = [];
  for (const { position, toggles } of driftRamps(plan, today)) {
    const target = position ? anchorStage(position).heading.start : undefined;
    for (const toggle of toggles) {
      for (const environment of live.statuses(toggle.name)) {
        const name = environment.environment.name;
        const verdict = driftVerdict(position, environment);
        const status = environment.status;
        let title: string;
        if (verdict.kind === 'not-compared' || status.kind !== 'known') title = `${name}: not compared — ${verdict.kind === 'not-compared' ? verdict.why : 'no live state'}`;
        else if (verdict.kind === 'matches') title = `${name}: ${shortLive(status)} · matches plan`;
        else title = `${name}: ${shortLive(status)} · drift — plan says ${verdict.expected}`;
        out.push({ range: toggle.range, title, target: target ?? toggle.range.start });
      }
    }
  }
  return out;
}
