import { chinaDate } from '../../../functions/domain/calendar/dates';

/**
 * Times shown to people are China Standard Time, whatever the device's own
 * time zone: the deadlines and the service's "today" are counted in it. China
 * has no daylight saving, so a fixed offset is exact.
 */
const chinaOffsetMilliseconds = 8 * 3_600_000;

/** "Today" as the service counts it: the date the form checks dates against. */
export function chinaToday(now: Date = new Date()): string {
  return chinaDate(now);
}

/** `2026-10-05T06:03:00Z` -> `2026-10-05 14:03`; the input back unchanged when it is not a timestamp. */
export function chinaDateTime(isoInstant: string): string {
  const milliseconds = Date.parse(isoInstant);
  if (Number.isNaN(milliseconds)) return isoInstant;
  const shifted = new Date(milliseconds + chinaOffsetMilliseconds).toISOString();
  return `${shifted.slice(0, 10)} ${shifted.slice(11, 16)}`;
}
