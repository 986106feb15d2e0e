// The promise of the CLI: in CI, exactly the findings the editor shows. One test opens documents in
// the real language server (over stdio), pulls their diagnostics, and compares them field by field
// with `release-plan check --format json` on the same files — seeds, corpus plans with date and
// rollout findings, and a plan whose config file and disable comment change what is reported.
import { strict as assert } from 'node:assert';
import { join } from 'node:path';
import type { Diagnostic, DocumentDiagnosticReport, FullDocumentDiagnosticReport } from 'vscode-languageserver-protocol';
import { compareFindings, type CliFinding } from '../../server/src/cli/report';
import type { Severity } from '../../server/src/service/checks/types';
import { assertBuilt, parseJson, REPO_ROOT, runCliAsync, scratch, SMALL_PLAN } from '../helpers/cli';
import { CORPUS, read, SEED_AVS, SEED_CST, SEED_DISPUTE_DEBT } from '../helpers/fixtures';
import { fileUri, startClient, type TestClient } from '../helpers/lspClient';

const SEVERITY: Record<number, Severity> = { 1: 'error', 2: 'warning', 3: 'information', 4: 'hint' };

// Written out here rather than calling the CLI's toCliFinding: an off-by-one there would otherwise
// shift both sides of the comparison alike.
function asCliFinding(file: string, d: Diagnostic): CliFinding {
  return {
    file,
    line: d.range.start.line + 1,
    column: d.range.start.character + 1,
    endLine: d.range.end.line + 1,
    endColumn: d.range.end.character + 1,
    severity: SEVERITY[d.severity ?? 1],
    code: String(d.code),
    message: typeof d.message === 'string' ? d.message : String((d.message as { value: string }).value),
  };
}

describe('release-plan check agrees with the language server', function () {
  this.timeout(60000);
  let client: TestClient | undefined;
  let s: ReturnType<typeof scratch>;
  before(() => {
    assertBuilt();
    s = scratch({
      '.releaseplanrc.json': '{ "checks": { "placeholder": "warning", "stage-sequence": "off" } }',
      'release-plan.md': SMALL_PLAN.replace('- Percentage of Users: 66%', '<!-- release-plan-disable-line percentage-mismatch --> - Percentage of Users: 66%'),
    });
  });
  after(async () => {
    s.remove();
    if (client && client.process.exitCode === null) await client.close();
  });

  it('the json output equals the pulled diagnostics, document by document', async () => {
    const documents = [
      SEED_DISPUTE_DEBT,
      SEED_AVS,
      SEED_CST,
      join(CORPUS, 'idx-14151849326__526-toxic-exposure-later-version.md'),
      join(CORPUS, 'idx-17004925275__pension-527ez-itf-v1.md'),
      join(s.dir, 'release-plan.md'),
    ];
    // Both sides use the system clock (the server has no --today); run them back to back.
    const cli = await runCliAsync(['check', '--format', 'json', ...documents.map((d) => d.startsWith(REPO_ROOT) ? d.slice(REPO_ROOT.length + 1) : d)]);
    client = await startClient();
    const fromServer: CliFinding[] = [];
    for (const path of documents) {
      const uri = fileUri(path);
      await client.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version: 1, text: read(path) } });
      const report = (await client.connection.sendRequest('textDocument/diagnostic', { textDocument: { uri } })) as DocumentDiagnosticReport;
      assert.equal(report.kind, 'full');
      const file = path.startsWith(REPO_ROOT) ? path.slice(REPO_ROOT.length + 1) : path;
      fromServer.push(...(report as FullDocumentDiagnosticReport).items.map((d) => asCliFinding(file, d)));
    }
    await client.close();

    const fromCli = parseJson(cli);
    const codes = new Set(fromCli.map((f) => f.code));
    for (const code of ['placeholder', 'pick-one', 'empty-field', 'date-order', 'date-outside-range', 'percentage-mismatch', 'invalid-date']) assert.ok(codes.has(code), `no ${code} finding to compare`);
    // the config file and the disable comment reached both
    const scratchFindings = fromCli.filter((f) => f.file.startsWith('/') || f.file.startsWith('..')).map((f) => `${f.severity} ${f.code}`);
    assert.deepEqual(scratchFindings, ['error invalid-date', 'warning placeholder']);
    assert.deepEqual(fromCli, fromServer.sort(compareFindings));
  });
});
