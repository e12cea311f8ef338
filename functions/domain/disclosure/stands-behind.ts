import type { CaseRecord } from '../complaints/case';

/**
 * SPEC section 5 (last point): only complaints a person stands behind
 * become public — the consumer proved the phone, or a mediator accepted the
 * case or took it on. Such a case counts in its merchant's public record
 * (every figure) and may be disclosed; every case counts in the anonymous
 * statistics.
 */
export function someoneStandsBehind(record: Pick<CaseRecord, 'phoneVerified' | 'mediatorAccepted' | 'claimedBy'>): boolean {
  return record.phoneVerified === true || record.mediatorAccepted === true || record.claimedBy !== undefined;
}
