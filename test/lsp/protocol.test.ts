import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { REPO_ROOT } from '../helpers/cli';
import type { Diagnostic, DocumentDiagnosticReport, FullDocumentDiagnosticReport, PublishDiagnosticsParams } from 'vscode-languageserver-protocol';
import { fileUri, startClient, type TestClient } from '../helpers/lspClient';
import { read, SEED_AVS, SEED_DISPUTE_DEBT } from '../helpers/fixtures';

async function pull(client: TestClient, uri: string): Promise<Diagnostic[]> {
  const report = (await client.connection.sendRequest('textDocument/diagnostic', { textDocument: { uri } })) as DocumentDiagnosticReport;
  assert.equal(report.kind, 'full');
  return (report as FullDocumentDiagnosticReport).items;
}

const summary = (ds: Diagnostic[]) => ds.map((d) => `${d.range.start.line}:${d.range.start.character} ${d.code}`);

describe('language server over stdio (real JSON-RPC)', function () {
  this.timeout(20000);
  let client: TestClient;
  afterEach(async () => {
    if (client && client.process.exitCode === null) await client.close();
  });

  it('initializes, pulls diagnostics for a seed, applies an incremental edit, pulls again, shuts down cleanly', async () => {
    client = await startClient();
    const caps = client.initialize.capabilities;
    assert.deepEqual(caps.textDocumentSync, { openClose: true, change: 2 });
    assert.ok(caps.diagnosticProvider);
    // the version users see in a client's server list is the package's, not a hand-kept copy
    assert.deepEqual(client.initialize.serverInfo, { name: 'release-plan-tools', version: (JSON.parse(read(join(__dirname, '..', '..', 'package.json'))) as { version: string }).version });

    const uri = fileUri(SEED_AVS);
    const text = read(SEED_AVS);
    await client.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version: 1, text } });
    const before = await pull(client, uri);
    assert.equal(before.filter((d) => d.code === 'placeholder').length, 12);
    assert.equal(before.filter((d) => d.code === 'pick-one').length, 3);
    const first = before.find((d) => d.code === 'placeholder')!;
    assert.equal(first.source, 'release-plan');
    // the link opens the docs/checks.md shipped next to dist/ at the check's heading: a file: URI with a
    // `#L<line>` fragment, which VS Code's opener turns into an editor on that line
    const href = new URL(String(first.codeDescription?.href));
    assert.equal(href.protocol, 'file:');
    assert.equal(fileURLToPath(href), join(REPO_ROOT, 'docs', 'checks.md'));
    const docsLine = Number(/^#L(\d+)$/.exec(href.hash)?.[1]);
    assert.equal(readFileSync(join(REPO_ROOT, 'docs', 'checks.md'), 'utf8').split('\n')[docsLine - 1], '## `placeholder`');
    const lines = text.split('\n');
    assert.equal(lines[first.range.start.line].slice(first.range.start.character, first.range.end.character), '[FILL_IN]');

    // fill in Stage A's "Number of unique users: [FILL_IN]" with an incremental edit
    const line = lines.findIndex((l) => l === '- Number of unique users: [FILL_IN]');
    const col = lines[line].indexOf('[FILL_IN]');
    await client.connection.sendNotification('textDocument/didChange', {
      textDocument: { uri, version: 2 },
      contentChanges: [{ range: { start: { line, character: col }, end: { line, character: col + 9 } }, text: '1,204' }],
    });
    const after = await pull(client, uri);
    assert.equal(after.filter((d) => d.code === 'placeholder').length, 11);
    assert.ok(!summary(after).includes(`${line}:${col} placeholder`));
    // everything else is unchanged
    assert.deepEqual(summary(after), summary(before).filter((s) => s !== `${line}:${col} placeholder`));

    await client.close();
    assert.equal(client.process.exitCode, 0);
  });

  it('gives a non-plan markdown file nothing', async () => {
    client = await startClient();
    const uri = 'file:///tmp/notes/README.md';
    await client.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version: 1, text: '# Notes\n\n- TBD: [FILL_IN]\n' } });
    assert.deepEqual(await pull(client, uri), []);
  });

  it('treats a file named like a plan as a plan even before it has stages', async () => {
    client = await startClient();
    const uri = 'file:///tmp/products/x/release-plan.md';
    await client.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version: 1, text: '# X\n\n- Desired date range: [FILL_IN]\n' } });
    assert.deepEqual(summary(await pull(client, uri)), ['2:22 placeholder']);
  });

  it('says whether a document is a release plan and why (for the editor\'s language status item)', async () => {
    client = await startClient();
    const byContent = 'file:///tmp/products/avs/rollout.md';
    const byName = 'file:///tmp/products/x/release-plan.md';
    const notes = 'file:///tmp/notes/README.md';
    await client.connection.sendNotification('textDocument/didOpen', { textDocument: { uri: byContent, languageId: 'markdown', version: 1, text: read(SEED_AVS) } });
    await client.connection.sendNotification('textDocument/didOpen', { textDocument: { uri: byName, languageId: 'markdown', version: 1, text: '# X\n' } });
    await client.connection.sendNotification('textDocument/didOpen', { textDocument: { uri: notes, languageId: 'markdown', version: 1, text: '# Notes\n' } });
    // the plan-detection fields; rollout and finding counts (the status bar's) are checked in firstHour.test.ts
    const status = async (uri: string) => {
      const { rollout, findings, ...core } = (await client.connection.sendRequest('releasePlan/status', { uri })) as Record<string, unknown>;
      assert.equal(rollout === undefined, !core.isPlan, 'plans, and only plans, get a rollout status');
      assert.equal(findings === undefined, !core.isPlan);
      return core;
    };
    assert.deepEqual(await status(byContent), { isPlan: true, reason: 'content', stages: 3, toggles: 2 });
    assert.deepEqual(await status(byName), { isPlan: true, reason: 'path', stages: 0, toggles: 0 });
    assert.deepEqual(await status(notes), { isPlan: false, stages: 0, toggles: 0 });
  });

  it('pushes diagnostics to clients without pull support (e.g. Neovim 0.7)', async () => {
    client = await startClient({ capabilities: { workspace: {} } });
    assert.ok(client.initialize.capabilities.diagnosticProvider);
    const uri = fileUri(SEED_DISPUTE_DEBT);
    const published = new Promise<PublishDiagnosticsParams>((resolve) => client.connection.onNotification('textDocument/publishDiagnostics', (p: PublishDiagnosticsParams) => resolve(p)));
    await client.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version: 1, text: read(SEED_DISPUTE_DEBT) } });
    const p = await published;
    assert.equal(p.uri, uri);
    // Phase I is marked N/A: its nine placeholders and one [PICK_ONE] are faded hints, plus one
    // information finding on the heading
    const placeholders = p.diagnostics.filter((d) => d.code === 'placeholder');
    assert.equal(placeholders.length, 10);
    assert.deepEqual(placeholders.map((d) => [d.severity, d.tags ?? []]), [[3, []], ...Array.from({ length: 9 }, () => [4, [1]])]);
    assert.equal(placeholders[0].message, 'Phase I is marked N/A but still holds 9 template placeholders and 1 [PICK_ONE]');
    assert.deepEqual(p.diagnostics.filter((d) => d.code === 'pick-one').map((d) => [d.severity, d.tags]), [[4, [1]]]);
    // the five stages past the stale desired range all point at it
    const outside = p.diagnostics.filter((d) => d.code === 'date-outside-range');
    assert.equal(outside.length, 5);
    for (const d of outside) {
      assert.deepEqual(d.relatedInformation, [{ location: { uri, range: { start: { line: 67, character: 23 }, end: { line: 67, character: 40 } } }, message: 'The desired date range (6/30/25 - 7/16/25)' }]);
    }
  });

  it('checks closed files for "Check All Plans in Workspace" with the same findings as an open editor', async () => {
    client = await startClient();
    const plan = fileUri(SEED_AVS);
    const notes = 'file:///tmp/notes/README.md';
    const result = (await client.connection.sendRequest('releasePlan/checkFiles', {
      files: [
        { uri: plan, text: read(SEED_AVS) },
        { uri: notes, text: '# Notes\n\n[FILL_IN]\n' },
      ],
    })) as { results: { uri: string; isPlan: boolean; diagnostics: Diagnostic[] }[] };
    assert.deepEqual(result.results.map((r) => [r.uri, r.isPlan]), [
      [plan, true],
      [notes, false],
    ]);
    await client.connection.sendNotification('textDocument/didOpen', { textDocument: { uri: plan, languageId: 'markdown', version: 1, text: read(SEED_AVS) } });
    assert.deepEqual(result.results[0].diagnostics, await pull(client, plan));
    assert.equal(result.results[0].diagnostics.filter((d) => d.code === 'placeholder').length, 12);
  });

  it('hovers a date range with its weekdays and length, and shows range lengths as inlay hints when enabled', async () => {
    client = await startClient({ settings: { releasePlan: { inlayHints: { dateRangeLength: true } } } });
    const uri = fileUri(SEED_DISPUTE_DEBT);
    const text = read(SEED_DISPUTE_DEBT);
    await client.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version: 1, text } });
    const lines = text.split('\n');
    const line = lines.findIndex((l) => l.includes('Six Days 7/16/25 - 7/21/25'));
    const hover = (await client.connection.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line, character: lines[line].indexOf('7/16/25') + 2 } })) as { contents: { value: string } };
    assert.match(hover.contents.value, /Wed, Jul 16, 2025 – Mon, Jul 21, 2025/);
    assert.match(hover.contents.value, /after the desired date range/);
    assert.match(hover.contents.value, /6 days/);
    const hints = (await client.connection.sendRequest('textDocument/inlayHint', { textDocument: { uri }, range: { start: { line: 0, character: 0 }, end: { line: lines.length, character: 0 } } })) as { position: { line: number }; label: string }[];
    assert.ok(hints.some((h) => h.position.line === line && h.label === '6 days'), JSON.stringify(hints.slice(0, 3)));
    client.settings.releasePlan = {};
    await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
    const off = (await client.connection.sendRequest('textDocument/inlayHint', { textDocument: { uri }, range: { start: { line: 0, character: 0 }, end: { line: lines.length, character: 0 } } })) as unknown[];
    assert.deepEqual(off, []);
  });

  it('survives hostile documents: binary, CRLF, BOM, huge, half-typed', async () => {
    client = await startClient();
    const docs: Record<string, string> = {
      binary: '\u0000\u0001\u0002PNG\u0000\u00ff'.repeat(2000) + '\n### Stage A: 5%\n- Percentage of Users: [FILL_IN]\nPhase I',
      crlf: read(SEED_AVS).replace(/\n/g, '\r\n'),
      bom: '\ufeff' + read(SEED_AVS),
      huge: read(SEED_DISPUTE_DEBT).repeat(60),
      half: '# Plan\n\n### Stage A: 1%\n\n- Percentage of Users: [FILL_I\n| Toggle name | Desc\n| --- |\n| `x',
    };
    const results: Record<string, Diagnostic[]> = {};
    for (const [name, text] of Object.entries(docs)) {
      const uri = `file:///tmp/${name}-release-plan.md`;
      await client.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version: 1, text } });
      results[name] = await pull(client, uri);
    }
    const reference = summary(await pullText(client, read(SEED_AVS)));
    // CRLF and a BOM change nothing a user sees: same findings, same positions
    assert.deepEqual(summary(results.crlf), reference);
    assert.deepEqual(summary(results.bom), reference);
    // the huge document is still checked whole: sixty copies of the seed, sixty times its placeholders
    assert.equal(results.huge.filter((d) => d.code === 'placeholder').length, 60 * 10);
    // binary noise before a real stage: the stage's placeholder is still found, on its own line
    const binaryLines = docs.binary.split('\n');
    assert.deepEqual(
      results.binary.filter((d) => d.code === 'placeholder').map((d) => d.range.start.line),
      [binaryLines.findIndex((l) => l.includes('[FILL_IN]'))],
    );
    // a half-typed placeholder is not one yet
    assert.ok(!results.half.some((d) => d.code === 'placeholder'));
    assert.equal(client.stderr(), '');
  });
});

async function pullText(client: TestClient, text: string): Promise<Diagnostic[]> {
  const uri = 'file:///tmp/reference-release-plan.md';
  await client.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version: 1, text } });
  return pull(client, uri);
}
