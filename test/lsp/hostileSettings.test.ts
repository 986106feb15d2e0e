// Configuration that used to take every pull down, over real JSON-RPC: a `.releaseplanrc.json` nested
// 100,000 levels deep (stack overflow in the parser) and a 100,000-character glob in
// `releasePlan.files` (picomatch throws). Each is reported in words; the defaults and the other
// patterns keep working.
import { strict as assert } from 'node:assert';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Diagnostic, DocumentDiagnosticReport, FullDocumentDiagnosticReport } from 'vscode-languageserver-protocol';
import { read, SEED_AVS } from '../helpers/fixtures';
import { fileUri, startClient, type TestClient } from '../helpers/lspClient';

async function pull(client: TestClient, uri: string): Promise<Diagnostic[]> {
  const report = (await client.connection.sendRequest('textDocument/diagnostic', { textDocument: { uri } })) as DocumentDiagnosticReport;
  return (report as FullDocumentDiagnosticReport).items;
}

describe('hostile configuration (real JSON-RPC)', function () {
  this.timeout(20000);
  let root: string;
  let client: TestClient | undefined;
  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'rp-hostile-cfg-'));
    mkdirSync(join(root, 'products', 'avs'), { recursive: true });
    copyFileSync(SEED_AVS, join(root, 'products', 'avs', 'release-plan.md'));
  });
  afterEach(async () => {
    if (client && client.process.exitCode === null) await client.close();
    client = undefined;
    rmSync(root, { recursive: true, force: true });
  });

  it('a .releaseplanrc.json nested 100,000 levels deep: one diagnostic on the file, the plan is checked with the defaults', async () => {
    const rc = join(root, '.releaseplanrc.json');
    const deep = '{"checks":' + '['.repeat(100_000) + ']'.repeat(100_000) + '}';
    writeFileSync(rc, deep);
    client = await startClient({ rootUri: fileUri(root) });
    const plan = fileUri(join(root, 'products', 'avs', 'release-plan.md'));
    await client.connection.sendNotification('textDocument/didOpen', { textDocument: { uri: plan, languageId: 'markdown', version: 1, text: read(SEED_AVS) } });
    const ds = await pull(client, plan);
    // the default severities apply: placeholders are information (hints for results not yet due), never raised
    assert.equal(ds.filter((d) => d.code === 'placeholder').length, 12);
    for (const d of ds.filter((x) => x.code === 'placeholder')) {
      // hints are exactly the results not yet due; nothing is raised, as a config's severity would
      assert.equal(d.severity, /: to fill in /.test(String(d.message)) ? 4 : 3, String(d.message));
    }
    const rcUri = fileUri(rc);
    await client.connection.sendNotification('textDocument/didOpen', { textDocument: { uri: rcUri, languageId: 'json', version: 1, text: deep } });
    const problems = await pull(client, rcUri);
    assert.equal(problems.length, 1);
    assert.deepEqual(problems[0].range.start, { line: 0, character: 73 });
    assert.match(String(problems[0].message), /more than 64 levels deep, so it is ignored \(built-in defaults and settings apply\)/);
    const log = client.logs.join('\n');
    assert.match(log, /\.releaseplanrc\.json: \.releaseplanrc\.json: The file nests objects or arrays more than 64 levels deep/);
    assert.doesNotMatch(log, /Maximum call stack|checks failed/);
  });

  it('a 100,000-character glob in releasePlan.files is left out with one log line; the other patterns still find plans', async () => {
    const huge = 'x'.repeat(100_000);
    client = await startClient({ rootUri: fileUri(root), settings: { releasePlan: { files: [huge, '**/rollout.md'] } } });
    const text = '# Notes\n\n- Desired date range: [FILL_IN]\n';
    const byGlob = fileUri(join(root, 'products', 'avs', 'rollout.md'));
    const other = fileUri(join(root, 'products', 'avs', 'notes.md'));
    for (const uri of [byGlob, other]) await client.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version: 1, text } });
    assert.deepEqual((await pull(client, byGlob)).map((d) => d.code), ['placeholder']);
    assert.deepEqual(await pull(client, other), []);
    const { isPlan, reason, stages, toggles } = (await client.connection.sendRequest('releasePlan/status', { uri: byGlob })) as Record<string, unknown>;
    assert.deepEqual({ isPlan, reason, stages, toggles }, { isPlan: true, reason: 'path', stages: 0, toggles: 0 });
    const lines = client.logs.filter((l) => l.includes('releasePlan.files'));
    assert.deepEqual(lines, ["release-plan: releasePlan.files: the pattern 'xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx…' is 100,000 characters long (at most 1,000); it is ignored, the other patterns apply. Fix it in your settings."]);
    assert.doesNotMatch(client.logs.join('\n'), /exceeds maximum allowed length/);
  });
});
