import type { AttributeValue } from '@aws-sdk/client-dynamodb';

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

/** The index keys the table's global indexes are keyed by; every index projects ALL attributes. */
export interface IndexKey {
  indexName: string;
  partitionKey: string;
  sortKey: string;
}

/** The indexes an item appears in (it carries both of their key attributes: the indexes are sparse). */
export function indexesOf(item: Record<string, AttributeValue> | undefined, indexes: readonly IndexKey[]): IndexKey[] {
  if (!item) return [];
  return indexes.filter((index) => item[index.partitionKey] !== undefined && item[index.sortKey] !== undefined);
}
