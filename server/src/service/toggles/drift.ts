// Plan versus production for one toggle in one environment: the percentage the plan expects today
// (from where today sits among the dated stages) against the live state Flipper reports. The
// rollout-drift check, the toggle hover and any other view ask this one function, so they agree.
//
// What counts as drift, and why the edges are lenient:
// - before the first stage, only a percentage rollout (or fully on) is drift: enabling a toggle for
//   a few named actors or a group (staff, testers) before the canary is normal practice;
// - in a stage (or between two), the live percentage must be the stage's (between: the previous or
//   the next stage's); a conditional state without a percentage gate cannot be compared, unless the
//   plan says 100%, which only "fully enabled" (or 100% of actors) satisfies;
// - after the last stage, the last stage's percentage (normally 100%: fully on);
// - the public va-feature-toggles API answers on/off for an anonymous visitor only, so it is compared
//   only where on/off is the whole answer: not started (off), 100% (on);
// - an unknown state (timeout, server error, untrusted, stale) is never drift: "not compared".
import type { RolloutPosition } from '../dates/rolloutToday';
import type { LocalDate } from '../dates/types';
import type { EnvironmentStatus, ToggleStatus } from './types';

export interface DriftStage {
  /** The bare label, `B`. */
  label: string;
  percentage?: number;
  start: LocalDate;
  end: LocalDate;
}

export type DriftVerdict =
  | { kind: 'matches'; expected: string; live: string }
  | { kind: 'drift'; expected: string; live: string }
  | { kind: 'not-compared'; why: string };

const pct = (n: number) => `${Number.isInteger(n) ? n : Number(n.toFixed(2))}%`;
const day = (d: LocalDate) => `${d.month}/${d.day}/${d.year}`;

/** The live state in Flipper's words (plain text: diagnostics are not markdown). */
export function liveText(status: Extract<ToggleStatus, { kind: 'known' }>): string {
  if (status.anonymousOnly) return `${status.state === 'on' ? 'on' : 'off'} for an anonymous visitor (public API: on/off only)`;
  if (status.state === 'on') return 'fully enabled';
  if (status.state === 'off') return 'disabled';
  const g = status.gates;
  const parts: string[] = [];
  if (g?.percentageOfActors) parts.push(`${pct(g.percentageOfActors)} of actors`);
  if (g?.percentageOfTime) parts.push(`${pct(g.percentageOfTime)} of time`);
  if (g?.actors) parts.push(`${g.actors} actor${g.actors === 1 ? '' : 's'}`);
  if (g?.groups) parts.push(`${g.groups} group${g.groups === 1 ? '' : 's'}`);
  return parts.length ? `conditionally enabled for ${parts.join(', ')}` : 'conditionally enabled';
}

/** The live percentage, or undefined when the state has no percentage to compare (named actors, groups). */
function livePercentage(status: Extract<ToggleStatus, { kind: 'known' }>): number | undefined {
  if (status.state === 'on') return 100;
  if (status.state === 'off') return 0;
  const g = status.gates;
  const p = Math.max(g?.percentageOfActors ?? 0, g?.percentageOfTime ?? 0);
  return p > 0 ? p : undefined;
}

/** What the plan expects today, in words, and the percentages that would match it. */
function expectation(position: RolloutPosition<DriftStage>): { text: string; accepted: number[]; notStarted: boolean } | undefined {
  switch (position.kind) {
    case 'not-started':
      return { text: `not started (Stage ${position.next.label} starts ${day(position.next.start)})`, accepted: [0], notStarted: true };
    case 'in-stage': {
      const p = position.stage.percentage;
      if (p === undefined) return undefined;
      return { text: `Stage ${position.stage.label} at ${pct(p)} since ${day(position.stage.start)}`, accepted: [p], notStarted: false };
    }
    case 'between': {
      const accepted = [position.previous.percentage, position.next.percentage].filter((p): p is number => p !== undefined);
      if (accepted.length === 0) return undefined;
      const prev = position.previous.percentage !== undefined ? ` at ${pct(position.previous.percentage)}` : '';
      return { text: `between stages (Stage ${position.previous.label}${prev} ended ${day(position.previous.end)}, Stage ${position.next.label} starts ${day(position.next.start)})`, accepted, notStarted: false };
    }
    case 'complete': {
      const p = position.last.percentage ?? 100;
      return { text: `rollout complete at ${pct(p)} (Stage ${position.last.label} ended ${day(position.last.end)})`, accepted: [p], notStarted: false };
    }
  }
}

export function driftVerdict(position: RolloutPosition<DriftStage> | undefined, environment: EnvironmentStatus): DriftVerdict {
  const status = environment.status;
  if (status.kind === 'unknown') return { kind: 'not-compared', why: `the live state is unknown (${status.reason.replace(/-/g, ' ')})` };
  if (status.kind === 'not-found') return { kind: 'not-compared', why: 'the toggle is not in Flipper' };
  if (!position) return { kind: 'not-compared', why: 'the plan has no dated stages' };
  const expected = expectation(position);
  if (!expected) return { kind: 'not-compared', why: 'the plan gives no percentage for today' };
  const live = liveText(status);
  if (status.anonymousOnly) {
    // on/off for an anonymous visitor says nothing about a partial percentage of actors
    const wantsOn = expected.accepted.every((p) => p === 100);
    const wantsOff = expected.notStarted;
    if (!wantsOn && !wantsOff) return { kind: 'not-compared', why: 'the public API answers on/off only, which cannot show a partial rollout' };
    const ok = wantsOn ? status.state === 'on' : status.state !== 'on';
    return { kind: ok ? 'matches' : 'drift', expected: expected.text, live };
  }
  const p = livePercentage(status);
  let ok: boolean;
  if (expected.notStarted) ok = p === undefined || p === 0;
  else if (p === undefined) ok = !expected.accepted.includes(100);
  else ok = expected.accepted.includes(p);
  if (p === undefined && !expected.notStarted && ok) return { kind: 'not-compared', why: `production gives no percentage (${live})` };
  return { kind: ok ? 'matches' : 'drift', expected: expected.text, live };
}
