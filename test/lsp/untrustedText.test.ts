// Text and settings from outside the document, in hovers over real JSON-RPC against a loopback
// Flipper: registry descriptions, environment names, other plans' descriptions and Flipper answers
// stay inert (no live link, HTML or code span); hovers are never marked trusted; a uiUrl that is not
// http(s) or a url/uiUrl with a user name and password is ignored with a message on the
// environment's line and once in the log, and credentials are never shown or sent.
import { strict as assert } from 'node:assert';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Hover, MarkupContent } from 'vscode-languageserver-protocol';
import { fileUri, startClient, type TestClient } from '../helpers/lspClient';

const HOSTILE = '[click](command:workbench.action.terminal.new) <img src=x onerror=alert(1)> `code` **bold**';

/** Markdown that would render as a live link, HTML or a code span: the hostile text unescaped. */
function assertInert(md: string): void {
  assert.doesNotMatch(md, /(?<!\\)\[click(?<!\\)\](?<!\\)\(command:/, md);
  assert.doesNotMatch(md, /(?<!\\)<img/, md);
  assert.doesNotMatch(md, /(?<!\\)`code(?<!\\)`/, md);
  assert.doesNotMatch(md, /\]\(command:/, md);
}

const PLAN = (toggle: string, description: string) => `# Widget release plan

## Feature Toggles

| Toggle name | Description |
| --- | --- |
| \`${toggle}\` | ${description} |

## Phase II: Staged Rollout

### Stage A: 25% of users
`;

describe('text from outside the document in hovers (real JSON-RPC, loopback Flipper)', function () {
  this.timeout(20000);
  let root: string;
  let client: TestClient | undefined;
  let flipper: Server | undefined;
  const requests: Array<{ url: string; authorization?: string }> = [];

  beforeEach(async () => {
    root = mkdtempSync(join(tmpdir(), 'rp-untrusted-text-'));
    mkdirSync(join(root, 'config'));
    mkdirSync(join(root, 'products', 'other'), { recursive: true });
    writeFileSync(join(root, 'config', 'features.yml'), `features:\n  widget_enabled:\n    actor_type: ${JSON.stringify(HOSTILE)}\n    description: ${JSON.stringify(HOSTILE)}\n`);
    // another plan in the workspace describes a toggle this plan does not
    writeFileSync(join(root, 'products', 'other', 'release-plan.md'), PLAN('other_toggle', HOSTILE));
    requests.length = 0;
    flipper = createServer((req, res) => {
      requests.push({ url: req.url ?? '', authorization: req.headers.authorization });
      res.setHeader('content-type', 'application/json');
      // a hostile answer: every string it has is markup
      res.end(JSON.stringify({ key: HOSTILE, state: 'conditional', gates: [{ key: 'groups', name: HOSTILE, value: [HOSTILE, HOSTILE] }, { key: HOSTILE, name: HOSTILE, value: HOSTILE }] }));
    });
    await new Promise<void>((resolve) => flipper!.listen(0, '127.0.0.1', resolve));
  });
  afterEach(async () => {
    if (client && client.process.exitCode === null) await client.close();
    client = undefined;
    await new Promise<void>((resolve) => (flipper ? flipper.close(() => resolve()) : resolve()));
    flipper = undefined;
    rmSync(root, { recursive: true, force: true });
  });

  async function hover(uri: string, line: number, character: number): Promise<{ hover: Hover; md: string }> {
    const h = (await client!.connection.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line, character } })) as Hover;
    const contents = h.contents as MarkupContent;
    // MarkupContent has no trust flag; nothing else may have been added to claim one
    assert.deepEqual(Object.keys(contents).sort(), ['kind', 'value']);
    assert.equal(contents.kind, 'markdown');
    return { hover: h, md: contents.value };
  }

  it('registry text, environment names, other plans and Flipper answers stay inert', async () => {
    const port = (flipper!.address() as AddressInfo).port;
    const environments = [{ name: HOSTILE, kind: 'flipper-api', url: `http://127.0.0.1:${port}/flipper/api` }];
    client = await startClient({ rootUri: fileUri(root), initializationOptions: { trusted: true }, settings: { releasePlan: { environments } } });
    const text = PLAN('widget_enabled', 'Widget') + '\n| `other_toggle` | |\n';
    const uri = fileUri(join(root, 'products', 'widget', 'release-plan.md'));
    await client.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version: 1, text } });
    await client.nextRefresh(0);

    // registry description and actor type, environment name, Flipper answer
    const registry = await hover(uri, 6, 4);
    assertInert(registry.md);
    assert.ok(registry.md.includes('\\[click\\]\\(command:workbench.action.terminal.new\\) \\<img src=x onerror=alert\\(1\\)\\> \\`code\\` \\*\\*bold\\*\\*'), registry.md);
    assert.match(registry.md, /Actor type: \\\[click/);
    assert.match(registry.md, /Conditionally enabled: 2 groups/);
    assert.ok(requests.length >= 1);
  });

  it('a description from another plan in the workspace stays inert', async () => {
    client = await startClient({ rootUri: fileUri(root) });
    const text = PLAN('other_toggle', '');
    const uri = fileUri(join(root, 'products', 'widget', 'release-plan.md'));
    await client.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version: 1, text } });
    await client.nextRefresh(0);
    // the workspace index fills in the background: ask until the other plan's description is there
    let md = '';
    for (let i = 0; i < 200 && !md.includes('click'); i++) {
      md = (await hover(uri, 6, 4)).md;
      if (!md.includes('click')) await new Promise((r) => setTimeout(r, 25));
    }
    assert.ok(md.includes('\\[click\\]\\(command:'), md);
    assertInert(md);
  });

  it('a javascript: uiUrl and credentials in url or uiUrl: the environment stays, says why, links the derived UI, never shows or sends them', async () => {
    const port = (flipper!.address() as AddressInfo).port;
    const base = `127.0.0.1:${port}`;
    const environments = [
      { name: 'scripted', kind: 'flipper-api', url: `http://${base}/flipper/api`, uiUrl: 'javascript:alert(document.cookie)' },
      { name: 'with-login', kind: 'flipper-api', url: `http://admin:hunter2@${base}/flipper/api` },
      { name: 'ui-login', kind: 'flipper-api', url: `http://${base}/flipper/api`, uiUrl: `http://admin:hunter2@${base}/flipper` },
    ];
    client = await startClient({ rootUri: fileUri(root), initializationOptions: { trusted: true }, settings: { releasePlan: { environments } } });
    const uri = fileUri(join(root, 'products', 'widget', 'release-plan.md'));
    await client.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version: 1, text: PLAN('widget_enabled', 'Widget') } });
    await client.nextRefresh(0);
    const { md } = await hover(uri, 6, 4);
    // the age depends on the clock; everything else is exact
    const lines = md.split('\n').filter((l) => l.startsWith('- **')).map((l) => l.replace(/fetched \d+ s ago/, 'fetched N s ago'));
    const ui = `[Flipper UI](http://${base}/flipper/features/widget_enabled)`;
    assert.deepEqual(lines, [
      `- **scripted**: Conditionally enabled: 2 groups · fetched N s ago · ${ui} · ⚠ uiUrl ignored: not an http\\(s\\) URL (releasePlan.environments)`,
      `- **with-login**: Conditionally enabled: 2 groups · fetched N s ago · ${ui} · ⚠ user name/password in url ignored \\(use Set Flipper Token\\) (releasePlan.environments)`,
      `- **ui-login**: Conditionally enabled: 2 groups · fetched N s ago · ${ui} · ⚠ uiUrl ignored: it contains a user name or password (releasePlan.environments)`,
    ]);
    assert.doesNotMatch(md, /javascript:|hunter2|admin/);
    // the credentials were not sent either (Node would have turned them into Basic auth)
    assert.equal(requests.length, 3);
    assert.ok(requests.every((r) => r.authorization === undefined), JSON.stringify(requests));

    // each problem is logged once, also after the settings are read again
    const refreshed = client.nextRefresh();
    await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
    await refreshed;
    const problems = client.logs.filter((l) => l.includes('releasePlan.environments[')).map((l) => l.replace(/^release-plan: /, ''));
    assert.deepEqual(problems, [
      "releasePlan.environments[0] ('scripted'): uiUrl is not an http(s) URL, so it is ignored and the hover links the UI derived from url; set it to the Flipper UI's address (e.g. https://api.va.gov/flipper) or remove it",
      "releasePlan.environments[1] ('with-login'): url contains a user name or password, which is never sent or shown; remove it from the setting and store a token with 'Release Plan: Set Flipper Token for Environment…' instead",
      "releasePlan.environments[2] ('ui-login'): uiUrl contains a user name or password, so it is ignored and never shown; remove it from the setting and store a token with 'Release Plan: Set Flipper Token for Environment…' instead",
    ]);
    assert.doesNotMatch(client.logs.join('\n'), /hunter2/);
  });
});
