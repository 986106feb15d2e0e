// The toggle table's plan-versus-production CodeLens end to end (issue 19 point 1): the bundled
// server, a real workspace folder, and a loopback Flipper API answering Flipper's documented JSON in
// whatever state each test sets. The lens reads only what rolloutDrift.ts already fetched (one request
// per open), and says nothing without an environment or in an untrusted workspace. The server reads
// the system clock, so the plan's dates are written relative to today with days of margin.
import { strict as assert } from 'node:assert';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type ServerResponse, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ClientCapabilities, CodeLens } from 'vscode-languageserver-protocol';
import { fileUri, startClient, type TestClient } from '../helpers/lspClient';

const TOGGLE = 'widget_enabled';

function dayOffset(days: number): string {
  const d = new Date();
  d.setDate(d.getDate() + days);
  return `${d.getMonth() + 1}/${d.getDate()}/${d.getFullYear()}`;
}

/** Stages A (5%), B (25%, under way since two days ago), C (100%), each 4 days long; the toggle table's row is line 4. */
function plan(): string {
  const stage = (label: string, pct: number, start: number) =>
    `### Stage ${label}: ${pct}% of users\n\n#### Planning\n\n- Length of time: 4 days (${dayOffset(start)} - ${dayOffset(start + 3)})\n- Percentage of Users: ${pct}%\n`;
  return ['# Widget release plan', '', '| Toggle name | Description |', '| --- | --- |', `| \`${TOGGLE}\` | Shows the widget |`, '', '## Phase II: Staged Rollout', '', stage('A', 5, -10), stage('B', 25, -2), stage('C', 100, 5)].join('\n');
}
const TOGGLE_LINE = 4;

type Answer = (res: ServerResponse) => void;
const conditional = (percentage: number): Answer => (res) => {
  res.writeHead(200, { 'content-type': 'application/json' });
  res.end(JSON.stringify({ key: TOGGLE, state: 'conditional', gates: [{ key: 'percentage_of_actors', name: 'percentage_of_actors', value: String(percentage) }] }));
};
const failing: Answer = (res) => {
  res.writeHead(500, { 'content-type': 'application/json' });
  res.end('{}');
};

const CAPABILITIES: ClientCapabilities = {
  textDocument: { diagnostic: { dynamicRegistration: false }, codeLens: {} },
  workspace: { configuration: true, diagnostics: { refreshSupport: true }, codeLens: { refreshSupport: true } },
};

