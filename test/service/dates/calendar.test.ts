import { strict as assert } from 'node:assert';
import {
  addDays, addMonths, businessDaysInclusive, dayNumber, daysBetween, daysInMonth, fromDayNumber, isValidDate, weekday,
} from '../../../server/src/service/dates/calendar';
import { day } from '../../helpers/dates';

describe('dates/calendar', () => {
  it('knows the weekday of plan dates (Dispute Debt Stage A starts on a Wednesday)', () => {
    assert.equal(weekday(day('2025-07-16')), 3);
    assert.equal(weekday(day('2026-02-11')), 3);
    assert.equal(weekday(day('2023-08-21')), 1);
  });

  it('counts days across months and years without time-zone drift', () => {
    assert.equal(daysBetween(day('2025-07-16'), day('2025-07-21')), 5);
    assert.equal(daysBetween(day('2023-12-22'), day('2024-01-02')), 11);
    assert.deepEqual(addDays(day('2024-02-28'), 1), day('2024-02-29'));
    assert.deepEqual(addDays(day('2025-02-28'), 1), day('2025-03-01'));
  });

  it('adds calendar months, clamping to shorter months', () => {
    assert.deepEqual(addMonths(day('2024-01-31'), 1), day('2024-02-29'));
    assert.deepEqual(addMonths(day('2024-11-15'), 3), day('2025-02-15'));
  });

  it('counts business days, both ends included', () => {
    assert.equal(businessDaysInclusive(day('2025-07-16'), day('2025-07-21')), 4);
    assert.equal(businessDaysInclusive(day('2025-07-19'), day('2025-07-20')), 0);
    assert.equal(businessDaysInclusive(day('2025-07-21'), day('2025-07-18')), 0);
  });

  it('validates days, allowing Feb 29 when the year is unknown', () => {
    assert.equal(isValidDate(2, 29), true);
    assert.equal(isValidDate(2, 29, 2025), false);
    assert.equal(isValidDate(2, 29, 2024), true);
    assert.equal(isValidDate(4, 31, 2025), false);
    assert.equal(isValidDate(13, 4, 2025), false);
    assert.equal(daysInMonth(2), 29);
  });

  // dayNumber and fromDayNumber are integer arithmetic; Date.UTC is the reference they replace
  it('numbers every day from 1600 to 2400 as Date.UTC does, and back', () => {
    const utcDay = (y: number, m: number, d: number) => Math.round(Date.UTC(y, m - 1, d) / 86_400_000);
    let checked = 0;
    for (let n = utcDay(1600, 1, 1); n <= utcDay(2400, 12, 31); n++) {
      const d = new Date(n * 86_400_000);
      const date = { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
      if (dayNumber(date) !== n) assert.fail(`dayNumber(${JSON.stringify(date)}) = ${dayNumber(date)}, Date.UTC says ${n}`);
      const back = fromDayNumber(n);
      if (back.year !== date.year || back.month !== date.month || back.day !== date.day) assert.fail(`fromDayNumber(${n}) = ${JSON.stringify(back)}, Date says ${JSON.stringify(date)}`);
      checked++;
    }
    assert.equal(checked, 292_560); // 801 years
    // a day past the month's end and a month past December run on, as with Date.UTC
    for (const [y, m, d] of [[2025, 2, 30], [2024, 13, 1], [2024, 0, 15], [2025, 4, 31], [2023, 25, 0]]) {
      assert.equal(dayNumber({ year: y, month: m, day: d }), utcDay(y, m, d), `${y}-${m}-${d}`);
    }
  });
});
