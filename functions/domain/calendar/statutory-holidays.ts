import * as z from 'zod';
import holidaysFile from '../../../seeds/statutory-holidays.json';

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
 * Lunar dates and solar terms come from `tyme4ts`, computed ahead by `npm run
 * seeds:generate` into `seeds/statutory-holidays.json` (through 2100) so
 * that no function bundles the library (docs/bundles.md). What the State
 * Council adds each year — days moved next to a holiday and the weekends
 * worked in exchange (调休), or a substitute day for a holiday on a
 * weekend — cannot be derived, so such a year stays provisional until its
 * schedule ships.
 */
export interface StatutoryHoliday {
  date: string;
  name: '元旦' | '春节' | '清明' | '劳动节' | '端午' | '中秋' | '国庆';
}

const holidayNames = ['元旦', '春节', '清明', '劳动节', '端午', '中秋', '国庆'] as const satisfies readonly StatutoryHoliday['name'][];
/** `"2027": "01-01 元旦, 02-05 春节, …"`: each day of the year's holidays, sorted by date. */
const holidayEntry = `\\d{2}-\\d{2} (?:${holidayNames.join('|')})`;
const holidaysSeed = z.object({
  source: z.string(),
  firstYear: z.number().int(),
  lastYear: z.number().int(),
  holidays: z.record(z.string().regex(/^\d{4}$/), z.string().regex(new RegExp(`^${holidayEntry}(?:, ${holidayEntry})*$`))),
});

// Read on first use, not at the top level: esbuild then leaves the table out of the functions that never count past the shipped calendar.
let seed: z.infer<typeof holidaysSeed> | undefined;
const cache = new Map<number, readonly StatutoryHoliday[]>();

export function statutoryHolidays(year: number): readonly StatutoryHoliday[] {
  const known = cache.get(year);
  if (known) return known;
  seed ??= holidaysSeed.parse(holidaysFile);
  const line = seed.holidays[String(year)];
  if (line === undefined) {
    // A silent Monday-to-Friday year would give wrong deadlines: fail instead.
    throw new RangeError(
      `No statutory holidays for ${year}: seeds/statutory-holidays.json covers ${seed.firstYear}-${seed.lastYear} (the years before are in seeds/calendar.json). ` +
        'To cover later years, raise lastStatutoryHolidayYear in bin/generate-seeds.ts and run npm run seeds:generate.',
    );
  }
  const holidays = Object.freeze(
    line.split(', ').map((entry): StatutoryHoliday => {
      const [monthDay, name] = entry.split(' ') as [string, StatutoryHoliday['name']];
      return { date: `${year}-${monthDay}`, name };
    }),
  );
  cache.set(year, holidays);
  return holidays;
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
