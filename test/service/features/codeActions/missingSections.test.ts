import { strict as assert } from 'node:assert';
import { basename, join } from 'node:path';
import { provideCodeActions } from '../../../../server/src/service/features/codeActions/index';
import { addSectionAction, missingSectionActions, missingSectionKinds } from '../../../../server/src/service/features/codeActions/missingSections';
import { TEMPLATE_ORDER } from '../../../../server/src/service/features/codeActions/placement';
import { KIND_SOURCE_ADD_SECTION } from '../../../../server/src/service/features/codeActions/types';
import type { ReleasePlan, SectionKind } from '../../../../server/src/service/parse/model';
import { CORPUS, corpusFiles, FIXTURES, read, SEED_AVS, SEED_CST, SEED_DISPUTE_DEBT } from '../../../helpers/fixtures';
import { apply, assertHeadingsKept, assertLineEndings, check, compareFindings, reparse, singleChange, toCrlf } from '../../../helpers/codeActions';

const TEMPLATE = join(FIXTURES, 'corpus', 'templates', 'platform--product-management--release-plan-template@00ee884.md');
const NEW_IN_A_BLANK_SECTION = ['placeholder', 'pick-one', 'empty-field'];

/** Section kinds (and stages) in document order. */
function outline(plan: ReleasePlan): string[] {
  const items = [
    ...plan.sections.map((s) => ({ line: s.heading.line, kind: s.kind as string })),
    ...plan.stages.map((s) => ({ line: s.heading.range.start.line, kind: 'stage' })),
  ];
  return items.sort((a, b) => a.line - b.line).map((i) => i.kind);
}

function addSection(text: string, kind: SectionKind): ReleasePlan {
  const before = reparse(text);
  const action = addSectionAction(before, kind, KIND_SOURCE_ADD_SECTION);
  assert.ok(action, `add ${kind}`);
  const change = singleChange(text, action);
  assert.equal(change.removed, '');
  assertLineEndings(change.inserted, before.eol);
  const after = reparse(apply(text, action));
  assertHeadingsKept(before, change, after);
  compareFindings(text, check(before), change, check(after), { allowNew: NEW_IN_A_BLANK_SECTION });
  // the section is there now, so it is no longer offered
  assert.ok(!missingSectionKinds(after).includes(kind), `${kind} still missing`);
  return after;
}

