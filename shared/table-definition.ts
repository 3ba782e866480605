/**
 * The one definition of the data table's keys and indexes. The CDK stack and local table creation
 * both read it, so the cloud and the local runtime cannot drift apart.
 *
 * Single-table design: every item has `pk`/`sk`; the overloaded global secondary indexes serve
 * the listings. Key layout per entity lives next to its repository (shared/adapters).
 */
export interface KeyAttribute {
  name: string;
  type: 'S' | 'N';
}

export interface IndexDefinition {
  indexName: string;
  partitionKey: KeyAttribute;
  sortKey: KeyAttribute;
}

export const DATA_TABLE = {
  partitionKey: { name: 'pk', type: 'S' },
  sortKey: { name: 'sk', type: 'S' },
  globalSecondaryIndexes: [
    { indexName: 'gsi1', partitionKey: { name: 'gsi1pk', type: 'S' }, sortKey: { name: 'gsi1sk', type: 'S' } },
    { indexName: 'gsi2', partitionKey: { name: 'gsi2pk', type: 'S' }, sortKey: { name: 'gsi2sk', type: 'S' } },
  ] satisfies IndexDefinition[],
  /** Epoch seconds; idempotency records and throttling windows expire through it. */
  timeToLiveAttribute: 'expiresAt',
} as const satisfies {
  partitionKey: KeyAttribute;
  sortKey: KeyAttribute;
  globalSecondaryIndexes: IndexDefinition[];
  timeToLiveAttribute: string;
};

/** Buckets, by role; the local runtime creates them, CDK names them itself. */
export const BUCKETS = {
  documents: 'DOCUMENTS_BUCKET',
  reports: 'REPORTS_BUCKET',
} as const;
