// One file never takes a run down: a plan with a link the parser once choked on, a file that cannot
// be read and a file the checks broke on are each reported for that file, in every format, while
// every other file is still checked; the run exits 2 (incomplete) when a file could not be checked.
import { strict as assert } from 'node:assert';
import { symlinkSync } from 'node:fs';
import { join } from 'node:path';
import type { Log } from 'sarif';
import { formatResult } from '../../server/src/cli/formats/index';
import { fileErrorFinding, FILE_ERROR_CODE, type FileOutcome, type RunResult } from '../../server/src/cli/report';
import { assertBuilt, parseJson, runCli, scratch, WARNING_PLAN } from '../helpers/cli';

const TODAY = ['--today', '2025-06-01'];
const MALFORMED_LINKS = `${WARNING_PLAN}
## Feature toggles

| Toggle name | Description |
|---|---|
| [avs_enabled](https://api.va.gov/flipper/features/avs_enabled%) | the summary |
| [avs_other](https://api.va.gov/flipper/features/%E0%A4) | truncated UTF-8 |

See the toggle [here](https://api.va.gov/flipper/features/a%_b).
`;

describe('release-plan check: one bad file never takes the run down', function () {
  this.timeout(30000);
  before(assertBuilt);

  it('malformed percent-escapes in links: the plan is checked like any other (exit from its findings)', () => {
    const t = scratch({ 'a-release-plan.md': MALFORMED_LINKS, 'b-release-plan.md': WARNING_PLAN });
    try {
      const r = runCli(['check', '-f', 'json', ...TODAY], { cwd: t.dir });
      assert.equal(r.code, 0, r.stderr);
      assert.doesNotMatch(r.stderr, /internal error|URI malformed/);
      const files = new Set(parseJson(r).map((f) => f.file));
      assert.deepEqual([...files], ['a-release-plan.md', 'b-release-plan.md']);
    } finally {
      t.remove();
    }
  });

  it('an unreadable file is one error row in json, github and stylish, a notification in sarif; the others are checked (exit 2)', () => {
    const t = scratch({ 'a-release-plan.md': MALFORMED_LINKS, 'b-release-plan.md': WARNING_PLAN });
    try {
      symlinkSync(join(t.dir, 'gone.md'), join(t.dir, 'c-release-plan.md'));
      const json = runCli(['check', '-f', 'json', ...TODAY], { cwd: t.dir });
      assert.equal(json.code, 2, json.stderr);
      const rows = parseJson(json);
      assert.deepEqual([...new Set(rows.map((f) => f.file))], ['a-release-plan.md', 'b-release-plan.md', 'c-release-plan.md']);
      const error = rows.find((f) => f.file === 'c-release-plan.md');
      assert.deepEqual(error && { ...error, message: undefined }, { file: 'c-release-plan.md', line: 1, column: 1, endLine: 1, endColumn: 1, severity: 'error', code: FILE_ERROR_CODE, message: undefined });
      assert.match(error!.message, /Could not read this file \(dangling symbolic link\)/);

      const github = runCli(['check', '-f', 'github', ...TODAY], { cwd: t.dir });
      assert.equal(github.code, 2);
      assert.match(github.stdout, /^::error file=c-release-plan\.md,line=1,col=1,endLine=1,endColumn=1,title=release-plan file-error::Could not read this file/m);

      const stylish = runCli(['check', ...TODAY], { cwd: t.dir });
      assert.equal(stylish.code, 2);
      assert.match(stylish.stdout, /^ {2}c-release-plan\.md:1:1 +error +Could not read this file \(dangling symbolic link\); it was not checked\. +file-error$/m);
      assert.match(stylish.stdout, /^a-release-plan\.md$/m);

      const sarif = runCli(['check', '-f', 'sarif', ...TODAY], { cwd: t.dir });
      assert.equal(sarif.code, 2);
      const run = (JSON.parse(sarif.stdout) as Log).runs[0];
      assert.equal(run.invocations?.[0].executionSuccessful, false);
      assert.deepEqual(run.invocations?.[0].toolExecutionNotifications?.map((n) => n.message.text), ['Could not read c-release-plan.md: dangling symbolic link']);
      assert.ok(run.results?.every((r) => r.ruleId !== FILE_ERROR_CODE));
      assert.ok(run.results?.some((r) => r.locations?.[0].physicalLocation?.artifactLocation?.uri === 'a-release-plan.md'));
    } finally {
      t.remove();
    }
  });

  it('a file the checks broke on (status failed) is carried by every format with a readable message', () => {
    const failed: FileOutcome = { file: 'x-release-plan.md', status: 'failed', detail: 'internal error: URI malformed', findings: [] };
    const ok: FileOutcome = { file: 'y-release-plan.md', status: 'checked', findings: [{ file: 'y-release-plan.md', line: 3, column: 1, endLine: 3, endColumn: 4, severity: 'warning', code: 'placeholder', message: 'm' }] };
    const result: RunResult = { findings: [fileErrorFinding(failed), ...ok.findings], outcomes: [failed, ok], emptyDirectories: [] };
    const ctx = { cwd: '/tmp', color: false };
    const json = JSON.parse(formatResult('json', result, ctx)) as { file: string; code: string; message: string }[];
    assert.deepEqual(json.map((f) => `${f.file} ${f.code}`), ['x-release-plan.md file-error', 'y-release-plan.md placeholder']);
    assert.match(json[0].message, /^Could not check this file \(internal error: URI malformed\); it was not checked\. This is a bug/);
    assert.match(formatResult('github', result, ctx), /^::error file=x-release-plan\.md,line=1,.*::Could not check this file \(internal error: URI malformed\)/m);
    assert.match(formatResult('stylish', result, ctx), /x-release-plan\.md:1:1 +error +Could not check this file/);
    const sarif = JSON.parse(formatResult('sarif', result, ctx)) as Log;
    assert.deepEqual(sarif.runs[0].results?.map((r) => r.ruleId), ['placeholder']);
    assert.match(sarif.runs[0].invocations?.[0].toolExecutionNotifications?.[0].message.text ?? '', /^x-release-plan\.md: Could not check this file \(internal error: URI malformed\)/);
    assert.equal(sarif.runs[0].invocations?.[0].executionSuccessful, false);
  });
});
