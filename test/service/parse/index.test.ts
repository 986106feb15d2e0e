import { strict as assert } from 'node:assert';
import { LineIndex, parsePlan, type Range, type ReleasePlan } from '../../../server/src/service/parse/index';
import { join } from 'node:path';
import { CORPUS, corpusFiles, read, SEED_AVS, SEED_CST, SEED_DISPUTE_DEBT } from '../../helpers/fixtures';

const lineOf = (plan: ReleasePlan, text: string) => plan.text.split('\n').findIndex((l) => l.includes(text));
const textAt = (plan: ReleasePlan, r: { start: { line: number; character: number }; end: { line: number; character: number } }) => {
  assert.equal(r.start.line, r.end.line, 'single-line range');
  return plan.text.split(/\r?\n/)[r.start.line].slice(r.start.character, r.end.character);
};
const fieldValues = (plan: ReleasePlan, stage: number) => plan.stages[stage].fields.map((f) => [f.part ?? '-', f.label, f.value]);

describe('parsePlan on the seeds', () => {
  it('000 Dispute Debt: toggle, phases, five stages with their fields, placeholders', () => {
    const plan = parsePlan(read(SEED_DISPUTE_DEBT));
    assert.equal(plan.title?.text, 'Step 1: Development');
    assert.deepEqual(plan.toggles.map((t) => [t.name, t.source, t.backticked, t.link?.target ?? null, t.description?.text ?? null]), [
      ['dispute_debt', 'table', false, null, 'Enables the Dispute Debt feature'],
    ]);
    assert.equal(textAt(plan, plan.toggles[0].range), 'dispute_debt');
    assert.deepEqual(plan.phases.map((p) => p.label), ['I', 'II']);
    assert.deepEqual(
      plan.stages.map((s) => [s.label, s.labelKind, s.ordinal, s.percentage?.value ?? null, s.name, s.source]),
      [
        ['A', 'letter', 1, 1, '1%', 'heading'],
        ['B', 'letter', 2, 5, '5% of users', 'heading'],
        ['C', 'letter', 3, 20, '20% of users', 'heading'],
        ['D', 'letter', 4, 50, '50% of users', 'heading'],
        ['E', 'letter', 5, 100, '100% of users', 'heading'],
      ],
    );
    assert.deepEqual(fieldValues(plan, 0), [
      ['planning', 'Length of time', 'Six Days 7/16/25 - 7/21/25'],
      ['planning', 'Percentage of Users (and roughly how many users do you expect this to be)', '1%'],
      ['results', 'Number of unique users', '8'],
      ['results', 'Metrics at this stage (per your "success criteria")', '100% success'],
      ['results', 'Was any downstream service affected by the change?', 'N/A'],
      ['results', 'Types of errors logged', 'None'],
      ['results', 'What changes (if any) are necessarily based on the logs, feedback on user challenges, or VA challenges?', ''],
    ]);
    assert.deepEqual(plan.stages[0].fields[6].children.map((c) => c.text), ['No changes required at this stage']);
    // Stage C leaves the downstream question empty
    assert.deepEqual(plan.stages[2].fields.find((f) => f.label.startsWith('Was any downstream'))?.value, '');
    assert.equal(textAt(plan, plan.stages[3].percentage!.range), '50%');
    assert.equal(plan.stages[4].range.start.line, lineOf(plan, '### Stage E: 100% of users'));
    assert.equal(plan.stages[4].range.end.line, lineOf(plan, 'There are enough spikes in latency'));
    assert.deepEqual(plan.desiredDateRanges.map((f) => f.value), ['completed in QA', '6/30/25 - 7/16/25']);
    assert.deepEqual(plan.sections.map((s) => s.kind), ['rollback', 'phase-1', 'phase-2', 'rollout-planning', 'post-launch', 'week-1', 'month-1', 'post-launch-questions']);
    assert.equal(plan.placeholders.filter((p) => p.kind === 'placeholder').length, 9);
    assert.deepEqual(plan.placeholders.filter((p) => p.kind === 'pick-one').map((p) => [p.text, p.options?.text, p.range.start.line]), [
      ['[PICK_ONE]', 'yes/no', lineOf(plan, 'VA challenges? [PICK_ONE]: yes/no')],
    ]);
    assert.ok(plan.placeholders.every((p) => textAt(plan, p.range) === p.text));
  });

  it('003 AVS: linked toggles, Canary stage without a percentage, a gap to Stage E', () => {
    const plan = parsePlan(read(SEED_AVS));
    assert.equal(plan.title?.text, 'AVS Release Plan');
    assert.deepEqual(plan.toggles.map((t) => [t.name, t.link?.target, t.link?.featureName]), [
      ['avs_enabled', 'https://api.va.gov/flipper/features/avs_enabled', 'avs_enabled'],
      ['va_online_scheduling_after_visit_summary', 'https://api.va.gov/flipper/features/va_online_scheduling_after_visit_summary', 'va_online_scheduling_after_visit_summary'],
    ]);
    assert.equal(textAt(plan, plan.toggles[0].link!.range), 'https://api.va.gov/flipper/features/avs_enabled');
    assert.deepEqual(plan.stages.map((s) => [s.label, s.name, s.percentage?.value ?? null]), [
      ['A', 'Canary', null],
      ['B', '50% of users', 50],
      ['E', '100% of users', 100],
    ]);
    assert.deepEqual(fieldValues(plan, 2).slice(0, 2), [
      ['planning', 'Length of time', '2-4 weeks'],
      ['planning', 'Percentage of Users', '100%'],
    ]);
    assert.deepEqual(plan.desiredDateRanges.map((f) => f.value), ['1 day', '~Aug 1 -> Sep 15']);
    assert.equal(plan.placeholders.filter((p) => p.kind === 'placeholder').length, 12);
    const picks = plan.placeholders.filter((p) => p.kind === 'pick-one');
    assert.equal(picks.length, 3);
    assert.ok(picks.every((p) => p.options?.text === 'yes | no |  N/A' && p.options.values.join(',') === 'yes,no,N/A'));
  });

  it('004 CST document status: backticked linked toggles, filled Stage A results, nested values', () => {
    const plan = parsePlan(read(SEED_CST));
    assert.deepEqual(plan.toggles.map((t) => [t.name, t.backticked, t.link?.featureName, t.description?.text]), [
      ['cst_show_document_upload_status', true, 'cst_show_document_upload_status', 'Enables ability to show upload status from EvidenceSubmission table'],
      ['cst_update_evidence_submission_on_show', true, 'cst_update_evidence_submission_on_show', 'Enables ability to poll Lighthouse for up-to-date evidence submission status (backend polling)'],
    ]);
    assert.equal(textAt(plan, plan.toggles[0].range), 'cst_show_document_upload_status');
    assert.deepEqual(plan.stages.map((s) => [s.label, s.percentage?.value, s.fields.length]), [
      ['A', 25, 25],
      ['B', 50, 10],
      ['C', 100, 0],
    ]);
    const a = plan.stages[0];
    assert.deepEqual(a.fields.find((f) => f.label === 'Release Date')?.value, '2/11/2026 at 11a EST');
    const users = a.fields.find((f) => f.label === 'Estimated number of users')!;
    assert.equal(users.value, '');
    assert.deepEqual(users.children.map((c) => c.text), [
      'Status Tab: `/track-claims/your-claims/*/status`',
      'Files Tab: `/track-claims/your-claims/*/files`',
      'Enabled by Feature (not estimated)',
      // grandchildren belong to the nearest ancestor that is a field
      '/track-claims/your-claims/files-we-couldnt-receive',
      'total: 3',
    ]);
    assert.equal(plan.desiredDateRanges[0].value, '_**February 2026**_');
    assert.deepEqual(plan.phases, []);
    assert.equal(plan.placeholders.filter((p) => p.kind === 'placeholder').length, 19);
    assert.equal(plan.placeholders.filter((p) => p.kind === 'pick-one').length, 4);
    // nothing in the filled Stage A results is a placeholder
    assert.ok(plan.placeholders.every((p) => p.range.start.line > a.range.end.line));
  });
});

