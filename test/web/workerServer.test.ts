// `npm run test:web`: the web-worker server bundle (dist/browser/server.js, the vsix's `browser`
// server) in real headless Chromium, speaking LSP over postMessage, against the Node server over
// stdio on the same workspace: the same diagnostics on every seed, hover and completion with the
// registry read through the client, and live status under the browser's rules (CORS included).
import { strict as assert } from 'node:assert';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { BrowserContext } from 'playwright-core';
import type { CompletionItem, CompletionList, Diagnostic, DocumentDiagnosticReport, FullDocumentDiagnosticReport, Hover, MarkupContent } from 'vscode-languageserver-protocol';
import { FIXTURES, read, SEED_AVS, SEEDS } from '../helpers/fixtures';
import { fileUri, startClient, type TestClient } from '../helpers/lspClient';
import { servePage, startWorkerClient, WORKER_JS, type WorkerClient } from '../helpers/webWorkerClient';

interface EditorEnv {
  launchChromium(runDir: string): Promise<BrowserContext>;
  makeRunDir(prefix: string): string;
  removeDir(dir: string): void;
}
// the one place that knows how the suites start Chromium (path, flags, throwaway profile)
const editorEnv = (): Promise<EditorEnv> => import(pathToFileURL(join(__dirname, '..', '..', 'scripts', 'editors', 'lib', 'editor-env.mjs')).href) as Promise<EditorEnv>;

type Either = Pick<TestClient, 'connection'>;

async function open(client: Either, uri: string, text: string): Promise<void> {
  await client.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version: 1, text } });
}

async function pull(client: Either, uri: string): Promise<Diagnostic[]> {
  const report = (await client.connection.sendRequest('textDocument/diagnostic', { textDocument: { uri } })) as DocumentDiagnosticReport;
  return (report as FullDocumentDiagnosticReport).items;
}

async function hoverText(client: Either, uri: string, line: number, character: number): Promise<string> {
  const hover = (await client.connection.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line, character } })) as Hover | null;
  return hover ? (hover.contents as MarkupContent).value : '';
}

