// The rollout views over real JSON-RPC: outline (documentSymbol), folding, workspace toggle symbols,
// CodeLens for a day pinned with `releasePlan.today`, and the server commands behind them (reveal
// via window/showDocument, insert timeline via workspace/applyEdit).
import { strict as assert } from 'node:assert';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ClientCapabilities, CodeLens, DocumentSymbol, FoldingRange, TextEdit, WorkspaceSymbol } from 'vscode-languageserver-protocol';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { corpusFiles, FIXTURES, read, SEED_AVS, SEED_CST, SEED_DISPUTE_DEBT } from '../helpers/fixtures';
import { fileUri, startClient, type TestClient } from '../helpers/lspClient';
import { datedRolloutText, NO_DATES, ROLLOUT_NO_YEARS } from '../helpers/rollout';

const CAPABILITIES: ClientCapabilities = {
  textDocument: { diagnostic: { dynamicRegistration: false }, documentSymbol: { hierarchicalDocumentSymbolSupport: true }, codeLens: {}, foldingRange: {} },
  workspace: { configuration: true, diagnostics: { refreshSupport: true }, codeLens: { refreshSupport: true }, applyEdit: true, workspaceEdit: { documentChanges: true } },
  window: { showDocument: { support: true } },
};

async function open(client: TestClient, uri: string, text: string): Promise<void> {
  await client.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version: 1, text } });
}

/** Starts a server whose day is pinned, and waits until it has read the setting. */
async function pinnedClient(today: string, extra: { rootUri?: string; codeLens?: boolean } = {}): Promise<TestClient> {
  const releasePlan: Record<string, unknown> = { today };
  if (extra.codeLens !== undefined) releasePlan.codeLens = { enabled: extra.codeLens };
  const client = await startClient({ capabilities: CAPABILITIES, settings: { releasePlan }, rootUri: extra.rootUri });
  await client.nextRefresh(0);
  return client;
}

const symbols = (c: TestClient, uri: string) => c.connection.sendRequest('textDocument/documentSymbol', { textDocument: { uri } }) as Promise<DocumentSymbol[]>;
const lenses = (c: TestClient, uri: string) => c.connection.sendRequest('textDocument/codeLens', { textDocument: { uri } }) as Promise<CodeLens[]>;
const folds = (c: TestClient, uri: string) => c.connection.sendRequest('textDocument/foldingRange', { textDocument: { uri } }) as Promise<FoldingRange[]>;

function flatten(list: DocumentSymbol[], depth = 0): string[] {
  return list.flatMap((s) => [`${'  '.repeat(depth)}${s.name}${s.detail ? ` | ${s.detail}` : ''}`, ...flatten(s.children ?? [], depth + 1)]);
}