describe('parsePlan: list stages with their results further down', () => {
  it('attaches `### Stage A Results` sections to the list item stages they report on', () => {
    const plan = parsePlan(read(join(CORPUS, 'idx-2128634599__find-a-representative-1-0-mvp.md')));
    assert.deepEqual(plan.stages.map((s) => [s.label, s.source, s.resultsHeadings.map((h) => h.text)]), [
      ['A', 'list', ['Stage A Results']],
      ['B', 'list', ['Stage B Results']],
      ['C', 'list', ['Stage C Results']],
      ['D', 'list', ['Stage D Results']],
    ]);
    assert.deepEqual(
      plan.stages[0].fields.map((f) => [f.part ?? null, f.label]),
      [
        // the item itself reads as `Stage A: 10% of users on 12/12`
        [null, 'Stage A'],
        ['results', 'Errors in Sentry'],
        ['results', 'Errors in DataDog'],
        ['results', 'Are console errors still happening on page click?'],
        ['results', 'What changes (if any) need to be implemented before proceeding to the next rollout stage?'],
      ],
    );
  });
});

describe('parsePlan: field ranges point at the text', () => {
  it('in every line ending (LF, CRLF, lone CR) and on every real plan', () => {
    const docs = [
      ...corpusFiles().map((f) => read(f)),
      '# P\n\n- Length of time: 1 week\n- Owner:  Sam \n  - Results: x\n\nDate: 1/2/25\n',
      '# P\r\n\r\n- Length of time: 1 week\r\n- Owner:  Sam \r\n  - Results: x\r\n',
      // a lone CR is a line break to the editor, though the paragraph line around it is one block
      '# P\r\r- Length of time: 1 week\r- Owner:  Sam \r  - Results: x\r\rDate: 1/2/25\rmore',
    ];
    for (const text of docs) {
      const plan = parsePlan(text);
      const lines = new LineIndex(plan.text);
      const slice = (r: Range) => plan.text.slice(lines.offsetAt(r.start), lines.offsetAt(r.end));
      for (const f of plan.fields) {
        assert.equal(slice(f.valueRange), f.value);
        assert.equal(f.labelRange.start.line, f.line);
        assert.ok(slice(f.labelRange).replace(/[*_]/g, '').includes(f.label.replace(/[*_]/g, '')), `label ${f.label} at ${JSON.stringify(f.labelRange)}`);
      }
    }
  });
});
