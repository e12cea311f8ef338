import {
  byteMonths,
  dollarsPerMillion,
  gigabyte,
  gigabyteSeconds,
  indexEntryWriteUnits,
  monthMs,
  readUnits,
  residualDollarsPerMillionPerYear,
  storedBytes,
  transactionWriteUnits,
  writeUnits,
  type PerComplaintUsage,
} from '../../../bin/bench/cost/arithmetic';
import { indexEntryOf, itemBytes, keysOnlyIndexes, measuredWrite, tableIndexes } from '../../../bin/bench/cost/item-size';
import { prices } from '../../../bin/bench/cost/prices';
import { indexKeys } from '../../../functions/store/keys';
import { indexes } from '../../../functions/store/table-definition';

const marshalled = (attributes: Record<string, string>) => Object.fromEntries(Object.entries(attributes).map(([name, value]) => [name, { S: value }]));

/** The cost bench's arithmetic (`npm run bench:cost`): units as DynamoDB bills them, and dollars from units. */
describe('capacity units', () => {
  it('bills writes per started KB, reads per started 4 KB, half when eventually consistent, double in a transaction', () => {
    expect([writeUnits(1), writeUnits(1024), writeUnits(1025), writeUnits(3000, true)]).toEqual([1, 1, 2, 6]);
    expect([readUnits(100, 'eventual'), readUnits(4096, 'strong'), readUnits(4097, 'strong'), readUnits(5000, 'transactional')]).toEqual([0.5, 1, 2, 4]);
  });

  it('bills a transaction twice per item and per index entry it writes; a changed index key is a delete and a put', () => {
    const actions = [
      // A new 1.5 KB case in two indexes: 2 x 2 for the item, 2 x 2 per index entry.
      { kind: 'Put' as const, afterBytes: 1500, indexes: [{ indexName: 'byMonth', after: 'm' }, { indexName: 'byRegion', after: 'r' }] },
      // An update that moves the deadline index key: delete 0.9 KB + put 1 KB, both in one-KB units.
      { kind: 'Update' as const, beforeBytes: 900, afterBytes: 1000, indexes: [{ indexName: 'byDeadline', before: 'a', after: 'b' }] },
      // A condition check bills the item it checks, and writes no index.
      { kind: 'ConditionCheck' as const, beforeBytes: 200, afterBytes: 200, indexes: [{ indexName: 'byMonth', before: 'x', after: 'x' }] },
    ];
    expect(transactionWriteUnits(actions)).toBe(4 + 4 + 4 + 2 + 2 + 2 + 2);
    expect(transactionWriteUnits(actions, 'standard')).toBe(4 + 2 + 2 + 2 + 1 + 1 + 2);
  });

  it('writes a keys-only index entry only when it appears, moves or goes, in one-KB units', () => {
    const keys = (before?: string, after?: string) => ({ ...(before ? { before, beforeBytes: 60 } : {}), ...(after ? { after, afterBytes: 60 } : {}), changed: false });
    const update = { kind: 'Update' as const, beforeBytes: 3000, afterBytes: 3100, indexes: [{ indexName: 'byMonth', ...keys('m', 'm') }, { indexName: 'byDeadline', ...keys('a', 'b') }, { indexName: 'byErasure', ...keys(undefined, 'e') }] };
    // The item: 2 x 4 KB; byMonth unchanged: nothing; byDeadline moved: 2 + 2; byErasure new: 2.
    expect(transactionWriteUnits([update])).toBe(8 + 4 + 2);
  });

  it("bills an index entry by the table definition's projection: a keys-only entry of a 3 KB item is 1 WU and about its keys' bytes of storage", () => {
    const item = { pk: { S: 'CASE#HN1' }, sk: { S: 'CASE' }, story: { S: 'x'.repeat(2800) }, ...marshalled(indexKeys.byDeadline('2026-12-01', 'HN1')), ...marshalled(indexKeys.byMonth('2026-11-29', '2026-11-29T01:00:00.000Z', 'HN1')) };
    expect(indexes.byDeadline.projection).toEqual({ type: 'KEYS_ONLY' });
    expect(Math.ceil(itemBytes(item) / 1024)).toBe(3);
    const deadlineEntry = indexEntryOf(item, indexes.byDeadline)!;
    expect(Object.keys(deadlineEntry).sort()).toEqual(['duePk', 'dueSk', 'pk', 'sk']);
    const keyBytes = itemBytes(deadlineEntry);
    expect(keyBytes).toBeLessThan(100);
    // Plain write: 1 WU for the keys-only entry, 3 for the entry of the index that projects everything.
    expect(indexEntryWriteUnits({ indexName: 'byDeadline', after: 'd', afterBytes: keyBytes }, { afterBytes: itemBytes(item) })).toBe(1);
    expect(indexEntryWriteUnits({ indexName: 'byMonth', after: 'm' }, { afterBytes: itemBytes(item) })).toBe(3);
    // Storage: the item and each entry with 100 bytes of overhead; the keys-only entry adds its keys and no more.
    expect(storedBytes(itemBytes(item), [keyBytes]) - storedBytes(itemBytes(item))).toBe(keyBytes + 100);
    expect(storedBytes(itemBytes(item), [itemBytes(indexEntryOf(item, indexes.byMonth)!)]) - storedBytes(itemBytes(item))).toBe(itemBytes(item) + 100);

    // A transaction filing it: the item 2 x 3, the keys-only entry 2 x 1, the whole-item entry 2 x 3 (byMonth projects ALL).
    const filed = measuredWrite('Put', undefined, item, tableIndexes);
    expect(filed.indexes.map((entry) => entry.indexName).sort()).toEqual(['byDeadline', 'byMonth']);
    expect(transactionWriteUnits([filed])).toBe(6 + 2 + 6);
    expect(transactionWriteUnits([filed], 'standard')).toBe(6 + 1 + 3);
    // Every index keys only (the bench's what-if): the item and two small entries.
    expect(transactionWriteUnits([measuredWrite('Put', undefined, item, keysOnlyIndexes)])).toBe(6 + 2 + 2);
  });

  it('writes an index entry whose key stays only when a projected attribute changes', () => {
    const event = { pk: { S: 'CASE#HN1' }, sk: { S: 'EVENT#000002' }, caseId: { S: 'HN1' }, seq: { N: '2' }, text: { S: 'x'.repeat(1500) }, ...marshalled(indexKeys.changeFeed('2026-11-29T01:00:00.000Z', 'HN1', 2)) };
    expect(indexes.byChange.projection).toEqual({ type: 'INCLUDE', nonKeyAttributes: ['caseId', 'seq'] });
    const { text: _text, ...withoutText } = event;
    // Erasure removes the event's text, which byChange does not project: the item is written (2 x 2), the index is not.
    const erased = measuredWrite('Update', event, withoutText, tableIndexes);
    expect(erased.indexes).toEqual([expect.objectContaining({ indexName: 'byChange', changed: false })]);
    expect(transactionWriteUnits([erased])).toBe(4);
    // A projected attribute that changes writes the entry once, by the entry's size.
    const renumbered = measuredWrite('Update', event, { ...event, seq: { N: '3' } }, tableIndexes);
    expect(transactionWriteUnits([renumbered])).toBe(4 + 2);
    // With ALL, any change of the item rewrites its whole entry.
    const wholeEvent = { ...indexes.byChange, projection: { type: 'ALL' as const } };
    expect(transactionWriteUnits([measuredWrite('Update', event, withoutText, [wholeEvent])])).toBe(4 + 4);
  });

  it('sizes an item as DynamoDB does: names and values in UTF-8 bytes, numbers by digits, maps and lists with their overhead', () => {
    expect(itemBytes({ pk: { S: 'CASE#1' } })).toBe(2 + 6);
    expect(itemBytes({ name: { S: '张三' } })).toBe(4 + 6);
    expect(itemBytes({ n: { N: '12345' } })).toBe(1 + 4);
    expect(itemBytes({ ok: { BOOL: true } })).toBe(2 + 1);
    expect(itemBytes({ m: { M: { a: { S: 'x' } } } })).toBe(1 + 3 + 1 + 2);
    expect(itemBytes({ l: { L: [{ S: 'ab' }, { N: '7' }] } })).toBe(1 + 3 + (1 + 2) + (1 + 2));
  });
});

