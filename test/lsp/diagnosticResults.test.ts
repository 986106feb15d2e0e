// Pull diagnostics with result ids, over JSON-RPC: a re-pull whose diagnostics are what the client
// already holds is answered `unchanged`; anything that changes them gets a full report with a new id.
import assert from 'node:assert/strict';
import type { Diagnostic, DocumentDiagnosticReport } from 'vscode-languageserver';
import { sameDiagnostics } from '../../server/src/lsp/diagnosticResults';
import { read, SEED_DISPUTE_DEBT } from '../helpers/fixtures';
import { startClient, type TestClient } from '../helpers/lspClient';

const URI = 'file:///repo/000-dispute-debt-release-plan.md';

describe('pull diagnostics: result ids and unchanged reports', function () {
  this.timeout(30000);
  let client: TestClient | undefined;
  let version = 1;
  let text = read(SEED_DISPUTE_DEBT);
  afterEach(async () => {
    await client?.close();
    client = undefined;
  });

  const pull = (previousResultId?: string) => client!.connection.sendRequest('textDocument/diagnostic', { textDocument: { uri: URI }, previousResultId }) as Promise<DocumentDiagnosticReport>;
  const insert = async (after: string, typed: string) => {
    const at = text.indexOf(after) + after.length;
    const before = text.slice(0, at).split('\n');
    const position = { line: before.length - 1, character: before[before.length - 1].length };
    text = text.slice(0, at) + typed + text.slice(at);
    await client!.connection.sendNotification('textDocument/didChange', { textDocument: { uri: URI, version: ++version }, contentChanges: [{ range: { start: position, end: position }, text: typed }] });
  };

  it('answers unchanged while the diagnostics stay the same, and in full once they change', async () => {
    client = await startClient({ settings: { releasePlan: { today: '2025-07-01' } } });
    await client.connection.sendNotification('textDocument/didOpen', { textDocument: { uri: URI, languageId: 'markdown', version, text } });
    const first = await pull();
    assert.equal(first.kind, 'full');
    assert.ok(first.resultId && first.items.length > 5, 'a full report with an id');

    // the same version again: the client holds it
    assert.deepEqual(await pull(first.resultId), { kind: 'unchanged', resultId: first.resultId });
    // a client that lost what it held (no id, or an old one) gets the list again, under the same id
    const again = await pull('an id the server never gave');
    assert.equal(again.kind, 'full');
    assert.equal(again.resultId, first.resultId);
    assert.deepEqual(again.kind === 'full' && again.items, first.items);

    // typing in a line with nothing to report, no new line: nothing the client shows changed
    await insert('it will be deployed that day.', ' Really.');
    assert.deepEqual(await pull(first.resultId), { kind: 'unchanged', resultId: first.resultId });

    // filling in a placeholder removes a finding: a full report, a new id
    const placeholders = first.items.filter((d) => d.code === 'placeholder').length;
    text = text.replace('[FILL_IN]', 'Jane Doe');
    await client.connection.sendNotification('textDocument/didChange', { textDocument: { uri: URI, version: ++version }, contentChanges: [{ text }] });
    const changed = await pull(first.resultId);
    assert.equal(changed.kind, 'full');
    assert.notEqual(changed.resultId, first.resultId);
    assert.equal(changed.kind === 'full' && changed.items.filter((d) => d.code === 'placeholder').length, placeholders - 1);
    assert.deepEqual(await pull(changed.resultId), { kind: 'unchanged', resultId: changed.resultId });
  });

  it('compares every field a diagnostic carries', () => {
    const base: Diagnostic = {
      range: { start: { line: 1, character: 2 }, end: { line: 1, character: 9 } },
      message: 'm',
      severity: 2,
      code: 'placeholder',
      source: 'release-plan',
      codeDescription: { href: 'file:///docs/checks.md#L3' },
      tags: [1],
      relatedInformation: [{ location: { uri: URI, range: { start: { line: 4, character: 0 }, end: { line: 4, character: 3 } } }, message: 'r' }],
    };
    const copy = (): Diagnostic => JSON.parse(JSON.stringify(base));
    assert.ok(sameDiagnostics([base], [copy()]));
    const variants: Array<(d: Diagnostic) => void> = [
      (d) => (d.range.end.character = 10),
      (d) => (d.message = 'n'),
      (d) => (d.severity = 3),
      (d) => (d.code = 'pick-one'),
      (d) => (d.codeDescription = { href: 'file:///docs/checks.md#L4' }),
      (d) => (d.tags = undefined),
      (d) => (d.relatedInformation![0].location.range.start.line = 5),
      (d) => (d.relatedInformation![0].message = 's'),
    ];
    for (const change of variants) {
      const d = copy();
      change(d);
      assert.ok(!sameDiagnostics([base], [d]), String(change));
    }
    assert.ok(!sameDiagnostics([base], [base, base]));
  });
});
