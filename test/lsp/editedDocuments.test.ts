// Typing through the real server over JSON-RPC: each re-parse takes over what the edit left alone from
// the document's previous model (parse/reuse.ts), and a document past the stepwise threshold is parsed
// in steps first. After a run of random incremental edits, the diagnostics equal those of the same text
// opened fresh, in LF, CRLF and with a byte-order mark.
import assert from 'node:assert/strict';
import type { Diagnostic, DocumentDiagnosticReport } from 'vscode-languageserver';
import { STEPWISE_FROM } from '../../server/src/lsp/longWork';
import { parseMarkdown } from '../../server/src/service/parse/markdown';
import { splitChunks } from '../../server/src/service/parse/sections';
import { LineIndex } from '../../server/src/service/parse/text';
import { patchWordEdit } from '../../server/src/service/parse/wordEdit';
import { read, SEED_AVS, SEED_DISPUTE_DEBT } from '../helpers/fixtures';
import { startClient, type TestClient } from '../helpers/lspClient';
import { seededRandom } from '../helpers/random';

const PIECES = ['x', ' ', '\n', '\n\n', '### Stage Z: 5% of users\n', '- Length of time: 7/16/25 - 7/21/25\n', '[FILL_IN]', '| a | b |\n', '<!-- c -->', '`code`'];

describe('edited documents over JSON-RPC equal a fresh open', function () {
  this.timeout(120000);
  let client: TestClient | undefined;
  afterEach(async () => {
    await client?.close();
    client = undefined;
  });

  const pull = async (uri: string): Promise<Diagnostic[]> => {
    const report = (await client!.connection.sendRequest('textDocument/diagnostic', { textDocument: { uri } })) as DocumentDiagnosticReport;
    assert.equal(report.kind, 'full');
    return report.kind === 'full' ? report.items : [];
  };

  const large = Array.from({ length: Math.ceil(STEPWISE_FROM / read(SEED_DISPUTE_DEBT).length) + 1 }, () => read(SEED_DISPUTE_DEBT)).join('\n');
  const cases: Array<[string, string]> = [
    ['LF', read(SEED_AVS)],
    ['CRLF', read(SEED_DISPUTE_DEBT).replace(/\r?\n/g, '\r\n')],
    ['BOM', '\ufeff' + read(SEED_AVS)],
    [`over ${STEPWISE_FROM} characters (parsed in steps)`, large],
  ];
  for (const [i, [name, original]] of cases.entries()) {
    it(name, async () => {
      assert.ok(name !== cases[3][0] || original.length >= STEPWISE_FROM);
      client = await startClient({ settings: { releasePlan: { today: '2025-07-01' } } });
      const uri = `file:///repo/edited-${i}-release-plan.md`;
      let text = original;
      let version = 1;
      await client.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version, text } });
      await pull(uri);
      const random = seededRandom(31 + i);
      const eol = name === 'CRLF' ? '\r\n' : '\n';
      for (let e = 0; e < 30; e++) {
        const lines = new LineIndex(text);
        // an edit never splits a CRLF pair (an editor does not either)
        let at = Math.floor(random() * text.length);
        if (text[at - 1] === '\r' && text[at] === '\n') at++;
        const cut = random() < 0.3 ? Math.min(text.length - at, 1 + Math.floor(random() * 30)) : 0;
        let end = at + cut;
        if (text[end - 1] === '\r' && text[end] === '\n') end++;
        const typed = cut ? '' : PIECES[Math.floor(random() * PIECES.length)].replace(/\n/g, eol);
        const range = { start: lines.positionAt(at), end: lines.positionAt(end) };
        text = text.slice(0, at) + typed + text.slice(end);
        await client.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version: ++version }, contentChanges: [{ range, text: typed }] });
        if (e % 3 === 2) await pull(uri); // parsed from the version before, or from several edits back
      }
      const edited = await pull(uri);
      const fresh = `file:///repo/fresh-${i}-release-plan.md`;
      await client.connection.sendNotification('textDocument/didOpen', { textDocument: { uri: fresh, languageId: 'markdown', version: 1, text } });
      const opened = await pull(fresh);
      assert.ok(opened.length > 0, 'the fixture has findings to compare');
      const sameUri = (ds: Diagnostic[], from: string) => JSON.parse(JSON.stringify(ds).split(from).join('URI')) as Diagnostic[];
      assert.deepEqual(sameUri(edited, uri), sameUri(opened, fresh));
    });
  }

  // Typing as a person does, one keystroke at a time with a pull after each, is where a section's tree is
  // patched instead of parsed (parse/wordEdit.ts). The same text opened in a second, fresh server is the
  // reference: this server's caches hold the patched sections.
  it('words typed keystroke by keystroke, compared with a fresh server', async () => {
    client = await startClient({ settings: { releasePlan: { today: '2025-07-01' } } });
    const uri = 'file:///repo/typed-release-plan.md';
    let text = read(SEED_AVS);
    let version = 1;
    await client.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version, text } });
    await pull(uri);
    // line ends where a typed letter is patched (not every line end is: see wordEdit.ts), spread over the plan
    const chunks = splitChunks(text);
    const patchable = [...text.matchAll(/[A-Za-z0-9](?=\r?\n)/g)].map((m) => m.index + 1).filter((at) => {
      const chunk = chunks.find((c) => c.offset < at && at <= c.offset + c.text.length)!;
      const local = at - chunk.offset;
      return patchWordEdit({ text: chunk.text, tree: parseMarkdown(chunk.text) }, chunk.text.slice(0, local) + 'x' + chunk.text.slice(local)) !== undefined;
    });
    assert.ok(patchable.length >= 8, `only ${patchable.length} patchable line ends`);
    const spots = [0.2, 0.4, 0.6, 0.8].map((f) => patchable[Math.floor(f * patchable.length)]).reverse();
    for (const at of spots) {
      // ` words` typed, two letters taken back, `k` typed
      const keys: Array<{ at: number; typed: string; cut: number }> = [];
      ' words'.split('').forEach((c, k) => keys.push({ at: at + k, typed: c, cut: 0 }));
      keys.push({ at: at + 5, typed: '', cut: 1 }, { at: at + 4, typed: '', cut: 1 }, { at: at + 4, typed: 'k', cut: 0 });
      for (const key of keys) {
        const lines = new LineIndex(text);
        const range = { start: lines.positionAt(key.at), end: lines.positionAt(key.at + key.cut) };
        text = text.slice(0, key.at) + key.typed + text.slice(key.at + key.cut);
        await client.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version: ++version }, contentChanges: [{ range, text: key.typed }] });
        await pull(uri);
      }
    }
    assert.equal(text.split(' work').length - 1 >= 4, true, 'the words were typed');
    const typed = await pull(uri);
    await client.close();
    client = await startClient({ settings: { releasePlan: { today: '2025-07-01' } } });
    await client.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version: 1, text } });
    const fresh = await pull(uri);
    assert.ok(fresh.length > 0, 'the fixture has findings to compare');
    assert.deepEqual(typed, fresh);
  });
});
