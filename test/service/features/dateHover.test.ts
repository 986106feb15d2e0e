import { strict as assert } from 'node:assert';
import { provideDateHover } from '../../../server/src/service/features/dateHover';
import { parsePlan } from '../../../server/src/service/parse/index';
import type { ReleasePlan } from '../../../server/src/service/parse/model';
import { read, SEED_AVS, SEED_DISPUTE_DEBT } from '../../helpers/fixtures';
import { day, lineOf, planOf } from '../../helpers/dates';

/** Hover at the first occurrence of `needle` (offset `into` characters into it). */
function hoverAt(plan: ReleasePlan, needle: string, today: string, into = 1): string | undefined {
  const line = lineOf(plan, needle);
  const character = plan.text.split(/\r?\n/)[line].indexOf(needle) + into;
  return provideDateHover(plan, { line, character }, day(today))?.markdown;
}

describe('features/dateHover', () => {
  const seed = parsePlan(read(SEED_DISPUTE_DEBT));

  it('a range: weekdays, inclusive count, today, the desired range, the declared length', () => {
    assert.equal(
      hoverAt(seed, '7/16/25 - 7/21/25', '2025-07-19'),
      [
        '**Wed, Jul 16, 2025 – Mon, Jul 21, 2025**: 6 days counting both ends',
        'Under way: day 4 of 6, ends in 2 days.',
        'Ends 5 days after the desired date range (6/30/25 - 7/16/25) ends.',
        "Declared length 'Six Days' (6 days) agrees with 7/16/25 - 7/21/25 (6 days counting both ends, 4 business days).",
      ].join('\n\n'),
    );
  });

  it('a range in the past and one ahead', () => {
    assert.match(hoverAt(seed, '7/21/25 - 7/23/25', '2025-08-04') ?? '', /\n\nEnded 12 days ago\.\n\nStarts 5 days after the desired date range \(6\/30\/25 - 7\/16\/25\) ends\./);
    assert.match(hoverAt(seed, '7/21/25 - 7/23/25', '2025-07-18') ?? '', /\n\nStarts in 3 days\./);
  });

  it('the desired range itself and a single date', () => {
    assert.match(hoverAt(seed, '6/30/25 - 7/16/25', '2025-07-13') ?? '', /ends in 3 days\.\n\nThis is the plan's desired date range\./);
    assert.equal(
      hoverAt(seed, 'Final 7/30/25', '2025-07-19', 7),
      "**Wednesday, Jul 30, 2025**\n\nIn 11 days.\n\nFalls 14 days after the desired date range (6/30/25 - 7/16/25) ends.",
    );
  });

  it('a length on its own', () => {
    assert.equal(
      hoverAt(seed, 'Six Days', '2025-07-19'),
      "**6 days**\n\nDeclared length 'Six Days' (6 days) agrees with 7/16/25 - 7/21/25 (6 days counting both ends, 4 business days).",
    );
  });

  it('says where an inferred year came from, and when there is none', () => {
    const plan = planOf('## Phase II', '- Desired date range: 12/4/23 - 12/13/23', '### Stage A', '- Date Started: 12/8');
    assert.match(hoverAt(plan, '12/8', '2024-01-01') ?? '', /^\*\*Friday, Dec 8, 2023\*\*\n\nYear 2023 taken from the desired date range\.\n\n24 days ago\./);
    assert.match(hoverAt(parsePlan(read(SEED_AVS)), 'Aug 1 -> Sep 15', '2025-07-19') ?? '', /^\*\*46 days\*\* counting both ends\n\nYear unknown/);
  });

  it('flags a written weekday the calendar disagrees with', () => {
    const plan = planOf('- **Release date for 1%:** Thursday Oct 24, 2025');
    assert.match(hoverAt(plan, 'Thursday Oct 24', '2025-10-01') ?? '', /Written as Thursday, but Oct 24, 2025 is a Friday\./);
  });

  it('months, placeholders and impossible dates', () => {
    const plan = planOf('- Desired date range: February 2026', '- Release date: XX/XX/2026', '- Length of time: 2/30/2026');
    assert.match(hoverAt(plan, 'February 2026', '2026-01-01') ?? '', /^\*\*February 2026\*\*: Sun, Feb 1, 2026 – Sat, Feb 28, 2026, 28 days/);
    assert.match(hoverAt(plan, 'XX/XX/2026', '2026-01-01') ?? '', /^\*\*Date placeholder\*\*/);
    assert.equal(hoverAt(plan, '2/30/2026', '2026-01-01'), '**Not a date**: February 2026 has 28 days.');
  });

  it('nothing on text that is not a date, and the range of what was read', () => {
    assert.equal(hoverAt(seed, 'Number of unique users: 8', '2025-07-19'), undefined);
    const line = lineOf(seed, 'Six Days 7/16/25');
    const h = provideDateHover(seed, { line, character: 30 }, day('2025-07-19'));
    assert.deepEqual(h?.range, { start: { line, character: 27 }, end: { line, character: 44 } });
  });
});
