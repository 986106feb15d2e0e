// Placing and year-resolving the dates of whole plans.
import { strict as assert } from 'node:assert';
import { planDates, type DateMention } from '../../../server/src/service/dates/planDates';
import { parsePlan } from '../../../server/src/service/parse/index';
import { CORPUS, read, SEED_AVS, SEED_DISPUTE_DEBT } from '../../helpers/fixtures';
import { join } from 'node:path';
import { readdirSync } from 'node:fs';
import { day, lineOf, planOf } from '../../helpers/dates';

function mentionAt(mentions: DateMention[], line: number, text?: string): DateMention {
  const m = mentions.find((x) => x.line === line && (text === undefined || x.expr.text === text));
  if (!m) throw new Error(`no mention on line ${line}${text ? ` reading ${text}` : ''}`);
  return m;
}

describe('dates/planDates', () => {
  it('places every date of seed 000 with its field and stage', () => {
    const plan = parsePlan(read(SEED_DISPUTE_DEBT));
    const dates = planDates(plan);
    const stageA = mentionAt(dates.mentions, lineOf(plan, 'Six Days 7/16/25'), '7/16/25 - 7/21/25');
    assert.equal(stageA.stage?.label, 'A');
    assert.equal(stageA.field?.label, 'Length of time');
    assert.equal(stageA.part, 'planning');
    assert.deepEqual([stageA.start, stageA.end, stageA.yearSource], [day('2025-07-16'), day('2025-07-21'), 'written']);
    assert.equal(dates.desired.length, 1);
    assert.deepEqual([dates.desired[0].start, dates.desired[0].end, dates.desired[0].text], [day('2025-06-30'), day('2025-07-16'), '6/30/25 - 7/16/25']);
    assert.equal(dates.desiredFor(stageA.line), dates.desired[0]);
  });

  it('gives a date without a year the year of the desired date range, across New Year', () => {
    const plan = planOf(
      '## Phase II: Staged Rollout',
      '#### Rollout Planning',
      '- Desired date range: 12/4/23 - 12/13/23',
      '### Stage A: 25% of users',
      '#### Results',
      '- Date Started: 1/25',
      '- Date Started: 12/8',
    );
    const dates = planDates(plan);
    const jan = mentionAt(dates.mentions, 5);
    assert.deepEqual([jan.start, jan.yearSource], [day('2024-01-25'), 'desired-range']);
    assert.deepEqual(mentionAt(dates.mentions, 6).start, day('2023-12-08'));
  });

  it('else takes the year of the nearest dated line', () => {
    const plan = planOf('# Plan', '- Date: 1/5/24', '- Date Started: 1/8', '', '', '', '- Last updated: 6/1/2023');
    const m = mentionAt(planDates(plan).mentions, 2);
    assert.deepEqual([m.start, m.yearSource], [day('2024-01-08'), 'neighbour']);
  });

  it('keeps "year unknown" when the plan has no year anywhere (seed 003), with the length still known', () => {
    const plan = parsePlan(read(SEED_AVS));
    const m = mentionAt(planDates(plan).mentions, lineOf(plan, '~Aug 1 -> Sep 15'), 'Aug 1 -> Sep 15');
    assert.equal(m.start, undefined);
    assert.equal(m.yearSource, undefined);
    assert.ok(m.relative);
    assert.equal(planDates(plan).desired.length, 0);
  });

  it('reads a range that crosses New Year with the year on one side', () => {
    const plan = planOf('# Plan', '**Code freeze: 12/22 - 1/2/2024**');
    const m = mentionAt(planDates(plan).mentions, 1);
    assert.deepEqual([m.start, m.end], [day('2023-12-22'), day('2024-01-02')]);
  });

  it('spans every range a desired field lists, leaving out a backwards one (corpus: 1010EZR)', () => {
    const file = readdirSync(CORPUS).find((f) => f.startsWith('idx-2027505286'));
    assert.ok(file);
    const plan = parsePlan(read(join(CORPUS, file)));
    const dates = planDates(plan);
    const phase2 = dates.desired.find((d) => d.text.includes('1/10/24'));
    assert.ok(phase2);
    assert.deepEqual([phase2.start, phase2.end], [day('2024-01-10'), day('2024-01-24')]);
    assert.equal(dates.desiredFor(lineOf(plan, '6 days, 1/10/24-1/16/24')), phase2);
  });

  it("keeps Phase I's test window to Phase I", () => {
    const plan = planOf(
      '### Phase I: moderated production testing',
      '#### Planning',
      '- Desired date range or test duration: 3/1/25 - 3/5/25',
      '### Phase II: Staged Rollout',
      '#### Rollout Planning',
      '- How will you make the product available: toggles',
      '### Stage A: 5% of users',
      '#### Planning',
      '- Length of time: 4/1/25 - 4/3/25',
    );
    const dates = planDates(plan);
    assert.ok(dates.desiredFor(2));
    assert.equal(dates.desiredFor(8), undefined);
  });

  it('reads a lone desired date as when the window opens', () => {
    const plan = planOf('## Phase II', '- Desired date range: 11/11/2025 - [FILL_IN]');
    const [d] = planDates(plan).desired;
    assert.deepEqual([d.start, d.end], [day('2025-11-11'), undefined]);
  });

  it('skips code blocks and HTML comments', () => {
    const plan = planOf('# Plan', '```', 'run on 2/30/2026', '```', '<!--- Desired date range or test duration: September 2-6, 2024 -->', 'Released on 3/5/2024');
    assert.deepEqual(planDates(plan).mentions.map((m) => m.expr.text), ['3/5/2024']);
  });

  it('maps every mention in the corpus back onto its exact text', () => {
    for (const file of readdirSync(CORPUS).filter((f) => f.endsWith('.md'))) {
      const text = read(join(CORPUS, file));
      const lines = text.split(/\r\n|\r|\n/);
      for (const m of planDates(parsePlan(text)).mentions) {
        assert.equal(m.range.start.line, m.range.end.line);
        assert.equal(lines[m.line].slice(m.range.start.character, m.range.end.character), m.expr.text, `${file}:${m.line + 1}`);
      }
    }
  });
});
