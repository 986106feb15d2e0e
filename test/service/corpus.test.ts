import { strict as assert } from 'node:assert';
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { parsePlan } from '../../server/src/service/parse/index';
import { corpusFiles, FIXTURES, read } from '../helpers/fixtures';

// Stage headings found by a deliberately different method (a line regex, no markdown parser):
// the model must produce exactly these, in this order. Results headings (`Stage A Results`) are not stages.
function stageHeadingLabels(text: string): string[] {
  const labels: string[] = [];
  let fence = false;
  for (const line of text.split(/\r?\n/)) {
    if (/^ {0,3}(```|~~~)/.test(line)) fence = !fence;
    if (fence) continue;
    const m = /^ {0,3}#{1,6}\s+[*_]*[Ss]tage\s+([A-Z]|[IVX]+|\d+)\b(?!\s+Results)/.exec(line);
    if (m) labels.push(m[1]);
  }
  return labels;
}

describe('parsePlan on the 116 real plans', () => {
  const files = corpusFiles();

  it('has the whole corpus', () => assert.equal(files.length, 116));

  for (const file of files) {
    it(`${basename(file)}: parses, and its stage headings become its stages in order`, () => {
      const text = read(file);
      const plan = parsePlan(text);
      const expected = stageHeadingLabels(text);
      if (expected.length) assert.deepEqual(plan.stages.map((s) => s.label), expected);
      const lines = text.split(/\r?\n/);
      for (const t of plan.toggles) assert.equal(lines[t.range.start.line].slice(t.range.start.character, t.range.end.character), t.name);
      for (const p of plan.placeholders) assert.equal(lines[p.range.start.line].slice(p.range.start.character, p.range.end.character), p.text);
    });
  }

  it('npm run corpus-report output matches the reviewed snapshot (UPDATE_SNAPSHOTS=1 rewrites it)', function () {
    this.timeout(60000);
    const out = execFileSync(process.execPath, ['--require', 'tsx/cjs', join('scripts', 'dev', 'corpus-report.ts')], { encoding: 'utf8' });
    const snap = join(FIXTURES, 'corpus-report.snap.txt');
    if (process.env.UPDATE_SNAPSHOTS) writeFileSync(snap, out);
    assert.equal(out, readFileSync(snap, 'utf8'));
  });
});
