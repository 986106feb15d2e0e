// The server in a real workspace folder: config file discovery, registry discovery, hover and
// completion from the catalog, live status from a local Flipper API, settings changes.
import { strict as assert } from 'node:assert';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CompletionItem, CompletionList, Diagnostic, DocumentDiagnosticReport, FullDocumentDiagnosticReport, Hover, MarkupContent } from 'vscode-languageserver-protocol';
import { FIXTURES, read, SEED_AVS } from '../helpers/fixtures';
import { fileUri, startClient, type TestClient } from '../helpers/lspClient';

async function pull(client: TestClient, uri: string): Promise<Diagnostic[]> {
  const report = (await client.connection.sendRequest('textDocument/diagnostic', { textDocument: { uri } })) as DocumentDiagnosticReport;
  return (report as FullDocumentDiagnosticReport).items;
}

async function open(client: TestClient, path: string, text = read(path), languageId = 'markdown'): Promise<string> {
  const uri = fileUri(path);
  await client.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId, version: 1, text } });
  return uri;
}


describe('language server in a workspace folder', function () {
  this.timeout(20000);
  let root: string;
  let client: TestClient | undefined;
  let flipper: Server | undefined;
  const requests: string[] = [];

  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'rp-ws-'));
    mkdirSync(join(root, 'config'));
    mkdirSync(join(root, 'products', 'avs'), { recursive: true });
    copyFileSync(join(FIXTURES, 'corpus', 'vets-api-features.yml'), join(root, 'config', 'features.yml'));
    copyFileSync(SEED_AVS, join(root, 'products', 'avs', 'release-plan.md'));
    requests.length = 0;
  });
  afterEach(async () => {
    if (client && client.process.exitCode === null) await client.close();
    client = undefined;
    await new Promise<void>((resolve) => (flipper ? flipper.close(() => resolve()) : resolve()));
    flipper = undefined;
    rmSync(root, { recursive: true, force: true });
  });

  it('finds the registry at config/features.yml: unknown-toggle fires for a toggle the registry lacks', async () => {
    client = await startClient({ rootUri: fileUri(root) });
    const plan = join(root, 'products', 'avs', 'release-plan.md');
    // the registry is loaded after initialization; the server asks for a re-pull when it is ready
    const uri = await open(client, plan);
    await client.nextRefresh(0);
    const ds = await pull(client, uri);
    const unknown = ds.filter((d) => d.code === 'unknown-toggle');
    assert.deepEqual(unknown.map((d) => d.range.start.line), [7]);
    assert.match(String(unknown[0].message), /va_online_scheduling_after_visit_summary/);
  });

  it('applies the nearest .releaseplanrc.json, and reports a malformed one on the config file itself', async () => {
    writeFileSync(join(root, '.releaseplanrc.json'), JSON.stringify({ checks: { placeholder: 'off', 'pick-one': 'error' } }));
    client = await startClient({ rootUri: fileUri(root) });
    const plan = join(root, 'products', 'avs', 'release-plan.md');
    const uri = await open(client, plan);
    const ds = await pull(client, uri);
    assert.ok(!ds.some((d) => d.code === 'placeholder'));
    assert.deepEqual([...new Set(ds.filter((d) => d.code === 'pick-one').map((d) => d.severity))], [1]);

    // break the file: the plan falls back to the defaults, the config file gets one clear diagnostic
    const rc = join(root, '.releaseplanrc.json');
    writeFileSync(rc, '{ "checks": { "placeholder": "loud" ');
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: fileUri(rc), type: 2 }] });
    const after = await pull(client, uri);
    assert.ok(after.some((d) => d.code === 'placeholder'));
    const rcUri = await open(client, rc, '{ "checks": { "placeholder": "loud" ', 'json');
    const problems = await pull(client, rcUri);
    assert.ok(problems.length >= 1);
    assert.equal(problems[0].source, 'release-plan');
    assert.doesNotMatch(String(problems[0].message), /at .*\.js:\d+/);
  });

  it('settings change severities and a change asks the client to re-pull', async () => {
    client = await startClient({ rootUri: fileUri(root), settings: { releasePlan: { checks: { placeholder: 'warning' } } } });
    const uri = await open(client, join(root, 'products', 'avs', 'release-plan.md'));
    await client.nextRefresh(0);
    assert.deepEqual([...new Set((await pull(client, uri)).filter((d) => d.code === 'placeholder').map((d) => d.severity))], [2]);
    client.settings.releasePlan = { checks: { placeholder: 'off' } };
    const refreshed = client.nextRefresh();
    await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
    // the test times out unless the server asks for a re-pull
    await refreshed;
    assert.ok(!(await pull(client, uri)).some((d) => d.code === 'placeholder'));
  });

  it('hover shows the registry description and live status from a configured local Flipper API', async () => {
    flipper = createServer((req, res) => {
      requests.push(`${req.method} ${req.url}`);
      res.setHeader('content-type', 'application/json');
      if (req.url === '/flipper/api/features/avs_enabled') res.end(JSON.stringify({ key: 'avs_enabled', state: 'conditional', gates: [{ key: 'percentage_of_actors', name: 'percentage_of_actors', value: '25' }, { key: 'groups', name: 'group', value: ['a', 'b'] }] }));
      else {
        res.statusCode = 404;
        res.end(JSON.stringify({ code: 1, message: 'Feature not found.' }));
      }
    });
    await new Promise<void>((resolve) => flipper!.listen(0, '127.0.0.1', resolve));
    const port = (flipper.address() as AddressInfo).port;
    const environments = [{ name: 'local', kind: 'flipper-api', url: `http://127.0.0.1:${port}/flipper/api` }];
    client = await startClient({ rootUri: fileUri(root), initializationOptions: { trusted: true }, settings: { releasePlan: { environments } } });
    const uri = await open(client, join(root, 'products', 'avs', 'release-plan.md'));
    // environments and registry are configured once the server asks for its first re-pull; the hover
    // itself waits (bounded) for the live answer
    await client.nextRefresh(0);
    const hover = (await client.connection.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line: 6, character: 5 } })) as Hover;
    const md = (hover.contents as MarkupContent).value;
    assert.match(md, /avs_enabled/);
    assert.match(md, /Enables the After Visit Summary API/);
    assert.match(md, /Actor type: user/);
    assert.match(md, /local/);
    assert.match(md, /Conditionally enabled: 25% of actors, 2 groups/);
    assert.ok(requests.every((r) => r.startsWith('GET /flipper/api/features/')), requests.join(','));
  });

  it('makes no request in an untrusted workspace, even with an environment configured', async () => {
    flipper = createServer((req, res) => {
      requests.push(`${req.method} ${req.url}`);
      res.end('{}');
    });
    await new Promise<void>((resolve) => flipper!.listen(0, '127.0.0.1', resolve));
    const port = (flipper.address() as AddressInfo).port;
    client = await startClient({ rootUri: fileUri(root), initializationOptions: { trusted: false }, settings: { releasePlan: { environments: [{ name: 'local', kind: 'flipper-api', url: `http://127.0.0.1:${port}/flipper/api` }] } } });
    const uri = await open(client, join(root, 'products', 'avs', 'release-plan.md'));
    await client.nextRefresh(0);
    const hover = (await client.connection.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line: 6, character: 5 } })) as Hover;
    assert.match((hover.contents as MarkupContent).value, /avs_enabled/);
    assert.match((hover.contents as MarkupContent).value, /untrusted|Unknown/i);
    assert.deepEqual(requests, []);
  });

  it('completes toggle names from the registry inside backticks in the toggle table', async () => {
    client = await startClient({ rootUri: fileUri(root) });
    const text = read(SEED_AVS).replace('| [avs_enabled](https://api.va.gov/flipper/features/avs_enabled) |', '| `avs_ena` |');
    const uri = await open(client, join(root, 'products', 'avs', 'release-plan.md'), text);
    const line = text.split('\n').findIndex((l) => l.startsWith('| `avs_ena`'));
    await client.nextRefresh(0);
    // a list marked incomplete while the workspace index still fills, or a plain (complete) array
    const result = (await client.connection.sendRequest('textDocument/completion', { textDocument: { uri }, position: { line, character: 10 } })) as CompletionItem[] | CompletionList;
    const items = Array.isArray(result) ? result : result.items;
    const avs = items.find((c) => c.label === 'avs_enabled');
    assert.ok(avs, items.map((c) => c.label).slice(0, 10).join(','));
    assert.match(String(avs.detail), /features\.yml/);
  });
});
