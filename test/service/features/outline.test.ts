import { strict as assert } from 'node:assert';
import { parsePlan } from '../../../server/src/service/parse/index';
import { provideFoldingRanges, provideDocumentSymbols, provideWorkspaceToggleSymbols, type PlanSymbol } from '../../../server/src/service/features/outline';
import type { Range } from '../../../server/src/service/parse/model';
import { corpusFiles, FIXTURES, read, SEED_AVS, SEED_CST, SEED_DISPUTE_DEBT } from '../../helpers/fixtures';
import { join } from 'node:path';
import { datedRolloutText, day, NO_DATES, ROLLOUT_NO_YEARS } from '../../helpers/rollout';

const TODAY = day('2025-03-12');

function outline(symbols: PlanSymbol[], indent = ''): string[] {
  return symbols.flatMap((s) => [`${indent}${s.kind} ${s.name}${s.detail ? ` | ${s.detail}` : ''}`, ...outline(s.children, indent + '  ')]);
}

const le = (a: Range['start'], b: Range['start']) => a.line < b.line || (a.line === b.line && a.character <= b.character);
const inside = (outer: Range, inner: Range) => le(outer.start, inner.start) && le(inner.end, outer.end);

/** What LSP clients rely on: the name inside the range, children inside their parent, in order. */
function assertWellFormed(symbols: PlanSymbol[], where: string, parent?: PlanSymbol): void {
  let previous: PlanSymbol | undefined;
  for (const s of symbols) {
    assert.ok(inside(s.range, s.selectionRange), `${where}: ${s.name} selection outside its range`);
    if (parent) assert.ok(inside(parent.range, s.range), `${where}: ${s.name} outside its parent ${parent.name}`);
    if (previous) assert.ok(le(previous.range.start, s.range.start), `${where}: ${s.name} out of order`);
    previous = s;
    assertWellFormed(s.children, where, s);
  }
}

describe('plan outline (documentSymbol model)', () => {
  it('shows the dated plan as toggles → phase → stages with `Stage B · 25% · Mon 3/10 – Fri 3/14` details', () => {
    assert.deepEqual(outline(provideDocumentSymbols(parsePlan(datedRolloutText()), TODAY)), [
      'toggles Feature Toggles | 1 toggle',
      '  toggle widget_enabled | Turns the widget on',
      'phase Phase II: Staged Rollout | Phase II',
      '  stage Stage A: Canary 5% of users | Stage A · 5% · Mon 3/3 – Fri 3/7',
      '  stage Stage B: 25% of users | Stage B · 25% · Mon 3/10 – Fri 3/14',
      '  stage Stage C: 50% of users | Stage C · 50% · Tue 3/18 – Fri 3/21',
      '  stage Stage D: 100% of users | Stage D · 100% · Mon 3/24 – Fri 3/28',
    ]);
  });

  it('writes the year only when it is not today\'s, and says so when the plan gives none', () => {
    const stageB = (today: ReturnType<typeof day>, text: string) => outline(provideDocumentSymbols(parsePlan(text), today)).find((l) => l.includes('Stage B:'));
    assert.equal(stageB(day('2026-01-05'), datedRolloutText()), '  stage Stage B: 25% of users | Stage B · 25% · Mon 3/10/25 – Fri 3/14/25');
    assert.equal(stageB(TODAY, read(ROLLOUT_NO_YEARS)), '  stage Stage B: 25% of users | Stage B · 25% · 3/10 - 3/14 (no year)');
    assert.deepEqual(outline(provideDocumentSymbols(parsePlan(read(NO_DATES)), TODAY)).slice(-2), ['stage Stage A: 10% of users | Stage A · 10%', 'stage Stage B: 100% of users | Stage B · 100%']);
  });

  it('nests the template\'s sibling stage headings under Phase II and check-ins under post-launch (seed 000)', () => {
    const lines = outline(provideDocumentSymbols(parsePlan(read(SEED_DISPUTE_DEBT)), day('2025-07-24')));
    assert.deepEqual(lines.filter((l) => !l.startsWith('    ')), [
      'toggles Feature toggles | 1 toggle',
      '  toggle dispute_debt | Enables the Dispute Debt feature',
      'section Rollback Process: | Rollback plan',
      'phase Phase I: moderated production testing (also known as User Acceptance Testing, or UAT) N/A | Phase I',
      'phase Phase II: Staged Rollout (also known as unmoderated production testing) | Phase II',
      '  stage Stage A: 1% | Stage A · 1% · Wed 7/16 – Mon 7/21',
      '  stage Stage B: 5% of users | Stage B · 5% · Mon 7/21 – Wed 7/23',
      '  stage Stage C: 20% of users | Stage C · 20% · Wed 7/23 – Mon 7/28',
      '  stage Stage D: 50% of users | Stage D · 50% · Mon 7/28 – Wed 7/30',
      '  stage Stage E: 100% of users | Stage E · 100% · Wed 7/30',
      'section Post Launch metrics | Post-launch',
      '  section 1-week results | 1-week results',
      '  section 1-month results | 1-month results',
      'section Post-launch Questions | Post-launch questions',
    ]);
  });

  it('lists list-item stages and Roman-numeral stages like heading stages', () => {
    assert.deepEqual(outline(provideDocumentSymbols(parsePlan(read(join(FIXTURES, 'checks', 'stages-list.md'))), TODAY)), [
      'stage Stage A: 10% of users on 5/13 | Stage A · 10% · 5/13 (no year)',
      'stage Stage B: 50% of users on 5/15 | Stage B · 50% · 5/15 (no year)',
      'stage Stage D: 100% of users on 5/20 <!-- expect: stage-sequence --> | Stage D · 100% · 5/20 (no year)',
    ]);
    const roman = outline(provideDocumentSymbols(parsePlan(read(join(FIXTURES, 'checks', 'stages-roman.md'))), TODAY));
    assert.deepEqual(roman.filter((l) => l.startsWith('stage')).map((l) => l.split(' | ')[1]), ['Stage I · 25%', 'Stage II · 50%', 'Stage III · 100%']);
  });

  it('is well formed on the seeds and on every corpus plan (selection in range, children in parents)', () => {
    for (const file of [SEED_AVS, SEED_CST, SEED_DISPUTE_DEBT, ...corpusFiles()]) {
      const plan = parsePlan(read(file));
      const symbols = provideDocumentSymbols(plan, TODAY);
      assertWellFormed(symbols, file);
      const stages = outline(symbols).filter((l) => l.trim().startsWith('stage '));
      assert.equal(stages.length, plan.stages.length, `${file}: every stage is in the outline once`);
    }
  });
});

