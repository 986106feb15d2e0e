// Every --format on the seeds, the templates and part of the corpus: json is the reference; sarif
// validates against the SARIF 2.1.0 schema and says the same things; github lines parse back to the
// same findings; stylish prints the same lines a person reads.
import { strict as assert } from 'node:assert';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Ajv from 'ajv';
import type { Log } from 'sarif';
import { CATALOGUE } from '../../server/src/service/checks/catalogue';
import type { CliFinding } from '../../server/src/cli/report';
import { assertBuilt, parseJson, REPO_ROOT, runCli, scratch } from '../helpers/cli';
import { FIXTURES } from '../helpers/fixtures';

const INPUTS = ['test/fixtures/seeds', 'test/fixtures/corpus/templates', 'test/fixtures/corpus/va-release-plans/idx-1[0-4]*.md', 'test/fixtures/corpus/va-release-plans/teams__*.md'];
const TODAY = ['--today', '2025-09-01'];
const ESC = '\x1b[';
const KEYS = ['file', 'line', 'column', 'endLine', 'endColumn', 'severity', 'code', 'message'];

function unescapeData(s: string): string {
  return s.replace(/%0A/g, '\n').replace(/%0D/g, '\r').replace(/%25/g, '%');
}
function unescapeProperty(s: string): string {
  return unescapeData(s.replace(/%3A/g, ':').replace(/%2C/g, ','));
}

/** One `::level key=value,…::message` line back into a finding (what the Actions runner does). */
function parseGithubLine(line: string): CliFinding & { level: string; title: string } {
  const m = /^::(error|warning|notice) ([^:]*)::(.*)$/.exec(line);
  assert.ok(m, `not a workflow command: ${line}`);
  const props = Object.fromEntries(m[2].split(',').map((kv) => [kv.slice(0, kv.indexOf('=')), unescapeProperty(kv.slice(kv.indexOf('=') + 1))]));
  const level = m[1];
  return {
    level,
    title: props.title,
    file: props.file,
    line: Number(props.line),
    column: Number(props.col),
    endLine: Number(props.endLine),
    endColumn: Number(props.endColumn),
    severity: level === 'error' ? 'error' : level === 'warning' ? 'warning' : 'information',
    code: props.title.replace(/^release-plan /, ''),
    message: unescapeData(m[3]),
  };
}

