import fc from 'fast-check';
import { calendar } from '../../../functions/reference';
import { dateOfDayNumber, dayNumber, dayOfWeek } from '../../../functions/domain/calendar/dates';
import { statutoryHolidays } from '../../../functions/domain/calendar/statutory-holidays';
import { addWorkingDays, isCovered, isWorkingDay, workingDaysBetween } from '../../../functions/domain/calendar/working-days';

/** Dates from a year before the calendar's data to a few years after it, so both regimes are exercised. */
const anyDate = fc
  .integer({ min: dayNumber(`${calendar.firstYear - 1}-06-01`), max: dayNumber(`${calendar.lastYear + 3}-12-31`) })
  .map(dateOfDayNumber);
const workingDayCount = fc.integer({ min: 0, max: 70 });

describe('working-day arithmetic (properties)', () => {
  it('adding n > 0 working days lands on a working day after the start', () => {
    fc.assert(
      fc.property(anyDate, fc.integer({ min: 1, max: 70 }), (date, count) => {
        const deadline = addWorkingDays(date, count, calendar);
        expect(deadline > date).toBe(true);
        expect(isWorkingDay(deadline, calendar)).toBe(true);
      }),
    );
  });

  it('counting the working days up to addWorkingDays(d, n) gives n back', () => {
    fc.assert(
      fc.property(anyDate, workingDayCount, (date, count) => {
        expect(workingDaysBetween(date, addWorkingDays(date, count, calendar), calendar)).toBe(count);
      }),
    );
  });

  it('working days over consecutive intervals add up', () => {
    fc.assert(
      fc.property(anyDate, fc.nat(120), fc.nat(120), (start, firstSpan, secondSpan) => {
        const middle = dateOfDayNumber(dayNumber(start) + firstSpan);
        const end = dateOfDayNumber(dayNumber(middle) + secondSpan);
        expect(workingDaysBetween(start, middle, calendar) + workingDaysBetween(middle, end, calendar)).toBe(
          workingDaysBetween(start, end, calendar),
        );
      }),
    );
  });

  it('never counts more working days than calendar days', () => {
    fc.assert(
      fc.property(anyDate, fc.nat(400), (start, span) => {
        const end = dateOfDayNumber(dayNumber(start) + span);
        const count = workingDaysBetween(start, end, calendar);
        expect(count).toBeGreaterThanOrEqual(0);
        expect(count).toBeLessThanOrEqual(span);
      }),
    );
  });

  it('before the covered years, exactly Monday to Friday are working days', () => {
    const before = anyDate.filter((date) => Number(date.slice(0, 4)) < calendar.firstYear);
    fc.assert(
      fc.property(before, (date) => {
        const weekday = dayOfWeek(date);
        expect(isWorkingDay(date, calendar)).toBe(weekday >= 1 && weekday <= 5);
      }),
    );
  });

  it('after the covered years, exactly Monday to Friday less the statutory holidays are working days', () => {
    const after = anyDate.filter((date) => !isCovered(date, calendar) && Number(date.slice(0, 4)) > calendar.lastYear);
    fc.assert(
      fc.property(after, (date) => {
        const weekday = dayOfWeek(date);
        const holiday = statutoryHolidays(Number(date.slice(0, 4))).some((entry) => entry.date === date);
        expect(isWorkingDay(date, calendar)).toBe(weekday >= 1 && weekday <= 5 && !holiday);
      }),
    );
  });
});