describe('rollout views over stdio (real JSON-RPC)', function () {
  this.timeout(60000);
  let client: TestClient | undefined;
  let root: string | undefined;
  afterEach(async () => {
    if (client && client.process.exitCode === null) await client.close();
    client = undefined;
    if (root) rmSync(root, { recursive: true, force: true });
    root = undefined;
  });

  it('advertises the providers and the server commands', async () => {
    client = await startClient({ capabilities: CAPABILITIES });
    const caps = client.initialize.capabilities;
    assert.ok(caps.documentSymbolProvider && caps.foldingRangeProvider && caps.workspaceSymbolProvider && caps.codeLensProvider);
    assert.deepEqual(caps.executeCommandProvider?.commands, ['releasePlan.reveal', 'releasePlan.insertTimeline']);
  });

  it('outline and CodeLens of a plan for a pinned today, with list, Roman, yearless and undated stages', async () => {
    client = await pinnedClient('2025-03-12');
    const uri = 'file:///tmp/plans/widget-release-plan.md';
    await open(client, uri, datedRolloutText());
    assert.deepEqual(flatten(await symbols(client, uri)).slice(2, 4), ['Phase II: Staged Rollout | Phase II', '  Stage A: Canary 5% of users | Stage A · 5% · Mon 3/3 – Fri 3/7']);
    const ls = await lenses(client, uri);
    assert.deepEqual(ls.map((l) => [l.range.start.line, l.command?.title]), [
      [0, 'Stage B of D (25%) · next: Stage C 50% on Tue 3/18 · 1 stage late'],
      [14, '⚠ ended 5 days ago — results empty'],
      [26, '▶ current — day 3 of 5, ends Fri 3/14'],
      [38, 'starts in 6 days (Tue 3/18)'],
      [49, 'starts in 12 days (Mon 3/24)'],
    ]);
    assert.deepEqual(ls[1].command?.command, 'releasePlan.reveal');
    assert.deepEqual(ls[1].command?.arguments, [uri, { line: 23, character: 26 }]);

    const cases: Array<[string, string, RegExp]> = [
      ['stages-list-release-plan.md', read(join(FIXTURES, 'checks', 'stages-list.md')), /^Stage A: 10% of users on 5\/13 \| Stage A · 10% · 5\/13 \(no year\)$/],
      ['stages-roman-release-plan.md', read(join(FIXTURES, 'checks', 'stages-roman.md')), /^Stage II: 50% of users \| Stage II · 50%$/],
      ['no-years-release-plan.md', read(ROLLOUT_NO_YEARS), /^ {2}Stage B: 25% of users \| Stage B · 25% · 3\/10 - 3\/14 \(no year\)$/],
      ['no-dates-release-plan.md', read(NO_DATES), /^Stage B: 100% of users \| Stage B · 100%$/],
    ];
    for (const [name, text, expected] of cases) {
      const u = `file:///tmp/plans/${name}`;
      await open(client, u, text);
      assert.ok(flatten(await symbols(client, u)).some((l) => expected.test(l)), name);
      const plan = await lenses(client, u);
      assert.ok(plan.length >= 2 && plan.every((l) => l.command && l.command.title.length > 0), name);
    }
  });

  it('answers nothing for markdown that is not a plan', async () => {
    client = await pinnedClient('2025-03-12');
    const uri = 'file:///tmp/notes/meeting-notes.md';
    await open(client, uri, '# Meeting notes\n\n## Agenda\n\n- lunch\n- 50% of the budget\n');
    assert.deepEqual(await symbols(client, uri), []);
    assert.deepEqual(await lenses(client, uri), []);
    assert.deepEqual(await folds(client, uri), []);
  });

  it('on the seeds and every corpus plan: well-formed symbols, valid folds, a lens per stage', async () => {
    client = await pinnedClient('2026-03-01');
    const files = [SEED_AVS, SEED_CST, SEED_DISPUTE_DEBT, ...corpusFiles()];
    for (const [i, file] of files.entries()) {
      const uri = fileUri(`/tmp/corpus-${i}/release-plan.md`);
      const text = read(file);
      await open(client, uri, text);
      const lineCount = text.split(/\r?\n/).length;
      const check = (list: DocumentSymbol[]) => {
        for (const s of list) {
          assert.ok(s.range.start.line <= s.selectionRange.start.line && s.selectionRange.end.line <= s.range.end.line, `${file}: ${s.name}`);
          assert.ok(s.range.end.line < lineCount, `${file}: ${s.name} past the end`);
          check(s.children ?? []);
        }
      };
      check(await symbols(client, uri));
      for (const f of await folds(client, uri)) assert.ok(f.startLine < f.endLine && f.endLine < lineCount, `${file}: fold ${JSON.stringify(f)}`);
      const ls = await lenses(client, uri);
      assert.ok(ls.every((l) => l.command?.command === 'releasePlan.reveal'), file);
      await client.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
    }
  });

  it('releasePlan.codeLens.enabled: false turns the lenses off', async () => {
    client = await pinnedClient('2025-03-12', { codeLens: false });
    const uri = 'file:///tmp/plans/widget-release-plan.md';
    await open(client, uri, datedRolloutText());
    assert.deepEqual(await lenses(client, uri), []);
    assert.ok((await symbols(client, uri)).length > 0);
  });

  it('a new releasePlan.today moves the lenses and asks the client to refresh them', async () => {
    client = await pinnedClient('2025-03-12');
    let refreshed = 0;
    const asked = new Promise<void>((resolve) => {
      client!.connection.onRequest('workspace/codeLens/refresh', () => {
        refreshed++;
        resolve();
        return null;
      });
    });
    const uri = 'file:///tmp/plans/widget-release-plan.md';
    await open(client, uri, datedRolloutText());
    client.settings.releasePlan = { today: '2025-03-19' };
    await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
    await asked;
    assert.equal(refreshed, 1);
    assert.equal((await lenses(client, uri))[3].command?.title, '▶ current — day 2 of 4, ends Fri 3/21');
  });

  it('clicking a lens runs releasePlan.reveal, which asks the editor to show the position', async () => {
    client = await pinnedClient('2025-03-12');
    const shown: unknown[] = [];
    client.connection.onRequest('window/showDocument', (p: unknown) => {
      shown.push(p);
      return { success: true };
    });
    const uri = 'file:///tmp/plans/widget-release-plan.md';
    await open(client, uri, datedRolloutText());
    const lens = (await lenses(client, uri))[1];
    const result = await client.connection.sendRequest('workspace/executeCommand', { command: lens.command!.command, arguments: lens.command!.arguments });
    assert.deepEqual(result, { ok: true });
    assert.deepEqual(shown, [{ uri, selection: { start: { line: 23, character: 26 }, end: { line: 23, character: 26 } }, takeFocus: true }]);
  });

  it('releasePlan.insertTimeline writes the block through workspace/applyEdit; the plan then has no timeline-out-of-date', async () => {
    client = await pinnedClient('2025-03-12');
    const uri = 'file:///tmp/plans/widget-release-plan.md';
    const text = datedRolloutText();
    await open(client, uri, text);
    let applied = '';
    client.connection.onRequest('workspace/applyEdit', (p: { edit: { documentChanges: Array<{ textDocument: { uri: string; version: number }; edits: TextEdit[] }> } }) => {
      const change = p.edit.documentChanges[0];
      assert.deepEqual(change.textDocument, { uri, version: 1 });
      applied = TextDocument.applyEdits(TextDocument.create(uri, 'markdown', 1, text), change.edits);
      return { applied: true };
    });
    const result = await client.connection.sendRequest('workspace/executeCommand', { command: 'releasePlan.insertTimeline', arguments: [uri] });
    assert.deepEqual(result, { ok: true, changed: true, mode: 'insert' });
    assert.match(applied, /^# Widget Release Plan\n\n<!-- release-plan:timeline:start[^\n]*\n```mermaid\ngantt\n/);
    await client.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version: 2 }, contentChanges: [{ text: applied }] });
    const report = (await client.connection.sendRequest('textDocument/diagnostic', { textDocument: { uri } })) as { items: Array<{ code: string }> };
    assert.ok(!report.items.some((d) => d.code === 'timeline-out-of-date'));
    // the outline shows the block, folding folds it
    assert.ok(flatten(await symbols(client, uri)).includes('Timeline diagram'));
    assert.ok((await folds(client, uri)).some((f) => f.startLine === 2 && f.kind === 'region'));
    // a changed date makes it stale
    await client.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version: 3 }, contentChanges: [{ text: applied.replace('- Length of time: 3/10 - 3/14', '- Length of time: 3/10 - 3/15') }] });
    const stale = (await client.connection.sendRequest('textDocument/diagnostic', { textDocument: { uri } })) as { items: Array<{ code: string; severity: number }> };
    assert.deepEqual(stale.items.filter((d) => d.code === 'timeline-out-of-date').map((d) => d.severity), [3]);
  });

  it('releasePlan/planSummaries gives the Release Plans view its rows; an open buffer wins over the sent text', async () => {
    client = await pinnedClient('2025-03-12');
    const widget = 'file:///tmp/plans/widget-release-plan.md';
    const result = (await client.connection.sendRequest('releasePlan/planSummaries', {
      files: [
        { uri: widget, text: datedRolloutText() },
        { uri: 'file:///tmp/plans/gadget-release-plan.md', text: read(NO_DATES) },
        { uri: 'file:///tmp/notes/meeting-notes.md', text: '# Notes\n' },
      ],
    })) as { plans: Array<{ uri: string; state: string; current?: { label: string }; late: string[]; findings: { warning: number } }> };
    assert.deepEqual(result.plans.map((p) => [p.uri.split('/').pop(), p.state, p.current?.label, p.late]), [
      ['widget-release-plan.md', 'late', 'Stage B', ['Stage A']],
      ['gadget-release-plan.md', 'no-dates', undefined, []],
    ]);
    await open(client, widget, datedRolloutText().replace(/: \[FILL_IN\]/g, ': 10').replace('- Number of unique users:\n', '- Number of unique users: 5\n'));
    const after = (await client.connection.sendRequest('releasePlan/planSummaries', { files: [{ uri: widget, text: datedRolloutText() }] })) as { plans: Array<{ state: string }> };
    assert.deepEqual(after.plans.map((p) => p.state), ['rolling-out']);
  });

  it('workspace/symbol finds every plan that uses a toggle, on disk and open', async () => {
    root = mkdtempSync(join(tmpdir(), 'rp-views-'));
    mkdirSync(join(root, 'products', 'avs'), { recursive: true });
    copyFileSync(SEED_AVS, join(root, 'products', 'avs', 'release-plan.md'));
    writeFileSync(join(root, 'widget-release-plan.md'), datedRolloutText().replace('widget_enabled', 'avs_enabled'));
    client = await startClient({ capabilities: CAPABILITIES, rootUri: fileUri(root) });
    // indexing the workspace is done when the server says so in its log
    await new Promise<void>((resolve) => {
      const seen = () => client!.logs.some((l) => /indexed toggles of 2 release plan/.test(l));
      client!.connection.onNotification('window/logMessage', (p: { message: string }) => {
        client!.logs.push(p.message);
        if (seen()) resolve();
      });
      if (seen()) resolve();
    });
    const found = (await client.connection.sendRequest('workspace/symbol', { query: 'avs_en' })) as WorkspaceSymbol[];
    assert.deepEqual(found.map((s) => [s.name, (s.location as { uri: string }).uri.slice(fileUri(root!).length)]).sort(), [
      ['avs_enabled', '/products/avs/release-plan.md'],
      ['avs_enabled', '/widget-release-plan.md'],
    ]);
    // an open buffer wins over what the index read from disk
    const widget = fileUri(join(root, 'widget-release-plan.md'));
    await open(client, widget, datedRolloutText());
    const after = (await client.connection.sendRequest('workspace/symbol', { query: 'avs_en' })) as WorkspaceSymbol[];
    assert.deepEqual(after.map((s) => (s.location as { uri: string }).uri.slice(fileUri(root!).length)), ['/products/avs/release-plan.md']);
  });
});
