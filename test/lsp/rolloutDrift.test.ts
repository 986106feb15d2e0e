// rollout-drift end to end: the bundled server, a real workspace folder, and a loopback Flipper API
// that answers with Flipper's documented JSON (GET /flipper/api/features/{name}) in whatever state
// each test sets — including slow, failing and redirecting answers. The server reads the system clock,
// so each plan's dates are written relative to today with days of margin on every side.
import { strict as assert } from 'node:assert';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type ServerResponse, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Diagnostic, DocumentDiagnosticReport, FullDocumentDiagnosticReport, Hover, MarkupContent } from 'vscode-languageserver-protocol';
import { fileUri, startClient, type TestClient } from '../helpers/lspClient';

const TOGGLE = 'widget_enabled';

function dayOffset(days: number): string {
  const d = new Date();
  d.setDate(d.getDate() + days);
  return `${d.getMonth() + 1}/${d.getDate()}/${d.getFullYear()}`;
}

/** A plan with stages A (5%), B (25%), C (100%) starting `a`, `b`, `c` days from today, each 4 days long. */
function plan(a: number, b: number, c: number): string {
  const stage = (label: string, pct: number, start: number) =>
    `### Stage ${label}: ${pct}% of users\n\n#### Planning\n\n- Length of time: 4 days (${dayOffset(start)} - ${dayOffset(start + 3)})\n- Percentage of Users: ${pct}%\n`;
  return [
    '# Widget release plan',
    '',
    '| Toggle name | Description |',
    '| --- | --- |',
    `| \`${TOGGLE}\` | Shows the widget |`,
    '',
    '## Phase II: Staged Rollout',
    '',
    stage('A', 5, a),
    stage('B', 25, b),
    stage('C', 100, c),
  ].join('\n');
}

const headingLine = (text: string, label: string) => text.split('\n').findIndex((l) => l.startsWith(`### Stage ${label}:`));

type Answer = (res: ServerResponse) => void;
const json = (body: unknown, status = 200): Answer => (res) => {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify(body));
};
const conditional = (percentage: number) => json({ key: TOGGLE, state: 'conditional', gates: [{ key: 'percentage_of_actors', name: 'percentage_of_actors', value: String(percentage) }] });
const fullyOn = json({ key: TOGGLE, state: 'on', gates: [{ key: 'boolean', name: 'boolean', value: true }] });

async function pull(client: TestClient, uri: string): Promise<Diagnostic[]> {
  const report = (await client.connection.sendRequest('textDocument/diagnostic', { textDocument: { uri } })) as DocumentDiagnosticReport;
  return (report as FullDocumentDiagnosticReport).items;
}