/** A local Flipper API; `cors` decides whether a page on another origin may read its answers. */
async function flipper(cors: boolean, requests: string[]): Promise<{ server: Server; url: string }> {
  const server = createServer((req, res) => {
    requests.push(`${req.method} ${req.url}`);
    if (cors) res.setHeader('access-control-allow-origin', '*');
    res.setHeader('content-type', 'application/json');
    if (req.url === '/flipper/api/features/avs_enabled') res.end(JSON.stringify({ key: 'avs_enabled', state: 'conditional', gates: [{ key: 'percentage_of_actors', name: 'percentage_of_actors', value: '25' }] }));
    else {
      res.statusCode = 404;
      res.end(JSON.stringify({ code: 1, message: 'Feature not found.' }));
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/flipper/api` };
}

const STEP_MS = 15_000;
/** Waits for `work`, or for STEP_MS and then names the step in `hung`, so one stuck step cannot hide which it was. */
async function bounded(step: string, work: Promise<unknown> | undefined, hung: string[]): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<'late'>((resolve) => (timer = setTimeout(() => resolve('late'), STEP_MS)));
  const outcome = await Promise.race([Promise.resolve(work).then(() => 'done' as const), late]).finally(() => clearTimeout(timer));
  if (outcome === 'late') hung.push(step);
}

describe('web-worker server in Chromium (parity with the Node server)', function () {
  this.timeout(60_000);
  let env: EditorEnv;
  let runDir: string;
  let context: BrowserContext;
  let page: { server: Server; origin: string };
  let root: string;
  const servers: Server[] = [];
  let node: TestClient | undefined;
  let web: WorkerClient | undefined;

  before(async () => {
    assert.ok(existsSync(WORKER_JS), `${WORKER_JS} is missing: run npm run build first`);
    env = await editorEnv();
    runDir = env.makeRunDir('web');
    context = await env.launchChromium(runDir);
    page = await servePage();
  });
  after(async () => {
    await context?.close();
    page?.server.closeAllConnections();
    await new Promise<void>((resolve) => (page ? page.server.close(() => resolve()) : resolve()));
    if (runDir) env.removeDir(runDir);
  });

  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'rp-web-'));
    mkdirSync(join(root, 'config'));
    mkdirSync(join(root, 'seeds'));
    copyFileSync(join(FIXTURES, 'corpus', 'vets-api-features.yml'), join(root, 'config', 'features.yml'));
    for (const f of readdirSync(SEEDS).filter((f) => f.endsWith('-release-plan.md'))) copyFileSync(join(SEEDS, f), join(root, 'seeds', f));
  });
  afterEach(async () => {
    // A CI run once spent this hook's whole minute in `close()` of a loopback API: Chromium opens
    // sockets ahead of need (preconnect) and keeps them, and Node 20's close() waits for a socket
    // that has sent no request yet (it counts as neither idle nor done). The browser outlives the
    // test, so its sockets are closed here, not waited for. Each step is bounded and named, so a
    // step that hangs fails the test saying which one instead of timing the hook out.
    const hung: string[] = [];
    await bounded('Node server shutdown', node?.close(), hung);
    await bounded('worker server shutdown', web?.shutdown(), hung);
    await bounded('worker page close', web?.closePage(), hung);
    node = web = undefined;
    for (const s of servers.splice(0)) {
      s.closeAllConnections();
      await bounded('loopback API close', new Promise<void>((resolve) => s.close(() => resolve())), hung);
    }
    rmSync(root, { recursive: true, force: true });
    assert.deepEqual(hung, [], `cleanup steps that did not finish within ${STEP_MS / 1000} s`);
  });

  async function startBoth(settings: Record<string, unknown> = {}, initializationOptions: unknown = undefined): Promise<[TestClient, WorkerClient]> {
    node = await startClient({ rootUri: fileUri(root), settings: { ...settings }, initializationOptions });
    web = await startWorkerClient(context, page.origin, { rootUri: fileUri(root), settings: { ...settings }, initializationOptions });
    // both read the registry after `initialized` and ask for a re-pull once it is loaded
    await Promise.all([node.nextRefresh(0), web.nextRefresh(0)]);
    return [node, web];
  }

  it('reports the same diagnostics as the Node server on every seed, with the registry read through the client', async () => {
    const [n, w] = await startBoth();
    assert.equal(w.initialize.serverInfo?.name, n.initialize.serverInfo?.name);
    assert.deepEqual(w.initialize.capabilities, n.initialize.capabilities);
    const seeds = readdirSync(join(root, 'seeds')).sort();
    assert.equal(seeds.length, 3);
    let total = 0;
    for (const name of seeds) {
      const uri = fileUri(join(root, 'seeds', name));
      const text = read(join(root, 'seeds', name));
      await open(n, uri, text);
      await open(w, uri, text);
      const [fromNode, fromWeb] = await Promise.all([pull(n, uri), pull(w, uri)]);
      assert.ok(fromNode.length > 0, `${name}: the Node server found nothing`);
      // postMessage (structured clone) keeps `key: undefined` that JSON over stdio drops: compare as JSON
      assert.deepEqual(JSON.parse(JSON.stringify(fromWeb)), fromNode, name);
      total += fromWeb.length;
    }
    assert.ok(total >= 10, `only ${total} diagnostics on the seeds`);
    // unknown-toggle runs only with a registry: it fired, so config/features.yml came through the client
    const avs = await pull(w, fileUri(join(root, 'seeds', '003-avs-release-plan.md')));
    assert.deepEqual(avs.filter((d) => d.code === 'unknown-toggle').map((d) => d.range.start.line), [7]);
    assert.ok(w.fileRequests.includes(`readFile ${join(root, 'config', 'features.yml')}`), w.fileRequests.join('\n'));
    assert.deepEqual(w.errors, []);
  });

  it('hovers and completes toggles from the registry like the Node server', async () => {
    const [n, w] = await startBoth();
    const uri = fileUri(join(root, 'seeds', '003-avs-release-plan.md'));
    await open(n, uri, read(SEED_AVS));
    await open(w, uri, read(SEED_AVS));
    const [nodeHover, webHover] = await Promise.all([hoverText(n, uri, 6, 5), hoverText(w, uri, 6, 5)]);
    assert.match(webHover, /avs_enabled/);
    assert.match(webHover, /Enables the After Visit Summary API/);
    assert.equal(webHover, nodeHover);

    const text = read(SEED_AVS).replace('| [avs_enabled](https://api.va.gov/flipper/features/avs_enabled) |', '| `avs_ena` |');
    const edited = fileUri(join(root, 'seeds', 'edited-release-plan.md'));
    await open(w, edited, text);
    const line = text.split('\n').findIndex((l) => l.startsWith('| `avs_ena`'));
    const result = (await w.connection.sendRequest('textDocument/completion', { textDocument: { uri: edited }, position: { line, character: 10 } })) as CompletionItem[] | CompletionList;
    const items = Array.isArray(result) ? result : result.items;
    const avs = items.find((c) => c.label === 'avs_enabled');
    assert.ok(avs, items.map((c) => c.label).slice(0, 10).join(','));
    assert.match(String(avs.detail), /features\.yml/);
    assert.deepEqual(w.errors, []);
  });

  it('fetches live status with fetch, and says so in the hover when the API allows no cross-origin request', async () => {
    const requests: string[] = [];
    const open_ = await flipper(true, requests);
    const closed = await flipper(false, requests);
    servers.push(open_.server, closed.server);
    const environments = [
      { name: 'with-cors', kind: 'flipper-api', url: open_.url },
      { name: 'no-cors', kind: 'flipper-api', url: closed.url },
    ];
    web = await startWorkerClient(context, page.origin, { rootUri: fileUri(root), settings: { releasePlan: { environments } }, initializationOptions: { trusted: true } });
    await web.nextRefresh(0);
    const uri = fileUri(join(root, 'seeds', '003-avs-release-plan.md'));
    await open(web, uri, read(SEED_AVS));
    const md = await hoverText(web, uri, 6, 5);
    assert.match(md, /\*\*with-cors\*\*: Conditionally enabled: 25% of actors/);
    assert.match(md, /\*\*no-cors\*\*: Unknown \(the browser blocked the request: the API does not allow cross-origin requests \(CORS\)/);
    // both were asked (the browser sends the request, then withholds the answer), GET only
    assert.ok(requests.length >= 2 && requests.every((r) => r.startsWith('GET /flipper/api/features/')), requests.join(','));
    assert.deepEqual(web.errors, []);
  });

  it('makes no request in an untrusted workspace', async () => {
    const requests: string[] = [];
    const api = await flipper(true, requests);
    servers.push(api.server);
    web = await startWorkerClient(context, page.origin, { rootUri: fileUri(root), settings: { releasePlan: { environments: [{ name: 'local', kind: 'flipper-api', url: api.url }] } }, initializationOptions: { trusted: false } });
    await web.nextRefresh(0);
    const uri = fileUri(join(root, 'seeds', '003-avs-release-plan.md'));
    await open(web, uri, read(SEED_AVS));
    assert.match(await hoverText(web, uri, 6, 5), /\*\*local\*\*: Unknown \(workspace not trusted\)/);
    assert.deepEqual(requests, []);
  });
});