describe('plan folding ranges', () => {
  it('folds each phase, stage and section without hiding the blank line before the next heading', () => {
    const plan = parsePlan(datedRolloutText());
    const lines = plan.text.split('\n');
    const folds = provideFoldingRanges(plan);
    const stageB = folds.find((f) => lines[f.startLine].includes('Stage B:'));
    assert.ok(stageB);
    assert.match(lines[stageB.endLine], /Metrics at this stage/);
    assert.equal(lines[stageB.endLine + 1], '');
    assert.ok(folds.some((f) => lines[f.startLine].includes('Phase II')));
  });

  it('gives valid ranges on every corpus plan (end after start, inside the document)', () => {
    for (const file of corpusFiles()) {
      const plan = parsePlan(read(file));
      for (const f of provideFoldingRanges(plan)) {
        assert.ok(f.endLine > f.startLine && f.endLine < plan.lineCount, `${file}: ${JSON.stringify(f)}`);
      }
    }
  });
});

describe('workspace toggle symbols', () => {
  const open = [{ uri: 'file:///w/gadget-release-plan.md', label: 'gadget-release-plan.md', plan: parsePlan(read(NO_DATES)) }];
  const indexed = [
    { name: 'widget_enabled', origin: 'workspace' as const, sourceLabel: 'widget-release-plan.md', uri: 'file:///w/widget-release-plan.md', range: { start: { line: 6, character: 3 }, end: { line: 6, character: 17 } } },
    // the index's stale copy of an open plan is replaced by the buffer
    { name: 'old_name', origin: 'workspace' as const, sourceLabel: 'gadget-release-plan.md', uri: 'file:///w/gadget-release-plan.md', range: { start: { line: 6, character: 3 }, end: { line: 6, character: 11 } } },
    { name: 'registry_only', origin: 'workspace' as const, sourceLabel: 'config/features.yml' },
  ];

  it('finds every plan that uses a toggle, by subsequence, the open buffer winning over the index', () => {
    const hits = provideWorkspaceToggleSymbols('widget', indexed, open);
    assert.deepEqual(hits.map((h) => [h.name, h.container]), [
      ['widget_enabled', 'gadget-release-plan.md'],
      ['widget_enabled', 'widget-release-plan.md'],
    ]);
    assert.deepEqual(provideWorkspaceToggleSymbols('gdgt', indexed, open).map((h) => h.name), ['gadget_enabled']);
    assert.deepEqual(provideWorkspaceToggleSymbols('old', indexed, open), []);
    assert.equal(provideWorkspaceToggleSymbols('', indexed, open).length, 3);
  });
});
