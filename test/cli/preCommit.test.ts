// Pre-commit: the README's plain git hook, installed for real in a temporary repository (so the test
// runs the recipe users copy, not a paraphrase of it), and the pre-commit framework's
// .pre-commit-hooks.yaml checked for the shape the framework reads.
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { chmodSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import picomatch from 'picomatch';
import { parse as parseYaml } from 'yaml';
import { DEFAULT_PLAN_GLOBS } from '../../server/src/service/detect';
import { assertBuilt, CLEAN_PLAN, CLI_JS, REPO_ROOT, scratch, SMALL_PLAN, WARNING_PLAN } from '../helpers/cli';

const README = readFileSync(join(REPO_ROOT, 'README.md'), 'utf8');

/** The README's hook: the sh block that starts with the release-plan hook's first comment. */
function readmeHook(): string {
  const m = /```sh\n(#!\/bin\/sh\n# release-plan: check the staged release plans[\s\S]*?)```/.exec(README);
  assert.ok(m, 'README.md has the plain git-hook recipe');
  return m[1];
}

describe('pre-commit: the README git hook in a real repository', function () {
  this.timeout(60_000);
  let s: ReturnType<typeof scratch>;
  const git = (...args: string[]) => {
    const r = spawnSync('git', args, { cwd: s.dir, encoding: 'utf8', env: { ...process.env, GIT_AUTHOR_NAME: 't', GIT_AUTHOR_EMAIL: 't@example.com', GIT_COMMITTER_NAME: 't', GIT_COMMITTER_EMAIL: 't@example.com', NO_COLOR: '1' } });
    return { code: r.status, out: `${r.stdout}${r.stderr}` };
  };
  const commit = (message: string) => git('commit', '-q', '-m', message);

  before(() => {
    assertBuilt();
    s = scratch({
      // what `npm i -D release-plan-tools` leaves: node_modules/.bin/release-plan runs the CLI
      'node_modules/.bin/release-plan': `#!/bin/sh\nexec "${process.execPath}" "${CLI_JS}" "$@"\n`,
      '.gitignore': 'node_modules/\n',
    });
    chmodSync(join(s.dir, 'node_modules/.bin/release-plan'), 0o755);
    assert.equal(git('init', '-q').code, 0);
    const hook = s.write('.git/hooks/pre-commit', readmeHook());
    chmodSync(hook, 0o755);
    git('add', '.gitignore');
    assert.equal(commit('init').code, 0);
  });
  after(() => s.remove());

  it('lets a clean plan through and stops a plan with findings, naming file and line', () => {
    s.write('products/widget/release-plan.md', CLEAN_PLAN);
    git('add', '.');
    assert.equal(commit('clean plan').code, 0);

    s.write('products/widget/release-plan.md', SMALL_PLAN);
    git('add', '.');
    const stopped = commit('broken plan');
    assert.notEqual(stopped.code, 0);
    assert.match(stopped.out, /products\/widget\/release-plan\.md/);
    assert.match(stopped.out, /9:27\s+error\s+.*invalid-date/);
    assert.equal(git('rev-list', '--count', 'HEAD').out.trim(), '2', 'the commit did not happen');
    git('reset', '-q', '--hard');
  });

  it('checks the staged text, not the working tree', () => {
    // staged: broken; working tree: fixed → still stopped
    s.write('products/widget/release-plan.md', SMALL_PLAN);
    git('add', '.');
    s.write('products/widget/release-plan.md', CLEAN_PLAN.replace('# Widget', '# Widget (fixed)'));
    assert.notEqual(commit('staged broken').code, 0);
    // staged: clean; working tree: broken → allowed
    git('add', '.');
    s.write('products/widget/release-plan.md', SMALL_PLAN);
    assert.equal(commit('staged clean').code, 0, 'the unstaged error is not what is committed');
    git('checkout', '-q', '--', '.');
  });

  it('checks only staged plans: unstaged broken plans and other markdown do not matter', () => {
    s.write('other/release-plan.md', SMALL_PLAN); // never staged
    s.write('docs/notes.md', '# Notes\n\n- Date: 2/30/2025\n');
    git('add', 'docs/notes.md');
    assert.equal(commit('notes').code, 0);
    rmSync(join(s.dir, 'other'), { recursive: true });
  });

  it('reads the staged .releaseplanrc.json, and --max-warnings 0 stops a warning', () => {
    s.write('products/gadget/release-plan.md', WARNING_PLAN);
    git('add', '.');
    const warned = commit('gadget');
    assert.notEqual(warned.code, 0);
    assert.match(warned.out, /warning\s+.*percentage-mismatch/);
    s.write('.releaseplanrc.json', JSON.stringify({ checks: { 'percentage-mismatch': 'off', placeholder: 'off' } }));
    git('add', '.');
    const off = commit('gadget, with the check off');
    assert.equal(off.code, 0, off.out);
  });
});

describe('pre-commit: .pre-commit-hooks.yaml', () => {
  interface Hook {
    id: string;
    name: string;
    entry: string;
    language: string;
    files?: string;
    types?: string[];
    [key: string]: unknown;
  }
  const hooks = parseYaml(readFileSync(join(REPO_ROOT, '.pre-commit-hooks.yaml'), 'utf8')) as Hook[];

  it('has the framework\'s required keys and only keys it knows', () => {
    // pre-commit's MANIFEST_HOOK_DICT: id, name, entry, language are required
    const known = new Set(['id', 'name', 'entry', 'language', 'alias', 'files', 'exclude', 'types', 'types_or', 'exclude_types', 'additional_dependencies', 'args', 'always_run', 'fail_fast', 'pass_filenames', 'description', 'language_version', 'log_file', 'minimum_pre_commit_version', 'require_serial', 'stages', 'verbose']);
    assert.ok(Array.isArray(hooks) && hooks.length === 1);
    for (const hook of hooks) {
      for (const key of ['id', 'name', 'entry', 'language'] as const) assert.equal(typeof hook[key], 'string', key);
      assert.deepEqual(Object.keys(hook).filter((k) => !known.has(k)), []);
    }
    assert.equal(hooks[0].id, 'release-plan-check');
  });

  it('runs a bin this package installs (language: node installs the package itself)', () => {
    const pkg = JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')) as { bin: Record<string, string>; scripts: Record<string, string> };
    assert.equal(hooks[0].language, 'node');
    const [command, subcommand] = hooks[0].entry.split(/\s+/);
    assert.ok(command in pkg.bin, `${command} is one of the package's bins`);
    assert.equal(subcommand, 'check');
    // dist/ is not committed: pre-commit's npm pack must build it
    assert.match(pkg.scripts.prepack ?? '', /build\.mjs/);
  });

  it('passes staged markdown files named like plans: the same names as the CLI\'s default plan globs', () => {
    const hook = hooks[0];
    assert.deepEqual(hook.types, ['markdown']);
    // Python's leading (?i) is JavaScript's i flag; the rest of the pattern is the same in both
    const pattern = hook.files ?? '';
    assert.ok(pattern.startsWith('(?i)'));
    const files = new RegExp(pattern.slice(4), 'i');
    const glob = picomatch(DEFAULT_PLAN_GLOBS, { nocase: true, dot: true });
    const paths = ['release-plan.md', 'products/x/Release-Plan.md', 'a/b/2024_release_plan_v2.md', 'RELEASEPLAN.MD', 'docs/release/notes.md', 'plan-release.md', 'README.md', 'products/release-plan/notes.md', 'release-plan.md.bak'];
    for (const p of paths) assert.equal(files.test(p), glob(p), p);
  });
});
