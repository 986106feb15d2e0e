// A plan with malformed percent-escapes in its links (`avs_enabled%`, a truncated `%E0%A4`, `%_`)
// over real JSON-RPC: every request answers normally, the log stays clean, and workspace indexing
// goes past such a file to the plans after it.
import { strict as assert } from 'node:assert';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CompletionItem, CompletionList, Diagnostic, DocumentDiagnosticReport, FullDocumentDiagnosticReport } from 'vscode-languageserver-protocol';
import { read, SEED_AVS } from '../helpers/fixtures';
import { fileUri, startClient, type TestClient } from '../helpers/lspClient';

const BAD_LINKS = `
## Toggles

| Toggle name | Description |
|---|---|
| [avs_enabled](https://api.va.gov/flipper/features/avs_enabled%) | summary |
| [avs_truncated](https://api.va.gov/flipper/features/%E0%A4) | truncated |

The feature toggle [here](https://api.va.gov/flipper/features/a%_b) is on.
`;

async function pull(client: TestClient, uri: string): Promise<Diagnostic[]> {
  const report = (await client.connection.sendRequest('textDocument/diagnostic', { textDocument: { uri } })) as DocumentDiagnosticReport;
  return (report as FullDocumentDiagnosticReport).items;
}

/** Resolves when the server logs a line matching `re` (workspace indexing runs in the background). */
async function logged(client: TestClient, re: RegExp): Promise<string> {
  for (let i = 0; i < 400; i++) {
    const hit = client.logs.find((l) => re.test(l));
    if (hit) return hit;
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error(`no log line matching ${re}; logs:\n${client.logs.join('\n')}`);
}

describe('malformed link escapes over JSON-RPC', function () {
  this.timeout(20000);
  let client: TestClient | undefined;
  let root: string | undefined;
  afterEach(async () => {
    if (client && client.process.exitCode === null) await client.close();
    client = undefined;
    if (root) rmSync(root, { recursive: true, force: true });
    root = undefined;
  });

  it('diagnostics, hover, completion, code actions, inlay hints and status all answer', async () => {
    client = await startClient({ settings: { releasePlan: { inlayHints: { dateRangeLength: true } } } });
    const text = read(SEED_AVS) + BAD_LINKS;
    const uri = 'file:///tmp/bad-links-release-plan.md';
    await client.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version: 1, text } });
    const diagnostics = await pull(client, uri);
    // the seed's own findings are all still there
    assert.equal(diagnostics.filter((d) => d.code === 'placeholder').length, 12);
    assert.ok(!diagnostics.some((d) => d.code === 'file-error'));
    const lines = text.split('\n');
    const line = lines.findIndex((l) => l.includes('avs_enabled%'));
    const position = { line, character: lines[line].indexOf('avs_enabled%') + 3 };
    await client.connection.sendRequest('textDocument/hover', { textDocument: { uri }, position });
    await client.connection.sendRequest('textDocument/completion', { textDocument: { uri }, position });
    await client.connection.sendRequest('textDocument/codeAction', { textDocument: { uri }, range: { start: position, end: position }, context: { diagnostics: [] } });
    const hints = await client.connection.sendRequest('textDocument/inlayHint', { textDocument: { uri }, range: { start: { line: 0, character: 0 }, end: { line: lines.length, character: 0 } } });
    assert.ok(Array.isArray(hints) && hints.length > 0);
    const status = (await client.connection.sendRequest('releasePlan/status', { uri })) as { isPlan: boolean; toggles: number };
    assert.equal(status.isPlan, true);
    assert.ok(status.toggles >= 3);
    assert.equal(client.stderr(), '');
    assert.ok(!client.logs.some((l) => /failed|malformed|stopped/i.test(l)), client.logs.join('\n'));
  });

  it('workspace indexing reads the plans after one with malformed links', async () => {
    root = mkdtempSync(join(tmpdir(), 'rp-bad-links-'));
    writeFileSync(join(root, 'a-release-plan.md'), read(SEED_AVS) + BAD_LINKS);
    writeFileSync(join(root, 'b-release-plan.md'), read(SEED_AVS).replace(/avs_enabled/g, 'zzz_after_the_bad_file'));
    client = await startClient({ rootUri: fileUri(root) });
    assert.match(await logged(client, /indexed toggles|indexing stopped/), /indexed toggles of 2 release plan/);
    const text = '# Widget release plan\n\n## Toggles\n\n| Toggle name | Description |\n|---|---|\n| `zzz_` | x |\n';
    const uri = fileUri(join(root, 'c-release-plan.md'));
    await client.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version: 1, text } });
    const result = (await client.connection.sendRequest('textDocument/completion', { textDocument: { uri }, position: { line: 6, character: 7 } })) as CompletionItem[] | CompletionList;
    const items = Array.isArray(result) ? result : result.items;
    assert.ok(items.some((i) => i.label === 'zzz_after_the_bad_file'), items.map((i) => i.label).join(', '));
  });
});
