import { addYears } from '../calendar/months';
import { endOfTimeLimit } from '../calendar/working-days';
import type { WorkingCalendar } from '../../reference/types';

/** SPEC section 2: harm known more than 3 years before filing is `time_barred`. */
export const limitationYears = 3;

/**
 * The last day a complaint may be filed, counted as the Civil Code counts
 * periods in years (arts. 201-203): the period starts the day after
 * `knownSince` and ends on the same month and day `limitationYears` later
 * (a 29 February with no counterpart ends on 28 February); a last day that
 * falls on a holiday or weekend moves to the next working day (art. 203).
 */
export function lastDayToFile(knownSince: string, calendar: WorkingCalendar): string {
  return endOfTimeLimit(addYears(knownSince, limitationYears), calendar);
}

/** Filing on the last day is still in time. `YYYY-MM-DD` strings compare in date order. */
export function isTimeBarred(knownSince: string, filedOn: string, calendar: WorkingCalendar): boolean {
  return filedOn > lastDayToFile(knownSince, calendar);
}
