import fc from 'fast-check';
import { addDays, chinaDate, dayOfWeek, daysBetween, isCalendarDate } from '../../../functions/domain/calendar/dates';

describe('calendar dates', () => {
  describe('chinaDate: the China Standard Time (UTC+8) date of an instant', () => {
    it('turns to the next day at 16:00 UTC', () => {
      expect(chinaDate(new Date('2026-09-30T15:59:59.999Z'))).toBe('2026-09-30');
      expect(chinaDate(new Date('2026-09-30T16:00:00.000Z'))).toBe('2026-10-01');
    });

    it('crosses a year boundary', () => {
      expect(chinaDate(new Date('2025-12-31T20:00:00Z'))).toBe('2026-01-01');
    });

    it('rejects an invalid instant', () => {
      expect(() => chinaDate(new Date('not a date'))).toThrow(RangeError);
    });
  });

  it.each([
    ['2026-10-01', true],
    ['2024-02-29', true],
    ['2026-02-29', false],
    ['2026-04-31', false],
    ['2026-00-10', false],
    ['2026-1-01', false],
    ['20261001', false],
    [' 2026-10-01', false],
  ])('isCalendarDate(%p) is %p', (value, expected) => {
    expect(isCalendarDate(value)).toBe(expected);
  });

  it('knows weekdays (0 = Sunday)', () => {
    expect(dayOfWeek('2026-10-01')).toBe(4);
    expect(dayOfWeek('2026-10-10')).toBe(6);
    expect(dayOfWeek('2026-09-20')).toBe(0);
  });

  it('adds calendar days across month and leap-year ends', () => {
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2026-02-28', 1)).toBe('2026-03-01');
    expect(addDays('2026-01-01', -1)).toBe('2025-12-31');
    expect(daysBetween('2026-01-01', '2026-12-31')).toBe(364);
  });

  it('addDays and daysBetween are inverse', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 40_000 }), fc.integer({ min: -5_000, max: 5_000 }), (offset, days) => {
        const date = addDays('1990-01-01', offset);
        expect(isCalendarDate(date)).toBe(true);
        expect(daysBetween(date, addDays(date, days))).toBe(days);
      }),
    );
  });
});
