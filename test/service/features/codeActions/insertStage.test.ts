import { strict as assert } from 'node:assert';
import { basename, join } from 'node:path';
import { provideCodeActions, type PlanCodeAction } from '../../../../server/src/service/features/codeActions/index';
import { insertBetweenActions, insertNextStageAction, labelFor, midpoint, nextPercentage } from '../../../../server/src/service/features/codeActions/insertStage';
import { KIND_SOURCE_INSERT_STAGE } from '../../../../server/src/service/features/codeActions/types';
import { stagePercentage } from '../../../../server/src/service/parse/queries';
import type { ReleasePlan } from '../../../../server/src/service/parse/model';
import { CORPUS, corpusFiles, read, SEED_AVS, SEED_CST, SEED_DISPUTE_DEBT } from '../../../helpers/fixtures';
import { apply, assertHeadingsKept, assertLineEndings, check, compareFindings, reparse, singleChange, toCrlf } from '../../../helpers/codeActions';

const NEW_IN_A_BLANK_STAGE = ['placeholder', 'pick-one', 'empty-field'];

/** The dispute-debt seed without its last stage (1 → 5 → 20 → 50), so there is a stage to add. */
function disputeDebtWithoutStageE(): string {
  const text = read(SEED_DISPUTE_DEBT);
  return text.slice(0, text.indexOf('### Stage E')) + text.slice(text.indexOf('## Post Launch metrics'));
}

function nextStage(plan: ReleasePlan): PlanCodeAction {
  const action = insertNextStageAction(plan, KIND_SOURCE_INSERT_STAGE);
  assert.ok(action, 'insert next stage is offered');
  return action;
}

/** Applies an insert-stage action and checks the fix-then-relint invariants; returns the new plan. */
function applyInsert(text: string, action: PlanCodeAction, allowNew: string[] = NEW_IN_A_BLANK_STAGE): ReleasePlan {
  const before = reparse(text);
  const change = singleChange(text, action);
  assert.equal(change.removed, '', 'inserting a stage removes nothing');
  assertLineEndings(change.inserted, before.eol);
  const after = reparse(apply(text, action));
  assertHeadingsKept(before, change, after);
  compareFindings(text, check(before), change, check(after), { allowNew });
  return after;
}

