// The plan's timeline: stage windows, check-ins, and the planned end that turns an unfilled value in a
// finished stage into a warning — exercised through the real placeholder check with a fixed clock.
import { strict as assert } from 'node:assert';
import { placeholderCheck } from '../../../server/src/service/checks/placeholder';
import type { CheckContext } from '../../../server/src/service/checks/types';
import type { LocalDate } from '../../../server/src/service/dates/types';
import { planTimeline } from '../../../server/src/service/dates/timeline';
import { parsePlan } from '../../../server/src/service/parse/index';
import { planDates } from '../../../server/src/service/dates/planDates';
import type { Range } from '../../../server/src/service/parse/model';
import { corpusFiles, read, SEED_AVS, SEED_CST, SEED_DISPUTE_DEBT } from '../../helpers/fixtures';
import { day, lineOf, planOf } from '../../helpers/dates';
import { checkContext, fixedClock } from '../../../server/src/service/index';

describe('dates/timeline', () => {
  it('reads the stage windows and check-ins of seed 000', () => {
    const plan = parsePlan(read(SEED_DISPUTE_DEBT));
    const t = planTimeline(plan);
    assert.deepEqual(
      t.stages.map((w) => [w.label, w.start, w.end, w.endText]),
      [
        ['Stage A', day('2025-07-16'), day('2025-07-21'), '7/21/25'],
        ['Stage B', day('2025-07-21'), day('2025-07-23'), '7/23/25'],
        ['Stage C', day('2025-07-23'), day('2025-07-28'), '7/28/25'],
        ['Stage D', day('2025-07-28'), day('2025-07-30'), '7/30/25'],
        ['Stage E', day('2025-07-30'), day('2025-07-30'), '7/30/25'],
      ],
    );
    // a week and a month after the last stage (100%) goes out
    assert.deepEqual(t.checkIns.map((c) => [c.label, c.end, c.endText]), [
      ['The 1-week check-in', day('2025-08-06'), 'Aug 6, 2025'],
      ['The 1-month check-in', day('2025-08-30'), 'Aug 30, 2025'],
    ]);
  });

  it('answers plannedEndAt for a line in a stage, in a check-in, and outside both', () => {
    const plan = parsePlan(read(SEED_DISPUTE_DEBT));
    const at = (line: number) => planTimeline(plan).plannedEndAt(line);
    assert.deepEqual(at(lineOf(plan, 'Number of unique users: 18')), { end: day('2025-07-23'), label: 'Stage B', endText: '7/23/25' });
    assert.deepEqual(at(lineOf(plan, 'Number of unique users (total number of submissions): 517')), { end: day('2025-08-06'), label: 'The 1-week check-in', endText: 'Aug 6, 2025' });
    assert.equal(at(lineOf(plan, 'Follow [best practices for QA]')), undefined);
  });

  it('runs a lone start date for the declared length (seed 004: Release Date 2/11/2026, ~1 week)', () => {
    const plan = parsePlan(read(SEED_CST));
    const [a] = planTimeline(plan).stages;
    assert.deepEqual([a.label, a.start, a.end, a.endText], ['Stage A', day('2026-02-11'), day('2026-02-17'), 'Feb 17, 2026']);
  });

  it('runs a lone date without a length up to the next stage', () => {
    const plan = planOf(
      '## Phase II: Staged Rollout',
      '- Desired date range: 12/11/23 - 12/18/23',
      '1. Stage A: 10% of users on 12/11',
      '2. Stage B: 25% of users on 12/13',
      '3. Stage C: 50% of users from 12/14-12/17',
      '4. Stage D: 100% of users on 12/18',
    );
    const t = planTimeline(plan);
    assert.deepEqual(t.stages.map((w) => [w.label, w.start, w.end]), [
      ['Stage A', day('2023-12-11'), day('2023-12-12')],
      ['Stage B', day('2023-12-13'), day('2023-12-13')],
      ['Stage C', day('2023-12-14'), day('2023-12-17')],
      ['Stage D', day('2023-12-18'), day('2023-12-18')],
    ]);
  });

  it('does not plan from superseded dates (`Initially …`) or results', () => {
    const plan = planOf(
      '### Stage B: 25% of users',
      '#### Planning',
      '- Length of time:',
      '  - 6 days, 1/16/24-1/22/24',
      '  - (Initially 1/2-1/7/2024, paused and rolled back 1/3/24 due to issues)',
      '#### Results',
      '- Date rolled back: 1/30/24',
    );
    const [b] = planTimeline(plan).stages;
    assert.deepEqual([b.start, b.end], [day('2024-01-16'), day('2024-01-22')]);
  });

  describe('timeline severity with a fixed clock (placeholder check)', () => {
    const plan = planOf(
      '## Phase II: Staged Rollout',
      '#### Rollout Planning',
      '- Desired date range: 7/16/25 - 7/30/25',
      '### Stage B: 5% of users',
      '#### Planning',
      '- Length of time: Three Days 7/21/25 - 7/23/25',
      '- Percentage of Users: 5%',
      '#### Results',
      '- Number of unique users: [FILL_IN]',
    );
    const context = (today: LocalDate): CheckContext => checkContext(plan, fixedClock(today));
    const finding = (today: LocalDate) => {
      const found = placeholderCheck.check(plan, context(today));
      assert.equal(found.length, 1);
      return found[0];
    };

    // a stage's Results cannot exist before the stage ends: a hint that says when they are due
    it('before the stage: a hint, not yet due', () => {
      const f = finding(day('2025-07-20'));
      assert.equal(f.severity, 'hint');
      assert.equal(f.message, "'Number of unique users' is still [FILL_IN]: to fill in after Stage B ends, Wed 7/23");
    });

    it('during the stage (its last day included): still a hint', () => {
      assert.equal(finding(day('2025-07-22')).severity, 'hint');
      assert.equal(finding(day('2025-07-23')).severity, 'hint');
    });

    it('after the stage: a warning that names the stage and its end', () => {
      const f = finding(day('2025-07-24'));
      assert.equal(f.severity, 'warning');
      assert.equal(f.message, "Stage B ended 7/23/25; 'Number of unique users' is still [FILL_IN]");
    });
  });

  it('answers the planned end of every line of every real plan as the scan of stages, check-ins and phases would', () => {
    // the timeline indexes lines once; this is the definition it replaced: the line's stage, else the
    // first check-in, else the first phase with a desired end, whose range holds the line
    const within = (r: Range, line: number) => r.start.line <= line && line <= r.end.line;
    // overlapping owners, which no real plan has: check-ins inside a phase, a check-in inside a check-in
    const overlapping = [
      '# Plan', '', '## Phase II: Staged Rollout', '', 'Desired date range: 1/1/2025 - 1/31/2025', '',
      '### Stage A: 10% of users', '', '- Length of time: 1/2/2025 - 1/9/2025', '- Results: [FILL_IN]', '',
      '### Stage B: 100% of users', '', '- Length of time: 1/10/2025 - 1/12/2025', '',
      '### One week check-in (1/13/25-1/20/25)', '', '- Errors: [FILL_IN]', '',
      '#### One month check-in (1/13/25-2/13/25)', '', '- Errors: [FILL_IN]', '',
      '### Notes', '', '- Anything else: [FILL_IN]', '',
    ].join('\n');
    const sources = [SEED_DISPUTE_DEBT, SEED_AVS, SEED_CST, ...corpusFiles()].map((f) => ({ name: f, text: read(f) }));
    for (const { name: file, text } of [{ name: 'overlapping', text: overlapping }, ...sources]) {
      const plan = parsePlan(text);
      const t = planTimeline(plan);
      const dates = planDates(plan);
      const phaseEnds = plan.phases.flatMap((phase) => {
        const desired = dates.desired.find((d) => within(phase.range, d.field.line) && d.end);
        return desired?.end ? [{ phase, end: desired.end }] : [];
      });
      const ownerOf = (line: number) =>
        plan.stages.find((s) => within(s.range, line)) ?? plan.stages.find((s) => s.fields.some((f) => f.line === line || f.children.some((c) => within(c.range, line))));
      for (let line = 0; line < plan.lineCount; line++) {
        const owner = ownerOf(line);
        const window = owner && t.stages.find((w) => w.stage === owner);
        const checkIn = t.checkIns.find((c) => within(c.section.range, line));
        const phase = phaseEnds.find((p) => within(p.phase.range, line));
        const expected = owner
          ? window && [window.label, window.end]
          : checkIn
            ? [checkIn.label, checkIn.end]
            : phase && [`Phase ${phase.phase.label}`, phase.end];
        const got = t.plannedEndAt(line);
        assert.deepEqual(got && [got.label, got.end], expected, `${file}:${line + 1}`);
      }
      if (file === 'overlapping') {
        // the fixture does what it is for: lines a check-in and the phase both hold, and lines of two check-ins
        assert.deepEqual(t.checkIns.map((c) => c.label), ['The 1-week check-in', 'The 1-month check-in']);
        assert.deepEqual(t.plannedEndAt(lineOf(plan, '#### One month') + 2)?.label, 'The 1-week check-in');
        assert.deepEqual(t.plannedEndAt(lineOf(plan, 'Anything else'))?.label, 'Phase II');
      }
    }
  });
});
