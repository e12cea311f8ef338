/**
 * Calendar dates as `YYYY-MM-DD` strings. Every date in the service is a
 * China Standard Time (UTC+8) calendar date; China has no daylight saving,
 * so a date maps to an instant by a fixed offset.
 */
const millisecondsPerDay = 86_400_000;
const chinaOffsetMilliseconds = 8 * 3_600_000;
const datePattern = /^\d{4}-\d{2}-\d{2}$/;

/** True for a real calendar date in `YYYY-MM-DD` form (`2026-02-29` is not one). */
export function isCalendarDate(value: string): boolean {
  if (!datePattern.test(value)) return false;
  const milliseconds = Date.parse(`${value}T00:00:00Z`);
  // The round trip rejects days a month does not have, however the engine parses them.
  return !Number.isNaN(milliseconds) && new Date(milliseconds).toISOString().slice(0, 10) === value;
}

export function assertCalendarDate(value: string): void {
  if (!isCalendarDate(value)) throw new RangeError(`Not a calendar date (YYYY-MM-DD): "${value}"`);
}

/** Days since 1970-01-01, for arithmetic; the input must already be a valid date. */
export function dayNumber(date: string): number {
  return Date.parse(`${date}T00:00:00Z`) / millisecondsPerDay;
}

export function dateOfDayNumber(day: number): string {
  return new Date(day * millisecondsPerDay).toISOString().slice(0, 10);
}

/** The date `days` calendar days after `date` (before it when negative). */
export function addDays(date: string, days: number): string {
  assertCalendarDate(date);
  if (!Number.isSafeInteger(days)) throw new RangeError(`Not a whole number of days: ${days}`);
  return dateOfDayNumber(dayNumber(date) + days);
}

/** Calendar days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  assertCalendarDate(from);
  assertCalendarDate(to);
  return dayNumber(to) - dayNumber(from);
}

/** 0 = Sunday ... 6 = Saturday. */
export function dayOfWeek(date: string): number {
  assertCalendarDate(date);
  return new Date(`${date}T00:00:00Z`).getUTCDay();
}

/** The China Standard Time calendar date of an instant ("today" in the SPEC's sense). */
export function chinaDate(instant: Date): string {
  const milliseconds = instant.getTime();
  if (Number.isNaN(milliseconds)) throw new RangeError('Not a valid instant');
  return new Date(milliseconds + chinaOffsetMilliseconds).toISOString().slice(0, 10);
}
