/**
 * Calendar months as `YYYY-MM` strings (China time, like every date here).
 * Functions taking a month also accept a `YYYY-MM-DD` date: they read its month.
 */

function parts(month: string): [number, number] {
  return [Number(month.slice(0, 4)), Number(month.slice(5, 7))];
}

function monthString(year: number, month: number): string {
  return `${year}-${String(month).padStart(2, '0')}`;
}

/** The month `count` months after `month` (before it when negative). */
export function addMonths(month: string, count: number): string {
  const [year, number] = parts(month);
  const index = year * 12 + (number - 1) + count;
  return monthString(Math.floor(index / 12), (index % 12) + 1);
}

export function nextMonth(month: string): string {
  return addMonths(month, 1);
}

/** Every month from `first`'s to `last`'s inclusive, oldest first (none when `last` is earlier). */
export function monthsBetween(first: string, last: string): string[] {
  const months: string[] = [];
  for (let month = first.slice(0, 7); month <= last.slice(0, 7); month = nextMonth(month)) months.push(month);
  return months;
}

/** The UTC instant a China month begins (UTC+8, no daylight saving). */
export function chinaMonthStart(month: string): string {
  return new Date(`${month.slice(0, 7)}-01T00:00:00+08:00`).toISOString();
}

/** The same month and day `years` later (earlier when negative); a 29 February with no counterpart becomes the 28th. */
export function addYears(date: string, years: number): string {
  const year = Number(date.slice(0, 4)) + years;
  const month = Number(date.slice(5, 7));
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${year}-${date.slice(5, 7)}-${String(Math.min(Number(date.slice(8, 10)), daysInMonth)).padStart(2, '0')}`;
}
