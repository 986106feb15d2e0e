import { strict as assert } from 'node:assert';
import type { CodeAction, Diagnostic, DocumentDiagnosticReport, FullDocumentDiagnosticReport, TextEdit } from 'vscode-languageserver-protocol';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { read, SEED_AVS, SEED_DISPUTE_DEBT } from '../helpers/fixtures';
import { fileUri, startClient, type TestClient } from '../helpers/lspClient';

async function pull(client: TestClient, uri: string): Promise<Diagnostic[]> {
  const report = (await client.connection.sendRequest('textDocument/diagnostic', { textDocument: { uri } })) as DocumentDiagnosticReport;
  return (report as FullDocumentDiagnosticReport).items;
}

async function codeActions(client: TestClient, uri: string, range: Diagnostic['range'], diagnostics: Diagnostic[], only?: string[]): Promise<CodeAction[]> {
  return (await client.connection.sendRequest('textDocument/codeAction', { textDocument: { uri }, range, context: { diagnostics, only } })) as CodeAction[];
}

/** Applies a code action's edit the way an editor does and tells the server (full-text change). */
async function applyAction(client: TestClient, uri: string, text: string, version: number, action: CodeAction): Promise<string> {
  const edits = (action.edit?.changes?.[uri] ?? []) as TextEdit[];
  assert.ok(edits.length > 0, `'${action.title}' carries an edit for the document`);
  const next = TextDocument.applyEdits(TextDocument.create(uri, 'markdown', version, text), edits);
  await client.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version: version + 1 }, contentChanges: [{ text: next }] });
  return next;
}

describe('code actions over stdio (real JSON-RPC)', function () {
  this.timeout(20000);
  let client: TestClient;
  afterEach(async () => {
    if (client && client.process.exitCode === null) await client.close();
  });

  it('advertises the kinds, answers a [PICK_ONE] with a quick fix linked to its diagnostic, and the diagnostic goes', async () => {
    client = await startClient();
    const provider = client.initialize.capabilities.codeActionProvider;
    assert.ok(provider && typeof provider === 'object');
    assert.deepEqual(provider.codeActionKinds, ['quickfix', 'refactor.releasePlan', 'refactor.rewrite.releasePlan', 'source.releasePlan', 'source.fixAll.releasePlan']);

    const uri = fileUri(SEED_AVS);
    const text = read(SEED_AVS);
    await client.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version: 1, text } });
    const before = await pull(client, uri);
    const pick = before.find((d) => d.code === 'pick-one')!;
    const actions = await codeActions(client, uri, pick.range, [pick], ['quickfix']);
    assert.deepEqual(actions.map((a) => a.title), ["Answer 'yes'", "Answer 'no'", "Answer 'N/A'", 'Disable pick-one for this line', 'Disable pick-one for this file']);
    for (const a of actions) {
      assert.equal(a.kind, 'quickfix');
      assert.deepEqual(a.diagnostics, [pick]);
    }

    const after = await applyAction(client, uri, text, 1, actions[1]);
    assert.ok(after.split('\n')[pick.range.start.line].endsWith('affected by the change?: no'));
    const diagnostics = await pull(client, uri);
    assert.equal(diagnostics.filter((d) => d.code === 'pick-one').length, before.filter((d) => d.code === 'pick-one').length - 1);
    assert.ok(!diagnostics.some((d) => d.code === 'pick-one' && d.range.start.line === pick.range.start.line));
  });

  it('offers stage insertion on a stage heading, and Fix All (for editor.codeActionsOnSave) only when asked', async () => {
    client = await startClient();
    const uri = 'file:///tmp/plans/avs-release-plan.md';
    const text = read(SEED_AVS).replace('(https://api.va.gov/flipper/features/avs_enabled)', '(https://api.va.gov/flipper/features/avs_enable)');
    await client.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version: 1, text } });
    const diagnostics = await pull(client, uri);
    assert.equal(diagnostics.filter((d) => d.code === 'toggle-link-mismatch').length, 1);

    const stageB = text.split('\n').indexOf('### Stage B: 50% of users');
    const onHeading = await codeActions(client, uri, { start: { line: stageB, character: 5 }, end: { line: stageB, character: 5 } }, []);
    assert.deepEqual(
      onHeading.filter((a) => a.kind === 'refactor.releasePlan.insertStage').map((a) => a.title),
      // "Insert next stage" is disabled (the rollout reaches 100%) and this client cannot show it greyed out
      // and no `Stage A.1` between the consecutive A and B: the plan uses no sub-stages
      ['Insert a stage between Stage B and Stage E: Stage C (75% of users)'],
    );
    assert.ok(!onHeading.some((a) => a.kind?.startsWith('source')), 'no source action unless asked');

    const onSave = await codeActions(client, uri, { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, [], ['source.fixAll']);
    assert.deepEqual(onSave.map((a) => a.kind), ['source.fixAll.releasePlan']);
    const fixed = await applyAction(client, uri, text, 1, onSave[0]);
    assert.ok(fixed.includes('[avs_enabled](https://api.va.gov/flipper/features/avs_enabled)'));
    assert.deepEqual((await pull(client, uri)).filter((d) => d.code === 'toggle-link-mismatch'), []);
  });

  it('gives a markdown file that is not a plan no actions', async () => {
    client = await startClient();
    const uri = 'file:///tmp/notes/README.md';
    await client.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version: 1, text: '# Notes\n\n- TBD: [PICK_ONE]\n' } });
    assert.deepEqual(await codeActions(client, uri, { start: { line: 2, character: 8 }, end: { line: 2, character: 8 } }, [], undefined), []);
  });

  it('adds a disable comment that silences exactly that line', async () => {
    client = await startClient();
    const uri = fileUri(SEED_DISPUTE_DEBT);
    const text = read(SEED_DISPUTE_DEBT);
    await client.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version: 1, text } });
    const before = await pull(client, uri);
    const target = before.find((d) => d.code === 'placeholder')!;
    const actions = await codeActions(client, uri, target.range, [target], ['quickfix']);
    const disable = actions.find((a) => a.title === 'Disable placeholder for this line')!;
    await applyAction(client, uri, text, 1, disable);
    const after = await pull(client, uri);
    const onLine = (ds: Diagnostic[], line: number) => ds.filter((d) => d.code === 'placeholder' && d.range.start.line === line).length;
    assert.equal(onLine(after, target.range.start.line + 1), 0);
    assert.equal(after.filter((d) => d.code === 'placeholder').length, before.filter((d) => d.code === 'placeholder').length - onLine(before, target.range.start.line));
  });
});
