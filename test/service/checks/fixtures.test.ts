import { strict as assert } from 'node:assert';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { CHECK_IDS } from '../../../server/src/service/checks/catalogue';
import { runChecks } from '../../../server/src/service/checks/index';
import type { CheckContext } from '../../../server/src/service/checks/types';
import type { LocalDate } from '../../../server/src/service/dates/types';
import { parsePlan } from '../../../server/src/service/parse/index';
import type { EnvironmentStatus } from '../../../server/src/service/toggles/types';
import { FIXTURES, contextWithoutDates, fixture, readMarkers } from '../../helpers/checks';

/** `<!-- test-registry: a b -->` in a fixture: the toggle registry unknown-toggle checks against. */
function registryOf(text: string): CheckContext['registry'] {
  const m = /<!-- test-registry: ([^>]*?) -->/.exec(text);
  if (!m) return undefined;
  const names = new Set(m[1].split(/\s+/).filter(Boolean));
  return { has: (name) => names.has(name) };
}

/** `<!-- test-today: 2026-03-10 -->`: the day the fixture is checked on (default: the helpers' TODAY). */
function todayOf(text: string): LocalDate | undefined {
  const m = /<!-- test-today: (\d{4})-(\d{2})-(\d{2}) -->/.exec(text);
  return m ? { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) } : undefined;
}

/**
 * `<!-- test-live: toggle environment on|off|N% -->` lines: the live toggle states rollout-drift compares
 * with the plan (as the editor's Flipper fetcher would report them). None: live status is off.
 */
function liveOf(text: string): CheckContext['live'] {
  const states = [...text.matchAll(/<!-- test-live: (\S+) (\S+) (on|off|\d+%) -->/g)];
  if (!states.length) return undefined;
  const status = (state: string): EnvironmentStatus['status'] =>
    state.endsWith('%')
      ? { kind: 'known', state: 'conditional', anonymousOnly: false, gates: { boolean: false, expression: false, actors: 0, groups: 0, percentageOfActors: parseFloat(state), percentageOfTime: 0 } }
      : { kind: 'known', state: state === 'on' ? 'on' : 'off', anonymousOnly: false };
  return {
    statuses: (name) => states.filter((m) => m[1] === name).map((m): EnvironmentStatus => ({ environment: { name: m[2], kind: 'flipper-api' }, status: status(m[3]) })),
  };
}

describe('check fixtures (inline expect markers)', () => {
  const files = readdirSync(join(FIXTURES, 'checks')).filter((f) => f.endsWith('.md') && f !== 'README.md');

  it('every check has its own fixture, checks/<id>.md, that expects it at least once', () => {
    for (const id of CHECK_IDS) {
      assert.ok(files.includes(`${id}.md`), `test/fixtures/checks/${id}.md is missing`);
      const { expected } = readMarkers(fixture('checks', `${id}.md`));
      assert.ok([...expected.values()].some((ids) => ids.includes(id)), `${id}.md marks no ${id} finding`);
    }
  });

  for (const file of files) {
    it(`${file}: exactly the marked findings`, () => {
      const { text, expected } = readMarkers(fixture('checks', file));
      const findings = runChecks(parsePlan(text), { ...contextWithoutDates(todayOf(text)), registry: registryOf(text), live: liveOf(text) });
      const actual = new Map<number, string[]>();
      for (const f of findings) actual.set(f.range.start.line, [...(actual.get(f.range.start.line) ?? []), f.checkId].sort());
      const render = (m: Map<number, string[]>) => [...m.entries()].sort((a, b) => a[0] - b[0]).map(([line, ids]) => `${line + 1}: ${ids.join(' ')}`);
      const lines = text.split('\n');
      assert.deepEqual(render(actual), render(expected), findings.map((f) => `${f.range.start.line + 1}: ${f.checkId}: ${f.message} | ${lines[f.range.start.line]}`).join('\n'));
    });
  }
});
