/**
 * The single table, described once. The CDK stack (`infra/`) and the local table creation
 * (`createTableInput`) both read this, so the local table has exactly the deployed key schema.
 */
import type { CreateTableCommandInput, Projection } from '@aws-sdk/client-dynamodb';

export interface IndexDefinition {
  indexName: string;
  partitionKey: string;
  sortKey: string;
  /** Non-key attributes copied into the index; without it the index holds every attribute (ALL). */
  include?: readonly string[];
}

/**
 * gsi1: local administrators of an organisation, a person's own requests (see keys.ts).
 * gsi2: sparse, by due date.
 * gsi3: sparse, the person list of an organisation. Only memberships carry its keys, and it holds only
 * what a list row, its search and its status filter need, so a page of 50 reads ≤ 16 KB (≤ 2 RCU). The
 * person id is the index's sort key, so it is not copied again.
 */
const globalSecondaryIndexes: readonly IndexDefinition[] = [
  { indexName: 'gsi1', partitionKey: 'gsi1pk', sortKey: 'gsi1sk' },
  { indexName: 'gsi2', partitionKey: 'gsi2pk', sortKey: 'gsi2sk' },
  {
    indexName: 'gsi3',
    partitionKey: 'gsi3pk',
    sortKey: 'gsi3sk',
    include: ['nationalNumber', 'person', 'nickname', 'status', 'searchText'],
  },
];

export const tableDefinition = {
  partitionKey: 'pk',
  sortKey: 'sk',
  globalSecondaryIndexes,
  /** Epoch seconds; used by idempotency records, the register's answers and the events' outbox. */
  timeToLiveAttribute: 'expiration',
  /**
   * The stream carries every new item; EventBridge Pipes (locally the pipe of `npm start`) takes the
   * change events' outbox items from it to the event bus. New images only: an event is never edited.
   */
  streamViewType: 'NEW_IMAGE',
} as const;

export function indexProjection(index: IndexDefinition): Projection {
  return index.include
    ? { ProjectionType: 'INCLUDE', NonKeyAttributes: [...index.include] }
    : { ProjectionType: 'ALL' };
}

export function createTableInput(tableName: string): CreateTableCommandInput {
  const { partitionKey, sortKey, globalSecondaryIndexes, streamViewType } = tableDefinition;
  const attributes = [
    partitionKey,
    sortKey,
    ...globalSecondaryIndexes.flatMap((i) => [i.partitionKey, i.sortKey]),
  ];
  return {
    TableName: tableName,
    BillingMode: 'PAY_PER_REQUEST',
    StreamSpecification: { StreamEnabled: true, StreamViewType: streamViewType },
    AttributeDefinitions: attributes.map((name) => ({ AttributeName: name, AttributeType: 'S' })),
    KeySchema: [
      { AttributeName: partitionKey, KeyType: 'HASH' },
      { AttributeName: sortKey, KeyType: 'RANGE' },
    ],
    GlobalSecondaryIndexes: globalSecondaryIndexes.map((i) => ({
      IndexName: i.indexName,
      KeySchema: [
        { AttributeName: i.partitionKey, KeyType: 'HASH' },
        { AttributeName: i.sortKey, KeyType: 'RANGE' },
      ],
      Projection: indexProjection(i),
    })),
  };
}
