// Every finding of every check on all 116 corpus plans — as the editor reports them: with the plan
// timeline (today fixed at 2026-03-01) and vets-api's toggle registry — against a committed snapshot
// that was read through by hand (false positives fixed in the checks or the parser before it was
// written). A diff here is a behaviour change to review, not noise: UPDATE_SNAPSHOTS=1 rewrites it.
import { strict as assert } from 'node:assert';
import { readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { allChecks, runChecks } from '../../../server/src/service/checks/index';
import { checkContext, fixedClock } from '../../../server/src/service/index';
import { parsePlan } from '../../../server/src/service/parse/index';
import { RegistryFileSource, ToggleCatalog } from '../../../server/src/service/toggles/index';
import { FIXTURES, TODAY, fixture } from '../../helpers/checks';

const IDS = allChecks.map((c) => c.id);
const registry = new ToggleCatalog({ sources: [new RegistryFileSource('config/features.yml', fixture('corpus', 'vets-api-features.yml'))] }).registry();
const SNAPSHOT = 'corpus-findings.snap.txt';

function render(): string {
  const dir = join('corpus', 'va-release-plans');
  const files = readdirSync(join(FIXTURES, dir)).filter((f) => f.endsWith('.md')).sort();
  const checks = allChecks.filter((c) => IDS.includes(c.id));
  const counts = new Map(IDS.map((id) => [id, 0]));
  const lines: string[] = [];
  for (const file of files) {
    const plan = parsePlan(fixture(dir, file));
    for (const f of runChecks(plan, checkContext(plan, fixedClock(TODAY), registry), undefined, { checks })) {
      counts.set(f.checkId, (counts.get(f.checkId) ?? 0) + 1);
      lines.push(`${file}:${f.range.start.line + 1}:${f.range.start.character + 1} ${f.severity} ${f.checkId} ${f.message}`);
    }
  }
  const header = [
    `# Findings of every check (${IDS.join(', ')}) on ${files.length} corpus plans, today = 2026-03-01, vets-api registry.`,
    `# file:line:column severity id message — regenerate with UPDATE_SNAPSHOTS=1 and review the diff.`,
    `# totals: ${[...counts].map(([id, n]) => `${id}=${n}`).join(' ')}`,
  ];
  return [...header, ...lines, ''].join('\n');
}

describe('checks on the corpus', () => {
  it(`match the reviewed snapshot (test/fixtures/${SNAPSHOT})`, () => {
    const actual = render();
    if (process.env.UPDATE_SNAPSHOTS === '1') writeFileSync(join(FIXTURES, SNAPSHOT), actual);
    const expected = fixture(SNAPSHOT);
    // compare line by line so a failure names the first differing findings rather than a 3000-line blob
    const a = actual.split('\n');
    const e = expected.split('\n');
    const missing = e.filter((l) => !a.includes(l));
    const extra = a.filter((l) => !e.includes(l));
    assert.deepEqual({ missing: missing.slice(0, 20), extra: extra.slice(0, 20) }, { missing: [], extra: [] });
    assert.equal(actual, expected);
  });
});
