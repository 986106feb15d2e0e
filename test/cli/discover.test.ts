// Which files a run looks at: the default search under the current directory (plan globs + content
// detection, node_modules and .git skipped), directories, quoted globs, and the files it cannot or
// will not check — binary files, FIFOs, dangling symlinks, directories without plans — each reported
// and counted without stopping the run.
import { strict as assert } from 'node:assert';
import { execFileSync } from 'node:child_process';
import { symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { assertBuilt, parseJson, runCli, scratch, WARNING_PLAN } from '../helpers/cli';

const TODAY = ['--today', '2025-06-01'];
// A plan by content only: its name says nothing, its text has stages and template vocabulary.
const PLAN_BY_CONTENT = WARNING_PLAN.replace('# Widget release plan', '# Widget rollout');
const NOT_A_PLAN = '# Notes\n\n- Owner: TBD\n- Link: [FILL_IN]\n';

describe('release-plan check: finding the files', function () {
  this.timeout(30000);
  let s: ReturnType<typeof scratch>;
  before(() => {
    assertBuilt();
    s = scratch({
      'products/widget/release-plan.md': WARNING_PLAN,
      'products/widget/README.md': NOT_A_PLAN,
      'products/gadget/rollout-notes.md': PLAN_BY_CONTENT,
      'products/gadget/Gadget_Release_Plan.markdown': WARNING_PLAN,
      'products/gadget/release-plan.txt': WARNING_PLAN,
      'docs/guide.md': NOT_A_PLAN,
      'node_modules/some-package/release-plan.md': WARNING_PLAN,
      '.git/release-plan.md': WARNING_PLAN,
    });
  });
  after(() => s.remove());
  const files = (args: string[], cwd = s.dir) => {
    const r = runCli(['check', '-f', 'json', ...TODAY, ...args], { cwd });
    return { ...r, files: [...new Set(parseJson(r).map((f) => f.file))] };
  };

  it('without paths: plans under the current directory by name or content, skipping node_modules and .git', () => {
    const r = files([]);
    assert.equal(r.code, 0, r.stderr);
    assert.deepEqual(r.files, ['products/gadget/Gadget_Release_Plan.markdown', 'products/gadget/rollout-notes.md', 'products/widget/release-plan.md']);
    // the two markdown files that are not plans are counted, not listed
    assert.equal(r.stderr, 'release-plan: 3 plans checked; not checked: 2 not a release plan\n');
  });

  it('a directory argument is searched the same way; overlapping arguments check a file once', () => {
    const r = files(['products/widget', 'products/widget/release-plan.md', 'products']);
    assert.deepEqual(r.files, ['products/gadget/Gadget_Release_Plan.markdown', 'products/gadget/rollout-notes.md', 'products/widget/release-plan.md']);
    assert.equal(parseJson(runCli(['check', '-f', 'json', ...TODAY, 'products/widget', 'products/widget/release-plan.md'], { cwd: s.dir })).length, 2);
  });

  it('paths are printed relative to the current directory, also from a subdirectory', () => {
    const r = files(['../gadget/rollout-notes.md'], join(s.dir, 'products', 'widget'));
    assert.deepEqual(r.files, ['../gadget/rollout-notes.md']);
  });

  it('globs are matched against paths relative to the current directory', () => {
    assert.deepEqual(files(['products/**/release-plan*.md']).files, ['products/widget/release-plan.md']);
    assert.deepEqual(files(['products/*/*.md']).files, ['products/gadget/rollout-notes.md', 'products/widget/release-plan.md']);
    assert.deepEqual(files(['./products/gadget/*']).files, ['products/gadget/Gadget_Release_Plan.markdown', 'products/gadget/release-plan.txt', 'products/gadget/rollout-notes.md']);
    assert.deepEqual(files(['**/{widget,nothing}/*.md']).files, ['products/widget/release-plan.md']);
    const none = runCli(['check', 'products/**/*.rst'], { cwd: s.dir });
    assert.equal(none.code, 2);
    assert.equal(none.stderr, "release-plan: no files match 'products/**/*.rst'\n");
    // a glob too long for the matcher is a readable usage error, not an internal one
    const huge = runCli(['check', `products/${'x'.repeat(70_000)}*.md`], { cwd: s.dir });
    assert.equal(huge.code, 2);
    assert.match(huge.stderr, /^release-plan: the pattern 'products\/x{31}…' is 70,013 characters long \(at most 1,000\)\n$/);
  });

  it('a named file that is not a plan is skipped with a line saying why (the editor would not check it either)', () => {
    const r = files(['docs/guide.md', 'products/widget/release-plan.md']);
    assert.equal(r.code, 0);
    assert.deepEqual(r.files, ['products/widget/release-plan.md']);
    assert.match(r.stderr, /^release-plan: skipped docs\/guide\.md: not a release plan \(.*\)$/m);
  });

  it('a directory without plans is reported and counted; the run still succeeds', () => {
    const r = files(['docs']);
    assert.equal(r.code, 0);
    assert.deepEqual(r.files, []);
    assert.equal(r.stderr, 'release-plan: no release plans found under docs\nrelease-plan: 0 plans checked; not checked: 1 not a release plan\n');
    const stylish = runCli(['check', ...TODAY, 'docs'], { cwd: s.dir });
    assert.equal(stylish.stdout, '✔ 0 plans checked, no problems\n');
  });

  it('binary files are skipped and counted, not parsed', () => {
    const t = scratch({ 'release-plan.md': WARNING_PLAN });
    try {
      writeFileSync(join(t.dir, 'diagram-release-plan.md'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]));
      const r = runCli(['check', '-f', 'json', ...TODAY], { cwd: t.dir });
      assert.equal(r.code, 0, r.stderr);
      // a binary file is skipped (a note on stderr), not a failure: no row, exit unchanged
      assert.deepEqual([...new Set(parseJson(r).map((f) => f.file))], ['release-plan.md']);
      assert.match(r.stderr, /^release-plan: skipped diagram-release-plan\.md: binary file$/m);
      assert.match(r.stderr, /^release-plan: 1 plan checked; not checked: 1 binary$/m);
    } finally {
      t.remove();
    }
  });

  // Tests run as root, where chmod 000 does not stop a read: use things no one can read as a file.
  it('a FIFO, a dangling symlink and a symlink to a directory are reported as unreadable, and the run goes on (exit 2)', () => {
    const t = scratch({ 'release-plan.md': WARNING_PLAN, 'somewhere/else.md': NOT_A_PLAN });
    try {
      execFileSync('mkfifo', [join(t.dir, 'pipe-release-plan.md')]);
      symlinkSync(join(t.dir, 'deleted.md'), join(t.dir, 'dangling-release-plan.md'));
      symlinkSync(join(t.dir, 'somewhere'), join(t.dir, 'linked-release-plan.md'));
      const r = runCli(['check', '-f', 'json', ...TODAY], { cwd: t.dir, timeoutMs: 15000 });
      assert.equal(r.code, 2, r.stderr);
      // each unreadable file is one `file-error` row; the plan's own findings are all there
      assert.deepEqual(parseJson(r).filter((f) => f.code === 'file-error').map((f) => f.file), ['dangling-release-plan.md', 'linked-release-plan.md', 'pipe-release-plan.md']);
      assert.deepEqual([...new Set(parseJson(r).filter((f) => f.code !== 'file-error').map((f) => f.file))], ['release-plan.md']);
      assert.match(r.stderr, /^release-plan: cannot read dangling-release-plan\.md: dangling symbolic link$/m);
      assert.match(r.stderr, /^release-plan: cannot read linked-release-plan\.md: is a directory$/m);
      assert.match(r.stderr, /^release-plan: cannot read pipe-release-plan\.md: is a FIFO \(named pipe\), not a file$/m);
      assert.match(r.stderr, /^release-plan: 1 plan checked; not checked: 1 not a release plan, 3 unreadable$/m);
      // named explicitly, the FIFO is still not opened (opening it would block forever)
      const named = runCli(['check', 'pipe-release-plan.md'], { cwd: t.dir, timeoutMs: 15000 });
      assert.equal(named.code, 2);
      assert.match(named.stderr, /cannot read pipe-release-plan\.md: is a FIFO/);
    } finally {
      t.remove();
    }
  });

  it('sarif records unreadable files as tool execution notifications and marks the run unsuccessful', () => {
    const t = scratch({ 'release-plan.md': WARNING_PLAN });
    try {
      symlinkSync(join(t.dir, 'deleted.md'), join(t.dir, 'dangling-release-plan.md'));
      const r = runCli(['check', '-f', 'sarif', ...TODAY], { cwd: t.dir });
      assert.equal(r.code, 2);
      const invocation = (JSON.parse(r.stdout) as { runs: { invocations: { executionSuccessful: boolean; toolExecutionNotifications: { message: { text: string } }[] }[] }[] }).runs[0].invocations[0];
      assert.equal(invocation.executionSuccessful, false);
      assert.deepEqual(invocation.toolExecutionNotifications.map((n) => n.message.text), ['Could not read dangling-release-plan.md: dangling symbolic link']);
    } finally {
      t.remove();
    }
  });
});
