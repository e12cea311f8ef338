import type { WorkingCalendar } from '../../reference/types';
import { assertCalendarDate, chinaDate, dateOfDayNumber, dayNumber, isCalendarDate } from './dates';
import { isStatutoryHoliday } from './statutory-holidays';

/**
 * Working days on the official Chinese calendar (SPEC section 2): Monday to
 * Friday, minus public holidays, plus the weekend days that are worked in
 * exchange (调休). Dates are `YYYY-MM-DD` in China Standard Time.
 *
 * After `lastYear` the official schedule is not published yet (the State
 * Council announces a year's schedule late in the year before), so those
 * years count Monday to Friday less the statutory holidays the law itself
 * fixes (`statutory-holidays.ts`: 元旦, 春节 from 除夕 to 初三, 清明, 劳动节,
 * 端午, 中秋, 国庆), without the 调休 no rule can predict. Such a deadline
 * may move once the schedule is known: callers mark it provisional where
 * `isCovered` is false for the deadline date.
 */
export { chinaDate, isCalendarDate };

export function isCovered(date: string, calendar: WorkingCalendar): boolean {
  assertCalendarDate(date);
  const year = Number(date.slice(0, 4));
  return year >= calendar.firstYear && year <= calendar.lastYear;
}

/** The rule itself, for dates already validated. */
function isWorkingDayUnchecked(day: number, date: string, calendar: WorkingCalendar): boolean {
  if (calendar.holidays.has(date)) return false;
  if (calendar.adjustedWorkdays.has(date)) return true;
  if (Number(date.slice(0, 4)) > calendar.lastYear && isStatutoryHoliday(date)) return false;
  const weekday = (day + 4) % 7; // 1970-01-01 (day 0) was a Thursday; 0 = Sunday
  return weekday !== 0 && weekday !== 6;
}

export function isWorkingDay(date: string, calendar: WorkingCalendar): boolean {
  assertCalendarDate(date);
  return isWorkingDayUnchecked(dayNumber(date), date, calendar);
}

/**
 * The `count`-th working day strictly after `date`: "within 7 working days of
 * receipt" ends on `addWorkingDays(receivedOn, 7, calendar)`. The start day
 * itself never counts, whether or not it is a working day; `count` 0 gives
 * `date` back.
 */
export function addWorkingDays(date: string, count: number, calendar: WorkingCalendar): string {
  assertCalendarDate(date);
  if (!Number.isSafeInteger(count) || count < 0) throw new RangeError(`Not a non-negative whole number of working days: ${count}`);
  let day = dayNumber(date);
  let current = date;
  let remaining = count;
  while (remaining > 0) {
    day += 1;
    current = dateOfDayNumber(day);
    if (isWorkingDayUnchecked(day, current, calendar)) remaining -= 1;
  }
  return current;
}

/** Working days in the interval (from, to]: the days after `from` up to and including `to`; 0 when `to` is not after `from`. */
export function workingDaysBetween(from: string, to: string, calendar: WorkingCalendar): number {
  assertCalendarDate(from);
  assertCalendarDate(to);
  const last = dayNumber(to);
  let count = 0;
  for (let day = dayNumber(from) + 1; day <= last; day++) {
    if (isWorkingDayUnchecked(day, dateOfDayNumber(day), calendar)) count += 1;
  }
  return count;
}

/**
 * The day a time limit ends whose last day is `lastDay` (Civil Code art.
 * 203): that day if it is a working day, else the first working day after
 * the holiday or weekend it falls on.
 */
export function endOfTimeLimit(lastDay: string, calendar: WorkingCalendar): string {
  assertCalendarDate(lastDay);
  return isWorkingDay(lastDay, calendar) ? lastDay : addWorkingDays(lastDay, 1, calendar);
}
