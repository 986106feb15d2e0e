// driftVerdict: the comparison rollout-drift and the toggle hover share. The LSP suite covers the
// issue's examples end to end; these are the edges — va-feature-toggles' on/off-only answers, the
// days between two stages, and conditional states with no percentage to compare.
import { strict as assert } from 'node:assert';
import { rolloutToday } from '../../../server/src/service/dates/rolloutToday';
import { driftVerdict, type DriftStage } from '../../../server/src/service/toggles/drift';
import type { EnvironmentStatus, GateSummary, ToggleStatus } from '../../../server/src/service/toggles/types';

const NO_GATES: GateSummary = { boolean: false, expression: false, actors: 0, groups: 0, percentageOfActors: 0, percentageOfTime: 0 };
const STAGES: DriftStage[] = [
  { label: 'A', percentage: 5, start: { year: 2026, month: 3, day: 2 }, end: { year: 2026, month: 3, day: 5 } },
  { label: 'B', percentage: 25, start: { year: 2026, month: 3, day: 9 }, end: { year: 2026, month: 3, day: 12 } },
  { label: 'C', percentage: 100, start: { year: 2026, month: 3, day: 16 }, end: { year: 2026, month: 3, day: 20 } },
];
const at = (day: number) => rolloutToday(STAGES, { year: 2026, month: 3, day });
const flipper = (status: ToggleStatus): EnvironmentStatus => ({ environment: { name: 'production', kind: 'flipper-api' }, status, ageSeconds: 5 });
const conditional = (g: Partial<GateSummary>) => flipper({ kind: 'known', state: 'conditional', anonymousOnly: false, gates: { ...NO_GATES, ...g } });
const anonymous = (state: 'on' | 'off'): EnvironmentStatus => ({ environment: { name: 'public', kind: 'va-feature-toggles' }, status: { kind: 'known', state, anonymousOnly: true } });
const kind = (position: ReturnType<typeof at>, env: EnvironmentStatus) => driftVerdict(position, env).kind;

describe('driftVerdict', () => {
  it('between two stages, either neighbour percentage matches; anything else drifts', () => {
    assert.equal(kind(at(7), conditional({ percentageOfActors: 5 })), 'matches');
    assert.equal(kind(at(7), conditional({ percentageOfActors: 25 })), 'matches');
    assert.equal(kind(at(7), conditional({ percentageOfActors: 50 })), 'drift');
  });

  it('named actors or groups before the canary are normal; a percentage before it is drift', () => {
    assert.equal(kind(at(1), conditional({ groups: 1, actors: 3 })), 'matches');
    assert.equal(kind(at(1), conditional({ percentageOfTime: 10 })), 'drift');
  });

  it('a conditional state without a percentage is compared only against 100%', () => {
    const v = driftVerdict(at(10), conditional({ groups: 2 }));
    assert.equal(v.kind, 'not-compared');
    assert.match(v.kind === 'not-compared' ? v.why : '', /no percentage \(conditionally enabled for 2 groups\)/);
    assert.equal(kind(at(25), conditional({ groups: 2 })), 'drift');
    assert.equal(kind(at(25), conditional({ percentageOfActors: 100 })), 'matches');
  });

  it('va-feature-toggles compares on/off only: off before the rollout, on at 100%, and says so in between', () => {
    assert.equal(kind(at(1), anonymous('on')), 'drift');
    assert.equal(kind(at(1), anonymous('off')), 'matches');
    assert.equal(kind(at(25), anonymous('off')), 'drift');
    assert.equal(kind(at(18), anonymous('on')), 'matches');
    const partial = driftVerdict(at(10), anonymous('off'));
    assert.deepEqual(partial, { kind: 'not-compared', why: 'the public API answers on/off only, which cannot show a partial rollout' });
    const drift = driftVerdict(at(25), anonymous('off'));
    assert.match(drift.kind === 'drift' ? drift.live : '', /public API: on\/off only/);
  });

  it('unknown, not found or no dates: not compared, with the reason', () => {
    assert.deepEqual(driftVerdict(at(10), flipper({ kind: 'unknown', reason: 'http-error', detail: 'HTTP 500' })), { kind: 'not-compared', why: 'the live state is unknown (http error)' });
    assert.deepEqual(driftVerdict(at(10), flipper({ kind: 'not-found' })), { kind: 'not-compared', why: 'the toggle is not in Flipper' });
    assert.deepEqual(driftVerdict(undefined, conditional({ percentageOfActors: 5 })), { kind: 'not-compared', why: 'the plan has no dated stages' });
  });
});
