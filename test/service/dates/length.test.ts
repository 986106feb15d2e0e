// Declared lengths against date ranges, both read by the real scanner from plan-style text.
import { strict as assert } from 'node:assert';
import type { LocalDate } from '../../../server/src/service/dates/calendar';
import { endAfter, readLength } from '../../../server/src/service/dates/length';
import { scanDates } from '../../../server/src/service/dates/scan';
import type { DurationExpression, Endpoint } from '../../../server/src/service/dates/types';
import { day } from '../../helpers/dates';

function durationOf(text: string): DurationExpression {
  const d = scanDates(text).find((e): e is DurationExpression => e.kind === 'duration');
  if (!d) throw new Error(`no duration in ${text}`);
  return d;
}

function endpointDay(e: Endpoint): LocalDate {
  if (e.granularity !== 'day') throw new Error('month endpoint');
  return { year: (e.year ?? e.impliedYear) as number, month: e.month, day: e.day };
}

function agrees(length: string, range: string): boolean {
  const r = scanDates(range).find((e) => e.kind === 'range');
  if (!r || r.kind !== 'range') throw new Error(`no range in ${range}`);
  return readLength(durationOf(length), endpointDay(r.start), endpointDay(r.end)).agrees;
}

describe('dates/length', () => {
  const cases: Array<[string, string, boolean, string]> = [
    ['Six Days', '7/16/25 - 7/21/25', true, 'inclusive count (seed 000)'],
    ['Three Days', '7/21/25 - 7/23/25', true, 'inclusive count (seed 000)'],
    ['Five Days', '4/23/25 - 4/28/25', true, 'exclusive count'],
    ['1 day', '01/21/2025-01/22/2025', true, 'exclusive count'],
    ['1 week', '03/18-03/26/21', false, 'the catalogue example: nine days'],
    ['1 weeks', '8/21/2023 - 8/25/2023', true, 'a working week, Monday to Friday'],
    ['1.5 weeks', '11/13/23 - 11/21/23', true, 'a week and a half of working days'],
    ['2.5-3 weeks', '11/10/20-12/1/20', true, 'inside the declared span'],
    ['2 business days', '7/18/25 - 7/21/25', true, 'Friday to Monday'],
    ['2 business days', '7/14/25 - 7/18/25', false, 'a whole working week'],
    ['~1 week', '2/11/26 - 2/19/26', true, 'about a week allows a day either side'],
    ['1 week', '2/11/26 - 2/19/26', false, 'a week is not nine days'],
    ['3 days', '1/22/24-1/24/2024', true, 'inclusive count'],
    ['3-month', '10/1/2024 - 12/31/2024', true, 'calendar months'],
    ['3-month', '10/3/2024 - 12/31/2024', true, 'months give or take a few days'],
    ['minimum 2 hours', '10/1/2024-10/3/2024', true, 'no upper bound'],
    ['2 days', '7/1/25 - 7/10/25', false, 'ten days'],
    ['7 days', '8/20/24 - 8/26/24', true, 'inclusive count'],
  ];
  for (const [length, range, expected, why] of cases) {
    it(`'${length}' ${expected ? 'agrees with' : 'does not match'} ${range}: ${why}`, () => {
      assert.equal(agrees(length, range), expected);
    });
  }

  it('reports the counts it compared', () => {
    const r = readLength(durationOf('1 week'), day('2021-03-18'), day('2021-03-26'));
    assert.deepEqual(r, { agrees: false, inclusiveDays: 9, businessDays: 7 });
  });

  it('computes where a stage of a declared length ends', () => {
    assert.deepEqual(endAfter(durationOf('2 Days'), day('2026-04-20')), day('2026-04-21'));
    assert.deepEqual(endAfter(durationOf('~1 week'), day('2026-02-11')), day('2026-02-17'));
    assert.deepEqual(endAfter(durationOf('2 business days'), day('2025-07-18')), day('2025-07-21'));
    assert.deepEqual(endAfter(durationOf('1 month'), day('2024-01-15')), day('2024-02-14'));
    assert.deepEqual(endAfter(durationOf('8 hours'), day('2024-01-15')), day('2024-01-15'));
  });
});
