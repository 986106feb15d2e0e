// The size guard over real JSON-RPC: a plan over releasePlan.maxFileSize (or nested deeper than
// remark can parse in time) gets one information diagnostic at the top and nothing else; long work
// runs in steps that stop at a cancellation.
import { strict as assert } from 'node:assert';
import { CancellationTokenSource } from 'vscode-languageserver-protocol';
import type { Diagnostic, DocumentDiagnosticReport, FullDocumentDiagnosticReport } from 'vscode-languageserver-protocol';
import { runStepwise, STEP_BUDGET_MS } from '../../server/src/lsp/longWork';
import { deepList } from '../../scripts/dev/fuzz/hostile';
import { read, SEED_AVS } from '../helpers/fixtures';
import { startClient, type TestClient } from '../helpers/lspClient';

async function pull(client: TestClient, uri: string): Promise<Diagnostic[]> {
  const report = (await client.connection.sendRequest('textDocument/diagnostic', { textDocument: { uri } })) as DocumentDiagnosticReport;
  return (report as FullDocumentDiagnosticReport).items;
}

describe('size guard', function () {
  this.timeout(20000);
  let client: TestClient | undefined;
  afterEach(async () => {
    if (client && client.process.exitCode === null) await client.close();
    client = undefined;
  });

  it('a plan over releasePlan.maxFileSize gets one information diagnostic naming the setting, and no hover', async () => {
    client = await startClient({ settings: { releasePlan: { maxFileSize: 2000 } } });
    const text = read(SEED_AVS);
    const uri = 'file:///tmp/big-release-plan.md';
    await client.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version: 1, text } });
    const ds = await pull(client, uri);
    assert.equal(ds.length, 1);
    assert.equal(ds[0].severity, 3);
    assert.equal(ds[0].code, 'file-too-large');
    assert.deepEqual(ds[0].range, { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } });
    assert.match(String(ds[0].message), new RegExp(`This plan is ${text.length.toLocaleString('en-US')} characters, more than releasePlan\\.maxFileSize \\(2,000\\)`));
    const line = text.split('\n').findIndex((l) => l.includes('avs_enabled'));
    assert.equal(await client.connection.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line, character: text.split('\n')[line].indexOf('avs_enabled') + 2 } }), null);
  });

  it('the Release Plans view leaves out a closed plan over the limit and still lists the others', async () => {
    client = await startClient({ settings: { releasePlan: { maxFileSize: 2000 } } });
    const small = '# Widget release plan\n\n### Stage A: 1%\n\n- Length of time: 3/10/2025 - 3/14/2025\n';
    const result = (await client.connection.sendRequest('releasePlan/planSummaries', {
      files: [
        { uri: 'file:///tmp/big-release-plan.md', text: read(SEED_AVS) },
        { uri: 'file:///tmp/widget-release-plan.md', text: small },
      ],
    })) as { plans: Array<{ uri: string }> };
    assert.deepEqual(result.plans.map((p) => p.uri), ['file:///tmp/widget-release-plan.md']);
    assert.doesNotMatch(client.logs.join('\n'), /planSummaries failed/);
  });

  it('0 turns the guard off; the default checks a normal plan in full', async () => {
    client = await startClient({ settings: { releasePlan: { maxFileSize: 0 } } });
    const uri = 'file:///tmp/normal-release-plan.md';
    await client.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version: 1, text: read(SEED_AVS) } });
    const ds = await pull(client, uri);
    assert.equal(ds.filter((d) => d.code === 'placeholder').length, 12);
    assert.ok(!ds.some((d) => d.code === 'file-too-large'));
  });

  it('a 500-deep list (which remark parses in tens of seconds) gets the guard diagnostic at once', async () => {
    client = await startClient();
    const uri = 'file:///tmp/deep-release-plan.md';
    await client.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version: 1, text: read(SEED_AVS) + '\n' + deepList(500) } });
    const ds = await pull(client, uri);
    assert.deepEqual(ds.map((d) => d.code), ['file-too-large']);
    assert.match(String(ds[0].message), /more than 100 levels deep/);
  });
});

describe('long work in steps', () => {
  let ran = 0;
  /** n steps of about `ms` each (busy, like a chunk's parse). */
  function* steps(n: number, ms = 0): Generator<void, void, void> {
    for (let i = 0; i < n; i++) {
      const until = performance.now() + ms;
      while (performance.now() < until);
      ran++;
      yield;
    }
  }

  it('runs every step, and stops at the first turn after a cancellation', async () => {
    ran = 0;
    assert.equal(await runStepwise(steps(5)), true);
    assert.equal(ran, 5);
    ran = 0;
    const source = new CancellationTokenSource();
    const done = runStepwise(steps(1000, 1), source.token);
    // the cancellation arrives while the steps run (at the event loop's first turn, as $/cancelRequest would)
    setImmediate(() => source.cancel());
    assert.equal(await done, false);
    assert.ok(ran >= 1 && ran <= 2 * STEP_BUDGET_MS + 5, `${ran} steps of 1 ms ran before the cancellation was seen`);
  });

  it('gives the event loop a turn by time, not after every step', async () => {
    ran = 0;
    const source = new CancellationTokenSource();
    // two hundred cached chunks take well under the budget: no turn, so a cancellation cannot land
    const done = runStepwise(steps(200), source.token);
    setImmediate(() => source.cancel());
    assert.equal(await done, true);
    assert.equal(ran, 200);
  });
});
