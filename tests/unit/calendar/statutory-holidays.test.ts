import { SolarDay } from 'tyme4ts';
import { statutoryHolidays } from '../../../functions/domain/calendar/statutory-holidays';
import { addWorkingDays, endOfTimeLimit, isCovered, isWorkingDay, workingDaysBetween } from '../../../functions/domain/calendar/working-days';
import { deadlineAfter } from '../../../functions/domain/complaints/case';
import { lastDayToFile } from '../../../functions/domain/routing';
import { calendar } from '../../../functions/reference';

/**
 * Issue 11 item 6: past the shipped calendar (seeds/calendar.json ends with
 * 2026) working days leave out the statutory holidays the law fixes,
 * computed from the lunar calendar and solar terms; deadlines counted on
 * them are provisional; a time limit ending on a holiday ends on the next
 * working day (Civil Code art. 203). 2027 is the first such year.
 */
describe('statutory holidays of a year the calendar does not cover', () => {
  it('ships the official schedule through 2026, so 2027 is counted on the statutory holidays', () => {
    expect(calendar.lastYear).toBe(2026); // when 2027's schedule ships, these examples move to the next uncovered year
    expect(isCovered('2026-12-31', calendar)).toBe(true);
    expect(isCovered('2027-01-01', calendar)).toBe(false);
  });

  it('names the thirteen days of 2027', () => {
    expect(statutoryHolidays(2027)).toEqual([
      { date: '2027-01-01', name: '元旦' },
      { date: '2027-02-05', name: '春节' },
      { date: '2027-02-06', name: '春节' },
      { date: '2027-02-07', name: '春节' },
      { date: '2027-02-08', name: '春节' },
      { date: '2027-04-05', name: '清明' },
      { date: '2027-05-01', name: '劳动节' },
      { date: '2027-05-02', name: '劳动节' },
      { date: '2027-06-09', name: '端午' },
      { date: '2027-09-15', name: '中秋' },
      { date: '2027-10-01', name: '国庆' },
      { date: '2027-10-02', name: '国庆' },
      { date: '2027-10-03', name: '国庆' },
    ]);
  });

  it('starts 春节 2027 on 除夕, the 29th and last day of the twelfth lunar month, and ends it on 初三', () => {
    const eve = SolarDay.fromYmd(2027, 2, 5).getLunarDay();
    expect([eve.getLunarMonth().getMonthWithLeap(), eve.getDay()]).toEqual([12, 29]);
    expect(eve.next(1).getLunarMonth().getMonthWithLeap()).toBe(1);
    expect(eve.next(1).getDay()).toBe(1);
    expect(SolarDay.fromYmd(2027, 2, 8).getLunarDay().getDay()).toBe(3);
  });

  it('takes 除夕 as the 30th when the twelfth month is long (2030)', () => {
    expect(statutoryHolidays(2030).filter((holiday) => holiday.name === '春节').map((holiday) => holiday.date)).toEqual(['2030-02-02', '2030-02-03', '2030-02-04', '2030-02-05']);
    expect(SolarDay.fromYmd(2030, 2, 2).getLunarDay().getDay()).toBe(30);
  });

  it('counts a holiday on the same day as another once (中秋 is 3 October in 2028)', () => {
    expect(statutoryHolidays(2028).filter((holiday) => holiday.date === '2028-10-03').map((holiday) => holiday.name).sort()).toEqual(['中秋', '国庆']);
    // (Fri 29 Sep, Fri 6 Oct]: a weekend, 1-3 October off, 4-6 October worked.
    expect(workingDaysBetween('2028-09-29', '2028-10-06', calendar)).toBe(3);
  });
});

describe('working days across the end of the shipped calendar', () => {
  it.each([
    ['2026-12-31', true, 'Thursday, on the official 2026 schedule'],
    ['2027-01-01', false, '元旦, a Friday'],
    ['2027-01-04', true, 'the Monday after'],
    ['2027-02-04', true, 'Thursday before 除夕'],
    ['2027-02-05', false, '除夕, a Friday'],
    ['2027-02-08', false, '初三, a Monday'],
    ['2027-02-09', true, 'the Tuesday after 春节'],
    ['2027-04-05', false, '清明, a Monday'],
    ['2027-06-09', false, '端午, a Wednesday'],
    ['2027-09-15', false, '中秋, a Wednesday'],
    ['2027-10-01', false, '国庆, a Friday'],
    ['2027-10-04', true, 'Monday after 国庆 (the official schedule will likely give more days)'],
  ])('%s is a working day: %s (%s)', (date, expected) => {
    expect(isWorkingDay(date, calendar)).toBe(expected);
  });

  it('passes over 元旦 2027: two working days after 30 Dec 2026 is Monday 4 January', () => {
    expect(addWorkingDays('2026-12-30', 2, calendar)).toBe('2027-01-04');
  });

  it('marks an acceptance deadline counted across 春节 2027 provisional: received Mon 1 Feb, due Fri 12 Feb', () => {
    expect(deadlineAfter('acceptance', '2027-02-01', 7, calendar)).toEqual({ kind: 'acceptance', date: '2027-02-12', provisional: true });
    expect(deadlineAfter('acceptance', '2026-12-01', 7, calendar)).toEqual({ kind: 'acceptance', date: '2026-12-10' });
  });
});

describe('a time limit ending on a holiday ends on the next working day (Civil Code art. 203)', () => {
  it.each([
    ['2027-01-01', '2027-01-04', '元旦, then a weekend'],
    ['2027-02-05', '2027-02-09', '除夕 to 初三'],
    ['2027-10-02', '2027-10-04', '国庆'],
    ['2027-03-06', '2027-03-08', 'a Saturday'],
    ['2027-03-05', '2027-03-05', 'a working Friday stays'],
    ['2026-10-10', '2026-10-10', 'a Saturday worked in exchange (调休) is a working day'],
  ])('a limit whose last day is %s ends on %s (%s)', (lastDay, end) => {
    expect(endOfTimeLimit(lastDay, calendar)).toBe(end);
  });

  it('applies to the 3-year time bar: harm known on 5 Feb 2024 may be complained about until Tue 9 Feb 2027', () => {
    expect(lastDayToFile('2024-02-05', calendar)).toBe('2027-02-09');
    expect(lastDayToFile('2024-02-04', calendar)).toBe('2027-02-04');
  });
});
