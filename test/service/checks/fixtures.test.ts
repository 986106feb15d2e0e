import { strict as assert } from 'node:assert';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { runChecks } from '../../../server/src/service/checks/index';
import { parsePlan } from '../../../server/src/service/parse/index';
import { FIXTURES, contextWithoutDates, fixture, readMarkers } from './helpers';

describe('check fixtures (inline expect markers)', () => {
  const files = readdirSync(join(FIXTURES, 'checks')).filter((f) => f.endsWith('.md') && f !== 'README.md');

  it('has fixtures to run', () => assert.ok(files.length >= 8, files.join(', ')));

  for (const file of files) {
    it(`${file}: exactly the marked findings`, () => {
      const { text, expected } = readMarkers(fixture('checks', file));
      const findings = runChecks(parsePlan(text), contextWithoutDates());
      const actual = new Map<number, string[]>();
      for (const f of findings) actual.set(f.range.start.line, [...(actual.get(f.range.start.line) ?? []), f.checkId].sort());
      const render = (m: Map<number, string[]>) => [...m.entries()].sort((a, b) => a[0] - b[0]).map(([line, ids]) => `${line + 1}: ${ids.join(' ')}`);
      const lines = text.split('\n');
      assert.deepEqual(render(actual), render(expected), findings.map((f) => `${f.range.start.line + 1}: ${f.checkId}: ${f.message} | ${lines[f.range.start.line]}`).join('\n'));
    });
  }
});
