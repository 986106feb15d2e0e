// `release-plan summary` as a child process: the same rows as the editor's Release Plans view, in
// stylish (with the parsed-model line kept under each plan), json and markdown.
import { strict as assert } from 'node:assert';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { SummaryEntry } from '../../server/src/cli/summary';
import { datedRolloutText } from '../helpers/rollout';
import { assertBuilt, runCli } from '../helpers/cli';

describe('release-plan summary', function () {
  this.timeout(60000);
  before(assertBuilt);
  let dir: string;
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'rp-summary-'));
    writeFileSync(join(dir, 'widget-release-plan.md'), datedRolloutText());
    writeFileSync(join(dir, 'filled-release-plan.md'), datedRolloutText().replace(/: \[FILL_IN\]/g, ': 10').replace('- Number of unique users:\n', '- Number of unique users: 5\n').replace('Widget', 'Filled widget'));
    writeFileSync(join(dir, 'notes.md'), '# Notes\n\nNothing to see.\n');
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('json: state, current and next stage, late stages and counts per plan, most urgent first', () => {
    const r = runCli(['summary', '--format', 'json', '--today', '2025-03-12'], { cwd: dir });
    assert.equal(r.code, 0, r.stderr);
    const rows = JSON.parse(r.stdout) as SummaryEntry[];
    assert.deepEqual(rows.map((e) => [e.file, e.state, e.current?.label, e.current?.percentage, e.next?.label, e.next?.start, e.late]), [
      ['widget-release-plan.md', 'late', 'Stage B', 25, 'Stage C', 'Tue 3/18', ['Stage A']],
      ['filled-release-plan.md', 'rolling-out', 'Stage B', 25, 'Stage C', 'Tue 3/18', []],
    ]);
    assert.equal(rows[0].text, `Stage B 25% · next Stage C 50% on Tue 3/18 · 1 late (A) · ${rows[0].findings.warning ? `${rows[0].findings.warning} warning` : 'no warnings'}${rows[0].findings.warning > 1 ? 's' : ''}`);
    assert.match(rows[0].model, /^toggles=1 \[widget_enabled\] {2}stages=4 /);
  });

  it('the day moves the groups: before, during and after the rollout', () => {
    const states = (today: string) => (JSON.parse(runCli(['summary', '-f', 'json', '--today', today], { cwd: dir }).stdout) as SummaryEntry[]).map((e) => `${e.file}=${e.state}`).sort();
    assert.deepEqual(states('2025-02-25'), ['filled-release-plan.md=starting-soon', 'widget-release-plan.md=starting-soon']);
    assert.deepEqual(states('2025-04-10'), ['filled-release-plan.md=finished', 'widget-release-plan.md=late']);
  });

  it('stylish keeps the model line under each plan (what summary printed before)', () => {
    const r = runCli(['summary', '--today', '2025-03-12', 'filled-release-plan.md'], { cwd: dir });
    assert.equal(r.code, 0, r.stderr);
    const lines = r.stdout.split('\n');
    assert.equal(lines[0], 'filled-release-plan.md');
    assert.match(lines[1], /^ {2}Rolling out now: Stage B 25% · next Stage C 50% on Tue 3\/18 · /);
    assert.match(lines[2], /^ {2}toggles=1 \[widget_enabled\]/);
  });

  it('markdown: a table whose cells cannot inject markup', () => {
    writeFileSync(join(dir, 'evil-release-plan.md'), datedRolloutText().replace('# Widget Release Plan', '# Widget | <img src=x onerror=alert(1)> *bold*'));
    try {
      const r = runCli(['summary', '--format', 'markdown', '--today', '2025-03-12'], { cwd: dir });
      assert.equal(r.code, 0, r.stderr);
      const lines = r.stdout.trim().split('\n');
      assert.equal(lines[0], '| Plan | State | Current stage | Next | Late | Errors | Warnings |');
      assert.equal(lines.length, 5);
      const evil = lines.find((l) => l.includes('evil'))!;
      // the pipe is escaped; the heading's markup never reaches the table
      assert.ok(evil.startsWith('| Widget \\| '), evil);
      assert.doesNotMatch(evil, /<img|\*bold/);
      assert.equal(evil.split(/(?<!\\)\|/).length, 9);
    } finally {
      rmSync(join(dir, 'evil-release-plan.md'));
    }
  });

  it('says when a named file is not a plan', () => {
    const r = runCli(['summary', 'notes.md'], { cwd: dir });
    assert.equal(r.code, 0);
    assert.equal(r.stdout, '');
    assert.match(r.stderr, /notes\.md is not a release plan; skipped/);
  });
});
