import { DeleteCommand, QueryCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { documentDb, tableName } from './client';
import { indexPartitions, keys } from './keys';
import { isConditionalCheckFailed } from './conditions';
import { indexes } from './table-definition';

/**
 * The erasure job's reads and writes beside the versioned case change
 * (`case-changes.ts`). Each is idempotent: removing what is already gone
 * changes nothing, so a run that stopped half-way can simply be repeated.
 */
export interface DueEntry {
  caseId: string;
  /** The sort key as read: a write that re-keys the case is conditional on it. */
  eraseSk: string;
}

/** Cases whose privacy deadline is at or before `nowIso`, oldest first, one page of the sparse `byErasure` index. */
export async function duePrivacyPage(nowIso: string, limit: number, start?: Record<string, unknown>): Promise<{ entries: DueEntry[]; next?: Record<string, unknown> }> {
  const page = await documentDb().send(
    new QueryCommand({
      TableName: tableName(),
      IndexName: indexes.byErasure.indexName,
      // `<dueAt>#<caseId>`: every key due at or before now sorts below `<now>$` ('$' follows '#').
      KeyConditionExpression: 'erasePk = :pk AND eraseSk < :upTo',
      ExpressionAttributeValues: { ':pk': indexPartitions.byErasure(), ':upTo': `${nowIso}$` },
      Limit: limit,
      ExclusiveStartKey: start,
    }),
  );
  const entries = (page.Items ?? []).flatMap((item) => {
    const eraseSk = String(item.eraseSk);
    const caseId = eraseSk.slice(eraseSk.indexOf('#') + 1);
    return caseId && item.pk === keys.case(caseId).pk ? [{ caseId, eraseSk }] : [];
  });
  return { entries, ...(page.LastEvaluatedKey ? { next: page.LastEvaluatedKey } : {}) };
}

/**
 * Removes the sealed intake answer and moves the case to its next privacy
 * deadline (or out of the index), only if the case is still at the version
 * and index entry that were read: a case closed meanwhile keeps the key its
 * closing wrote. Answers false when the case had changed.
 */
export async function removeSealedIntake(caseId: string, seen: { version: number; eraseSk: string }, next: { set: Record<string, string>; remove: string[] }): Promise<boolean> {
  const names: Record<string, string> = { '#intake': 'intake', '#version': 'version', '#eraseSk': 'eraseSk' };
  const values: Record<string, unknown> = { ':version': seen.version, ':seen': seen.eraseSk };
  const sets = Object.entries(next.set).map(([name, value], i) => {
    names[`#s${i}`] = name;
    values[`:s${i}`] = value;
    return `#s${i} = :s${i}`;
  });
  const removes = ['#intake', ...next.remove.map((name, i) => ((names[`#r${i}`] = name), `#r${i}`))];
  try {
    await documentDb().send(
      new UpdateCommand({
        TableName: tableName(),
        Key: keys.case(caseId),
        UpdateExpression: `${sets.length ? `SET ${sets.join(', ')} ` : ''}REMOVE ${removes.join(', ')}`,
        ConditionExpression: '#version = :version AND #eraseSk = :seen',
        ExpressionAttributeNames: names,
        ExpressionAttributeValues: values,
      }),
    );
    return true;
  } catch (error) {
    if (isConditionalCheckFailed(error)) return false;
    throw error;
  }
}

/** Removes one attribute of an item if the item is there (a missing item is not an error: erased already, or never written). */
async function removeAttribute(Key: Record<string, string>, attribute: string): Promise<void> {
  try {
    await documentDb().send(
      new UpdateCommand({ TableName: tableName(), Key, UpdateExpression: 'REMOVE #attribute', ConditionExpression: 'attribute_exists(pk)', ExpressionAttributeNames: { '#attribute': attribute } }),
    );
  } catch (error) {
    if (!isConditionalCheckFailed(error)) throw error;
  }
}

/** Removes the free text of one timeline event (the event itself, its type, time and amounts stay). */
export const removeEventText = (caseId: string, seq: number) => removeAttribute(keys.caseEvent(caseId, seq), 'text');

/** Removes the consumer's own words about an injury (health data) from the safety report; the report stays for the regulator. */
export const removeSafetyInjuryDescription = (reportedAt: string, caseId: string) => removeAttribute(keys.safetyReport(reportedAt, caseId), 'injuryDescription');

/** Deletes the duplicate-detection marker (a hash of the consumer's phone) if it still names this case. */
export async function releaseOpenCaseMarker(duplicateKeyHash: string, caseId: string): Promise<void> {
  try {
    await documentDb().send(
      new DeleteCommand({ TableName: tableName(), Key: keys.openCaseMarker(duplicateKeyHash), ConditionExpression: 'caseId = :caseId', ExpressionAttributeValues: { ':caseId': caseId } }),
    );
  } catch (error) {
    if (!isConditionalCheckFailed(error)) throw error;
  }
}
