// Bad arguments end with exit 2 and one line on stderr (no usage dump, no stack trace); --help and
// --version answer on stdout with exit 0.
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { assertBuilt, REPO_ROOT, runCli } from '../helpers/cli';

const SEED = 'test/fixtures/seeds/003-avs-release-plan.md';

describe('release-plan command line arguments', function () {
  this.timeout(30000);
  before(assertBuilt);

  const usageErrors: [string[], RegExp][] = [
    [[], /missing command/],
    [['lint', SEED], /unknown command 'lint'/],
    [['--format', 'json', 'check'], /unknown option '--format' before the command/],
    [['check', '--frmat', 'json', SEED], /unknown option '--frmat'/],
    [['check', '--format'], /--format needs a value/],
    [['check', '--format', '--today', '2025-01-01'], /--format needs a value/],
    [['check', '--format', 'xml', SEED], /unknown format 'xml'; expected one of stylish, json, sarif, github/],
    [['check', '--format=junit', SEED], /unknown format 'junit'/],
    [['check', '--today', '2025-02-30', SEED], /--today expects a real calendar day as YYYY-MM-DD, got '2025-02-30'/],
    [['check', '--today', '1/2/2025', SEED], /--today expects/],
    [['check', '--max-warnings', 'many', SEED], /--max-warnings expects a whole number/],
    [['check', '--max-warnings', '-1', SEED], /--max-warnings expects a whole number/],
    [['check', '--severity', 'fatal', SEED], /unknown severity 'fatal'; expected one of hint, information, warning, error/],
    [['check', '--workers', 'lots', SEED], /--workers expects 'auto' or a number/],
    [['check', '--no-color=1', SEED], /--no-color takes no value/],
    [['check', 'does/not/exist.md'], /no such file or directory: 'does\/not\/exist\.md'/],
    [['check', 'test/fixtures/nowhere/**/*.md'], /no files match 'test\/fixtures\/nowhere\/\*\*\/\*\.md'/],
    [['check', '--config', 'missing.json', SEED], /--config missing\.json: no such file/],
    [['check', '--registry', 'missing.yml', SEED], /--registry missing\.yml: cannot read \(no such file\)/],
    [['check', '--registry', 'test/fixtures', SEED], /--registry test\/fixtures: is a directory/],
    [['summary', '--format', 'sarif'], /unknown summary format 'sarif'/],
    [['summary', '--max-warnings', '3'], /unknown option '--max-warnings' for summary/],
  ];

  for (const [args, message] of usageErrors) {
    it(`exits 2 with one line for: ${args.join(' ') || '(nothing)'}`, () => {
      const r = runCli(args);
      assert.equal(r.code, 2, r.stderr);
      assert.equal(r.stdout, '');
      const lines = r.stderr.trimEnd().split('\n');
      assert.equal(lines.length, 1, r.stderr);
      assert.match(lines[0], /^release-plan: /);
      assert.match(lines[0], message);
      assert.doesNotMatch(r.stderr, /\n\s+at |Error:/);
    });
  }

  it('--help prints the usage and every option, exit 0', () => {
    for (const args of [['--help'], ['-h'], ['check', '--help'], ['help']]) {
      const r = runCli(args);
      assert.equal(r.code, 0);
      assert.match(r.stdout, /^Usage: release-plan check \[options\] \[paths or globs…\]/);
      for (const option of ['--format', '--max-warnings', '--severity', '--today', '--registry', '--config', '--workers', '--help', '--version']) assert.ok(r.stdout.includes(option), option);
      assert.match(r.stdout, /Exit codes: 0 .* 1 .* 2 /s);
    }
  });

  it('--version prints package.json\'s version, exit 0', () => {
    const { version } = JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')) as { version: string };
    for (const args of [['--version'], ['-v'], ['check', '--version']]) {
      const r = runCli(args);
      assert.equal(r.code, 0);
      assert.equal(r.stdout, `${version}\n`);
    }
  });

  it('accepts --opt=value, -f, and -- before paths that start with a dash', () => {
    const a = runCli(['check', '--format=json', '--today=2025-01-01', SEED]);
    const b = runCli(['check', '-f', 'json', '--today', '2025-01-01', '--', SEED]);
    assert.equal(a.code, 0, a.stderr);
    assert.equal(a.stdout, b.stdout);
    assert.ok(JSON.parse(a.stdout).length > 0);
  });

  it('keeps `summary` (the model summary) working', () => {
    const r = runCli(['summary', SEED]);
    assert.equal(r.code, 0, r.stderr);
    assert.ok(r.stdout.startsWith(`${SEED}\n  `));
  });
});