describe('code actions: add missing sections', () => {
  it('offers nothing for the official template or a complete plan', () => {
    assert.deepEqual(missingSectionKinds(reparse(read(TEMPLATE))), []);
    // its toggle table sits under "Step 1: Development", which is the toggle section all the same
    assert.deepEqual(missingSectionKinds(reparse(read(SEED_DISPUTE_DEBT))), []);
  });

  for (const eol of ['LF', 'CRLF'] as const) {
    it(`adds the AVS plan's missing post-launch metrics before its questions, at its section depth (${eol})`, () => {
      const text = eol === 'CRLF' ? toCrlf(read(SEED_AVS)) : read(SEED_AVS);
      const plan = reparse(text);
      assert.deepEqual(
        missingSectionActions(plan, KIND_SOURCE_ADD_SECTION).map((a) => a.title),
        ['Add post-launch metrics (1-week and 1-month results)'],
      );
      const after = addSection(text, 'post-launch');
      assert.deepEqual(outline(after).slice(-4), ['post-launch', 'week-1', 'month-1', 'post-launch-questions']);
      const heading = (kind: SectionKind) => after.sections.find((s) => s.kind === kind)!.heading;
      assert.deepEqual([heading('post-launch').depth, heading('week-1').depth, heading('month-1').depth], [2, 3, 3]);
      assert.deepEqual(
        after.sections.find((s) => s.kind === 'week-1')!.fields.map((f) => f.label),
        ['Number of unique users', 'Post-launch KPI 1 actual', 'Post-launch KPI 2 actual', 'Post-launch KPI 3 actual', 'Any issues with VA handling/processing?', 'Types of errors logged', 'Any changes necessary based on the logs, or feedback on user challenges, or VA challenges?', 'If yes, what'],
      );
    });
  }

  it('builds a whole plan around a lone stage, each section in the template order', () => {
    let text = '# My release plan\n\n### Stage A: 5% of users\n\n- Percentage of Users: 5%\n';
    const plan = reparse(text);
    assert.deepEqual(missingSectionKinds(plan), ['toggles', 'rollback', 'phase-1', 'phase-2', 'post-launch', 'post-launch-questions']);
    // add them in an order that is not the template's: each still lands at its place
    for (const kind of ['post-launch-questions', 'phase-1', 'toggles', 'post-launch', 'phase-2', 'rollback'] as SectionKind[]) {
      text = addSection(text, kind).text;
    }
    const after = reparse(text);
    assert.deepEqual(outline(after), ['toggles', 'rollback', 'phase-1', 'phase-2', 'rollout-planning', 'stage', 'post-launch', 'week-1', 'month-1', 'post-launch-questions']);
    assert.deepEqual(missingSectionKinds(after), []);
    // Phase I's and the rollout planning's desired date ranges: fields the date checks read once filled in
    assert.equal(after.desiredDateRanges.length, 2);
    assert.equal(check(after).filter((f) => !NEW_IN_A_BLANK_SECTION.includes(f.checkId)).length, 0);
  });

  it('adds the one missing check-in next to the other, inside the plan’s post-launch section', () => {
    const full = read(SEED_CST);
    const start = full.indexOf('### 1-week results');
    const text = full.slice(0, start) + full.slice(full.indexOf('### 1-month results'));
    const missing = missingSectionKinds(reparse(text));
    assert.ok(missing.includes('week-1') && !missing.includes('post-launch') && !missing.includes('month-1'), missing.join(', '));
    const after = addSection(text, 'week-1');
    const week = after.sections.find((s) => s.kind === 'week-1')!;
    const month = after.sections.find((s) => s.kind === 'month-1')!;
    assert.equal(week.heading.depth, month.heading.depth);
    assert.ok(week.heading.line < month.heading.line);
  });

  it("writes the template's lists with the plan's own bullet", () => {
    const text = read(join(CORPUS, 'idx-61537811927__veteran-status-api-refactor.md'));
    const action = addSectionAction(reparse(text), 'phase-1', KIND_SOURCE_ADD_SECTION)!;
    const inserted = singleChange(text, action).inserted;
    assert.ok(inserted.includes('\n* Desired number of users: [FILL_IN]\n'), inserted);
    assert.ok(!/^- /m.test(inserted));
    addSection(text, 'phase-1');
  });

  it('offers the additions as a refactor on a heading, and as source actions anywhere when asked', () => {
    const plan = reparse(read(SEED_AVS));
    const at = (line: number, only?: string[]) =>
      provideCodeActions(plan, { range: { start: { line, character: 0 }, end: { line, character: 0 } }, only, findings: [], allFindings: [] })
        .filter((a) => a.title.startsWith('Add '))
        .map((a) => a.kind);
    const headingLine = plan.sections.find((s) => s.kind === 'rollback')!.heading.line;
    assert.deepEqual(at(headingLine), ['refactor.releasePlan.addSection']);
    assert.deepEqual(at(headingLine + 2), []);
    assert.deepEqual(at(headingLine + 2, ['source']), ['source.releasePlan.addSection']);
    assert.deepEqual(at(headingLine, ['quickfix']), []);
  });

  it('on every corpus plan: each missing section added whole, at its place, adopting no existing heading', function () {
    this.timeout(120000);
    let added = 0;
    for (const file of corpusFiles()) {
      const text = read(file);
      const plan = reparse(text);
      const inOrder = outline(plan).every((k, i, all) => i === 0 || TEMPLATE_ORDER[k as SectionKind] >= TEMPLATE_ORDER[all[i - 1] as SectionKind]);
      for (const kind of missingSectionKinds(plan)) {
        try {
          const after = addSection(text, kind);
          if (inOrder) {
            const order = outline(after);
            assert.ok(order.every((k, i) => i === 0 || TEMPLATE_ORDER[k as SectionKind] >= TEMPLATE_ORDER[order[i - 1] as SectionKind]), `out of order: ${order.join(', ')}`);
          }
          added++;
        } catch (err) {
          throw new Error(`${basename(file)} + ${kind}: ${(err as Error).message}`);
        }
      }
    }
    assert.ok(added >= 100, `only ${added} sections added`);
  });
});