describe('code actions: insert stage', () => {
  describe('sizing and naming', () => {
    it('follows the plan ramp: 1 → 5 → 25 → 50 → 100, +25 after a 25-point step, a repeated step, never over 100', () => {
      assert.equal(nextPercentage([]), 1);
      assert.equal(nextPercentage([1]), 5);
      assert.equal(nextPercentage([1, 5]), 25);
      assert.equal(nextPercentage([1, 5, 20, 50]), 100);
      assert.equal(nextPercentage([5, 10]), 25);
      assert.equal(nextPercentage([10, 50]), 100);
      assert.equal(nextPercentage([33, 66]), 100);
      assert.equal(nextPercentage([25]), 50);
      assert.equal(nextPercentage([25, 50]), 75, "the template's 25/50/75/100");
      assert.equal(nextPercentage([1, 25, 50]), 75);
      assert.equal(nextPercentage([25, 50, 75]), 100);
      assert.equal(nextPercentage([10, 20, 30]), 40);
      assert.equal(nextPercentage([30, 60, 90]), 100, 'capped');
      assert.equal(nextPercentage([50, 25]), 100, 'out of order: above the highest');
    });

    it('offers the midpoint between two stages, whole when there is room', () => {
      assert.equal(midpoint(1, 5), 3);
      assert.equal(midpoint(5, 20), 13);
      assert.equal(midpoint(25, 50), 38);
      assert.equal(midpoint(1, 2), 1.5);
      assert.equal(midpoint(50, 50), undefined);
      assert.equal(midpoint(50, 25), undefined);
    });

    it('labels letters, roman numerals and numbers', () => {
      assert.equal(labelFor(5, 'letter'), 'E');
      assert.equal(labelFor(27, 'letter'), undefined);
      assert.equal(labelFor(4, 'roman'), 'IV');
      assert.equal(labelFor(9, 'roman'), 'IX');
      assert.equal(labelFor(3, 'number'), '3');
    });
  });

  describe('insert next stage', () => {
    for (const eol of ['LF', 'CRLF'] as const) {
      it(`adds Stage E at 100% after Stage D, before the post-launch metrics, with Stage D's fields blanked (${eol})`, () => {
        const text = eol === 'CRLF' ? toCrlf(disputeDebtWithoutStageE()) : disputeDebtWithoutStageE();
        const plan = reparse(text);
        const action = nextStage(plan);
        assert.equal(action.title, 'Insert next stage: Stage E (100% of users)');
        // the new stage's dates continue Stage D's (Three Days 7/28/25 - 7/30/25, a Wednesday): from the
        // next business day, as long; its range is then past the plan's stale desired range, like D's
        const after = applyInsert(text, action, [...NEW_IN_A_BLANK_STAGE, 'date-outside-range']);
        assert.deepEqual(after.stages.map((s) => s.label), ['A', 'B', 'C', 'D', 'E']);
        const e = after.stages[4];
        assert.equal(e.heading.text, 'Stage E: 100% of users');
        assert.equal(e.headingDepth, 3);
        assert.equal(stagePercentage(e)?.value, 100);
        const postLaunch = after.sections.find((s) => s.kind === 'post-launch')!;
        assert.ok(e.range.end.line < postLaunch.heading.line);
        // the same fields as Stage D, in the same parts, every answer blank
        const d = after.stages[3];
        assert.deepEqual(e.fields.map((f) => [f.label, f.part]), d.fields.map((f) => [f.label, f.part]));
        for (const f of e.fields) {
          if (/^Percentage of Users/.test(f.label)) assert.equal(f.value, '100%');
          else if (/^Length of time/.test(f.label)) assert.equal(f.value, 'Three Days 7/31/25 - 8/2/25');
          else if (/downstream service/.test(f.label)) assert.equal(f.value, '[PICK_ONE]: yes | no | N/A');
          else assert.equal(f.value, '[FILL_IN]', f.label);
          assert.deepEqual(f.children, []);
        }
        // Stage D's answers ("No changes required…", "We should be seriously…") are not copied
        assert.ok(!after.text.slice(after.text.indexOf('### Stage E')).includes('seriously considering'));
        // the new stage is a complete form: fixing it again offers nothing
        assert.equal(nextStage(after).disabledReason, 'The rollout already reaches 100% of users.');
      });
    }

    it('is shown disabled, with the reason, once a stage reaches 100%', () => {
      for (const seed of [SEED_DISPUTE_DEBT, SEED_AVS, SEED_CST]) {
        const action = nextStage(reparse(read(seed)));
        assert.equal(action.disabledReason, 'The rollout already reaches 100% of users.', basename(seed));
        assert.deepEqual(action.edits, []);
      }
    });

    it('continues a list of stages with the next item number', () => {
      const full = read(join(CORPUS, 'idx-2128634599__find-a-representative-1-0-mvp.md'));
      const text = full.replace('4. Stage D: 100% of users on 12/18\n', '');
      const action = nextStage(reparse(text));
      // 10 → 25 → 50: a 25-point step, so +25 (the template's ramp)
      assert.equal(action.title, 'Insert next stage: Stage D (75% of users)');
      const after = applyInsert(text, action);
      assert.deepEqual(after.stages.map((s) => [s.label, s.source, s.percentage?.value]), [
        ['A', 'list', 10],
        ['B', 'list', 25],
        ['C', 'list', 50],
        ['D', 'list', 75],
      ]);
      assert.ok(after.text.includes('3. Stage C: 50% of users from 12/14-12/17\n4. Stage D: 75% of users\n'));
    });

    it("starts a plan without stages with Stage A from the official template, after Phase II's rollout planning", () => {
      const text = read(join(CORPUS, '21-0779__collaboration-cycle__release-plan.md'));
      const plan = reparse(text);
      assert.equal(plan.stages.length, 0);
      const action = nextStage(plan);
      assert.equal(action.title, 'Insert next stage: Stage A (1% of users)');
      const after = applyInsert(text, action);
      assert.equal(after.stages.length, 1);
      const a = after.stages[0];
      assert.equal(a.label, 'A');
      assert.deepEqual(
        a.fields.map((f) => [f.label, f.part]),
        [
          ['Length of time', 'planning'],
          ['Percentage of Users (and roughly how many users do you expect this to be)', 'planning'],
          ['Number of unique users', 'results'],
          ['Metrics at this stage (per your "success criteria")', 'results'],
          ['Was any downstream service affected by the change?', 'results'],
          ['Types of errors logged', 'results'],
          ['What changes (if any) are necessary based on the logs, or feedback on user challenges, or VA challenges?', 'results'],
        ],
      );
      const rollout = after.sections.find((s) => s.kind === 'rollout-planning')!;
      const postLaunch = after.sections.find((s) => s.kind === 'post-launch')!;
      assert.ok(a.heading.range.start.line > rollout.heading.line && a.range.end.line < postLaunch.heading.line);
    });

    it('is offered as a refactor inside the staged-rollout part only, and as a source action anywhere on request', () => {
      const text = disputeDebtWithoutStageE();
      const plan = reparse(text);
      const titles = (line: number, only?: string[]) =>
        provideCodeActions(plan, { range: { start: { line, character: 0 }, end: { line, character: 0 } }, only, findings: [], allFindings: [] })
          .filter((a) => a.title.startsWith('Insert next stage'))
          .map((a) => a.kind);
      const inStageC = plan.stages[2].range.start.line + 3;
      const inPostLaunch = plan.sections.find((s) => s.kind === 'week-1')!.heading.line + 2;
      assert.deepEqual(titles(inStageC), ['refactor.releasePlan.insertStage']);
      assert.deepEqual(titles(inPostLaunch), []);
      assert.deepEqual(titles(inPostLaunch, ['source']), ['source.releasePlan.insertStage']);
      assert.deepEqual(titles(inStageC, ['quickfix']), []);
    });

    it('on every corpus plan: labelled next, sized by the ramp, inserted whole after the last stage, nothing else changed', function () {
      this.timeout(60000);
      let inserted = 0;
      for (const file of corpusFiles()) {
        const text = read(file);
        const plan = reparse(text);
        const action = insertNextStageAction(plan, KIND_SOURCE_INSERT_STAGE);
        if (!action) {
          assert.ok(plan.stages.some((s) => s.source === 'table'), `${basename(file)}: only table stages are not extended`);
          continue;
        }
        const values = plan.stages.map((s) => stagePercentage(s)?.value).filter((v): v is number => v !== undefined);
        if (action.disabledReason) {
          assert.ok(Math.max(...values) >= 100, basename(file));
          continue;
        }
        try {
          const after = applyInsert(text, action);
          assert.equal(after.stages.length, plan.stages.length + 1);
          const added = after.stages.find((s) => !plan.stages.some((o) => o.label === s.label && o.heading.text === s.heading.text));
          assert.ok(added, 'the new stage parses as a stage');
          const maxOrdinal = Math.max(0, ...plan.stages.map((s) => s.ordinal));
          assert.equal(added.ordinal, maxOrdinal + 1, 'the next label, never a duplicate');
          const pct = stagePercentage(added)?.value;
          if (values.length) assert.ok(pct !== undefined && pct > Math.max(...values) && pct <= 100, `percentage ${pct}`);
          if (plan.stages.length) assert.ok(added.heading.range.start.line > plan.stages[plan.stages.length - 1].heading.range.start.line, 'after the last stage');
          inserted++;
        } catch (err) {
          throw new Error(`${basename(file)}: ${(err as Error).message}`);
        }
      }
      assert.ok(inserted >= 30, `only ${inserted} corpus plans took a new stage`);
    });
  });

  describe('insert a stage between', () => {
    it('fills a label gap with the next free label (AVS: B then E → C at 75%)', () => {
      const text = read(SEED_AVS);
      const plan = reparse(text);
      const onB = plan.stages[1].heading.range.start;
      const actions = insertBetweenActions(plan, onB, 'refactor.releasePlan.insertStage');
      // A then B are consecutive and the plan uses no sub-stages: no `Stage A.1` on offer
      assert.deepEqual(actions.map((a) => a.title), ['Insert a stage between Stage B and Stage E: Stage C (75% of users)']);
      const after = applyInsert(text, actions[0]);
      assert.deepEqual(after.stages.map((s) => s.label), ['A', 'B', 'C', 'E']);
      assert.equal(stagePercentage(after.stages[2])?.value, 75);
    });

    for (const eol of ['LF', 'CRLF'] as const) {
      it(`in a plan that already uses sub-stages, names a stage between consecutive labels as a sub-stage of the earlier one, re-lettering nothing (${eol})`, () => {
        // seed 000 with a `Stage D.1` of its own (a real plan's scheme: the corpus has `Stage A.1`)
        const raw = read(SEED_DISPUTE_DEBT).replace('### Stage E: 100% of users', '### Stage D.1: 75% of users\n\n### Stage E: 100% of users');
        const text = eol === 'CRLF' ? toCrlf(raw) : raw;
        const plan = reparse(text);
        const onC = plan.stages[2].heading.range.start;
        const [before, afterC] = insertBetweenActions(plan, onC, 'refactor.releasePlan.insertStage');
        assert.equal(before.title, 'Insert a stage between Stage B and Stage C: Stage B.1 (13% of users)');
        assert.equal(afterC.title, 'Insert a stage between Stage C and Stage D: Stage C.1 (35% of users)');
        const beforePlan = reparse(text);
        const change = singleChange(text, before);
        assertLineEndings(change.inserted, beforePlan.eol);
        const result = apply(text, before);
        const after = reparse(result);
        assertHeadingsKept(beforePlan, change, after);
        // every other stage keeps its label and its place
        assert.deepEqual(after.stages.map((s) => s.heading.text), [
          'Stage A: 1%',
          'Stage B: 5% of users',
          'Stage B.1: 13% of users',
          'Stage C: 20% of users',
          'Stage D: 50% of users',
          'Stage D.1: 75% of users',
          'Stage E: 100% of users',
        ]);
        // `Stage B.1` is a sub-stage of B in the model: stage-sequence accepts it; nothing is new but the
        // blank form's placeholders
        assert.deepEqual(after.stages.map((s) => [s.label, s.ordinal, s.sub ?? null]).slice(1, 4), [['B', 2, null], ['B.1', 2, 1], ['C', 3, null]]);
        const added = compareFindings(text, check(beforePlan), change, check(after), { allowNew: NEW_IN_A_BLANK_STAGE });
        assert.deepEqual(added.filter((f) => f.checkId === 'stage-sequence'), []);
      });
    }

    it('is offered only on a stage heading', () => {
      const text = read(SEED_AVS);
      const plan = reparse(text);
      const inFields = { line: plan.stages[1].heading.range.start.line + 4, character: 0 };
      assert.deepEqual(insertBetweenActions(plan, inFields, 'x'), []);
      const onE = plan.stages[2].heading.range.start;
      assert.deepEqual(insertBetweenActions(plan, onE, 'x').map((a) => a.title), ['Insert a stage between Stage B and Stage E: Stage C (75% of users)']);
    });

    it('never offers a sub-stage in a plan without sub-stages (seed 000: no Stage D.1 between D and E)', () => {
      const plan = reparse(read(SEED_DISPUTE_DEBT));
      for (const stage of plan.stages) assert.deepEqual(insertBetweenActions(plan, stage.heading.range.start, 'x'), [], `on Stage ${stage.label}`);
    });
  });
});
