import { chinaDate } from '../calendar/dates';
import type { CaseRecord } from '../complaints/case';
import { idempotencyTtlSeconds } from '../complaints/idempotency';

/**
 * When personal data must go (SPEC section 5): the consumer's data 3 years
 * after the case closed, the sealed intake answer (the access code kept for
 * idempotent retries) once its 24-hour retry window has passed. A case
 * carries the earlier of the two that still lies ahead as one sparse index
 * key, so the `erase-personal-data` job finds what is due without a Scan.
 */
export const retentionYears = 3;

/** `date` plus whole years; 29 February of a year that has none becomes 1 March (never a day early). */
export function addYears(date: string, years: number): string {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  const shifted = new Date(Date.UTC(year + years, month - 1, day));
  return shifted.toISOString().slice(0, 10);
}

/** The instant a China date begins (00:00 UTC+8), as ISO 8601 UTC. */
export function startOfChinaDay(date: string): string {
  return new Date(Date.parse(`${date}T00:00:00+08:00`)).toISOString();
}

/** The first China day the case's personal data is erased on: closed + 3 years. */
export function erasureDueOn(closedOn: string): string {
  return addYears(closedOn, retentionYears);
}

/** When the retry window of a keyed filing ends and its sealed answer may go. */
export function intakeExpiresAt(receivedAt: string): string {
  return new Date(Date.parse(receivedAt) + idempotencyTtlSeconds * 1000).toISOString();
}

export type PrivacyDeadline = { kind: 'intake' | 'erasure'; at: string };

/**
 * The next thing the erasure job must do for this case, and from when: the
 * sealed intake answer first (it is due within a day), then the erasure
 * once the case has closed. None for an erased case or an open case
 * without a sealed answer (closing sets one).
 */
export function nextPrivacyDeadline(record: Pick<CaseRecord, 'intake' | 'receivedAt' | 'closedOn' | 'erased'>): PrivacyDeadline | undefined {
  if (record.erased) return undefined;
  if (record.intake) return { kind: 'intake', at: intakeExpiresAt(record.receivedAt) };
  if (record.closedOn) return { kind: 'erasure', at: startOfChinaDay(erasureDueOn(record.closedOn)) };
  return undefined;
}

/** Whether the case's personal data is due for erasure at `now`. */
export function isErasureDue(record: Pick<CaseRecord, 'closedOn' | 'erased'>, now: Date): boolean {
  return !record.erased && record.closedOn !== undefined && chinaDate(now) >= erasureDueOn(record.closedOn);
}

/** Whether the sealed intake answer may go at `now` (a retry after 24 hours is refused anyway). */
export function isIntakeExpired(record: Pick<CaseRecord, 'intake' | 'receivedAt'>, now: Date): boolean {
  return record.intake !== undefined && now.toISOString() >= intakeExpiresAt(record.receivedAt);
}
