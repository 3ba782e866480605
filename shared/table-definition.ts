/**
 * The one definition of each table's keys and indexes. The CDK stack and local table creation
 * both read it, so the cloud and the local runtime cannot drift apart.
 *
 * Single-table design for the data: every item has `pk`/`sk`; the overloaded global secondary
 * indexes serve the listings. Key layout per entity lives next to its repository (shared/adapters).
 */
export interface KeyAttribute {
  name: string;
  type: 'S' | 'N';
}

export interface IndexDefinition {
  indexName: string;
  partitionKey: KeyAttribute;
  sortKey: KeyAttribute;
  /** The attributes copied into the index besides the keys: all, or just these. */
  projection: 'ALL' | readonly string[];
}

/**
 * What a petition listing shows. Projecting only these (not the parties, history and documents)
 * keeps each index entry under 1 KB: a submission, which moves a petition in both listing
 * indexes, then costs one write unit per index entry instead of two.
 */
export const PETITION_SUMMARY_ATTRIBUTES = [
  'petitionId',
  'officeCode',
  'kind',
  'subject',
  'status',
  'createdAt',
  'submittedAt',
  'month',
  'trackingCode',
] as const;

/** What a court's inbox shows: the summary, the office it came from and when it last changed. */
export const COURT_INBOX_ATTRIBUTES = [
  ...PETITION_SUMMARY_ATTRIBUTES,
  'officeName',
  'courtCode',
  'updatedAt',
  'cureDeadline',
] as const;

/** What the province's attention list needs of a petition: no party, no document. */
export const ATTENTION_ATTRIBUTES = [
  'petitionId',
  'officeCode',
  'status',
  'court',
  'cureDeadline',
  'rejection',
  'updatedAt',
] as const;

export interface TableDefinition {
  partitionKey: KeyAttribute;
  sortKey?: KeyAttribute;
  globalSecondaryIndexes: IndexDefinition[];
  /** Epoch seconds after which DynamoDB deletes the item. */
  timeToLiveAttribute: string;
  /**
   * The table's change stream, when it has one. NEW_IMAGE: the outbox pipe needs the new outbox
   * item itself, never the old image (which nothing reads).
   */
  stream?: 'NEW_IMAGE';
}

export const DATA_TABLE: TableDefinition = {
  partitionKey: { name: 'pk', type: 'S' },
  sortKey: { name: 'sk', type: 'S' },
  globalSecondaryIndexes: [
    // An office's petitions, newest first; and the same per status.
    {
      indexName: 'gsi1',
      partitionKey: { name: 'gsi1pk', type: 'S' },
      sortKey: { name: 'gsi1sk', type: 'S' },
      projection: PETITION_SUMMARY_ATTRIBUTES,
    },
    {
      indexName: 'gsi2',
      partitionKey: { name: 'gsi2pk', type: 'S' },
      sortKey: { name: 'gsi2sk', type: 'S' },
      projection: PETITION_SUMMARY_ATTRIBUTES,
    },
    // The office registry: a sparse index holding office items only, whole.
    {
      indexName: 'gsi3',
      partitionKey: { name: 'gsi3pk', type: 'S' },
      sortKey: { name: 'gsi3sk', type: 'S' },
      projection: 'ALL',
    },
    // A court's inbox, one partition per court and status, newest change first (see dynamo-keys.ts).
    {
      indexName: 'gsi4',
      partitionKey: { name: 'gsi4pk', type: 'S' },
      sortKey: { name: 'gsi4sk', type: 'S' },
      projection: COURT_INBOX_ATTRIBUTES,
    },
    // What a province must look at (shared/domain/attention.ts): sparse, one partition per province.
    {
      indexName: 'gsi5',
      partitionKey: { name: 'gsi5pk', type: 'S' },
      sortKey: { name: 'gsi5sk', type: 'S' },
      projection: ATTENTION_ATTRIBUTES,
    },
  ],
  timeToLiveAttribute: 'expiresAt',
  // The transactional outbox: new outbox items reach the event bus through an EventBridge pipe
  // (infra/event-backbone.ts), locally through local/event-stream.ts. The stream holds every
  // item's new image for 24 hours, parties included; only the pipe's role may read it, and its
  // filter passes outbox items alone, so no personal data reaches the bus.
  stream: 'NEW_IMAGE',
};

/**
 * Submission records (an Idempotency-Key's request and answer), in a table of their own, keyed by
 * `id` = office and key alone: one partition per record, never a shared hot key, and a TTL of a
 * day. (It held Powertools idempotency records before; their items expire on their own.)
 */
export const IDEMPOTENCY_TABLE: TableDefinition = {
  partitionKey: { name: 'id', type: 'S' },
  globalSecondaryIndexes: [],
  timeToLiveAttribute: 'expiration',
};
