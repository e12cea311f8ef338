/**
 * The single table's shape, as plain data. CDK (`lib/data.ts`) and the local
 * table creation (`bin/local/dynamodb-local.ts`) are both generated from it.
 * README.md ("Data model") lists every entity and access pattern.
 */
export interface KeyAttribute {
  name: string;
  type: 'S' | 'N';
}

export interface GlobalIndexDefinition {
  indexName: string;
  partitionKey: KeyAttribute;
  sortKey: KeyAttribute;
  /** Why the index exists: the access pattern it serves. */
  serves: string;
}

export const tableDefinition = {
  /** Logical name; the deployed name comes from CloudFormation, the local one from the local stack. */
  logicalName: 'Redress',
  partitionKey: { name: 'pk', type: 'S' } as KeyAttribute,
  sortKey: { name: 'sk', type: 'S' } as KeyAttribute,
  /** Epoch seconds; DynamoDB deletes the item some time after. */
  timeToLiveAttribute: 'expiresAt',
  streamView: 'NEW_AND_OLD_IMAGES' as const,
  globalIndexes: [
    {
      indexName: 'byAssociation',
      partitionKey: { name: 'assocPk', type: 'S' },
      sortKey: { name: 'assocSk', type: 'S' },
      serves: "a mediator's queue: cases of one consumer association, by time received; all published disclosures (`DISCLOSURE#ALL`)",
    },
    {
      indexName: 'byMerchant',
      partitionKey: { name: 'merchantPk', type: 'S' },
      sortKey: { name: 'merchantSk', type: 'S' },
      serves: "a merchant's cases and public record, by time received; its published disclosures (`DISCLOSURE#<creditCode>`)",
    },
    {
      indexName: 'byRegion',
      partitionKey: { name: 'regionPk', type: 'S' },
      sortKey: { name: 'regionSk', type: 'S' },
      serves: "a regulator's cases and safety reports (`SAFETY#`) for one prefecture, by time received; disclosures by region (`DISCLOSURE#<prefecture>`)",
    },
    {
      indexName: 'byDeadline',
      partitionKey: { name: 'duePk', type: 'S' },
      sortKey: { name: 'dueSk', type: 'S' },
      serves: 'the deadline sweeper: open cases whose current deadline has passed (sparse)',
    },
    {
      indexName: 'byMonth',
      partitionKey: { name: 'monthPk', type: 'S' },
      sortKey: { name: 'monthSk', type: 'S' },
      serves: 'overloaded: cases by China-time month received (`MONTH#`, also how statistics find new filings), the change feed of timeline events by UTC day (`CHANGED#`), disclosures by category (`DISCLOSURE#<category>`)',
    },
    {
      indexName: 'byErasure',
      partitionKey: { name: 'erasePk', type: 'S' },
      sortKey: { name: 'eraseSk', type: 'S' },
      serves: "the `erase-personal-data` job: cases by the instant their next privacy deadline falls due (the sealed intake answer after 24 hours, the consumer's data 3 years after closing); sparse",
    },
  ] as GlobalIndexDefinition[],
} as const;

/** Every attribute that appears in a key of the table or an index. */
export function keyAttributes(): KeyAttribute[] {
  const all = [tableDefinition.partitionKey, tableDefinition.sortKey, ...tableDefinition.globalIndexes.flatMap((g) => [g.partitionKey, g.sortKey])];
  return [...new Map(all.map((a) => [a.name, a])).values()];
}