describe('dollars', () => {
  const usage: PerComplaintUsage = {
    readUnits: 40,
    writeUnits: 200,
    lambdaInvocations: 20,
    lambdaGbSeconds: 2,
    apiRequests: 15,
    logBytes: 20 * 1024,
    storedByteMonths: 10_000 * 36,
    tableByteMonths: 4_000 * 36,
    storedBytesAfterErasure: 8_000,
    tableBytesAfterErasure: 3_000,
  };
  const line = (item: string) => dollarsPerMillion(usage).find((l) => l.item.startsWith(item))!.dollarsPerMillion;

  it('turns units per complaint into dollars per million complaints at the list prices', () => {
    expect(line('DynamoDB write')).toBeCloseTo(200 * 0.625);
    expect(line('DynamoDB read')).toBeCloseTo(40 * 0.125);
    expect(line('Lambda requests')).toBeCloseTo(20 * 0.2);
    expect(line('Lambda duration')).toBeCloseTo(2 * 1e6 * prices.lambda.perGbSecondArm64);
    expect(line('HTTP API')).toBeCloseTo(15);
    expect(line('CloudWatch')).toBeCloseTo(((20 * 1024 * 1e6) / gigabyte) * 0.5);
  });

  it('bills storage by GB-month over 36 months, indexes included, and PITR on the base table', () => {
    expect(line('DynamoDB storage')).toBeCloseTo(((10_000 * 1e6) / gigabyte) * 36 * 0.25);
    expect(line('DynamoDB PITR')).toBeCloseTo(((4_000 * 1e6) / gigabyte) * 36 * 0.2);
    expect(residualDollarsPerMillionPerYear(usage)).toBeCloseTo(12 * (((8_000 * 1e6) / gigabyte) * 0.25 + ((3_000 * 1e6) / gigabyte) * 0.2));
  });

  it('stores an item for the whole horizon, or until its TTL, and bills 100 bytes of overhead per item and per index entry', () => {
    const from = Date.UTC(2026, 10, 29);
    expect(byteMonths(1000, from, 36)).toBe(36_000);
    expect(byteMonths(1000, from, 36, (from + 6 * monthMs) / 1000)).toBeCloseTo(6000);
    expect(byteMonths(1000, from, 36, (from + 50 * monthMs) / 1000)).toBe(36_000);
    expect(byteMonths(1000, from, 36, from / 1000 - 1)).toBe(0);
    expect(storedBytes(900)).toBe(1000);
    expect(storedBytes(900, [900, 900, 900])).toBe(4000);
  });

  it('rounds each Lambda invocation up to the millisecond before multiplying by memory', () => {
    expect(gigabyteSeconds([0.2, 1.5, 998.1], 1024)).toBeCloseTo((1 + 2 + 999) / 1000);
    expect(gigabyteSeconds([1000], 512)).toBeCloseTo(0.5);
  });
});
