import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { CaseRecord } from '../../domain/complaints/case';
import { caseFromItem } from '../cases-store';
import { documentDb, tableName } from '../client';
import { statisticsKeys } from '../keys';
import { indexes } from '../table-definition';

/**
 * The index partitions the statistics job reads, never a Scan: the change
 * feed (byChange, `CHANGED#<UTC day>`, one entry per timeline event, sort
 * key `<at>#<caseId>#<seq>`, projecting the case id and seq only) and the
 * cases by China month of receipt (byMonth, `MONTH#<month>`, sort key
 * `<receivedAt>#<caseId>`: new filings, which write the case item alone,
 * and every case for a rebuild). Each read is one page of at most `limit`
 * items after a sort key, so a run's reads are bounded by its chunks.
 */
export type FeedName = 'changes' | 'filings';

export interface FeedEntry {
  caseId: string;
  /** The case version the entry shows: the event's `seq`, or the case item's `version`. */
  version: number;
  /** The entry's sort key: where a reader that took it carries on. */
  sortKey: string;
}

export const feedPartition = (feed: FeedName, partition: string) => (feed === 'changes' ? statisticsKeys.changeFeedPartition(partition) : statisticsKeys.monthPartition(partition));

/** Where each feed is read, and what of an entry: only attributes its index projects. */
const feedIndexes = {
  changes: { index: indexes.byChange, version: 'seq', read: ['caseId', 'seq'] },
  filings: { index: indexes.byMonth, version: 'version', read: ['caseId', 'version', 'entity'] },
} as const;

/** At most `limit` entries of one feed partition whose sort key is after `after`, in order; `complete` when none follow. */
export async function feedPage(feed: FeedName, partition: string, after: string | undefined, limit: number): Promise<{ entries: FeedEntry[]; last?: string; complete: boolean }> {
  const { index, version, read } = feedIndexes[feed];
  const sortKey = index.sortKey.name;
  const page = await documentDb().send(
    new QueryCommand({
      TableName: tableName(),
      IndexName: index.indexName,
      KeyConditionExpression: after === undefined ? '#pk = :pk' : '#pk = :pk AND #sk > :after',
      ExpressionAttributeNames: { '#pk': index.partitionKey.name, '#sk': sortKey, ...Object.fromEntries(read.map((name, i) => [`#a${i}`, name])) },
      ExpressionAttributeValues: { ':pk': feedPartition(feed, partition), ...(after === undefined ? {} : { ':after': after }) },
      ProjectionExpression: ['#sk', ...read.map((_, i) => `#a${i}`)].join(', '),
      Limit: limit,
    }),
  );
  const items = page.Items ?? [];
  const entries: FeedEntry[] = [];
  for (const item of items) {
    const caseId = item.caseId as string | undefined;
    if (!caseId || (feed === 'filings' && item.entity !== 'case')) continue;
    entries.push({ caseId, version: Number(item[version] ?? 0), sortKey: item[sortKey] as string });
  }
  // Items left out above still move the reader on: the last sort key read is where the page ends.
  const last = items.at(-1)?.[sortKey] as string | undefined;
  return { entries, ...(last ? { last } : {}), complete: page.LastEvaluatedKey === undefined };
}

/** At most `limit` whole cases received in one China month after `after` (a rebuild's page). */
export async function casesReceivedPage(month: string, after: string | undefined, limit: number): Promise<{ cases: CaseRecord[]; last?: string; complete: boolean }> {
  const page = await documentDb().send(
    new QueryCommand({
      TableName: tableName(),
      IndexName: indexes.byMonth.indexName,
      KeyConditionExpression: after === undefined ? 'monthPk = :pk' : 'monthPk = :pk AND monthSk > :after',
      ExpressionAttributeValues: { ':pk': statisticsKeys.monthPartition(month), ...(after === undefined ? {} : { ':after': after }) },
      Limit: limit,
    }),
  );
  const items = page.Items ?? [];
  const last = items.at(-1)?.monthSk as string | undefined;
  return { cases: items.filter((item) => item.entity === 'case').map(caseFromItem), ...(last ? { last } : {}), complete: page.LastEvaluatedKey === undefined };
}

/** Every case received in one China month, page by page (tests and tools). */
export async function casesReceivedIn(month: string, onPage: (cases: CaseRecord[]) => Promise<void> | void): Promise<void> {
  let after: string | undefined;
  for (;;) {
    const page = await casesReceivedPage(month, after, 500);
    await onPage(page.cases);
    if (page.complete || !page.last) return;
    after = page.last;
  }
}
