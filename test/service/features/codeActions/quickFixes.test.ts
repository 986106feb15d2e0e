import { strict as assert } from 'node:assert';
import { basename, join } from 'node:path';
import type { ReportedFinding } from '../../../../server/src/service/checks/index';
import { provideCodeActions, type PlanCodeAction } from '../../../../server/src/service/features/codeActions/index';
import { linkToggleActions } from '../../../../server/src/service/features/codeActions/linkToggle';
import { quickFixesFor, rewriteLength } from '../../../../server/src/service/features/codeActions/quickFixes';
import { CORPUS, corpusFiles, read, SEED_AVS, SEED_CST, SEED_DISPUTE_DEBT } from '../../../helpers/fixtures';
import { apply, assertLineEndings, check, compareFindings, key, reparse, singleChange, toCrlf } from '../../../helpers/codeActions';

/** Applies one fix and relints: the finding is gone, every other finding stays, the edit touched only `expectRemoved`. */
function applyFix(text: string, finding: ReportedFinding, action: PlanCodeAction, expectRemoved?: string, dependent: string[] = []): string {
  const before = reparse(text);
  const change = singleChange(text, action);
  if (expectRemoved !== undefined) assert.equal(change.removed, expectRemoved, action.title);
  assert.ok(!change.removed.includes('\n') && !change.inserted.includes('\n'), 'a quick fix stays on its line');
  assertLineEndings(change.inserted, before.eol);
  assert.deepEqual(action.diagnostics, [finding], 'the fix names the finding it fixes');
  const after = apply(text, action);
  compareFindings(text, check(before), change, check(reparse(after)), { gone: (f) => key(f) === key(finding), dependent });
  return after;
}

function findingsOf(text: string, id: string): ReportedFinding[] {
  return check(reparse(text)).filter((f) => f.checkId === id);
}

