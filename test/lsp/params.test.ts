// Malformed protocol params, over real JSON-RPC: every request the server handles answers
// -32602 InvalidParams with a sentence (never a handler's TypeError as -32603), and every malformed
// notification is dropped and logged once, leaving the document at its last good text.
import { strict as assert } from 'node:assert';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ErrorCodes, ResponseError, type Diagnostic, type DocumentDiagnosticReport, type FullDocumentDiagnosticReport } from 'vscode-languageserver-protocol';
import { read, SEED_AVS } from '../helpers/fixtures';
import { fileUri, startClient, type TestClient } from '../helpers/lspClient';

async function pull(client: TestClient, uri: string): Promise<Diagnostic[]> {
  const report = (await client.connection.sendRequest('textDocument/diagnostic', { textDocument: { uri } })) as DocumentDiagnosticReport;
  return (report as FullDocumentDiagnosticReport).items;
}

const summary = (ds: Diagnostic[]) => ds.map((d) => `${d.range.start.line}:${d.range.start.character} ${d.code}`);

const pos = { line: 0, character: 0 };
const range = { start: pos, end: pos };

describe('malformed protocol params (real JSON-RPC)', function () {
  this.timeout(30000);
  let root: string;
  let client: TestClient;
  before(() => {
    root = mkdtempSync(join(tmpdir(), 'rp-params-'));
  });
  after(async () => {
    if (client && client.process.exitCode === null) await client.close();
    rmSync(root, { recursive: true, force: true });
  });

  it('answers every handled request with bad params with InvalidParams and a readable message, and drops bad notifications with one log line each', async () => {
    client = await startClient({
      rootUri: fileUri(root),
      capabilities: {
        textDocument: { diagnostic: { dynamicRegistration: false }, hover: { contentFormat: ['markdown'] } },
        // so the library's own workspace-folders handler is registered too
        workspace: { configuration: true, workspaceFolders: true, diagnostics: { refreshSupport: true } },
      },
    });
    const uri = fileUri(join(root, 'release-plan.md'));
    const text = read(SEED_AVS);
    await client.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version: 1, text } });
    const before = summary(await pull(client, uri));
    assert.ok(before.length > 0);
    const doc = { uri };

    // method, params, the path the message must name
    const requests: Array<[string, unknown, string]> = [
      ['textDocument/hover', { textDocument: doc, position: null }, 'params.position'],
      ['textDocument/hover', { textDocument: doc, position: { line: -1, character: 0 } }, 'params.position.line'],
      ['textDocument/hover', { position: pos }, 'params.textDocument'],
      ['textDocument/hover', null, 'params'],
      ['textDocument/completion', { textDocument: doc, position: null }, 'params.position'],
      ['textDocument/completion', { textDocument: doc, position: { line: 0, character: '3' } }, 'params.position.character'],
      ['textDocument/codeAction', { textDocument: doc, range: null, context: { diagnostics: [] } }, 'params.range'],
      ['textDocument/codeAction', { textDocument: doc, range: { start: null, end: pos }, context: { diagnostics: [] } }, 'params.range.start'],
      ['textDocument/codeAction', { textDocument: doc, range }, 'params.context'],
      ['textDocument/codeAction', { textDocument: doc, range, context: { diagnostics: [null] } }, 'params.context.diagnostics[0]'],
      ['textDocument/inlayHint', { textDocument: doc, range: { start: pos } }, 'params.range.end'],
      ['textDocument/diagnostic', { textDocument: null }, 'params.textDocument'],
      ['textDocument/willSaveWaitUntil', { textDocument: doc }, 'params.reason'],
      ['releasePlan/status', { uri: 42 }, 'params.uri'],
      ['releasePlan/checkFiles', { files: null }, 'params.files'],
      ['releasePlan/checkFiles', { files: [{ uri, text: null }] }, 'params.files[0].text'],
      ['initialize', { capabilities: null }, 'params.capabilities'],
    ];
    for (const [method, params, path] of requests) {
      const err = await client.connection.sendRequest(method, params).then(
        (result) => assert.fail(`${method} ${JSON.stringify(params)} answered ${JSON.stringify(result)}`),
        (e: unknown) => e,
      );
      assert.ok(err instanceof ResponseError, `${method}: ${String(err)}`);
      assert.equal(err.code, ErrorCodes.InvalidParams, `${method} ${JSON.stringify(params)}: ${err.message}`);
      assert.ok(err.message.startsWith(`Invalid params for ${method}: ${path} must be `), err.message);
      assert.doesNotMatch(err.message, /TypeError|Cannot read|\n\s+at /);
    }

    const notifications: Array<[string, unknown]> = [
      ['textDocument/didChange', { textDocument: { uri, version: 2 }, contentChanges: [{ range: { start: { line: 3, character: 0 } }, text: 'X' }] }],
      ['textDocument/didChange', { textDocument: { uri, version: 2 }, contentChanges: [null] }],
      ['textDocument/didChange', { textDocument: { uri, version: 2 }, contentChanges: null }],
      ['textDocument/didChange', { textDocument: null, contentChanges: [{ text: '' }] }],
      // the second change is bad: none of the batch applies, not half of it
      ['textDocument/didChange', { textDocument: { uri, version: 2 }, contentChanges: [{ text: '' }, { range, text: 7 }] }],
      ['textDocument/didOpen', { textDocument: null }],
      ['textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version: 9 } }],
      ['textDocument/didClose', { textDocument: {} }],
      ['textDocument/didSave', null],
      ['textDocument/willSave', { textDocument: doc }],
      ['workspace/didChangeWatchedFiles', { changes: null }],
      ['workspace/didChangeWatchedFiles', { changes: [{ uri: 1, type: 1 }] }],
      ['workspace/didChangeWatchedFiles', { changes: [{ uri, type: 7 }] }],
      ['workspace/didChangeWorkspaceFolders', { event: null }],
      ['workspace/didChangeWorkspaceFolders', { event: { added: [null], removed: [] } }],
      ['workspace/didChangeConfiguration', null],
      ['releasePlan/setTokens', null],
      ['releasePlan/setTokens', { tokens: { production: 5 } }],
      ['releasePlan/setTrusted', { trusted: 'yes' }],
      ['$/setTrace', { value: 'loud' }],
    ];
    for (const [method, params] of notifications) {
      const logged = client.logs.length;
      await client.connection.sendNotification(method, params);
      // messages are handled in order: once a later request is answered, the notification was handled
      assert.deepEqual(summary(await pull(client, uri)), before, `${method} ${JSON.stringify(params)} changed the document`);
      const lines = client.logs.slice(logged);
      assert.equal(lines.length, 1, `${method} ${JSON.stringify(params)} logged ${JSON.stringify(lines)}`);
      assert.match(lines[0], new RegExp(`^release-plan: ignored a ${method.replace(/\$/g, '\\$')} notification with invalid params \\(params\\S* must be `));
    }
    // the same bad notification again is not logged again
    const logged = client.logs.length;
    await client.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version: 2 }, contentChanges: [null] });
    await pull(client, uri);
    assert.equal(client.logs.length, logged);

    // the document kept its last good text: an edit against it still lands where it should
    const lines = text.split('\n');
    const line = lines.findIndex((l) => l === '- Number of unique users: [FILL_IN]');
    const col = lines[line].indexOf('[FILL_IN]');
    await client.connection.sendNotification('textDocument/didChange', {
      textDocument: { uri, version: 2 },
      contentChanges: [{ range: { start: { line, character: col }, end: { line, character: col + 9 } }, text: '1,204' }],
    });
    assert.deepEqual(summary(await pull(client, uri)), before.filter((s) => s !== `${line}:${col} placeholder`));

    // odd but valid params still get answers
    assert.equal(await client.connection.sendRequest('textDocument/hover', { textDocument: doc, position: { line: 100000, character: 5 } }), null);
    assert.equal(await client.connection.sendRequest('textDocument/hover', { textDocument: { uri: 'file:///not/open.md' }, position: pos }), null);
    assert.ok(Array.isArray(await client.connection.sendRequest('textDocument/codeAction', { textDocument: doc, range, context: { diagnostics: [] } })));

    // no handler ever failed on them
    assert.doesNotMatch(client.logs.join('\n'), /TypeError|failed with message|Cannot read|\n\s+at /);
    assert.doesNotMatch(client.stderr(), /TypeError|Cannot read/);
  });
});
