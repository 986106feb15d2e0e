import { strict as assert } from 'node:assert';
import {
  addDays, addMonths, businessDaysInclusive, daysBetween, daysInMonth, isValidDate, weekday,
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
});
