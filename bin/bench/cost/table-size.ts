import { paginateScan } from '@aws-sdk/client-dynamodb';
import { tableDefinition } from '../../../functions/store/table-definition';
import { byteMonths, storageMonths, storedBytes } from './arithmetic';
import { indexEntryOf, indexesOf, itemBytes, keysOnlyIndexes, tableIndexes } from './item-size';
import { unmeteredClient } from '../unmetered-client';

export interface KindSize {
  items: number;
  indexEntries: number;
  storedBytes: number;
}

export interface TableSize {
  items: number;
  /** Billed storage now: items and their index entries (keys and projected attributes), each with DynamoDB's 100-byte overhead. */
  storedBytes: number;
  /** The base table alone (what PITR is billed on). */
  tableBytes: number;
  /** The same over the next 36 months, each item until its TTL (`expiresAt`) removes it. */
  storedByteMonths: number;
  tableByteMonths: number;
  /** What if every index projected keys only: the stored byte-months then (index entries hold the table's and the index's keys). */
  keysOnlyByteMonths: number;
  /** By kind of item (the key's prefixes, as the store meter names them). */
  byKind: Record<string, KindSize>;
}

/** `CASE/EVENT` for a timeline event: the prefixes of the item's keys, as the store meter names kinds. */
const kindOfKey = (key: { pk?: string; sk?: string }) => `${(key.pk ?? '?').split('#')[0]}/${(key.sk ?? '?').split('#')[0]}`;

/**
 * Scans the whole table (with a client no meter sees) and adds up what
 * DynamoDB would bill in storage as of `at`: items whose TTL has passed by
 * then are gone (DynamoDB Local does not run TTL deletion itself).
 */
export async function measureTable(tableName: string, at: Date = new Date()): Promise<TableSize> {
  const client = unmeteredClient();
  const size: TableSize = { items: 0, storedBytes: 0, tableBytes: 0, storedByteMonths: 0, tableByteMonths: 0, keysOnlyByteMonths: 0, byKind: {} };
  const atSeconds = at.getTime() / 1000;
  try {
    for await (const page of paginateScan({ client }, { TableName: tableName })) {
      for (const item of page.Items ?? []) {
        const expiresAt = item[tableDefinition.timeToLiveAttribute]?.N === undefined ? undefined : Number(item[tableDefinition.timeToLiveAttribute]!.N);
        if (expiresAt !== undefined && expiresAt <= atSeconds) continue;
        const bytes = itemBytes(item);
        const entryBytes = (indexes: typeof tableIndexes) => indexesOf(item, indexes).map((index) => itemBytes(indexEntryOf(item, index)!));
        const entries = entryBytes(tableIndexes);
        const indexEntries = entries.length;
        const keysOnly = storedBytes(bytes, entryBytes(keysOnlyIndexes));
        const stored = storedBytes(bytes, entries);
        const table = storedBytes(bytes);
        size.items += 1;
        size.storedBytes += stored;
        size.tableBytes += table;
        size.storedByteMonths += byteMonths(stored, at.getTime(), storageMonths, expiresAt);
        size.tableByteMonths += byteMonths(table, at.getTime(), storageMonths, expiresAt);
        size.keysOnlyByteMonths += byteMonths(keysOnly, at.getTime(), storageMonths, expiresAt);
        const kind = (size.byKind[kindOfKey({ pk: item.pk?.S, sk: item.sk?.S })] ??= { items: 0, indexEntries: 0, storedBytes: 0 });
        kind.items += 1;
        kind.indexEntries += indexEntries;
        kind.storedBytes += stored;
      }
    }
  } finally {
    client.destroy();
  }
  return size;
}

/** What the complaints added to the table: `after` less the registries and funds measured before the first filing. */
export function difference(after: TableSize, before: TableSize): TableSize {
  const byKind: Record<string, KindSize> = {};
  for (const kind of new Set([...Object.keys(after.byKind), ...Object.keys(before.byKind)])) {
    const a = after.byKind[kind] ?? { items: 0, indexEntries: 0, storedBytes: 0 };
    const b = before.byKind[kind] ?? { items: 0, indexEntries: 0, storedBytes: 0 };
    if (a.storedBytes !== b.storedBytes) byKind[kind] = { items: a.items - b.items, indexEntries: a.indexEntries - b.indexEntries, storedBytes: a.storedBytes - b.storedBytes };
  }
  return {
    items: after.items - before.items,
    storedBytes: after.storedBytes - before.storedBytes,
    tableBytes: after.tableBytes - before.tableBytes,
    storedByteMonths: after.storedByteMonths - before.storedByteMonths,
    tableByteMonths: after.tableByteMonths - before.tableByteMonths,
    keysOnlyByteMonths: after.keysOnlyByteMonths - before.keysOnlyByteMonths,
    byKind,
  };
}
