// A plan with several rollouts (issue 16 class 7) in the views, over real JSON-RPC: the title's
// CodeLens says per rollout where it stands, each stage's lens names its rollout, the outline groups
// the stages under their rollout, and a stage date's hover says which rollout it belongs to. The day
// is pinned with `releasePlan.today` (5/13/2026: rollout 1 is over, rollout 2 is in Stage B).
import { strict as assert } from 'node:assert';
import { join } from 'node:path';
import type { ClientCapabilities, CodeLens, DocumentSymbol, Hover, MarkupContent } from 'vscode-languageserver-protocol';
import { FIXTURES, read } from '../helpers/fixtures';
import { startClient, type TestClient } from '../helpers/lspClient';

const CAPABILITIES: ClientCapabilities = {
  textDocument: { diagnostic: { dynamicRegistration: false }, documentSymbol: { hierarchicalDocumentSymbolSupport: true }, codeLens: {}, hover: { contentFormat: ['markdown'] } },
  workspace: { configuration: true, diagnostics: { refreshSupport: true } },
};

const TEXT = read(join(FIXTURES, 'checks', 'several-rollouts.md'));
const LINES = TEXT.split('\n');
const lineOf = (start: string, from = 0) => LINES.findIndex((l, i) => i >= from && l.startsWith(start));

function flatten(list: DocumentSymbol[], depth = 0): string[] {
  return list.flatMap((s) => [`${'  '.repeat(depth)}${s.name}${s.detail ? ` | ${s.detail}` : ''}`, ...flatten(s.children ?? [], depth + 1)]);
}

describe('several rollouts in the views (real JSON-RPC)', function () {
  this.timeout(30000);
  let client: TestClient;
  const uri = 'file:///tmp/plans/two-rollouts-release-plan.md';

  before(async () => {
    client = await startClient({ capabilities: CAPABILITIES, settings: { releasePlan: { today: '2026-05-13' } } });
    await client.nextRefresh(0);
    await client.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version: 1, text: TEXT } });
  });
  after(async () => {
    if (client.process.exitCode === null) await client.close();
  });

  it('the title carries one lens per rollout, and each stage lens names its rollout', async () => {
    const ls = (await client.connection.sendRequest('textDocument/codeLens', { textDocument: { uri } })) as CodeLens[];
    const second = lineOf('## Rollout 2');
    assert.deepEqual(
      ls.map((l) => [l.range.start.line, l.command?.title]),
      [
        [0, 'Rollout 1: the claim status page: rollout ended Fri 4/17'],
        [0, 'Rollout 2: the document upload flow: Stage B of A (50%) · next: Stage C 25% on Mon 5/18'],
        [lineOf('### Stage A'), 'Rollout 1: the claim status page · ✓ done 4/6–4/10'],
        [lineOf('### Stage B'), 'Rollout 1: the claim status page · ✓ done 4/13–4/17'],
        [lineOf('### Stage A', second), 'Rollout 2: the document upload flow · ✓ done 5/4–5/8'],
        [lineOf('### Stage B', second), 'Rollout 2: the document upload flow · ▶ current — day 3 of 5, ends Fri 5/15'],
        [lineOf('### Stage C', second), 'Rollout 2: the document upload flow · starts in 5 days (Mon 5/18)'],
        [lineOf('### Stage C: 100%'), 'Rollout 2: the document upload flow · no planned dates'],
        [lineOf('### Stage A: a copy'), 'Rollout 2: the document upload flow · no planned dates'],
      ],
    );
    // clicking rollout 2's title lens goes to its current stage
    assert.deepEqual(ls[1].command?.arguments?.[1], { line: lineOf('### Stage B', second), character: 4 });
  });

  it('the outline groups the stages under their rollout', async () => {
    const symbols = (await client.connection.sendRequest('textDocument/documentSymbol', { textDocument: { uri } })) as DocumentSymbol[];
    assert.deepEqual(flatten(symbols), [
      'Rollout 1: the claim status page | Rollout 1 of 2 · 2 stages',
      '  Stage A: 10% of users | Stage A · 10% · Mon 4/6 – Fri 4/10',
      '  Stage B: 100% of users | Stage B · 100% · Mon 4/13 – Fri 4/17',
      'Rollout 2: the document upload flow | Rollout 2 of 2 · 5 stages',
      '  Stage A: 5% of users | Stage A · 5% · Mon 5/4 – Fri 5/8',
      '  Stage B: 50% of users | Stage B · 50% · Mon 5/11 – Fri 5/15',
      '  Stage C: 25% of users <!-- expect: percentage-order --> | Stage C · 25% · Mon 5/18 – Fri 5/29',
      '  Stage C: 100% of users <!-- expect: stage-sequence --> | Stage C · 100%',
      '  Stage A: a copy never renamed <!-- expect: stage-sequence --> | Stage A',
    ]);
  });

  it('the hover on a stage date says which rollout the stage belongs to', async () => {
    const line = lineOf('- Length of time', lineOf('## Rollout 2'));
    const h = (await client.connection.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line, character: LINES[line].indexOf('5/4') + 1 } })) as Hover;
    const value = (h.contents as MarkupContent).value;
    assert.match(value, /Stage A of rollout 2 of 2: \*\*Rollout 2: the document upload flow\*\*\.$/);
    const first = lineOf('- Length of time');
    const h1 = (await client.connection.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line: first, character: LINES[first].indexOf('4/6') + 1 } })) as Hover;
    assert.match((h1.contents as MarkupContent).value, /Stage A of rollout 1 of 2: \*\*Rollout 1: the claim status page\*\*\.$/);
  });
});
