import { QueryCommand, type QueryCommandInput } from '@aws-sdk/lib-dynamodb';
import type { CaseRecord } from '../domain/complaints/case';
import { InvalidCursorError } from '../domain/validation/cursor';
import { staffDeadlineKinds, type CaseListCursor, type CaseListIndex, type CaseListPlan } from '../domain/cases/list-query';
import { caseFromItem } from './cases-store';
import { documentDb, tableName } from './client';
import { indexPartitions, keys } from './keys';
import { indexes } from './table-definition';

/**
 * List queries on the global indexes. Staff listings read one index
 * partition (or a few month partitions) newest first; filters the key cannot
 * express (status, step, ...) are FilterExpressions, so a page may hold fewer
 * items than asked while a cursor still follows. Never a Scan.
 */
function indexNamed(index: CaseListIndex | 'byDeadline') {
  const definition = indexes[index];
  return { name: definition.indexName, pk: definition.partitionKey.name, sk: definition.sortKey.name };
}

/** Queries one listing page may make before it answers with what it has and a cursor. */
const maxQueriesPerPage = 8;

export interface CaseListPage {
  records: CaseRecord[];
  next?: CaseListCursor;
}

/** A cursor's position must be a key this listing could have handed out: the right partition, a case item, within the date range. */
function checkedPosition(position: Record<string, string>, index: ReturnType<typeof indexNamed>, partitionKey: string, plan: CaseListPlan): Record<string, string> {
  const names = Object.keys(position).sort();
  const expected = [index.pk, index.sk, 'pk', 'sk'].sort();
  const caseKey = /^CASE#(.+)$/.exec(position.pk ?? '');
  const sortKey = position[index.sk] ?? '';
  const valid =
    names.length === expected.length &&
    names.every((name, i) => name === expected[i]) &&
    position[index.pk] === partitionKey &&
    position.sk === 'CASE' &&
    caseKey !== null &&
    sortKey.endsWith(`#${caseKey[1]}`) &&
    (plan.received.from === undefined || sortKey >= plan.received.from) &&
    (plan.received.toExclusive === undefined || sortKey < plan.received.toExclusive);
  if (!valid) throw new InvalidCursorError();
  return position;
}

function queryFor(plan: CaseListPlan, index: ReturnType<typeof indexNamed>, partitionKey: string): Omit<QueryCommandInput, 'Limit' | 'ExclusiveStartKey'> {
  const names: Record<string, string> = { '#pk': index.pk, '#entity': 'entity' };
  const values: Record<string, unknown> = { ':pk': partitionKey, ':case': 'case' };
  let keyCondition = '#pk = :pk';
  const { from, toExclusive } = plan.received;
  if (from !== undefined || toExclusive !== undefined) names['#sk'] = index.sk;
  if (from !== undefined && toExclusive !== undefined) {
    // The sort key is `<receivedAt>#<caseId>`: every key of a case received before `toExclusive` sorts below it.
    keyCondition += ' AND #sk BETWEEN :from AND :to';
    Object.assign(values, { ':from': from, ':to': toExclusive });
  } else if (from !== undefined) {
    keyCondition += ' AND #sk >= :from';
    values[':from'] = from;
  } else if (toExclusive !== undefined) {
    keyCondition += ' AND #sk < :to';
    values[':to'] = toExclusive;
  }

  const filters = ['#entity = :case'];
  if (plan.status) {
    names['#status'] = 'status';
    values[':status'] = plan.status;
    filters.push('#status = :status');
  }
  if (plan.step || plan.acceptedOnly) names['#step'] = 'step';
  if (plan.step) {
    values[':step'] = plan.step;
    filters.push('#step = :step');
  }
  if (plan.acceptedOnly) {
    // A case that was never accepted keeps `step` null.
    values[':nullType'] = 'NULL';
    filters.push('attribute_exists(#step) AND NOT attribute_type(#step, :nullType)');
  }
  if (plan.deadlineBefore !== undefined) {
    Object.assign(names, { '#deadline': 'deadline', '#date': 'date', '#kind': 'kind' });
    const kinds = staffDeadlineKinds.map((kind, i) => {
      values[`:kind${i}`] = kind;
      return `:kind${i}`;
    });
    values[':today'] = plan.deadlineBefore;
    filters.push(`#deadline.#date < :today AND #deadline.#kind IN (${kinds.join(', ')})`);
  }
  if (plan.claimedBy !== undefined) {
    names['#claimedBy'] = 'claimedBy';
    values[':claimedBy'] = plan.claimedBy;
    filters.push('#claimedBy = :claimedBy');
  }
  if (plan.disclosure !== undefined) {
    Object.assign(names, { '#disclosure': 'disclosure', '#state': 'state' });
    values[':disclosure'] = plan.disclosure;
    filters.push('#disclosure.#state = :disclosure');
  }
  if (plan.county) {
    Object.assign(names, { '#complaint': 'complaint', '#merchant': 'merchant', '#consumer': 'consumer', '#region': 'regionCode' });
    values[':county'] = plan.county;
    filters.push('(#complaint.#merchant.#region = :county OR (attribute_not_exists(#complaint.#merchant.#region) AND #complaint.#consumer.#region = :county))');
  }
  return {
    TableName: tableName(),
    IndexName: index.name,
    KeyConditionExpression: keyCondition,
    FilterExpression: filters.join(' AND '),
    ExpressionAttributeNames: names,
    ExpressionAttributeValues: values,
    ScanIndexForward: false,
  };
}