describe('code actions: quick fixes', () => {
  describe('pick-one', () => {
    for (const eol of ['LF', 'CRLF'] as const) {
      it(`answers each [PICK_ONE] in the seeds with each of its options, leaving just the answer (${eol})`, () => {
        let answered = 0;
        for (const seed of [SEED_DISPUTE_DEBT, SEED_AVS, SEED_CST]) {
          const text = eol === 'CRLF' ? toCrlf(read(seed)) : read(seed);
          const plan = reparse(text);
          for (const finding of findingsOf(text, 'pick-one')) {
            const fixes = quickFixesFor(plan, finding);
            const p = plan.placeholders.find((x) => key({ checkId: 'pick-one', range: x.range }) === key(finding))!;
            assert.deepEqual(fixes.map((a) => a.title), p.options!.values.map((v) => `Answer '${v}'`));
            for (const fix of fixes) {
              const answer = /'(.*)'/.exec(fix.title)![1];
              const after = applyFix(text, finding, fix);
              const line = after.split(/\r?\n/)[finding.range.start.line];
              // `…?: [PICK_ONE]: yes | no |  N/A` → `…?: no`; `…challenges? [PICK_ONE]: yes/no` → `…challenges? no`
              assert.ok(line.endsWith(` ${answer}`) && !line.includes('PICK_ONE'), line);
              answered++;
            }
          }
        }
        assert.equal(answered, 2 + 9 + 12);
      });
    }

    it('offers yes / no / N/A for a bare marker', () => {
      const text = '# Plan\n\n### Stage A: 5%\n\n- Percentage of Users: 5%\n- Was any downstream service affected by the change?: [PICK_ONE]\n';
      const [finding] = findingsOf(text, 'pick-one');
      const fixes = quickFixesFor(reparse(text), finding);
      assert.deepEqual(fixes.map((a) => a.title), ["Answer 'yes'", "Answer 'no'", "Answer 'N/A'"]);
      assert.ok(applyFix(text, finding, fixes[2], '[PICK_ONE]').includes('change?: N/A\n'));
    });
  });

  describe('percentage-mismatch', () => {
    it('makes the value match the heading, or the heading match the value, on every corpus case', () => {
      let cases = 0;
      for (const file of corpusFiles()) {
        const text = read(file);
        for (const finding of findingsOf(text, 'percentage-mismatch')) {
          const fixes = quickFixesFor(reparse(text), finding);
          assert.equal(fixes.length, 2, basename(file));
          assert.ok(fixes.every((f) => !f.isPreferred), 'neither side is known to be right: not for Fix All');
          const heading = Number(finding.data!.headingValue);
          const value = Number(finding.data!.fieldValue);
          // the stage's number changes, so whether the ramp still rises (percentage-order) may change with it
          const toValue = applyFix(text, finding, fixes[0], `${value}%`, ['percentage-order']);
          assert.equal(toValue.split('\n')[finding.range.start.line].slice(finding.range.start.character, finding.range.start.character + `${heading}%`.length), `${heading}%`);
          const toHeading = applyFix(text, finding, fixes[1], `${heading}%`, ['percentage-order']);
          assert.equal(findingsOf(toHeading, 'percentage-mismatch').length, findingsOf(text, 'percentage-mismatch').length - 1);
          cases++;
        }
      }
      assert.equal(cases, 5);
    });

    it('changes only the number, in a CRLF plan too', () => {
      const text = toCrlf(read(SEED_DISPUTE_DEBT).replace('### Stage B: 5% of users', '### Stage B: 66% of users'));
      const [finding] = findingsOf(text, 'percentage-mismatch');
      const [toHeading, toValue] = quickFixesFor(reparse(text), finding);
      assert.equal(toHeading.title, "Change 'Percentage of Users (and roughly how many users do you expect this to be)' to 66% (as the heading says)");
      assert.equal(toValue.title, "Change the Stage B heading to 5% (as 'Percentage of Users (and roughly how many users do you expect this to be)' says)");
      assert.ok(applyFix(text, finding, toHeading, '5%', ['percentage-order']).includes('expect this to be): 66%\r\n'));
      assert.ok(applyFix(text, finding, toValue, '66%').includes('### Stage B: 5% of users\r\n'));
    });
  });

  describe('duration-mismatch', () => {
    it('writes the length the way the plan writes it', () => {
      assert.equal(rewriteLength('1 week', 9, false), '9 days');
      assert.equal(rewriteLength('Six Days', 5, false), 'Five Days');
      assert.equal(rewriteLength('three days', 1, false), 'one day');
      assert.equal(rewriteLength('2 business days', 3, true), '3 business days');
      assert.equal(rewriteLength('~2 weeks', 23, false), '23 days');
      assert.equal(rewriteLength('Two Weeks', 40, false), 'Forty Days');
      assert.equal(rewriteLength('Two Weeks', 23, false), '23 Days');
    });

    it("rewrites the corpus's '1 week (03/18-03/26/21)' to its day count, and is safe for Fix All", () => {
      const text = read(join(CORPUS, 'idx-6692433179__stem-22-10203-automated-decision.md'));
      const [finding] = findingsOf(text, 'duration-mismatch');
      const fixes = quickFixesFor(reparse(text), finding);
      assert.deepEqual(fixes.map((f) => [f.title, f.isPreferred]), [["Change the length to '9 days' (03/18-03/26/21)", true]]);
      const after = applyFix(text, finding, fixes[0], '1 week');
      assert.ok(after.includes('- Length of time: 9 days (03/18-03/26/21)\n'));
    });

    for (const eol of ['LF', 'CRLF'] as const) {
      it(`fixes a word-written length in a seed (${eol})`, () => {
        const raw = read(SEED_DISPUTE_DEBT).replace('Three Days 7/21/25 - 7/23/25', 'Five Days 7/21/25 - 7/23/25');
        const text = eol === 'CRLF' ? toCrlf(raw) : raw;
        const [finding] = findingsOf(text, 'duration-mismatch');
        assert.ok(finding, 'the seed edit makes a mismatch');
        const [fix] = quickFixesFor(reparse(text), finding);
        assert.ok(applyFix(text, finding, fix, 'Five Days').includes('- Length of time: Three Days 7/21/25 - 7/23/25'));
      });
    }
  });

  describe('toggle links', () => {
    const mismatched = read(SEED_AVS).replace('(https://api.va.gov/flipper/features/avs_enabled)', '(https://api.va.gov/flipper/features/avs_enable)');

    for (const eol of ['LF', 'CRLF'] as const) {
      it(`points a mismatched Flipper link at the toggle its text names, or renames the text (${eol})`, () => {
        const text = eol === 'CRLF' ? toCrlf(mismatched) : mismatched;
        const [finding] = findingsOf(text, 'toggle-link-mismatch');
        const [target, rename] = quickFixesFor(reparse(text), finding);
        assert.deepEqual([target.title, target.isPreferred], ["Point the link at Flipper feature 'avs_enabled'", true]);
        assert.equal(rename.title, "Change the link text to 'avs_enable'");
        assert.ok(applyFix(text, finding, target, 'avs_enable').includes('| [avs_enabled](https://api.va.gov/flipper/features/avs_enabled) |'));
        assert.ok(applyFix(text, finding, rename, 'avs_enabled').includes('| [avs_enable](https://api.va.gov/flipper/features/avs_enable) |'));
      });
    }

    it('links a camelCase name to its snake_case Flipper feature', () => {
      const text = read(SEED_AVS).replace('[avs_enabled](https://api.va.gov/flipper/features/avs_enabled)', '[avsEnabledX](https://api.va.gov/flipper/features/avs_enabled)');
      const [finding] = findingsOf(text, 'toggle-link-mismatch');
      const [target] = quickFixesFor(reparse(text), finding);
      assert.ok(applyFix(text, finding, target, 'avs_enabled').includes('[avsEnabledX](https://api.va.gov/flipper/features/avs_enabled_x)'));
    });

    it('links a bare toggle name in the toggle table to its Flipper page', () => {
      const text = read(SEED_DISPUTE_DEBT);
      const plan = reparse(text);
      const toggle = plan.toggles.find((t) => t.name === 'dispute_debt')!;
      const [action] = linkToggleActions(plan, toggle.range.start);
      assert.equal(action.title, "Link 'dispute_debt' to its Flipper page");
      const change = singleChange(text, action);
      assert.equal(change.removed, 'dispute_debt');
      const after = reparse(apply(text, action));
      assert.ok(after.text.includes('|  [dispute_debt](https://api.va.gov/flipper/features/dispute_debt) | Enables the Dispute Debt feature |'));
      const linked = after.toggles.find((t) => t.name === 'dispute_debt')!;
      assert.equal(linked.link?.featureName, 'dispute_debt');
      assert.deepEqual(findingsOf(after.text, 'toggle-link-mismatch'), []);
      // linked now: nothing more to offer
      assert.deepEqual(linkToggleActions(after, linked.range.start), []);
    });

    it('keeps backticks inside the link text for a toggle named in prose', () => {
      const text = '# Plan\n\n### Stage A: 5%\n\nWe turn on the `showOneVADebtLetter` toggle for 5% of users.\n';
      const plan = reparse(text);
      const toggle = plan.toggles.find((t) => t.name === 'showOneVADebtLetter')!;
      const [action] = linkToggleActions(plan, toggle.range.start);
      assert.equal(singleChange(text, action).removed, '`showOneVADebtLetter`');
      assert.ok(apply(text, action).includes('the [`showOneVADebtLetter`](https://api.va.gov/flipper/features/show_one_va_debt_letter) toggle'));
    });
  });

  it("corrects a misspelt check id in a disable comment to the suggestion", () => {
    const text = '# Plan\n\n<!-- release-plan-disable-next-line placeholdr -->\n- Number of users: [FILL_IN]\n';
    const [finding] = findingsOf(text, 'disable-comment');
    const [fix] = quickFixesFor(reparse(text), finding);
    assert.deepEqual([fix.title, fix.isPreferred], ["Change to 'placeholder'", true]);
    const after = apply(text, fix);
    assert.deepEqual(check(reparse(after)).map((f) => f.checkId), [], 'the comment now silences the placeholder');
  });

  it('offers quick fixes (and disable comments) only for the findings at the range', () => {
    const text = read(SEED_AVS);
    const plan = reparse(text);
    const all = check(plan);
    const pick = all.find((f) => f.checkId === 'pick-one')!;
    const titles = provideCodeActions(plan, { range: pick.range, findings: [pick], allFindings: all, only: ['quickfix'] }).map((a) => a.title);
    assert.deepEqual(titles, ["Answer 'yes'", "Answer 'no'", "Answer 'N/A'", 'Disable pick-one for this line', 'Disable pick-one for this file']);
    assert.deepEqual(provideCodeActions(plan, { range: pick.range, findings: [pick], allFindings: all, only: ['refactor'] }).filter((a) => a.kind === 'quickfix'), []);
  });
});
