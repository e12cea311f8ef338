import { calendar } from '../../../functions/reference';
import { addWorkingDays, isCovered, isWorkingDay, workingDaysBetween } from '../../../functions/domain/calendar/working-days';

/** Deadlines on the shipped calendar (seeds/calendar.json), checked against the State Council's published schedules. */
describe('working days on the official calendar', () => {
  describe('2026 Mid-Autumn Festival and National Day (Sep 25-27, Oct 1-7; Sun Sep 20 and Sat Oct 10 worked)', () => {
    it.each([
      ['2026-09-20', true, 'Sunday worked in exchange'],
      ['2026-09-24', true, 'ordinary Thursday'],
      ['2026-09-25', false, 'Mid-Autumn Festival, a Friday'],
      ['2026-09-28', true, 'Monday between the two holidays'],
      ['2026-10-01', false, 'National Day'],
      ['2026-10-07', false, 'last day of the Golden Week, a Wednesday'],
      ['2026-10-08', true, 'first working day after the holiday'],
      ['2026-10-10', true, 'Saturday worked in exchange'],
      ['2026-10-11', false, 'ordinary Sunday'],
    ])('%s is a working day: %s (%s)', (date, expected) => {
      expect(isWorkingDay(date, calendar)).toBe(expected);
    });

    it('sets the 7-working-day acceptance deadline of a complaint received on Monday Sep 28 to Tuesday Oct 13', () => {
      expect(addWorkingDays('2026-09-28', 7, calendar)).toBe('2026-10-13');
    });

    it('counts a complaint received during the holiday from the first working day after it', () => {
      expect(addWorkingDays('2026-10-03', 1, calendar)).toBe('2026-10-08');
      expect(addWorkingDays('2026-10-03', 7, calendar)).toBe('2026-10-15');
    });

    it('lands on the worked Saturday when that is the n-th working day', () => {
      expect(addWorkingDays('2026-09-30', 3, calendar)).toBe('2026-10-10');
    });

    it('counts 11 working days from Sat Sep 19 to Sun Oct 11', () => {
      expect(workingDaysBetween('2026-09-19', '2026-10-11', calendar)).toBe(11);
    });
  });

  describe('2026 Spring Festival (Feb 15-23 off; Sat Feb 14 and Sat Feb 28 worked)', () => {
    it.each([
      ['2026-02-14', true],
      ['2026-02-15', false],
      ['2026-02-18', false],
      ['2026-02-23', false],
      ['2026-02-24', true],
      ['2026-02-28', true],
      ['2026-03-01', false],
    ])('%s is a working day: %s', (date, expected) => {
      expect(isWorkingDay(date, calendar)).toBe(expected);
    });

    it('gives the merchant in ODR until Wed Mar 4 when the case reaches it on Thu Feb 12 (10 working days)', () => {
      expect(addWorkingDays('2026-02-12', 10, calendar)).toBe('2026-03-04');
    });

    it('counts the worked Saturdays: 6 working days from Feb 13 to Feb 28', () => {
      expect(workingDaysBetween('2026-02-13', '2026-02-28', calendar)).toBe(6);
    });
  });

  it('crosses New Year 2026 onto the worked Sunday Jan 4', () => {
    expect(addWorkingDays('2025-12-31', 1, calendar)).toBe('2026-01-04');
  });

  describe('2025 National Day and Mid-Autumn (Oct 1-8 off; Sun Sep 28 and Sat Oct 11 worked)', () => {
    it('knows the 2025 exchange days', () => {
      expect(isWorkingDay('2025-09-28', calendar)).toBe(true);
      expect(isWorkingDay('2025-10-06', calendar)).toBe(false);
      expect(isWorkingDay('2025-10-08', calendar)).toBe(false);
      expect(isWorkingDay('2025-10-11', calendar)).toBe(true);
    });

    it('moves the first working day after Sep 30 to Oct 9', () => {
      expect(addWorkingDays('2025-09-30', 1, calendar)).toBe('2025-10-09');
    });
  });

  it.each([
    [2019, 250],
    [2023, 249],
    [2024, 251],
    [2025, 248],
    [2026, 248],
  ])('counts the published number of working days in %i (%i)', (year, workingDays) => {
    expect(workingDaysBetween(`${year - 1}-12-31`, `${year}-12-31`, calendar)).toBe(workingDays);
  });

  describe('counting conventions', () => {
    it('never counts the start day, even when it is a working day', () => {
      expect(addWorkingDays('2026-03-02', 1, calendar)).toBe('2026-03-03');
      expect(workingDaysBetween('2026-03-02', '2026-03-03', calendar)).toBe(1);
    });

    it('gives the date back for 0 working days', () => {
      expect(addWorkingDays('2026-10-03', 0, calendar)).toBe('2026-10-03');
    });

    it('counts 0 working days when the end is not after the start', () => {
      expect(workingDaysBetween('2026-10-13', '2026-10-13', calendar)).toBe(0);
      expect(workingDaysBetween('2026-10-13', '2026-09-28', calendar)).toBe(0);
    });
  });

  describe('years the calendar does not cover', () => {
    it(`knows which dates it covers (${calendar.firstYear}..${calendar.lastYear})`, () => {
      expect(isCovered(`${calendar.firstYear}-01-01`, calendar)).toBe(true);
      expect(isCovered(`${calendar.lastYear}-12-31`, calendar)).toBe(true);
      expect(isCovered(`${calendar.lastYear + 1}-01-01`, calendar)).toBe(false);
      expect(isCovered(`${calendar.firstYear - 1}-12-31`, calendar)).toBe(false);
    });

    it('counts Monday to Friday less the statutory holidays past the last year, so New Year 2027 (a Friday) is off (tests/unit/calendar/statutory-holidays.test.ts)', () => {
      expect(calendar.lastYear).toBe(2026); // when 2027 is added, move this example to the new last year
      expect(addWorkingDays('2026-12-30', 2, calendar)).toBe('2027-01-04');
      expect(isWorkingDay('2027-01-01', calendar)).toBe(false);
      expect(isWorkingDay('2027-01-02', calendar)).toBe(false);
      expect(isWorkingDay('2027-01-04', calendar)).toBe(true);
    });
  });

  describe('invalid input', () => {
    it.each(['2026-02-29', '2026-13-01', '2026-1-5', '2026-10-01T00:00:00Z', ''])('rejects the date "%s"', (date) => {
      expect(() => isWorkingDay(date, calendar)).toThrow(RangeError);
      expect(() => addWorkingDays(date, 1, calendar)).toThrow(RangeError);
      expect(() => workingDaysBetween(date, '2026-12-31', calendar)).toThrow(RangeError);
      expect(() => isCovered(date, calendar)).toThrow(RangeError);
    });

    it.each([-1, 1.5, Number.NaN, Number.POSITIVE_INFINITY])('rejects %p working days', (count) => {
      expect(() => addWorkingDays('2026-10-08', count, calendar)).toThrow(RangeError);
    });

    it('accepts 29 February in a leap year', () => {
      expect(isWorkingDay('2024-02-29', calendar)).toBe(true);
    });
  });
});
