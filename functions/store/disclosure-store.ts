import { DeleteCommand, PutCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { PublicDisclosure } from '../domain/disclosure/public-record';
import { documentDb, tableName } from './client';
import { disclosureKeys } from './keys';
import { indexes, type GlobalIndexDefinition } from './table-definition';

/**
 * Published disclosure records and the queue of candidates waiting for
 * their objection window to end (README "Data model"). A record is one item
 * keyed by its public reference; it carries the keys of four listings (all,
 * by merchant, by region, by category) in overloaded GSI partitions, and
 * `expiresAt` so DynamoDB's TTL removes it 2 years after publication.
 */
export type DisclosureListing = 'all' | 'merchant' | 'region' | 'category';

const byName = (index: GlobalIndexDefinition) => ({ indexName: index.indexName, pk: index.partitionKey.name, sk: index.sortKey.name });
const listingIndex: Record<DisclosureListing, { indexName: string; pk: string; sk: string }> = {
  all: byName(indexes.byAssociation),
  merchant: byName(indexes.byMerchant),
  region: byName(indexes.byRegion),
  category: byName(indexes.byMonth),
};

/** The public fields of a stored record: everything but keys and bookkeeping. */
const publicFields = ['publicRef', 'complainantType', 'merchant', 'category', 'region', 'monthFiled', 'monthOfDispute', 'issue', 'requestType', 'handlingResult', 'monthHandled', 'publishedOn', 'narrative'] as const;

function recordFromItem(item: Record<string, unknown>): PublicDisclosure {
  return Object.fromEntries(publicFields.filter((name) => item[name] !== undefined).map((name) => [name, item[name]])) as unknown as PublicDisclosure;
}

export async function putPublicDisclosure(record: PublicDisclosure, publishedAt: string, expiresAt: number): Promise<void> {
  await documentDb().send(
    new PutCommand({
      TableName: tableName(),
      Item: {
        ...disclosureKeys.record(record.publicRef),
        ...disclosureKeys.listings({ publicRef: record.publicRef, publishedAt, creditCode: record.merchant.creditCode, region: record.region, category: record.category }),
        entity: 'disclosure',
        ...record,
        // Lower-cased for the name search; the record keeps the name as written.
        merchantNameSearch: record.merchant.name.toLowerCase(),
        publishedAt,
        expiresAt,
      },
    }),
  );
}

export async function deletePublicDisclosure(publicRef: string): Promise<void> {
  await documentDb().send(new DeleteCommand({ TableName: tableName(), Key: disclosureKeys.record(publicRef) }));
}

export interface DisclosurePageRequest {
  listing: DisclosureListing;
  /** The merchant's credit code, the prefecture or the category; ignored for `all`. */
  value?: string;
  /** Further filters applied to what the listing reads. */
  filters: { region?: string; category?: string; nameContains?: string };
  limit: number;
  /** The last item returned before (its table and index keys). */
  after?: Record<string, string>;
  nowEpochSeconds: number;
  /** Index pages read at most, so a rare filter cannot make one request read the whole listing. */
  maxReads: number;
}

export interface DisclosurePage {
  items: PublicDisclosure[];
  /** Keys of the last item returned, when there may be more. */
  last?: Record<string, string>;
}

export function listingPartition(listing: DisclosureListing, value: string | undefined): string {
  return listing === 'all' ? 'DISCLOSURE#ALL' : `DISCLOSURE#${value}`;
}

export function listingKeyNames(listing: DisclosureListing): string[] {
  const index = listingIndex[listing];
  return ['pk', 'sk', index.pk, index.sk];
}

/**
 * One page of a listing, newest first. Filters other than the listing's
 * own are applied as a FilterExpression; the page is filled from up to
 * `maxReads` index reads and the cursor is the last item returned, so
 * nothing is skipped or repeated between pages.
 */
export async function queryDisclosures(request: DisclosurePageRequest): Promise<DisclosurePage> {
  const index = listingIndex[request.listing];
  const names: Record<string, string> = { '#pk': index.pk, '#expiresAt': 'expiresAt' };
  const values: Record<string, unknown> = { ':pk': listingPartition(request.listing, request.value), ':now': request.nowEpochSeconds };
  const filters = ['#expiresAt > :now'];
  if (request.filters.region) {
    names['#region'] = 'region';
    values[':region'] = request.filters.region;
    filters.push('#region = :region');
  }
  if (request.filters.category) {
    names['#category'] = 'category';
    values[':category'] = request.filters.category;
    filters.push('#category = :category');
  }
  if (request.filters.nameContains) {
    names['#name'] = 'merchantNameSearch';
    values[':name'] = request.filters.nameContains.toLowerCase();
    filters.push('contains(#name, :name)');
  }

  const items: Record<string, unknown>[] = [];
  let start: Record<string, unknown> | undefined = request.after;
  let more = false;
  for (let reads = 0; reads < request.maxReads && items.length < request.limit; reads++) {
    const page = await documentDb().send(
      new QueryCommand({
        TableName: tableName(),
        IndexName: index.indexName,
        KeyConditionExpression: '#pk = :pk',
        FilterExpression: filters.join(' AND '),
        ExpressionAttributeNames: names,
        ExpressionAttributeValues: values,
        ScanIndexForward: false,
        Limit: Math.max(request.limit, 25),
        ExclusiveStartKey: start,
      }),
    );
    items.push(...(page.Items ?? []));
    start = page.LastEvaluatedKey;
    more = start !== undefined;
    if (!more) break;
  }
  const returned = items.slice(0, request.limit);
  const lastItem = returned.at(-1);
  // More matched than fit: go on after the last one returned. Otherwise go on where reading stopped.
  const last =
    items.length > request.limit && lastItem
      ? Object.fromEntries(listingKeyNames(request.listing).map((name) => [name, String(lastItem[name])]))
      : more
        ? (start as Record<string, string>)
        : undefined;
  return { items: returned.map(recordFromItem), ...(last ? { last } : {}) };
}

/** Candidates whose objection window ended before `today` (a China date), oldest first, a page at a time. */
export async function dueCandidates(today: string, limit: number, after?: Record<string, unknown>): Promise<{ due: { caseId: string; objectionUntil: string }[]; last?: Record<string, unknown> }> {
  const page = await documentDb().send(
    new QueryCommand({
      TableName: tableName(),
      KeyConditionExpression: 'pk = :pk AND sk < :today',
      ExpressionAttributeValues: { ':pk': disclosureKeys.duePartition(), ':today': `${today}#` },
      Limit: limit,
      ExclusiveStartKey: after,
    }),
  );
  const due = (page.Items ?? []).map((item) => ({ caseId: item.caseId as string, objectionUntil: item.objectionUntil as string }));
  return { due, ...(page.LastEvaluatedKey ? { last: page.LastEvaluatedKey } : {}) };
}

export function dueCandidateItem(objectionUntil: string, caseId: string): Record<string, unknown> {
  return { ...disclosureKeys.due(objectionUntil, caseId), entity: 'disclosureDue', caseId, objectionUntil };
}

export async function deleteDueCandidate(objectionUntil: string, caseId: string): Promise<void> {
  await documentDb().send(new DeleteCommand({ TableName: tableName(), Key: disclosureKeys.due(objectionUntil, caseId) }));
}
