import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { documentDb, tableName } from '../../../functions/store/client';
import { feedPage } from '../../../functions/store/statistics';
import { indexes } from '../../../functions/store/table-definition';
import { complaintFrom } from '../../unit/statistics/support/case-histories';
import { createTestTable } from '../../support/dynamodb';
import { fileCase, moveCase } from './support';

/**
 * The change feed has an index of its own (byChange) holding, per timeline
 * event, only its keys, case id and seq: the statistics job reads nothing
 * else of it. Case items stay in byMonth, events no longer do.
 */
beforeAll(async () => {
  await createTestTable({ prefix: 'stats-feed' });
});

const seed = { category: 3, issue: 5, consumerRegion: 2, merchantRegion: 4, withMerchantRegion: true, injury: false };
const moves = [0, 1, 2, 3].map((i) => ({ pick: i * 13, amountFen: 1000 + i * 777, rating: 1 + i, reason: i, step: i, region: i * 11, injury: false }));

const query = async (indexName: string, partitionKey: string, value: string) =>
  (await documentDb().send(new QueryCommand({ TableName: tableName(), IndexName: indexName, KeyConditionExpression: '#pk = :pk', ExpressionAttributeNames: { '#pk': partitionKey }, ExpressionAttributeValues: { ':pk': value } })))
    .Items ?? [];

it("lists every timeline event in the change feed under its UTC day, with the case id and seq the statistics job reads, and nothing of the case's data", async () => {
  const caseId = await fileCase(complaintFrom(seed), new Date());
  for (const move of moves) await moveCase(caseId, move, new Date());
  const events = (await documentDb().send(new QueryCommand({ TableName: tableName(), KeyConditionExpression: 'pk = :pk AND begins_with(sk, :event)', ExpressionAttributeValues: { ':pk': `CASE#${caseId}`, ':event': 'EVENT#' } }))).Items ?? [];
  expect(events.length).toBeGreaterThan(0);

  for (const event of events) {
    const day = String(event.at).slice(0, 10);
    expect(event).toMatchObject({ changePk: `CHANGED#${day}`, changeSk: `${event.at}#${caseId}#${String(event.seq).padStart(6, '0')}` });
    expect(event).not.toHaveProperty('monthPk');
    const entry = (await query(indexes.byChange.indexName, 'changePk', `CHANGED#${day}`)).find((item) => item.sk === event.sk);
    expect(entry).toEqual({ pk: event.pk, sk: event.sk, changePk: event.changePk, changeSk: event.changeSk, caseId, seq: event.seq });
    expect(await query(indexes.byMonth.indexName, 'monthPk', `CHANGED#${day}`)).toEqual([]);
  }

  const days = [...new Set(events.map((event) => String(event.at).slice(0, 10)))];
  const feed = (await Promise.all(days.map((day) => feedPage('changes', day, undefined, 100)))).flatMap((page) => page.entries).filter((entry) => entry.caseId === caseId);
  expect(feed.map((entry) => entry.version).sort((a, b) => a - b)).toEqual(events.map((event) => Number(event.seq)).sort((a, b) => a - b));
});
