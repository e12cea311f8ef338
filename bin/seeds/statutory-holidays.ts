import { LunarDay, SolarTerm, type SolarDay } from 'tyme4ts';
import type { StatutoryHoliday } from '../../functions/domain/calendar/statutory-holidays';

/**
 * The public holidays the law itself fixes (全国年节及纪念日放假办法, as
 * amended in 2024, in force from 2025), per year, from the lunar calendar
 * and solar terms of `tyme4ts`:
 *
 * - 元旦 1 January, one day;
 * - 春节 from 除夕 (the last day of the twelfth lunar month, the 29th or the
 *   30th) to 初三 (third day of the first lunar month), four days;
 * - 清明 the day of the Qingming solar term, one day;
 * - 劳动节 1 and 2 May, two days;
 * - 端午 fifth day of the fifth lunar month, one day;
 * - 中秋 fifteenth day of the eighth lunar month, one day;
 * - 国庆 1 to 3 October, three days.
 *
 * Sorted by date; a day that is two holidays (中秋 on 3 October 2028) is
 * listed under both names, in the order above.
 */
const pad = (n: number) => String(n).padStart(2, '0');
const isoOf = (day: SolarDay) => `${day.getYear()}-${pad(day.getMonth())}-${pad(day.getDay())}`;

export function statutoryHolidaysFromTyme(year: number): StatutoryHoliday[] {
  const lunar = (month: number, day: number) => LunarDay.fromYmd(year, month, day).getSolarDay();
  const newYearsEve = LunarDay.fromYmd(year, 1, 1).next(-1).getSolarDay();
  const holidays: StatutoryHoliday[] = [
    { date: `${year}-01-01`, name: '元旦' },
    ...[0, 1, 2, 3].map((offset): StatutoryHoliday => ({ date: isoOf(newYearsEve.next(offset)), name: '春节' })),
    { date: isoOf(SolarTerm.fromName(year, '清明').getJulianDay().getSolarDay()), name: '清明' },
    { date: `${year}-05-01`, name: '劳动节' },
    { date: `${year}-05-02`, name: '劳动节' },
    { date: isoOf(lunar(5, 5)), name: '端午' },
    { date: isoOf(lunar(8, 15)), name: '中秋' },
    ...[1, 2, 3].map((day): StatutoryHoliday => ({ date: `${year}-10-${pad(day)}`, name: '国庆' })),
  ];
  for (const holiday of holidays) {
    if (!holiday.date.startsWith(`${year}-`)) throw new Error(`${holiday.name} ${year} falls on ${holiday.date}, outside its year`);
  }
  return holidays.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
}

/** Each year's holidays as one line: `"2027": "01-01 元旦, 02-05 春节, …"`. */
export function buildStatutoryHolidays(firstYear: number, lastYear: number): Record<string, string> {
  const years: Record<string, string> = {};
  for (let year = firstYear; year <= lastYear; year++) {
    years[year] = statutoryHolidaysFromTyme(year)
      .map((holiday) => `${holiday.date.slice(5)} ${holiday.name}`)
      .join(', ');
  }
  return years;
}