export async function listCasePage(plan: CaseListPlan, limit: number, cursor: CaseListCursor | undefined): Promise<CaseListPage> {
  const index = indexNamed(plan.index);
  const partitionKeyOf = (id: string) => indexPartitions[plan.index](id);
  let partition = cursor ? plan.partitions.indexOf(cursor.partition) : 0;
  if (partition < 0) throw new InvalidCursorError();
  let start = cursor?.position ? checkedPosition(cursor.position, index, partitionKeyOf(cursor.partition), plan) : undefined;
  const records: CaseRecord[] = [];

  for (let queries = 0; partition < plan.partitions.length; queries++) {
    const partitionId = plan.partitions[partition]!;
    if (queries >= maxQueriesPerPage) return { records, next: { partition: partitionId, ...(start ? { position: start } : {}) } };
    const page = await documentDb().send(
      new QueryCommand({ ...queryFor(plan, index, partitionKeyOf(partitionId)), Limit: limit - records.length, ExclusiveStartKey: start }),
    );
    records.push(...(page.Items ?? []).map(caseFromItem));
    start = page.LastEvaluatedKey as Record<string, string> | undefined;
    if (!start) partition += 1;
    if (records.length >= limit) {
      // The partition the next page starts in: this one where a position remains, else the next one (if any).
      const following = plan.partitions[partition];
      return { records, ...(following !== undefined ? { next: { partition: following, ...(start ? { position: start } : {}) } } : {}) };
    }
  }
  return { records };
}

export interface DueCase {
  caseId: string;
  /** The deadline date the index holds (the case itself is re-read before anything is done). */
  dueDate: string;
}

/**
 * One page of cases whose deadline lies before `before` (a China date), from
 * one shard of the sparse deadline index: only cases with a running
 * deadline are in it, so the cost follows the due cases, not the table.
 */
export async function dueCasePage(
  shard: string,
  before: string,
  limit: number,
  start: Record<string, unknown> | undefined,
): Promise<{ cases: DueCase[]; next?: Record<string, unknown> }> {
  const index = indexNamed('byDeadline');
  const page = await documentDb().send(
    new QueryCommand({
      TableName: tableName(),
      IndexName: index.name,
      KeyConditionExpression: '#pk = :shard AND #sk < :before',
      ExpressionAttributeNames: { '#pk': index.pk, '#sk': index.sk },
      ExpressionAttributeValues: { ':shard': shard, ':before': before },
      Limit: limit,
      ExclusiveStartKey: start,
    }),
  );
  const cases = (page.Items ?? []).flatMap((item) => {
    const [dueDate, caseId] = String(item[index.sk]).split('#');
    return dueDate && caseId && item.pk === keys.case(caseId).pk ? [{ caseId, dueDate }] : [];
  });
  return { cases, ...(page.LastEvaluatedKey ? { next: page.LastEvaluatedKey } : {}) };
}