describe('release-plan check output formats', function () {
  this.timeout(60000);
  let json: CliFinding[];

  before(() => {
    assertBuilt();
    const r = runCli(['check', '--format', 'json', ...TODAY, ...INPUTS]);
    assert.equal(r.code, 0, r.stderr);
    json = parseJson(r);
  });

  it('json: a sorted array of findings with exactly the documented fields, pointing at real text', () => {
    assert.ok(json.length > 150, `only ${json.length} findings`);
    const files = new Set(json.map((f) => f.file));
    assert.ok(files.has('test/fixtures/seeds/003-avs-release-plan.md'));
    assert.ok([...files].some((f) => f.startsWith('test/fixtures/corpus/templates/')));
    assert.ok([...files].some((f) => f.startsWith('test/fixtures/corpus/va-release-plans/idx-1')));
    const sorted = [...json].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : a.line - b.line || a.column - b.column));
    assert.deepEqual(json.map((f) => `${f.file}:${f.line}:${f.column}`), sorted.map((f) => `${f.file}:${f.line}:${f.column}`));
    const texts = new Map<string, string[]>();
    for (const f of json) {
      assert.deepEqual(Object.keys(f), KEYS);
      assert.ok(!f.file.startsWith('/') && !f.file.includes('\\'), f.file);
      assert.ok(['error', 'warning', 'information', 'hint'].includes(f.severity));
      assert.ok(CATALOGUE.some((c) => c.id === f.code), f.code);
      assert.ok(f.line >= 1 && f.column >= 1 && (f.endLine > f.line || (f.endLine === f.line && f.endColumn > f.column)), JSON.stringify(f));
      if (!texts.has(f.file)) texts.set(f.file, readFileSync(join(REPO_ROOT, f.file), 'utf8').replace(/^\uFEFF/, '').split(/\r?\n/));
      if (f.code === 'pick-one' && f.endLine === f.line) assert.match(texts.get(f.file)![f.line - 1].slice(f.column - 1, f.endColumn - 1), /PICK\\?_ONE/);
    }
  });

  it('sarif: valid SARIF 2.1.0 (schema-checked) with one result per json finding', () => {
    const r = runCli(['check', '--format', 'sarif', ...TODAY, ...INPUTS]);
    assert.equal(r.code, 0, r.stderr);
    const log = JSON.parse(r.stdout) as Log;
    const schema = JSON.parse(readFileSync(join(FIXTURES, 'sarif', 'sarif-2.1.0-subset.schema.json'), 'utf8')) as object;
    const validate = new Ajv({ allErrors: true, strict: false }).compile(schema);
    assert.ok(validate(log), JSON.stringify(validate.errors?.slice(0, 5), null, 2));

    const run = log.runs[0];
    assert.equal(log.runs.length, 1);
    assert.equal(run.tool.driver.name, 'release-plan');
    assert.deepEqual(run.tool.driver.rules?.map((rule) => rule.id), CATALOGUE.map((c) => c.id));
    assert.equal(run.invocations?.[0].executionSuccessful, true);
    const base = run.originalUriBaseIds?.['%SRCROOT%']?.uri;
    assert.ok(base && base.endsWith('/'));
    assert.equal(fileURLToPath(base), REPO_ROOT.endsWith('/') ? REPO_ROOT : REPO_ROOT + '/');

    const level = { error: 'error', warning: 'warning', information: 'note', hint: 'note' } as const;
    assert.equal(run.results?.length, json.length);
    run.results!.forEach((result, i) => {
      const f = json[i];
      const loc = result.locations![0].physicalLocation!;
      assert.equal(result.ruleId, f.code);
      assert.equal(run.tool.driver.rules![result.ruleIndex!].id, f.code);
      assert.equal(result.level, level[f.severity]);
      assert.equal(result.message.text, f.message);
      assert.equal(loc.artifactLocation!.uriBaseId, '%SRCROOT%');
      assert.equal(decodeURIComponent(loc.artifactLocation!.uri!), f.file);
      assert.ok(existsSync(fileURLToPath(new URL(loc.artifactLocation!.uri!, base))));
      assert.deepEqual(loc.region, { startLine: f.line, startColumn: f.column, endLine: f.endLine, endColumn: f.endColumn });
    });
  });

  it('sarif: the schema rejects what code scanning would reject (the validation can fail)', () => {
    const r = runCli(['check', '--format', 'sarif', ...TODAY, 'test/fixtures/seeds']);
    const log = JSON.parse(r.stdout) as Log;
    const schema = JSON.parse(readFileSync(join(FIXTURES, 'sarif', 'sarif-2.1.0-subset.schema.json'), 'utf8')) as object;
    const validate = new Ajv({ strict: false }).compile(schema);
    assert.ok(validate(log));
    const broken = structuredClone(log);
    broken.runs[0].results![0].locations![0].physicalLocation!.region!.startColumn = 0;
    assert.equal(validate(broken), false);
    const noMessage = structuredClone(log) as unknown as { runs: { results: Record<string, unknown>[] }[] };
    delete noMessage.runs[0].results[0].message;
    assert.equal(validate(noMessage), false);
  });

  it('github: every line is a workflow command that parses back to the json finding', () => {
    const r = runCli(['check', '--format', 'github', ...TODAY, ...INPUTS]);
    assert.equal(r.code, 0, r.stderr);
    const lines = r.stdout.trimEnd().split('\n');
    assert.equal(lines.length, json.length);
    lines.forEach((line, i) => {
      const { level, title, severity: _severity, ...where } = parseGithubLine(line);
      const { severity, ...expected } = json[i];
      assert.deepEqual(where, expected);
      assert.equal(title, `release-plan ${expected.code}`);
      assert.equal(level, { error: 'error', warning: 'warning', information: 'notice', hint: 'notice' }[severity]);
    });
  });

  it('github: file names with commas, colons and percent signs survive escaping', () => {
    const s = scratch();
    try {
      const name = 'q3,final: 100% release-plan.md';
      s.write(name, '# Plan\n\n### Stage A: 25% of users\n\n- Percentage of Users: 50%\n- Number of unique users: [FILL_IN]\n');
      const j = parseJson(runCli(['check', '-f', 'json', ...TODAY], { cwd: s.dir }));
      const g = runCli(['check', '-f', 'github', ...TODAY], { cwd: s.dir });
      assert.ok(j.length >= 2);
      const parsed = g.stdout.trimEnd().split('\n').map(parseGithubLine);
      assert.deepEqual(parsed.map((p) => p.file), j.map(() => name));
      assert.deepEqual(parsed.map((p) => p.message), j.map((f) => f.message));
      assert.ok(j.some((f) => f.message.includes('%')), 'a message with a percent sign');
      assert.ok(g.stdout.includes('file=q3%2Cfinal%3A 100%25 release-plan.md,'));
    } finally {
      s.remove();
    }
  });

  it('stylish: one `file:line:col  severity  message  id` line per finding, grouped by file, plain when not a terminal', () => {
    const r = runCli(['check', ...TODAY, ...INPUTS]);
    assert.equal(r.code, 0, r.stderr);
    assert.ok(!r.stdout.includes(ESC));
    const rows = r.stdout.split('\n').filter((l) => l.startsWith('  '));
    assert.equal(rows.length, json.length);
    rows.forEach((row, i) => {
      const f = json[i];
      const m = /^ {2}(.+):(\d+):(\d+) +(error|warning|information|hint) +(.*) {2}(\S+)$/.exec(row);
      assert.ok(m, row);
      assert.deepEqual([m[1], Number(m[2]), Number(m[3]), m[4], m[5].trimEnd(), m[6]], [f.file, f.line, f.column, f.severity, f.message, f.code]);
    });
    // a header line per file, in order
    const headers = r.stdout.split('\n').filter((l) => l !== '' && !l.startsWith('  ') && !/^[✔✖]/.test(l));
    assert.deepEqual(headers, [...new Set(json.map((f) => f.file))]);
    const count = (severity: string) => json.filter((f) => f.severity === severity).length;
    const hints = count('hint');
    const hintPart = hints ? `, ${hints} hint${hints === 1 ? '' : 's'}` : '';
    assert.match(r.stdout, new RegExp(`✖ ${json.length} problems \\(${count('warning')} warnings, ${count('information')} information${hintPart}\\) in \\d+ plans checked\\n$`));
  });

  it('stylish: coloured with --color or FORCE_COLOR, plain with --no-color', () => {
    // 004 has information findings (003's are all hints now: results of stages that have not run)
    const seed = 'test/fixtures/seeds/004-cst-document-status-release-plan.md';
    assert.ok(runCli(['check', '--color', ...TODAY, seed]).stdout.includes(`${ESC}34minformation`));
    assert.ok(runCli(['check', ...TODAY, seed], { env: { FORCE_COLOR: '1', NO_COLOR: '' } }).stdout.includes(ESC));
    assert.ok(!runCli(['check', '--no-color', ...TODAY, seed], { env: { FORCE_COLOR: '1' } }).stdout.includes(ESC));
  });

  it('stylish: a clean run says so', () => {
    const s = scratch({ 'release-plan.md': '# Plan\n\n### Stage A: 25% of users\n\n- Percentage of Users: 25%\n' });
    try {
      const r = runCli(['check', ...TODAY], { cwd: s.dir });
      assert.equal(r.code, 0, r.stderr);
      assert.equal(r.stdout, '✔ 1 plan checked, no problems\n');
    } finally {
      s.remove();
    }
  });
});