describe('rollout-drift: plan versus a live Flipper API', function () {
  this.timeout(20000);
  let root: string;
  let client: TestClient | undefined;
  let flipper: Server;
  let answer: Answer;
  let port: number;
  const requests: string[] = [];
  // the server's diagnostics refresh count when the Flipper API last answered
  let refreshesAtAnswer = 0;

  before(async () => {
    flipper = createServer((req, res) => {
      requests.push(`${req.method} ${req.url}`);
      if (req.url === `/flipper/api/features/${TOGGLE}`) answer(res);
      else json({ code: 1, message: 'Feature not found.' }, 404)(res);
      refreshesAtAnswer = client?.refreshCount() ?? 0;
    });
    await new Promise<void>((resolve) => flipper.listen(0, '127.0.0.1', resolve));
    port = (flipper.address() as AddressInfo).port;
  });
  after(() => new Promise<void>((resolve) => flipper.close(() => resolve())));
  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'rp-drift-'));
    mkdirSync(join(root, 'products'));
    requests.length = 0;
    answer = conditional(25);
  });
  afterEach(async () => {
    if (client && client.process.exitCode === null) await client.close();
    client = undefined;
    rmSync(root, { recursive: true, force: true });
  });

  const environments = () => [{ name: 'production', kind: 'flipper-api', url: `http://127.0.0.1:${port}/flipper/api` }];

  async function openPlan(text: string, options: { trusted?: boolean; environments?: unknown } = {}): Promise<string> {
    client = await startClient({ rootUri: fileUri(root), initializationOptions: { trusted: options.trusted ?? true }, settings: { releasePlan: { environments: options.environments ?? environments() } } });
    const path = join(root, 'products', 'widget-release-plan.md');
    writeFileSync(path, text);
    const uri = fileUri(path);
    await client.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version: 1, text } });
    return uri;
  }

  /** Waits until the Flipper API has answered and the server has asked for a re-pull after it, then pulls. */
  async function driftAfterAnswer(uri: string): Promise<Diagnostic[]> {
    while (requests.length === 0 || client!.refreshCount() <= refreshesAtAnswer) await client!.nextRefresh();
    return (await pull(client!, uri)).filter((d) => d.code === 'rollout-drift');
  }

  async function hover(uri: string): Promise<string> {
    const h = (await client!.connection.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line: 4, character: 4 } })) as Hover;
    return (h.contents as MarkupContent).value;
  }

  it('in Stage B at 25%, production at 5% of actors: a warning on the Stage B heading with both numbers and the fetch time', async () => {
    answer = conditional(5);
    const text = plan(-10, -2, 5);
    const uri = await openPlan(text);
    const drift = await driftAfterAnswer(uri);
    assert.equal(drift.length, 1, JSON.stringify(drift));
    assert.equal(drift[0].range.start.line, headingLine(text, 'B'));
    assert.equal(drift[0].severity, 2);
    assert.match(String(drift[0].message), new RegExp(`^'${TOGGLE}' in production is conditionally enabled for 5% of actors \\(fetched \\d+ s ago\\); the plan says Stage B at 25% since ${dayOffset(-2).replace(/\//g, '\\/')}$`));
    // fetched once, when the plan opened: more pulls and a hover do not ask again within the interval
    await pull(client!, uri);
    assert.match(await hover(uri), /\*\*production\*\* vs plan: \*\*drift\*\*/);
    assert.deepEqual(requests, [`GET /flipper/api/features/${TOGGLE}`]);
  });

  it('in Stage B at 25%, production at 25%: no finding, and the hover says it matches', async () => {
    const uri = await openPlan(plan(-10, -2, 5));
    assert.deepEqual(await driftAfterAnswer(uri), []);
    assert.match(await hover(uri), /\*\*production\*\* vs plan: matches/);
  });

  it('rollout finished three weeks ago, production still conditional: a warning on the last stage', async () => {
    const text = plan(-35, -28, -24);
    const uri = await openPlan(text);
    const drift = await driftAfterAnswer(uri);
    assert.equal(drift.length, 1);
    assert.equal(drift[0].range.start.line, headingLine(text, 'C'));
    assert.match(String(drift[0].message), /is conditionally enabled for 25% of actors .*; the plan says rollout complete at 100% \(Stage C ended /);
  });

  it('canary starts next week, production already fully on: a warning on the first stage', async () => {
    answer = fullyOn;
    const text = plan(7, 12, 17);
    const uri = await openPlan(text);
    const drift = await driftAfterAnswer(uri);
    assert.equal(drift.length, 1);
    assert.equal(drift[0].range.start.line, headingLine(text, 'A'));
    assert.match(String(drift[0].message), new RegExp(`is fully enabled .*; the plan says not started \\(Stage A starts ${dayOffset(7).replace(/\//g, '\\/')}\\)`));
  });

  for (const [name, slowOrFailing, reason] of [
    ['a server error (500)', json({ error: 'boom' }, 500), /unknown \\\(http error\\\)/],
    ['a slow answer (past the 2 s limit)', ((res: ServerResponse) => setTimeout(() => conditional(5)(res), 3500)) as Answer, /unknown \\\(timeout\\\)/],
    ['a redirect to another host', ((res: ServerResponse) => {
      res.writeHead(302, { location: `http://localhost:${port}/flipper/api/features/${TOGGLE}` });
      res.end();
    }) as Answer, /unknown \\\(redirect refused\\\)/],
  ] as const) {
    it(`unknown live state from ${name}: no finding, and the hover says why`, async () => {
      answer = slowOrFailing;
      const uri = await openPlan(plan(-10, -2, 5));
      assert.deepEqual(await driftAfterAnswer(uri), []);
      const md = await hover(uri);
      assert.match(md, /\*\*production\*\* vs plan: not compared — the live state is /);
      assert.match(md, reason);
    });
  }

  it('makes no request without an environment', async () => {
    const uri = await openPlan(plan(-10, -2, 5), { environments: [] });
    await client!.nextRefresh(0);
    assert.deepEqual((await pull(client!, uri)).filter((d) => d.code === 'rollout-drift'), []);
    await hover(uri);
    assert.deepEqual(requests, []);
  });

  it('makes no request in an untrusted workspace', async () => {
    answer = conditional(5);
    const uri = await openPlan(plan(-10, -2, 5), { trusted: false });
    await client!.nextRefresh(0);
    assert.deepEqual((await pull(client!, uri)).filter((d) => d.code === 'rollout-drift'), []);
    assert.match(await hover(uri), /not compared — the live state is unknown \\\(untrusted\\\)/);
    assert.deepEqual(requests, []);
  });

  it('makes no request for a closed file ("Check All Plans" checks it from the cache only)', async () => {
    answer = conditional(5);
    client = await startClient({ rootUri: fileUri(root), initializationOptions: { trusted: true }, settings: { releasePlan: { environments: environments() } } });
    await client.nextRefresh(0);
    const path = join(root, 'products', 'widget-release-plan.md');
    const result = (await client.connection.sendRequest('releasePlan/checkFiles', { files: [{ uri: fileUri(path), text: plan(-10, -2, 5) }] })) as { results: { isPlan: boolean; diagnostics: Diagnostic[] }[] };
    assert.equal(result.results[0].isPlan, true);
    assert.deepEqual(result.results[0].diagnostics.filter((d) => d.code === 'rollout-drift'), []);
    assert.deepEqual(requests, []);
  });
});