describe('toggle-table CodeLens: plan versus a live Flipper API', function () {
  this.timeout(20000);
  let root: string;
  let client: TestClient | undefined;
  let flipper: Server;
  let answer: Answer;
  let port: number;
  const requests: string[] = [];
  let lensRefreshes = 0;
  let lensRefreshed: (() => void) | undefined;

  before(async () => {
    flipper = createServer((req, res) => {
      requests.push(`${req.method} ${req.url}`);
      answer(res);
    });
    await new Promise<void>((resolve) => flipper.listen(0, '127.0.0.1', resolve));
    port = (flipper.address() as AddressInfo).port;
  });
  after(() => new Promise<void>((resolve) => flipper.close(() => resolve())));
  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'rp-drift-lens-'));
    mkdirSync(join(root, 'products'));
    requests.length = 0;
    lensRefreshes = 0;
    answer = conditional(25);
  });
  afterEach(async () => {
    if (client && client.process.exitCode === null) await client.close();
    client = undefined;
    rmSync(root, { recursive: true, force: true });
  });

  const production = () => [{ name: 'production', kind: 'flipper-api', url: `http://127.0.0.1:${port}/flipper/api` }];

  async function openPlan(options: { trusted?: boolean; environments?: unknown; text?: string } = {}): Promise<string> {
    client = await startClient({ capabilities: CAPABILITIES, rootUri: fileUri(root), initializationOptions: { trusted: options.trusted ?? true }, settings: { releasePlan: { environments: options.environments ?? production() } } });
    client.connection.onRequest('workspace/codeLens/refresh', () => {
      lensRefreshes++;
      lensRefreshed?.();
      return null;
    });
    const path = join(root, 'products', 'widget-release-plan.md');
    const text = options.text ?? plan();
    writeFileSync(path, text);
    const uri = fileUri(path);
    await client.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version: 1, text } });
    return uri;
  }

  /** Waits for the server's lens refresh after the Flipper API answered (the fetch happens on open). */
  async function afterAnswer(): Promise<void> {
    if (lensRefreshes === 0) await new Promise<void>((resolve) => (lensRefreshed = resolve));
    lensRefreshed = undefined;
  }

  async function toggleLenses(uri: string): Promise<Array<[number, string | undefined]>> {
    const ls = (await client!.connection.sendRequest('textDocument/codeLens', { textDocument: { uri } })) as CodeLens[];
    return ls.filter((l) => l.range.start.line === TOGGLE_LINE).map((l) => [l.range.start.line, l.command?.title]);
  }

  it('production at the plan\'s 25%: "production: 25% · matches plan" on the toggle row, going to the current stage', async () => {
    const uri = await openPlan();
    await afterAnswer();
    assert.deepEqual(await toggleLenses(uri), [[TOGGLE_LINE, 'production: 25% · matches plan']]);
    const ls = (await client!.connection.sendRequest('textDocument/codeLens', { textDocument: { uri } })) as CodeLens[];
    const lens = ls.find((l) => l.range.start.line === TOGGLE_LINE);
    const stageB = plan().split('\n').findIndex((l) => l.startsWith('### Stage B'));
    assert.deepEqual(lens?.command?.arguments?.[1], { line: stageB, character: 4 });
    // the lens reads the cache: asking again makes no new request
    await toggleLenses(uri);
    assert.deepEqual(requests, [`GET /flipper/api/features/${TOGGLE}`]);
  });

  it('production at 5% of actors: the lens shows the drift with what the plan says', async () => {
    answer = conditional(5);
    const uri = await openPlan();
    await afterAnswer();
    assert.deepEqual(await toggleLenses(uri), [[TOGGLE_LINE, `production: 5% · drift — plan says Stage B at 25% since ${dayOffset(-2)}`]]);
  });

  it('a failing API: the lens says it was not compared and why', async () => {
    answer = failing;
    const uri = await openPlan();
    await afterAnswer();
    const [[, title]] = await toggleLenses(uri);
    assert.match(String(title), /^production: not compared — the live state is unknown \(.+\)$/);
  });

  it('several rollouts: each rollout\'s toggle is compared with its own stages', async () => {
    const stage = (label: string, pct: number, start: number) => `### Stage ${label}: ${pct}% of users\n\n- Length of time: ${dayOffset(start)} - ${dayOffset(start + 3)}\n`;
    const text = [
      '# Two rollouts',
      '',
      '## Rollout 1: the claim status page',
      '',
      '- Toggle: `claim_status_redesign`',
      '',
      stage('A', 10, -30),
      stage('B', 100, -25),
      '## Rollout 2: the upload flow',
      '',
      '- Toggle: `document_upload_v3`',
      '',
      stage('A', 5, -10),
      stage('B', 25, -2),
      stage('C', 100, 5),
    ].join('\n');
    const lines = text.split('\n');
    const uri = await openPlan({ text });
    await afterAnswer();
    const ls = (await client!.connection.sendRequest('textDocument/codeLens', { textDocument: { uri } })) as CodeLens[];
    const on = (start: string) => ls.filter((l) => l.range.start.line === lines.findIndex((x) => x.startsWith(start))).map((l) => l.command?.title);
    // every request answers 25%: rollout 1 finished at 100% drifts, rollout 2 in its 25% stage matches
    assert.deepEqual(on('- Toggle: `claim'), [`production: 25% · drift — plan says rollout complete at 100% (Stage B ended ${dayOffset(-22)})`]);
    assert.deepEqual(on('- Toggle: `document'), ['production: 25% · matches plan']);
    assert.deepEqual([...requests].sort(), ['GET /flipper/api/features/claim_status_redesign', 'GET /flipper/api/features/document_upload_v3']);
  });

  it('no environment configured: no lens on the toggle table and no request', async () => {
    const uri = await openPlan({ environments: [] });
    await client!.nextRefresh(0);
    assert.deepEqual(await toggleLenses(uri), []);
    // the stage lenses are still there
    const ls = (await client!.connection.sendRequest('textDocument/codeLens', { textDocument: { uri } })) as CodeLens[];
    assert.ok(ls.length >= 3, JSON.stringify(ls));
    assert.deepEqual(requests, []);
  });

  it('an untrusted workspace: no lens on the toggle table and no request', async () => {
    const uri = await openPlan({ trusted: false });
    await client!.nextRefresh(0);
    assert.deepEqual(await toggleLenses(uri), []);
    assert.deepEqual(requests, []);
  });
});
