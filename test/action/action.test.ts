// The GitHub Action as the runner starts it: `node dist/action.js` with the working directory
// somewhere else, GITHUB_WORKSPACE the checkout, GITHUB_STEP_SUMMARY a file to append to and the
// inputs as INPUT_<NAME> variables (names upper-cased, hyphens kept). The annotations must be what
// `release-plan check --format github` prints for the same plans; the summary a table of every plan.
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { cpSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { jobSummary } from '../../server/src/action/summary';
import { assertBuilt, REPO_ROOT, runCli, scratch, SMALL_PLAN, WARNING_PLAN, type CliRun } from '../helpers/cli';

const ACTION_JS = join(REPO_ROOT, 'dist', 'action.js');

interface ActionRun extends CliRun {
  summary: string;
}

function runAction(workspace: string, inputs: Record<string, string>, summaryFile: string): ActionRun {
  const env: NodeJS.ProcessEnv = { PATH: process.env.PATH, GITHUB_ACTIONS: 'true', GITHUB_WORKSPACE: workspace, GITHUB_STEP_SUMMARY: summaryFile };
  for (const [name, value] of Object.entries(inputs)) env[`INPUT_${name.toUpperCase()}`] = value;
  // the runner starts actions from the workspace's parent, not from the checkout
  const r = spawnSync(process.execPath, [ACTION_JS], { cwd: join(workspace, '..'), env, encoding: 'utf8', timeout: 60_000 });
  if (r.error) throw r.error;
  return { code: r.status, stdout: r.stdout, stderr: r.stderr, summary: readFileSync(summaryFile, 'utf8') };
}

describe('GitHub Action (action.yml → dist/action.js)', function () {
  this.timeout(60_000);
  let s: ReturnType<typeof scratch>;
  let n = 0;
  const summaryFile = () => s.write(`summary-${++n}.md`, '');
  before(() => {
    assertBuilt();
    s = scratch({ 'ws/docs/feature/release-plan.md': WARNING_PLAN, 'ws/broken/release-plan.md': SMALL_PLAN, 'ws/README.md': '# not a plan\n' });
    cpSync(join(REPO_ROOT, 'test', 'fixtures', 'seeds'), join(s.dir, 'ws', 'plans'), { recursive: true });
  });
  after(() => s.remove());
  const ws = () => join(s.dir, 'ws');

  it('annotates exactly what the CLI reports in the github format, relative to the workspace', () => {
    const action = runAction(ws(), { today: '2026-02-12', 'fail-on': 'never' }, summaryFile());
    const cli = runCli(['check', '--format', 'github', '--today', '2026-02-12'], { cwd: ws() });
    assert.ok(cli.stdout.split('\n').length > 50, 'the seeds and small plans give many findings');
    assert.equal(action.stdout, cli.stdout);
    assert.match(action.stdout, /^::error file=broken\/release-plan\.md,line=9,col=27,.*title=release-plan invalid-date::/m);
    assert.equal(action.code, 0, 'fail-on: never');
  });

  it('writes a job summary: one row per plan with its stage today, counts and top findings', () => {
    const file = s.write('summary-existing.md', '# an earlier step\n');
    const r = runAction(ws(), { today: '2026-02-12', 'fail-on': 'never' }, file);
    assert.ok(r.summary.startsWith('# an earlier step\n## Release plans\n'), 'appended, not overwritten');
    const counts = /^5 plans checked on 2026-02-12: 1 error, \d+ warnings, \d+ information, (\d+) hints\.$/m.exec(r.summary);
    assert.ok(counts && Number(counts[1]) > 0, 'results not yet due are counted as hints');
    assert.doesNotMatch(r.summary, /💡/, 'hints are counted, never listed among the top findings');
    const rows = r.summary.split('\n').filter((l) => l.startsWith('| ') && !l.startsWith('| Plan') && !l.startsWith('| ---'));
    assert.deepEqual(rows.map((l) => l.split(' | ')[0].slice(2)), [
      'broken/release-plan.md',
      'docs/feature/release-plan.md',
      'plans/000-dispute-debt-release-plan.md',
      'plans/003-avs-release-plan.md',
      'plans/004-cst-document-status-release-plan.md',
    ]);
    const row = (file: string) => rows.find((l) => l.startsWith(`| ${file} `))!.split(' | ');
    // Stage A starts 2/11/2026 and runs ~1 week; 000 finished in 2025; 003 has no dated stages
    assert.equal(row('plans/004-cst-document-status-release-plan.md')[1], 'Stage A, 25%, 2/11–2/17/2026');
    assert.equal(row('plans/000-dispute-debt-release-plan.md')[1], 'rollout complete (Stage E ended 7/30/2025)');
    assert.equal(row('plans/003-avs-release-plan.md')[1], '—');
    // the error leads the broken plan's top findings, with its line and check id
    const broken = row('broken/release-plan.md');
    assert.deepEqual(broken.slice(2, 5), ['1', '1', '1']);
    assert.match(broken[5], /^🛑 line 9 `invalid-date`: /);
    const cst = row('plans/004-cst-document-status-release-plan.md');
    assert.match(cst[5], /… and \d+ more \|$/, 'more than three findings: the rest are counted');
    // each plan with dated stages gets its gantt (the editor's own diagram), a plan with none gets none
    const timelines = [...r.summary.matchAll(/^### (.+)\n\n```mermaid\ngantt\n([\s\S]*?)\n```$/gm)];
    assert.deepEqual(timelines.map((m) => m[1]).sort(), ['docs/feature/release-plan.md', 'plans/000-dispute-debt-release-plan.md', 'plans/004-cst-document-status-release-plan.md']);
    const dispute = timelines.find((m) => m[1].startsWith('plans/000'))![2];
    assert.match(dispute, /dateFormat YYYY-MM-DD/);
    assert.match(dispute, /Desired date range\s*:2025-06-30, 17d/);
    assert.doesNotMatch(r.summary, /release-plan:timeline:start/, 'no marker comments in the summary');
  });

  it('fail-on decides whether findings fail the step; the CLI rule is the default', () => {
    const inputs = { today: '2026-02-12', files: 'docs/**/*.md' };
    // one warning, no error
    assert.equal(runAction(ws(), inputs, summaryFile()).code, 0);
    assert.equal(runAction(ws(), { ...inputs, 'max-warnings': '0' }, summaryFile()).code, 1);
    assert.equal(runAction(ws(), { ...inputs, 'fail-on': 'warning' }, summaryFile()).code, 1);
    assert.equal(runAction(ws(), { ...inputs, 'fail-on': 'warning', 'max-warnings': '5' }, summaryFile()).code, 1, 'fail-on: warning means any warning');
    // an error-level finding
    const broken = { today: '2026-02-12', files: 'broken/release-plan.md' };
    assert.equal(runAction(ws(), broken, summaryFile()).code, 1);
    assert.equal(runAction(ws(), { ...broken, 'fail-on': 'never' }, summaryFile()).code, 0);
  });

  it('files takes one glob per line; the summary lists only what was checked', () => {
    const r = runAction(ws(), { today: '2026-02-12', files: 'docs/**/*.md\n\nplans/004-*.md\n' }, summaryFile());
    assert.deepEqual([...new Set([...r.stdout.matchAll(/file=([^,]+)/g)].map((m) => m[1]))], ['docs/feature/release-plan.md', 'plans/004-cst-document-status-release-plan.md']);
    assert.match(r.summary, /^2 plans checked on 2026-02-12/m);
  });

  it('registry: a toggle missing from features.yml is annotated', () => {
    s.write('ws/config/toggles.yml', 'features:\n  some_other_toggle:\n    actor_type: user\n    description: x\n');
    const r = runAction(ws(), { today: '2026-02-12', files: 'plans/004-*.md', registry: 'config/toggles.yml' }, summaryFile());
    assert.match(r.stdout, /^::warning file=plans\/004-cst-document-status-release-plan\.md,.*title=release-plan unknown-toggle::.*cst_show_document_upload_status/m);
  });

  it('a bad input is one error annotation naming the input, and fails the step (exit 2) whatever fail-on says', () => {
    for (const [inputs, pattern] of [
      [{ 'max-warnings': 'many' }, /^::error title=release-plan::input max-warnings expects a whole number/],
      [{ today: '2026-02-30' }, /^::error title=release-plan::input today expects a real calendar day/],
      [{ 'fail-on': 'sometimes' }, /^::error title=release-plan::input fail-on must be one of error, warning, never/],
      [{ registry: 'missing.yml', 'fail-on': 'never' }, /./],
    ] as const) {
      const r = runAction(ws(), inputs, summaryFile());
      assert.equal(r.code, 2, JSON.stringify(inputs));
      assert.match(r.stdout + r.stderr, pattern);
    }
  });

  it('action.yml: node24, dist/action.js, and exactly the inputs the entry reads', () => {
    const action = parseYaml(readFileSync(join(REPO_ROOT, 'action.yml'), 'utf8')) as { runs: { using: string; main: string }; inputs: Record<string, { default?: string }> };
    assert.deepEqual(action.runs, { using: 'node24', main: 'dist/action.js' });
    assert.deepEqual(Object.keys(action.inputs).sort(), ['fail-on', 'files', 'max-warnings', 'registry', 'today']);
    assert.equal(action.inputs['fail-on'].default, 'error');
    const source = readFileSync(join(REPO_ROOT, 'server', 'src', 'action', 'inputs.ts'), 'utf8');
    for (const name of Object.keys(action.inputs)) assert.ok(source.includes(`input(env, '${name}')`), `inputs.ts reads ${name}`);
  });

  it('the committed dist/action.js is the bundle a fresh build makes (users of the action get no build step)', () => {
    // `npm test` builds first, so the working-tree bundle is fresh; the index holds what would be committed
    const committed = spawnSync('git', ['show', ':dist/action.js'], { cwd: REPO_ROOT, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
    assert.equal(committed.status, 0, `dist/action.js is not committed: ${committed.stderr}`);
    assert.ok(committed.stdout === readFileSync(ACTION_JS, 'utf8'), 'dist/action.js is stale: run `npm run build` and commit dist/action.js');
  });

  it('writes no summary file when GITHUB_STEP_SUMMARY is unset (running outside Actions)', () => {
    const r = spawnSync(process.execPath, [ACTION_JS], { cwd: ws(), env: { PATH: process.env.PATH, INPUT_TODAY: '2026-02-12', INPUT_FILES: 'docs/**/*.md' }, encoding: 'utf8' });
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stdout, /^::warning file=docs\/feature\/release-plan\.md/m);
  });
});

describe('action summary escaping', () => {
  it('text from plans cannot inject markup, links or table cells', () => {
    const hostile = 'a | b <img src=x onerror=alert(1)> [link](https://evil.example) `code`';
    const finding = { file: 'x|y.md', line: 1, column: 1, endLine: 1, endColumn: 2, severity: 'warning' as const, code: 'placeholder', message: hostile };
    const md = jobSummary({ findings: [finding], outcomes: [{ file: 'x|y.md', status: 'checked', findings: [finding] }], emptyDirectories: [] }, { today: '2026-01-01', facts: new Map([['x|y.md', { timeline: 'gantt\n```\nnot closed' }]]) });
    const row = md.split('\n').find((l) => l.startsWith('| x'))!;
    assert.equal(row.replace(/\\\|/g, '').split('|').length, 8, 'escaped pipes do not split cells');
    // every `<`, `[`, `]` and `(` from the plan arrives backslash-escaped
    assert.ok(!/(^|[^\\])<img/m.test(md) && !/[^\\]\]\\?\(https/.test(md) && md.includes('\\<img'), md);
    assert.match(md, /^````mermaid\ngantt\n```\nnot closed\n````$/m, 'a fence the timeline cannot close');
  });
});
