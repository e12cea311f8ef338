import { provinceCode } from '../reference/schemas';

/**
 * Key layout of the single table (README.md, "Data model"). Every key the
 * code writes or reads is built here.
 */
export const keys = {
  case: (caseId: string) => ({ pk: `CASE#${caseId}`, sk: 'CASE' }),
  caseEvent: (caseId: string, seq: number) => ({ pk: `CASE#${caseId}`, sk: `EVENT#${String(seq).padStart(6, '0')}` }),
  /** Wrong access codes of one client (a hash of its address), whatever case ids it tried. */
  accessFailures: (throttleSubject: string) => ({ pk: `CLIENT#${throttleSubject}`, sk: 'ACCESS_FAILURES' }),
  casePartition: (caseId: string) => `CASE#${caseId}`,
  merchant: (creditCode: string) => ({ pk: `MERCHANT#${creditCode}`, sk: 'PROFILE' }),
  association: (id: string) => ({ pk: `ASSOCIATION#${id}`, sk: 'PROFILE' }),
  health: () => ({ pk: 'HEALTH', sk: 'HEALTH' }),
  /** Where a resumable job (the deadline sweep) stopped, so its next run carries on from there. */
  jobCursor: (job: string) => ({ pk: `JOB#${job}`, sk: 'CURSOR' }),
  /** The once-only record of one case change's notifications (`functions/store/notification-store.ts`): `caseId#version`. */
  notification: (changeKey: string) => ({ pk: `NOTIFY#${changeKey}`, sk: 'SENT' }),
  /** Phone verification: one code, and the send limits by hashed phone and hashed client address. */
  verification: (verificationId: string) => ({ pk: `VERIFICATION#${verificationId}`, sk: 'CODE' }),
  verificationLastSend: (phoneHash: string) => ({ pk: `VERIFYPHONE#${phoneHash}`, sk: 'LAST' }),
  verificationPhoneDay: (phoneHash: string, day: string) => ({ pk: `VERIFYPHONE#${phoneHash}`, sk: `DAY#${day}` }),
  verificationClientDay: (clientHash: string, day: string) => ({ pk: `VERIFYCLIENT#${clientHash}`, sk: `DAY#${day}` }),
  /**
   * Routing: the open case for one (consumer phone, merchant, order), by a
   * hash of the three. Looked up by key when a case is routed, so the
   * duplicate check never Scans; stale once that case is no longer open.
   */
  openCaseMarker: (duplicateKeyHash: string) => ({ pk: `OPENCASE#${duplicateKeyHash}`, sk: 'OPEN' }),
  /** Every safety report of the province in one partition, newest last; `indexKeys.safetyByRegion` splits them by prefecture. */
  safetyReport: (reportedAt: string, caseId: string) => ({ pk: `SAFETY#${provinceCode}`, sk: `REPORT#${reportedAt}#${caseId}` }),
  safetyReportsOfProvince: () => `SAFETY#${provinceCode}`,
  /**
   * Collective-action candidates: one item per association, China month,
   * merchant and category, holding the ids of the cases routed there. A
   * mediator's look-up reads the few months of its own partition.
   */
  collectiveGroup: (associationId: string, month: string, merchantKey: string, category: string) => ({
    pk: `COLLECTIVE#${associationId}`,
    sk: `MONTH#${month}#${merchantKey}#${category}`,
  }),
  collectivePartition: (associationId: string) => `COLLECTIVE#${associationId}`,
  collectiveMonthPrefix: (month: string) => `MONTH#${month}#`,
};

/**
 * Guarantee funds (SPEC section 9, docs/funds.md): one partition per fund
 * holding the fund item (counters and the last ledger sequence number), its
 * ledger entries in sequence order, one payout item per case it backs, and
 * the Idempotency-Key records of its deposits.
 */
export const fundKeys = {
  partition: (fundId: string) => `FUND#${fundId}`,
  fund: (fundId: string) => ({ pk: `FUND#${fundId}`, sk: 'FUND' }),
  ledgerPrefix: 'LEDGER#',
  ledgerEntry: (fundId: string, seq: number) => ({ pk: `FUND#${fundId}`, sk: `LEDGER#${String(seq).padStart(12, '0')}` }),
  payoutPrefix: 'PAYOUT#',
  payout: (fundId: string, caseId: string) => ({ pk: `FUND#${fundId}`, sk: `PAYOUT#${caseId}` }),
  idempotency: (fundId: string, keyHash: string) => ({ pk: `FUND#${fundId}`, sk: `IDEMPOTENCY#${keyHash}` }),
  /** The directory of funds (`GET /v1/funds`): one small item per fund with its registry fields, never its counters, so money movements do not touch it. */
  directoryPartition: 'FUNDS',
  directoryEntry: (fundId: string) => ({ pk: 'FUNDS', sk: `FUND#${fundId}` }),
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
   * any case) sits in the byChange index under the UTC day it happened, so an
   * incremental run reads only what changed since its watermark.
   */
  changeFeed: (at: string, caseId: string, seq: number) => ({ changePk: `CHANGED#${at.slice(0, 10)}`, changeSk: `${at}#${caseId}#${String(seq).padStart(6, '0')}` }),
  byMerchant: (creditCode: string, receivedAt: string, caseId: string) => ({ merchantPk: `MERCHANT#${creditCode}`, merchantSk: `${receivedAt}#${caseId}` }),
  byRegion: (prefectureCode: string, receivedAt: string, caseId: string) => ({ regionPk: `REGION#${prefectureCode}`, regionSk: `${receivedAt}#${caseId}` }),
  /**
   * Open cases with a current deadline, for the sweeper. Spread over a few
   * partitions by case id so no single partition takes every write.
   */
  byDeadline: (deadline: string, caseId: string) => ({ duePk: `DUE#${deadlineShardOf(caseId)}`, dueSk: `${deadline}#${caseId}` }),
  byAssociation: (associationId: string, receivedAt: string, caseId: string) => ({ assocPk: `ASSOCIATION#${associationId}`, assocSk: `${receivedAt}#${caseId}` }),
  /**
   * The case's next privacy deadline (`functions/domain/erasure/retention.ts`),
   * for the erasure job. One partition: a case enters it at most twice (keyed
   * filing, closing), far below a partition's write limit.
   */
  byErasure: (dueAt: string, caseId: string) => ({ erasePk: 'ERASE', eraseSk: `${dueAt}#${caseId}` }),
  /** A safety report in its prefecture's list (byRegion index, beside the regulator's cases under `REGION#`). */
  safetyByRegion: (prefectureCode: string, reportedAt: string, caseId: string) => ({ regionPk: `SAFETY#${prefectureCode}`, regionSk: `${reportedAt}#${caseId}` }),
};

