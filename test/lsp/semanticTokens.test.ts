// Semantic tokens over real JSON-RPC: a detected plan is coloured from the plan model (placeholders,
// toggles, dates, percentages, stage labels) against the advertised legend; markdown that is not a
// plan gets no tokens at all, so nothing in notes turns red (issue 15, point 6).
import { strict as assert } from 'node:assert';
import type { SemanticTokens, SemanticTokensLegend } from 'vscode-languageserver-protocol';
import { read, SEED_DISPUTE_DEBT } from '../helpers/fixtures';
import { fileUri, startClient, type TestClient } from '../helpers/lspClient';

interface Decoded {
  line: number;
  text: string;
  type: string;
  modifiers: string[];
}

function decode(tokens: SemanticTokens, legend: SemanticTokensLegend, lines: string[]): Decoded[] {
  const out: Decoded[] = [];
  let line = 0;
  let character = 0;
  for (let i = 0; i < tokens.data.length; i += 5) {
    const [dl, ds, length, type, bits] = tokens.data.slice(i, i + 5);
    line += dl;
    character = dl === 0 ? character + ds : ds;
    out.push({
      line,
      text: lines[line].slice(character, character + length),
      type: legend.tokenTypes[type],
      modifiers: legend.tokenModifiers.filter((_m, k) => (bits & (1 << k)) !== 0),
    });
  }
  return out;
}

describe('semantic tokens (real JSON-RPC)', function () {
  this.timeout(20000);
  let client: TestClient | undefined;
  after(async () => {
    if (client && client.process.exitCode === null) await client.close();
  });

  it('colours seed 000 from the plan model, and a non-plan markdown file not at all', async () => {
    client = await startClient();
    const provider = client.initialize.capabilities.semanticTokensProvider;
    assert.ok(provider && 'legend' in provider, 'semantic tokens advertised');
    const legend = provider.legend;
    assert.deepEqual(legend.tokenTypes, ['placeholder', 'pickOne', 'toggle', 'date', 'percentage', 'stageLabel']);
    assert.equal(provider.full, true);
    assert.equal(provider.range, true);

    const text = read(SEED_DISPUTE_DEBT);
    const lines = text.split('\n');
    const uri = fileUri(SEED_DISPUTE_DEBT);
    await client.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version: 1, text } });
    const full = (await client.connection.sendRequest('textDocument/semanticTokens/full', { textDocument: { uri } })) as SemanticTokens;
    const tokens = decode(full, legend, lines);
    const of = (type: string) => tokens.filter((t) => t.type === type).map((t) => t.text);
    assert.deepEqual(of('toggle'), ['dispute_debt']);
    assert.deepEqual(of('stageLabel'), ['Stage A', 'Stage B', 'Stage C', 'Stage D', 'Stage E']);
    assert.deepEqual(of('percentage'), ['1%', '1%', '5%', '5%', '20%', '20%', '50%', '50%', '100%', '100%']);
    assert.ok(of('date').includes('6/30/25 - 7/16/25'));
    assert.ok(of('date').includes('7/16/25 - 7/21/25'));
    assert.equal(of('placeholder').length, 9);
    // Phase I is marked N/A: its placeholders carry the modifier themes can fade
    const phaseOne = tokens.filter((t) => t.type === 'placeholder' || t.type === 'pickOne');
    assert.ok(phaseOne.every((t) => t.line >= 53 && t.line <= 61 && t.modifiers.includes('notApplicable')));
    assert.deepEqual(tokens.filter((t) => t.type === 'pickOne').map((t) => t.text), ['[PICK_ONE]']);

    // a range request returns the same tokens for those lines only
    const range = { start: { line: 74, character: 0 }, end: { line: 79, character: 0 } };
    const part = (await client.connection.sendRequest('textDocument/semanticTokens/range', { textDocument: { uri }, range })) as SemanticTokens;
    assert.deepEqual(decode(part, legend, lines), tokens.filter((t) => t.line >= 74 && t.line <= 79));

    // notes that are not a plan: TBD, ???, [FILL_IN], a date, a percentage and a stage heading stay plain
    const notes = 'file:///tmp/meeting-notes.md';
    const noteText = '# Meeting notes\n\n### Stage A: 25% of users\n\n- Owner: TBD ??? [FILL_IN]\n- Next sync: 6/30/25\n';
    await client.connection.sendNotification('textDocument/didOpen', { textDocument: { uri: notes, languageId: 'markdown', version: 1, text: noteText } });
    const none = (await client.connection.sendRequest('textDocument/semanticTokens/full', { textDocument: { uri: notes } })) as SemanticTokens;
    assert.deepEqual(none.data, []);
  });
});
