import { strict as assert } from 'node:assert';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { CHECK_IDS } from '../../../server/src/service/checks/catalogue';
import { runChecks } from '../../../server/src/service/checks/index';
import type { CheckContext } from '../../../server/src/service/checks/types';
import { parsePlan } from '../../../server/src/service/parse/index';
import { FIXTURES, contextWithoutDates, fixture, readMarkers } from '../../helpers/checks';

/** `<!-- test-registry: a b -->` in a fixture: the toggle registry unknown-toggle checks against. */
function registryOf(text: string): CheckContext['registry'] {
  const m = /<!-- test-registry: ([^>]*?) -->/.exec(text);
  if (!m) return undefined;
  const names = new Set(m[1].split(/\s+/).filter(Boolean));
  return { has: (name) => names.has(name) };
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
      const findings = runChecks(parsePlan(text), { ...contextWithoutDates(), registry: registryOf(text) });
      const actual = new Map<number, string[]>();
      for (const f of findings) actual.set(f.range.start.line, [...(actual.get(f.range.start.line) ?? []), f.checkId].sort());
      const render = (m: Map<number, string[]>) => [...m.entries()].sort((a, b) => a[0] - b[0]).map(([line, ids]) => `${line + 1}: ${ids.join(' ')}`);
      const lines = text.split('\n');
      assert.deepEqual(render(actual), render(expected), findings.map((f) => `${f.range.start.line + 1}: ${f.checkId}: ${f.message} | ${lines[f.range.start.line]}`).join('\n'));
    });
  }
});
