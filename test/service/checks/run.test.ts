import { strict as assert } from 'node:assert';
import { allChecks, runChecks } from '../../../server/src/service/checks/index';
import type { Check } from '../../../server/src/service/checks/types';
import { resolveConfig } from '../../../server/src/service/config';
import { parsePlan } from '../../../server/src/service/parse/index';
import { contextWithoutDates } from '../../helpers/checks';

const PLAN = [
  '# Plan',
  '',
  '### Stage A: 10% of users',
  '',
  '- Percentage of Users: 10%',
  '- Number of unique users: [FILL_IN]',
  '- Was any downstream service affected by the change?: [PICK_ONE]: yes | no | N/A',
  '',
  '### Stage C: 5% of users',
  '',
  '- Percentage of Users: 5%',
  '- Types of errors logged:',
].join('\n');

const ended = {
  today: { year: 2025, month: 9, day: 1 },
  plannedEndAt: () => ({ end: { year: 2025, month: 7, day: 30 }, label: 'Stage A', endText: '7/30/25' }),
};

describe('runChecks', () => {
  it('returns every finding sorted by position, with the check default severity and docs link', () => {
    const findings = runChecks(parsePlan(PLAN), contextWithoutDates());
    assert.deepEqual(
      findings.map((f) => [f.range.start.line, f.checkId, f.severity]),
      [
        [5, 'placeholder', 'information'],
        [6, 'pick-one', 'information'],
        [8, 'stage-sequence', 'warning'],
        [10, 'percentage-order', 'warning'],
        [11, 'empty-field', 'information'],
      ],
    );
    assert.equal(findings[0].docsUrl, 'docs/checks.md#placeholder');
  });

  it('raises placeholder, pick-one and empty-field to warning once the stage has ended', () => {
    const findings = runChecks(parsePlan(PLAN), ended);
    assert.deepEqual(
      findings.filter((f) => ['placeholder', 'pick-one', 'empty-field'].includes(f.checkId)).map((f) => [f.severity, f.message]),
      [
        ['warning', "Stage A ended 7/30/25; 'Number of unique users' is still [FILL_IN]"],
        ['warning', "Stage A ended 7/30/25; 'Was any downstream service affected by the change?' still says [PICK_ONE] (yes | no | N/A)"],
        ['warning', "Stage A ended 7/30/25; 'Types of errors logged' is still empty"],
      ],
    );
  });

  it('applies the configured severity, which replaces the timeline raise; off skips the check', () => {
    const { config } = resolveConfig({ settings: { placeholder: 'hint', 'stage-sequence': 'off', 'percentage-order': 'error' } });
    const findings = runChecks(parsePlan(PLAN), ended, config);
    assert.deepEqual(
      findings.map((f) => [f.checkId, f.severity]),
      [
        ['placeholder', 'hint'],
        ['pick-one', 'warning'],
        ['percentage-order', 'error'],
        ['empty-field', 'warning'],
      ],
    );
  });

  it('reports nothing for a document the config file ignores', () => {
    const { config } = resolveConfig({ configFile: { path: '/r/.releaseplanrc.json', text: '{"ignore":["**/*.md"]}' }, documentPath: '/r/p/plan.md' });
    assert.deepEqual(runChecks(parsePlan(PLAN), contextWithoutDates(), config), []);
  });

  it('applies disable comments after severities', () => {
    const text = PLAN.replace('- Number of unique users: [FILL_IN]', '- Number of unique users: [FILL_IN] <!-- release-plan-disable-line -->');
    const ids = runChecks(parsePlan(text), contextWithoutDates()).map((f) => f.checkId);
    assert.ok(!ids.includes('placeholder'));
    assert.ok(ids.includes('pick-one'));
  });

  it('a check that throws loses only its own findings, and the caller hears about it', () => {
    const broken: Check = { id: 'placeholder', description: '', defaultSeverity: 'information', check: () => { throw new Error('boom'); } };
    const errors: string[] = [];
    const findings = runChecks(parsePlan(PLAN), contextWithoutDates(), undefined, {
      checks: [broken, ...allChecks.filter((c) => c.id !== 'placeholder')],
      onCheckError: (id, e) => errors.push(`${id}: ${(e as Error).message}`),
    });
    assert.deepEqual(errors, ['placeholder: boom']);
    assert.ok(findings.some((f) => f.checkId === 'pick-one'));
  });

  it('messages name the values: percentage mismatch with both numbers, data with both ranges', () => {
    const text = '### Stage A: 5% of users\n- Percentage of Users: 5%\n### Stage B: 66% of users\n- Percentage of Users (and roughly how many users do you expect this to be): 25%\n';
    const [f] = runChecks(parsePlan(text), contextWithoutDates()).filter((x) => x.checkId === 'percentage-mismatch');
    assert.equal(f.message, "Stage B heading says 66% but 'Percentage of Users' says 25%; make them agree");
    assert.deepEqual(f.range, { start: { line: 3, character: 77 }, end: { line: 3, character: 80 } });
    assert.deepEqual(f.data?.headingRange, { start: { line: 2, character: 13 }, end: { line: 2, character: 16 } });
    assert.equal(f.data?.headingValue, 66);
    assert.equal(f.data?.fieldValue, 25);
  });
});
