import { daysBetween } from '../calendar/dates';

/** SPEC section 2: a consumer rates the handling once, within 30 days after the case closed. */
export const ratingWindowDays = 30;

/**
 * `closedOn` and `today` are China dates (`YYYY-MM-DD`). The closing day
 * is day 0, so the 30th calendar day after it is the last day to rate.
 */
export function canRate(closedOn: string, today: string, alreadyRated: boolean): boolean {
  if (alreadyRated) return false;
  const elapsed = daysBetween(closedOn, today);
  return elapsed >= 0 && elapsed <= ratingWindowDays;
}
