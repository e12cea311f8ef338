import type { SolarDay } from 'tyme4ts';

/**
 * The public holidays the law itself fixes (全国年节及纪念日放假办法, as
 * amended in 2024, in force from 2025), for years whose official schedule
 * (with its 调休) is not in `seeds/calendar.json` yet:
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
 * Lunar dates and solar terms come from `tyme4ts` (pure computation, no
 * data files), loaded on first use: only a date past the shipped years needs
 * it, so the functions that bundle the calendar keep their cold start. What the State Council adds each year — days moved next to
 * a holiday and the weekends worked in exchange (调休), or a substitute day
 * for a holiday on a weekend — cannot be derived, so such a year stays
 * provisional until its schedule ships.
 */
const pad = (n: number) => String(n).padStart(2, '0');
const isoOf = (day: SolarDay) => `${day.getYear()}-${pad(day.getMonth())}-${pad(day.getDay())}`;

export interface StatutoryHoliday {
  date: string;
  name: '元旦' | '春节' | '清明' | '劳动节' | '端午' | '中秋' | '国庆';
}

const cache = new Map<number, readonly StatutoryHoliday[]>();

let tymeModule: typeof import('tyme4ts') | undefined;
// eslint-disable-next-line @typescript-eslint/no-require-imports -- a static import would evaluate the library (about 90 ms) at every cold start
const tyme = () => (tymeModule ??= require('tyme4ts') as typeof import('tyme4ts'));

export function statutoryHolidays(year: number): readonly StatutoryHoliday[] {
  const known = cache.get(year);
  if (known) return known;
  const { LunarDay, SolarTerm } = tyme();
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
  const sorted = Object.freeze(holidays.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0)));
  cache.set(year, sorted);
  return sorted;
}

const dateSets = new Map<number, ReadonlySet<string>>();

/** Whether `date` (`YYYY-MM-DD`) is one of its year's statutory holidays. */
export function isStatutoryHoliday(date: string): boolean {
  const year = Number(date.slice(0, 4));
  let dates = dateSets.get(year);
  if (!dates) {
    dates = new Set(statutoryHolidays(year).map((holiday) => holiday.date));
    dateSets.set(year, dates);
  }
  return dates.has(date);
}
