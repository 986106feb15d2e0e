// `.releaseplanrc.json` as the server applies it: the nearest file above each plan (no cascading),
// its severities and `ignore` globs, --config for one file for all, disable comments in the plan,
// and a broken or misspelt config file as a one-line configuration error (exit 2).
import { strict as assert } from 'node:assert';
import { assertBuilt, parseJson, runCli, scratch, WARNING_PLAN } from '../helpers/cli';

const TODAY = ['--today', '2025-06-01'];

describe('release-plan check: configuration files', function () {
  this.timeout(30000);
  let s: ReturnType<typeof scratch>;
  before(() => {
    assertBuilt();
    s = scratch({
      '.releaseplanrc.json': '{\n  // comments are allowed, as in VS Code settings\n  "checks": { "placeholder": "off" },\n  "ignore": ["archive/**"],\n}\n',
      'release-plan.md': WARNING_PLAN,
      'archive/2019-release-plan.md': WARNING_PLAN,
      'team/.releaseplanrc.json': '{ "checks": { "percentage-mismatch": "error" } }',
      'team/release-plan.md': WARNING_PLAN,
      'strict.json': '{ "checks": { "placeholder": "error", "percentage-mismatch": "off" }, "ignore": ["team/**"] }',
    });
  });
  after(() => s.remove());
  const check = (args: string[], cwd = s.dir) => runCli(['check', '-f', 'json', ...TODAY, ...args], { cwd });
  const summary = (args: string[], cwd = s.dir) => parseJson(check(args, cwd)).map((f) => `${f.file} ${f.severity} ${f.code}`);

  it('the nearest config file applies, alone: severities per check id, and ignore globs relative to it', () => {
    const r = check([]);
    assert.equal(r.code, 1, r.stderr);
    assert.deepEqual(summary([]), [
      'release-plan.md warning percentage-mismatch',
      // team/ has its own file: the root's "placeholder": "off" does not reach it
      'team/release-plan.md information placeholder',
      'team/release-plan.md error percentage-mismatch',
    ]);
    assert.match(r.stderr, /not checked: 1 ignored by \.releaseplanrc\.json/);
  });

  it('finds the config from a subdirectory and for files named directly', () => {
    assert.deepEqual(summary(['../release-plan.md', 'release-plan.md'], `${s.dir}/team`), ['../release-plan.md warning percentage-mismatch', 'release-plan.md information placeholder', 'release-plan.md error percentage-mismatch']);
    // a named file under an ignore glob is still ignored: CI passing `git diff --name-only` stays quiet
    const ignored = check(['archive/2019-release-plan.md']);
    assert.deepEqual(parseJson(ignored), []);
    assert.equal(ignored.code, 0);
  });

  it('--config uses one file for every plan instead of looking for the nearest', () => {
    assert.deepEqual(summary(['--config', 'strict.json']), ['archive/2019-release-plan.md error placeholder', 'release-plan.md error placeholder']);
  });

  it('disable comments in the plan silence findings, as in the editor', () => {
    const t = scratch({ 'release-plan.md': WARNING_PLAN.replace('- Percentage of Users: 66%', '<!-- release-plan-disable-next-line percentage-mismatch -- agreed with PM -->\n- Percentage of Users: 66%') });
    try {
      assert.deepEqual(summary([], t.dir), ['release-plan.md information placeholder']);
      t.write('release-plan.md', `<!-- release-plan-disable-file placeholder -->\n${WARNING_PLAN}`);
      assert.deepEqual(summary([], t.dir), ['release-plan.md warning percentage-mismatch']);
    } finally {
      t.remove();
    }
  });

  const broken: [string, string, RegExp][] = [
    ['invalid JSON', '{ "checks": { "placeholder": "off" ', /^release-plan: \.releaseplanrc\.json:1:\d+: Expected '}'; the file is ignored until it is valid JSON/],
    ['a misspelt check id', '{\n  "checks": { "placeholdr": "off" }\n}', /^release-plan: \.releaseplanrc\.json:2:15: Unknown check id 'placeholdr'; did you mean 'placeholder'\?\n$/],
    ['a bad severity', '{ "checks": { "placeholder": "loud" }, "ignores": [] }', /^release-plan: \.releaseplanrc\.json:1:30: 'placeholder' must be one of .* \(and 1 more problem\)\n$/],
    // a parser that recursed per level used to die with "Maximum call stack size exceeded"
    ['100,000 levels of nesting', '{"checks":' + '['.repeat(100_000) + ']'.repeat(100_000) + '}', /^release-plan: \.releaseplanrc\.json:1:74: The file nests objects or arrays more than 64 levels deep/],
    ['a 100,000-character ignore glob', JSON.stringify({ ignore: ['x'.repeat(100_000)] }), /^release-plan: \.releaseplanrc\.json:1:12: 'ignore': the pattern 'x{40}…' is 100,000 characters long \(at most 1,000\)/],
  ];
  for (const [what, text, message] of broken) {
    it(`a config file with ${what} is a configuration error: exit 2, one line naming file:line:col`, () => {
      const t = scratch({ '.releaseplanrc.json': text, 'release-plan.md': WARNING_PLAN });
      try {
        const r = runCli(['check', ...TODAY], { cwd: t.dir });
        assert.equal(r.code, 2);
        assert.equal(r.stdout, '');
        assert.equal(r.stderr.trimEnd().split('\n').length, 1, r.stderr);
        assert.match(r.stderr, message);
      } finally {
        t.remove();
      }
    });
  }

  it('--config pointing at a broken file is a configuration error too', () => {
    const t = scratch({ 'cfg/rc.json': '[1, 2]', 'release-plan.md': WARNING_PLAN });
    try {
      const r = runCli(['check', '--config', 'cfg/rc.json'], { cwd: t.dir });
      assert.equal(r.code, 2);
      assert.match(r.stderr, /^release-plan: cfg\/rc\.json:1:1: Expected an object like/);
    } finally {
      t.remove();
    }
  });
});
