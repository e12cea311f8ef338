/**
 * Key layout of the single table (README.md, "Data model"). Every key the
 * code writes or reads is built here.
 */
export const keys = {
  case: (caseId: string) => ({ pk: `CASE#${caseId}`, sk: 'CASE' }),
  caseEvent: (caseId: string, seq: number) => ({ pk: `CASE#${caseId}`, sk: `EVENT#${String(seq).padStart(6, '0')}` }),
  accessFailures: (caseId: string) => ({ pk: `CASE#${caseId}`, sk: 'ACCESS_FAILURES' }),
  casePartition: (caseId: string) => `CASE#${caseId}`,
  idempotency: (keyHash: string) => ({ pk: `IDEMPOTENCY#${keyHash}`, sk: 'RESPONSE' }),
  merchant: (creditCode: string) => ({ pk: `MERCHANT#${creditCode}`, sk: 'PROFILE' }),
  association: (id: string) => ({ pk: `ASSOCIATION#${id}`, sk: 'PROFILE' }),
  ruleSet: (ruleSetId: string, version: number) => ({ pk: `RULESET#${ruleSetId}`, sk: `VERSION#${String(version).padStart(6, '0')}` }),
  health: () => ({ pk: 'HEALTH', sk: 'HEALTH' }),
};

export const deadlineShards = 4;

function deadlineShardOf(caseId: string): number {
  let hash = 0;
  for (const char of caseId) hash = (hash * 31 + char.charCodeAt(0)) >>> 0;
  return hash % deadlineShards;
}

/** Index keys a case item carries, so staff queues and listings never Scan. */
export const indexKeys = {
  /** By the China-time month of filing: statistics periods are China time. */
  byMonth: (receivedOn: string, receivedAt: string, caseId: string) => ({ monthPk: `MONTH#${receivedOn.slice(0, 7)}`, monthSk: `${receivedAt}#${caseId}` }),
  /**
   * The change feed statistics read: every timeline event (one per change of
   * any case) sits in the byMonth index under the UTC day it happened, so an
   * incremental run reads only what changed since its watermark.
   */
  changeFeed: (at: string, caseId: string, seq: number) => ({ monthPk: `CHANGED#${at.slice(0, 10)}`, monthSk: `${at}#${caseId}#${String(seq).padStart(6, '0')}` }),
  byMerchant: (creditCode: string, receivedAt: string, caseId: string) => ({ merchantPk: `MERCHANT#${creditCode}`, merchantSk: `${receivedAt}#${caseId}` }),
  byRegion: (prefectureCode: string, receivedAt: string, caseId: string) => ({ regionPk: `REGION#${prefectureCode}`, regionSk: `${receivedAt}#${caseId}` }),
  /**
   * Open cases with a current deadline, for the sweeper. Spread over a few
   * partitions by case id so no single partition takes every write.
   */
  byDeadline: (deadline: string, caseId: string) => ({ duePk: `DUE#${deadlineShardOf(caseId)}`, dueSk: `${deadline}#${caseId}` }),
  byAssociation: (associationId: string, receivedAt: string, caseId: string) => ({ assocPk: `ASSOCIATION#${associationId}`, assocSk: `${receivedAt}#${caseId}` }),
};