/**
 * Partition values the case listings (`GET /v1/cases`) and the deadline
 * sweeper query: taken from the builders above, so they cannot drift from
 * what is written.
 */
export const indexPartitions = {
  byAssociation: (associationId: string) => indexKeys.byAssociation(associationId, '', '').assocPk,
  byMerchant: (creditCode: string) => indexKeys.byMerchant(creditCode, '', '').merchantPk,
  byRegion: (prefectureCode: string) => indexKeys.byRegion(prefectureCode, '', '').regionPk,
  byMonth: (month: string) => indexKeys.byMonth(`${month}-01`, '', '').monthPk,
  byErasure: () => indexKeys.byErasure('', '').erasePk,
  /** Every shard of the deadline index. */
  byDeadline: () => Array.from({ length: deadlineShards }, (_, shard) => `DUE#${shard}`),
};

/** The deadline index attributes after a change: set for a deadline the sweeper watches, removed otherwise. */
export function deadlineIndexChange(caseId: string, sweptDeadline: string | undefined): { set: Record<string, string>; remove: string[] } {
  return sweptDeadline === undefined ? { set: {}, remove: ['duePk', 'dueSk'] } : { set: indexKeys.byDeadline(sweptDeadline, caseId), remove: [] };
}

/** The erasure index attributes for a case's next privacy deadline: set, or removed when none is left. */
export function erasureIndexChange(caseId: string, deadline: { at: string } | undefined): { set: Record<string, string>; remove: string[] } {
  return deadline === undefined ? { set: {}, remove: ['erasePk', 'eraseSk'] } : { set: indexKeys.byErasure(deadline.at, caseId), remove: [] };
}

/**
 * Statistics (issue 4). Cells live under a generation, so a rebuild writes
 * a complete new set and switches to it in one write of the state item.
 */
export const statisticsKeys = {
  /** Watermark, current generation, periods with cells, when last computed. */
  state: () => ({ pk: 'STATS', sk: 'STATE' }),
  /** One aggregation run at a time (a lease). */
  lock: () => ({ pk: 'STATS', sk: 'LOCK' }),
  /** The chunk of case changes being applied, so a crashed run is finished exactly once: a header (written last) ... */
  pendingChunk: () => ({ pk: 'STATS', sk: 'PENDING' }),
  /** ... and its entries in parts, each well under the 400 KB item limit. */
  pendingChunkPart: (part: number) => ({ pk: 'STATS', sk: `PENDING#${String(part).padStart(4, '0')}` }),
  cellPartition: (generation: number, period: string) => `STATS#${generation}#${period}`,
  cell: (generation: number, period: string, by: string, key: string) => ({ pk: `STATS#${generation}#${period}`, sk: `${by}#${key}` }),
  /** What was last counted for a case (its facts at a version). */
  contribution: (caseId: string) => ({ pk: `STATSCASE#${caseId}`, sk: 'COUNTED' }),
  monthPartition: (month: string) => indexPartitions.byMonth(month),
  changeFeedPartition: (utcDay: string) => indexKeys.changeFeed(`${utcDay}T00:00:00.000Z`, '', 0).changePk,
};

/**
 * Public disclosure (issue 4). A published record is one item keyed by its
 * public reference; the four listings are overloaded GSI partitions under
 * `DISCLOSURE#...`, newest first by `<publishedAt>#<publicRef>`.
 */
export const disclosureKeys = {
  record: (publicRef: string) => ({ pk: `DISCLOSURE#${publicRef}`, sk: 'RECORD' }),
  /** Candidates by the day their objection window ends: the schedule publishes what is due. */
  duePartition: () => 'DISCLOSURE_DUE',
  due: (objectionUntil: string, caseId: string) => ({ pk: 'DISCLOSURE_DUE', sk: `${objectionUntil}#${caseId}` }),
  listings: (record: { publicRef: string; publishedAt: string; creditCode: string | null; region: string; category: string }) => {
    const sortKey = `${record.publishedAt}#${record.publicRef}`;
    return {
      assocPk: 'DISCLOSURE#ALL',
      assocSk: sortKey,
      regionPk: `DISCLOSURE#${record.region}`,
      regionSk: sortKey,
      monthPk: `DISCLOSURE#${record.category}`,
      monthSk: sortKey,
      ...(record.creditCode ? { merchantPk: `DISCLOSURE#${record.creditCode}`, merchantSk: sortKey } : {}),
    };
  },
};
