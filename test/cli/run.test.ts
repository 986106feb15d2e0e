// Exit codes and thresholds: 0 clean or only below the thresholds, 1 error-level findings or too many
// warnings, 2 usage/config errors and files that could not be read; --severity filters what is
// printed and counted; --today moves the timeline.
import { strict as assert } from 'node:assert';
import { symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { assertBuilt, CLEAN_PLAN, parseJson, runCli, scratch, SMALL_PLAN, WARNING_PLAN } from '../helpers/cli';

const EARLY = ['--today', '2025-06-01'];

describe('release-plan check exit codes and thresholds', function () {
  this.timeout(30000);
  let s: ReturnType<typeof scratch>;
  before(() => {
    assertBuilt();
    s = scratch({ 'clean/release-plan.md': CLEAN_PLAN, 'warn/release-plan.md': WARNING_PLAN, 'error/release-plan.md': SMALL_PLAN });
  });
  after(() => s.remove());
  const run = (args: string[]) => runCli(['check', ...args], { cwd: s.dir });

  it('0 for a clean plan', () => {
    const r = run([...EARLY, 'clean']);
    assert.equal(r.code, 0, r.stderr);
    assert.deepEqual(parseJson(run(['-f', 'json', ...EARLY, 'clean'])), []);
  });

  it('0 with warnings and information only; 1 once there is an error-level finding', () => {
    const warn = parseJson(run(['-f', 'json', ...EARLY, 'warn']));
    assert.deepEqual(warn.map((f) => `${f.severity} ${f.code}`), ['information placeholder', 'warning percentage-mismatch']);
    assert.equal(run([...EARLY, 'warn']).code, 0);
    const err = run(['-f', 'json', ...EARLY, 'error']);
    assert.equal(err.code, 1);
    assert.deepEqual(parseJson(err).map((f) => `${f.line}:${f.column} ${f.severity} ${f.code}`), ['9:27 error invalid-date', '11:27 information placeholder', '16:24 warning percentage-mismatch']);
  });

  it('--max-warnings: 1 only when the warnings exceed it, with a line saying so', () => {
    assert.equal(run([...EARLY, '--max-warnings', '1', 'warn']).code, 0);
    const over = run([...EARLY, '--max-warnings', '0', 'warn']);
    assert.equal(over.code, 1);
    assert.match(over.stderr, /^release-plan: 1 warning, more than --max-warnings 0$/m);
  });

  it('--severity drops lower findings from the output and from the counts', () => {
    const onlyErrors = run(['-f', 'json', ...EARLY, '--severity', 'error', 'warn', 'error']);
    assert.deepEqual(parseJson(onlyErrors).map((f) => `${f.file} ${f.code}`), ['error/release-plan.md invalid-date']);
    assert.equal(onlyErrors.code, 1);
    // the warning is below the threshold, so it cannot trip --max-warnings 0
    assert.equal(run([...EARLY, '--severity', 'error', '--max-warnings', '0', 'warn']).code, 0);
    const warnings = parseJson(run(['-f', 'json', ...EARLY, '--severity', 'warning', 'warn']));
    assert.deepEqual(warnings.map((f) => f.code), ['percentage-mismatch']);
  });

  it('--today decides timeline severity: a placeholder in a stage that has ended is a warning', () => {
    const before = parseJson(run(['-f', 'json', '--today', '2025-06-01', 'warn'])).find((f) => f.code === 'placeholder');
    const after = parseJson(run(['-f', 'json', '--today', '2025-08-01', 'warn'])).find((f) => f.code === 'placeholder');
    assert.equal(before?.severity, 'information');
    assert.equal(after?.severity, 'warning');
    assert.match(after!.message, /Stage A ended 7\/3\/2025/);
    assert.equal(run(['--today', '2025-08-01', '--max-warnings', '1', 'warn']).code, 1);
  });

  it('2 when a file cannot be read, after reporting the findings of every other file', () => {
    const t = scratch({ 'release-plan.md': SMALL_PLAN });
    try {
      symlinkSync(join(t.dir, 'gone.md'), join(t.dir, 'old-release-plan.md'));
      const r = runCli(['check', '-f', 'json', ...EARLY], { cwd: t.dir });
      assert.equal(r.code, 2);
      assert.deepEqual(parseJson(r).map((f) => `${f.file} ${f.code}`), ['old-release-plan.md file-error', 'release-plan.md invalid-date', 'release-plan.md placeholder', 'release-plan.md percentage-mismatch']);
      assert.match(r.stderr, /^release-plan: cannot read old-release-plan\.md: dangling symbolic link$/m);
    } finally {
      t.remove();
    }
  });
});
