// The first keystrokes after the server starts, over real JSON-RPC. The registry is read after
// `initialized`, once the client has answered the settings request for the workspace folder; the
// test holds that answer back (a slow start-up, deterministically), so completion and hover run
// while the registry is not loaded yet. Also: `~/` registry paths, with HOME in a temp folder.
import { strict as assert } from 'node:assert';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CompletionList, Diagnostic, DocumentDiagnosticReport, FullDocumentDiagnosticReport, Hover, MarkupContent } from 'vscode-languageserver-protocol';
import { FIXTURES, read, SEED_AVS } from '../helpers/fixtures';
import { fileUri, startClient, type TestClient } from '../helpers/lspClient';

const REGISTRY = join(FIXTURES, 'corpus', 'vets-api-features.yml');

function gate(): { wait: Promise<void>; open: () => void } {
  let open!: () => void;
  const wait = new Promise<void>((resolve) => (open = resolve));
  return { wait, open };
}

describe('start-up: completion and hover before the registry is loaded; ~/ registry paths', function () {
  this.timeout(20000);
  let root: string;
  let client: TestClient | undefined;
  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'rp-startup-'));
    mkdirSync(join(root, 'config'));
    mkdirSync(join(root, 'products', 'avs'), { recursive: true });
    copyFileSync(REGISTRY, join(root, 'config', 'features.yml'));
  });
  afterEach(async () => {
    if (client && client.process.exitCode === null) await client.close();
    client = undefined;
    rmSync(root, { recursive: true, force: true });
  });

  /** Starts a client whose answer to the workspace folder's settings request waits for `held`. */
  async function startHeld(held: Promise<void>): Promise<TestClient> {
    const folder = fileUri(root);
    return startClient({ rootUri: folder, configurationGate: (items) => (items.some((i) => i.scopeUri === folder) ? held : undefined) });
  }

  it('completion answers from what is loaded and marks the list incomplete; the next request brings the registry', async () => {
    const held = gate();
    client = await startHeld(held.wait);
    const text = read(SEED_AVS).replace('| [avs_enabled](https://api.va.gov/flipper/features/avs_enabled) |', '| `avs_ena` |');
    const uri = fileUri(join(root, 'products', 'avs', 'release-plan.md'));
    await client.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version: 1, text } });
    const line = text.split('\n').findIndex((l) => l.startsWith('| `avs_ena`'));
    const position = { line, character: 10 };

    const early = (await client.connection.sendRequest('textDocument/completion', { textDocument: { uri }, position })) as CompletionList;
    assert.equal(early.isIncomplete, true);
    assert.ok(Array.isArray(early.items));
    assert.ok(!early.items.some((c) => c.label === 'avs_enabled'), 'the registry is not loaded yet');

    held.open();
    await client.nextRefresh(0);
    await client.logLine(/indexed toggles of \d+ release plan/);
    // still a list marked incomplete: the names are narrowed to what is typed (`avs_ena`)
    const later = ((await client.connection.sendRequest('textDocument/completion', { textDocument: { uri }, position })) as CompletionList).items;
    const avs = later.find((c) => c.label === 'avs_enabled');
    assert.ok(avs, later.map((c) => c.label).slice(0, 10).join(','));
    assert.match(String(avs.detail), /features\.yml/);
  });

  it('hover waits a bounded time, then says the registry is still loading; once loaded it has the description', async () => {
    const held = gate();
    client = await startHeld(held.wait);
    const uri = fileUri(join(root, 'products', 'avs', 'release-plan.md'));
    await client.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version: 1, text: read(SEED_AVS) } });
    const hover = async () => ((await client!.connection.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line: 6, character: 5 } })) as Hover).contents as MarkupContent;

    const early = (await hover()).value;
    assert.match(early, /^\*\*`avs_enabled`\*\* — Enables the AVS API and web application/);
    assert.match(early, /Toggle registry and environments still loading; hover again in a moment/);
    assert.doesNotMatch(early, /Not in the toggle registry|no environment configured/);

    held.open();
    await client.nextRefresh(0);
    const later = (await hover()).value;
    assert.match(later, /Enables the After Visit Summary API/);
    assert.match(later, /Actor type: user/);
    assert.doesNotMatch(later, /still loading/);
  });

  it('reads registryFiles under ~/ (the home folder), and says in words which configured file it cannot read', async () => {
    const home = mkdtempSync(join(tmpdir(), 'rp-home-'));
    try {
      mkdirSync(join(home, 'vets-api', 'config'), { recursive: true });
      copyFileSync(REGISTRY, join(home, 'vets-api', 'config', 'features.yml'));
      // the workspace has no registry of its own
      rmSync(join(root, 'config'), { recursive: true });
      client = await startClient({
        rootUri: fileUri(root),
        env: { HOME: home, USERPROFILE: home },
        settings: { releasePlan: { toggles: { registryFiles: ['~/vets-api/config/features.yml', '~/missing/features.yml'], flagNameFiles: ['~/nope.json'] } } },
      });
      const uri = fileUri(join(root, 'products', 'avs', 'release-plan.md'));
      await client.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version: 1, text: read(SEED_AVS) } });
      await client.nextRefresh(0);
      const report = (await client.connection.sendRequest('textDocument/diagnostic', { textDocument: { uri } })) as DocumentDiagnosticReport;
      const unknown = (report as FullDocumentDiagnosticReport).items.filter((d: Diagnostic) => d.code === 'unknown-toggle');
      assert.deepEqual(unknown.map((d) => d.range.start.line), [7]);
      const problems = client.logs.filter((l) => l.includes('cannot read'));
      assert.deepEqual(problems, [
        'release-plan: releasePlan.toggles.registryFiles: cannot read ~/missing/features.yml (it is missing, not a file, or larger than 5 MB); unknown-toggle and registry completions stay off for it. Check the path: relative paths start at each workspace folder, ~/ is your home folder.',
        'release-plan: releasePlan.toggles.flagNameFiles: cannot read ~/nope.json (it is missing, not a file, or larger than 5 MB); names are matched without its camelCase mapping. Check the path: relative paths start at each workspace folder, ~/ is your home folder.',
      ]);
      assert.doesNotMatch(client.logs.join('\n'), /\n\s+at |Error:/);
    } finally {
      rmSync(home, { recursive: true, force: true });
    }
  });
});
