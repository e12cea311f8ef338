/**
 * The single table's shape, as plain data. CDK (`lib/data.ts`) and the local
 * table creation (`bin/local/dynamodb-local.ts`) are both generated from it.
 * README.md ("Data model") lists every entity and access pattern.
 */
export interface KeyAttribute {
  name: string;
  type: 'S' | 'N';
}

/**
 * What an index entry holds besides the table's and the index's keys, which
 * every entry holds: every attribute (`ALL`), nothing more (`KEYS_ONLY`), or
 * the named attributes (`INCLUDE`). An index is billed for its entries'
 * size, and written whenever a projected attribute changes, so an index
 * projects only what its readers read from it.
 */
export type IndexProjection = { type: 'ALL' } | { type: 'KEYS_ONLY' } | { type: 'INCLUDE'; nonKeyAttributes: readonly string[] };

export interface GlobalIndexDefinition {
  indexName: string;
  partitionKey: KeyAttribute;
  sortKey: KeyAttribute;
  projection: IndexProjection;
  /** Why the index exists: the access pattern it serves. */
  serves: string;
}

/** An index keyed by two string attributes, `<prefix>Pk` and `<prefix>Sk`. */
function stringIndex(indexName: string, keyPrefix: string, projection: IndexProjection, serves: string): GlobalIndexDefinition {
  return { indexName, partitionKey: { name: `${keyPrefix}Pk`, type: 'S' }, sortKey: { name: `${keyPrefix}Sk`, type: 'S' }, projection, serves };
}

const all: IndexProjection = { type: 'ALL' };
/** The jobs' queues: a job reads the case id from the keys and then the case itself by key. */
const keysOnly: IndexProjection = { type: 'KEYS_ONLY' };

/** The global secondary indexes by name: queries take `IndexName` and key attribute names from here. */
export const indexes = {
  // Listings answer whole case views and filter on status, step, deadline...: every attribute.
  byAssociation: stringIndex('byAssociation', 'assoc', all, "a mediator's queue: cases of one consumer association, by time received; all published disclosures (`DISCLOSURE#ALL`)"),
  byMerchant: stringIndex('byMerchant', 'merchant', all, "a merchant's cases and public record, by time received; its published disclosures (`DISCLOSURE#<creditCode>`)"),
  byRegion: stringIndex('byRegion', 'region', all, "a regulator's cases and safety reports (`SAFETY#`) for one prefecture, by time received; disclosures by region (`DISCLOSURE#<prefecture>`)"),
  byDeadline: stringIndex('byDeadline', 'due', keysOnly, 'the deadline sweeper: open cases whose current deadline has passed (sparse)'),
  byMonth: stringIndex('byMonth', 'month', all, 'overloaded: cases by China-time month received (`MONTH#`, also how statistics find new filings and rebuild), disclosures by category (`DISCLOSURE#<category>`)'),
  byErasure: stringIndex('byErasure', 'erase', keysOnly, "the `erase-personal-data` job: cases by the instant their next privacy deadline falls due (the sealed intake answer after 24 hours, the consumer's data 3 years after closing); sparse"),
  // The statistics job reads an entry's case id and version (`feedPage`), and then the case by key.
  byChange: stringIndex('byChange', 'change', { type: 'INCLUDE', nonKeyAttributes: ['caseId', 'seq'] }, 'the change feed statistics read: every timeline event by the UTC day it happened (`CHANGED#<day>`, sort key `<at>#<caseId>#<seq>`)'),
} as const satisfies Record<string, GlobalIndexDefinition>;

export type IndexName = keyof typeof indexes;

export const tableDefinition = {
  /** Logical name; the deployed name comes from CloudFormation, the local one from the local stack. */
  logicalName: 'Redress',
  partitionKey: { name: 'pk', type: 'S' } as KeyAttribute,
  sortKey: { name: 'sk', type: 'S' } as KeyAttribute,
  /** Epoch seconds; DynamoDB deletes the item some time after. */
  timeToLiveAttribute: 'expiresAt',
  streamView: 'NEW_AND_OLD_IMAGES' as const,
  globalIndexes: Object.values(indexes),
} as const;

/** The attributes an entry of `index` holds: undefined for every attribute (`ALL`). */
export function projectedAttributes(index: GlobalIndexDefinition): string[] | undefined {
  if (index.projection.type === 'ALL') return undefined;
  const keys = [tableDefinition.partitionKey.name, tableDefinition.sortKey.name, index.partitionKey.name, index.sortKey.name];
  return [...new Set([...keys, ...(index.projection.type === 'INCLUDE' ? index.projection.nonKeyAttributes : [])])];
}

/** Every attribute that appears in a key of the table or an index. */
export function keyAttributes(): KeyAttribute[] {
  const all = [tableDefinition.partitionKey, tableDefinition.sortKey, ...tableDefinition.globalIndexes.flatMap((g) => [g.partitionKey, g.sortKey])];
  return [...new Map(all.map((a) => [a.name, a])).values()];
}
