import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import type { TransactionAction } from './arithmetic';
import { projectedAttributes, tableDefinition, type GlobalIndexDefinition } from '../../../functions/store/table-definition';

type Item = Record<string, AttributeValue>;

/**
 * An item's size as DynamoDB counts it for capacity and storage: attribute
 * names and string values in UTF-8 bytes, numbers 1 byte per 2 significant
 * digits plus 1, binaries by raw bytes, booleans and null 1 byte, lists and
 * maps 3 bytes plus 1 byte per element plus their elements.
 */
export function itemBytes(item: Record<string, AttributeValue>): number {
  let size = 0;
  for (const [name, value] of Object.entries(item)) size += Buffer.byteLength(name, 'utf8') + valueBytes(value);
  return size;
}

function numberBytes(text: string): number {
  const digits = text.replace(/^-/, '').replace(/e[+-]?\d+$/i, '').replace('.', '').replace(/^0+/, '').replace(/0+$/, '');
  return Math.ceil(Math.min(38, Math.max(1, digits.length)) / 2) + 1;
}

function valueBytes(value: AttributeValue): number {
  if (value.S !== undefined) return Buffer.byteLength(value.S, 'utf8');
  if (value.N !== undefined) return numberBytes(value.N);
  if (value.B !== undefined) return value.B.length;
  if (value.BOOL !== undefined || value.NULL !== undefined) return 1;
  if (value.SS !== undefined) return value.SS.reduce((sum, s) => sum + Buffer.byteLength(s, 'utf8'), 0);
  if (value.NS !== undefined) return value.NS.reduce((sum, n) => sum + numberBytes(n), 0);
  if (value.BS !== undefined) return value.BS.reduce((sum, b) => sum + b.length, 0);
  if (value.L !== undefined) return 3 + value.L.reduce((sum, element) => sum + 1 + valueBytes(element), 0);
  if (value.M !== undefined) return 3 + Object.keys(value.M).length + itemBytes(value.M);
  return 0;
}

/** The table's indexes, each with the projection the table definition gives it. */
export const tableIndexes: readonly GlobalIndexDefinition[] = tableDefinition.globalIndexes;

/** What-if: the same indexes projecting keys only. */
export const keysOnlyIndexes: readonly GlobalIndexDefinition[] = tableIndexes.map((index) => ({ ...index, projection: { type: 'KEYS_ONLY' } }));

/** The indexes an item appears in (it carries both of their key attributes: the indexes are sparse). */
export function indexesOf(item: Item | undefined, indexes: readonly GlobalIndexDefinition[]): GlobalIndexDefinition[] {
  if (!item) return [];
  return indexes.filter((index) => item[index.partitionKey.name] !== undefined && item[index.sortKey.name] !== undefined);
}

/**
 * An item's entry in an index, as DynamoDB stores and bills it: the table's
 * and the index's keys plus the projected attributes (the whole item for
 * ALL); undefined when the item is not in the index.
 */
export function indexEntryOf(item: Item | undefined, index: GlobalIndexDefinition): Item | undefined {
  if (!item || indexesOf(item, [index]).length === 0) return undefined;
  const projected = projectedAttributes(index);
  return projected ? Object.fromEntries(projected.filter((name) => item[name] !== undefined).map((name) => [name, item[name]!])) : item;
}

/** The item's key in the index, as one text (two entries with the same text are the same index position). */
export const indexKeyText = (entry: Item, index: GlobalIndexDefinition) => `${entry[index.partitionKey.name]?.S}|${entry[index.sortKey.name]?.S}`;

/** A write's item before and after, with its entries in `indexes` (each entry sized and compared as the index projects it). */
export function measuredWrite(kind: TransactionAction['kind'], was: Item | undefined, is: Item | undefined, indexes: readonly GlobalIndexDefinition[]): TransactionAction {
  const touched = new Set([...indexesOf(was, indexes), ...indexesOf(is, indexes)]);
  return {
    kind,
    ...(was ? { beforeBytes: itemBytes(was) } : {}),
    ...(is ? { afterBytes: itemBytes(is) } : {}),
    indexes: [...touched].map((index) => {
      const before = indexEntryOf(was, index);
      const after = indexEntryOf(is, index);
      return {
        indexName: index.indexName,
        ...(before ? { before: indexKeyText(before, index), beforeBytes: itemBytes(before) } : {}),
        ...(after ? { after: indexKeyText(after, index), afterBytes: itemBytes(after) } : {}),
        ...(before && after ? { changed: !sameEntry(before, after) } : {}),
      };
    }),
  };
}

/** Whether two index entries hold the same attributes and values (whatever order the attributes came in). */
export function sameEntry(a: Item, b: Item): boolean {
  return canonical({ M: a }) === canonical({ M: b });
}

function canonical(value: AttributeValue): string {
  if (value.M !== undefined) return `{${Object.keys(value.M).sort().map((name) => `${JSON.stringify(name)}:${canonical(value.M![name]!)}`).join(',')}}`;
  if (value.L !== undefined) return `[${value.L.map(canonical).join(',')}]`;
  return JSON.stringify(value);
}
