/**
 * Creates the single table locally from the same definition the CDK stack uses, so DynamoDB Local
 * always has the deployed key schema. Also brings an older local table (e.g. from `.data/`) up to date:
 * an index the definition gained is added (after moving existing items onto its keys, see `BACKFILLS`),
 * and an index whose key schema or projection changed is dropped and built again (local data only:
 * DynamoDB cannot change an index in place).
 */
import {
  CreateTableCommand,
  type CreateTableCommandInput,
  DescribeTableCommand,
  type DynamoDBClient,
  type GlobalSecondaryIndex,
  type GlobalSecondaryIndexDescription,
  ResourceInUseException,
  ResourceNotFoundException,
  ScanCommand,
  type ScanCommandOutput,
  type TableDescription,
  UpdateItemCommand,
  UpdateTableCommand,
  UpdateTimeToLiveCommand,
} from '@aws-sdk/client-dynamodb';
import { marshall } from '@aws-sdk/util-dynamodb';
import { ITEM_TYPES, keys } from '#lib/adapters/dynamodb/keys';
import { createTableInput, tableDefinition } from '#lib/adapters/dynamodb/table-definition';

const WAIT_TIMEOUT_MS = 60_000;

async function describe(client: DynamoDBClient, tableName: string): Promise<TableDescription | undefined> {
  try {
    return (await client.send(new DescribeTableCommand({ TableName: tableName }))).Table;
  } catch (error) {
    if (error instanceof ResourceNotFoundException) return undefined;
    throw error;
  }
}

/** Waits until the table and all of its indexes are ACTIVE (DynamoDB Local is quick, AWS is not). */
async function waitUntilActive(client: DynamoDBClient, tableName: string): Promise<void> {
  const deadline = Date.now() + WAIT_TIMEOUT_MS;
  while (true) {
    const table = await describe(client, tableName);
    const indexesActive = (table?.GlobalSecondaryIndexes ?? []).every((i) => i.IndexStatus === 'ACTIVE');
    if (table?.TableStatus === 'ACTIVE' && indexesActive) return;
    if (Date.now() > deadline) throw new Error(`Tabel ${tableName} werd niet ACTIVE binnen de tijd.`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/**
 * Creates the table as deployed, or brings an existing one up to date. `stream: false` leaves out the
 * stream, which only the change events' pipe reads (DynamoDB Local writes about a third slower with one):
 * for tests and benchmarks that run without the pipe.
 */
export async function ensureTable(
  client: DynamoDBClient,
  tableName: string,
  options: { stream?: boolean } = {},
): Promise<'created' | 'exists'> {
  const stream = options.stream ?? true;
  const input = createTableInput(tableName);
  if (!stream) delete input.StreamSpecification;
  if (!(await describe(client, tableName))) {
    try {
      await client.send(new CreateTableCommand(input));
      await waitUntilActive(client, tableName);
      await client.send(
        new UpdateTimeToLiveCommand({
          TableName: tableName,
          TimeToLiveSpecification: { AttributeName: tableDefinition.timeToLiveAttribute, Enabled: true },
        }),
      );
      return 'created';
    } catch (error) {
      // Another process (a second `npm start`, a parallel test) created it first: treat it as existing.
      if (!(error instanceof ResourceInUseException)) throw error;
    }
  }
  await waitUntilActive(client, tableName);
  await updateIndexes(client, input);
  if (stream) await enableStream(client, input);
  return 'exists';
}

/** A table made before the change events has no stream: turn it on (the local pipe reads it). */
async function enableStream(client: DynamoDBClient, input: CreateTableCommandInput): Promise<void> {
  const table = await describe(client, input.TableName!);
  if (table?.StreamSpecification?.StreamEnabled) return;
  await client.send(
    new UpdateTableCommand({ TableName: input.TableName, StreamSpecification: input.StreamSpecification }),
  );
  await waitUntilActive(client, input.TableName!);
}

/** Whether an existing index has the key schema and projection of the definition. */
function sameIndex(actual: GlobalSecondaryIndexDescription, wanted: GlobalSecondaryIndex): boolean {
  const keySchema = (k: GlobalSecondaryIndex['KeySchema']) =>
    JSON.stringify((k ?? []).map((e) => [e.AttributeName, e.KeyType]));
  const projection = (p: GlobalSecondaryIndex['Projection']) =>
    JSON.stringify([p?.ProjectionType ?? 'ALL', [...(p?.NonKeyAttributes ?? [])].sort()]);
  return (
    keySchema(actual.KeySchema) === keySchema(wanted.KeySchema) &&
    projection(actual.Projection) === projection(wanted.Projection)
  );
}

/**
 * Adds the indexes of the definition that the table lacks and rebuilds those that changed, one index
 * per UpdateTable as DynamoDB requires.
 */
async function updateIndexes(client: DynamoDBClient, input: CreateTableCommandInput): Promise<void> {
  const tableName = input.TableName!;
  for (const index of input.GlobalSecondaryIndexes ?? []) {
    const table = await describe(client, tableName);
    const existing = (table?.GlobalSecondaryIndexes ?? []).find((i) => i.IndexName === index.IndexName);
    if (existing && sameIndex(existing, index)) continue;
    if (existing) {
      await client.send(
        new UpdateTableCommand({
          TableName: tableName,
          GlobalSecondaryIndexUpdates: [{ Delete: { IndexName: index.IndexName } }],
        }),
      );
      await waitUntilIndexGone(client, tableName, index.IndexName!);
    }
    await BACKFILLS[index.IndexName!]?.(client, tableName);
    const keyNames = new Set(index.KeySchema?.map((k) => k.AttributeName));
    await client.send(
      new UpdateTableCommand({
        TableName: tableName,
        AttributeDefinitions: (input.AttributeDefinitions ?? []).filter((a) => keyNames.has(a.AttributeName)),
        GlobalSecondaryIndexUpdates: [
          {
            Create: { IndexName: index.IndexName, KeySchema: index.KeySchema, Projection: index.Projection },
          },
        ],
      }),
    );
    await waitUntilActive(client, tableName);
  }
}

async function waitUntilIndexGone(client: DynamoDBClient, tableName: string, indexName: string) {
  const deadline = Date.now() + WAIT_TIMEOUT_MS;
  while (true) {
    const table = await describe(client, tableName);
    if (!(table?.GlobalSecondaryIndexes ?? []).some((i) => i.IndexName === indexName)) return;
    if (Date.now() > deadline) throw new Error(`Index ${indexName} werd niet verwijderd binnen de tijd.`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/**
 * Moves existing items onto the keys of an index before that index is built on an older table, so the
 * index picks them up. Idempotent: a start that stopped half-way simply does the rest next time.
 */
const BACKFILLS: Record<string, (client: DynamoDBClient, tableName: string) => Promise<void>> = {
  /** The person list moved from gsi1 (all attributes) to the sparse gsi3 (only the list's attributes). */
  gsi3: async (client, tableName) => {
    let start: ScanCommandOutput['LastEvaluatedKey'];
    do {
      const page: ScanCommandOutput = await client.send(
        new ScanCommand({
          TableName: tableName,
          FilterExpression: '#type = :membership AND attribute_not_exists(gsi3pk)',
          ProjectionExpression: 'pk, sk, enterpriseNumber, personId',
          ExpressionAttributeNames: { '#type': 'type' },
          ExpressionAttributeValues: marshall({ ':membership': ITEM_TYPES.membership }),
          ExclusiveStartKey: start,
        }),
      );
      for (const item of page.Items ?? []) {
        const { gsi3pk, gsi3sk } = keys.personListEntry(item.enterpriseNumber!.S!, item.personId!.S!);
        await client.send(
          new UpdateItemCommand({
            TableName: tableName,
            Key: { pk: item.pk!, sk: item.sk! },
            UpdateExpression: 'SET gsi3pk = :pk, gsi3sk = :sk REMOVE gsi1pk, gsi1sk',
            ConditionExpression: 'attribute_exists(pk)',
            ExpressionAttributeValues: marshall({ ':pk': gsi3pk, ':sk': gsi3sk }),
          }),
        );
      }
      start = page.LastEvaluatedKey;
    } while (start);
  },
};

/**
 * Whether the table holds no items, to decide if demo data should be seeded.
 * A Scan is acceptable only here: local tooling, Limit 1, one request. Application code never scans;
 * it uses the access patterns in keys.ts.
 */
export async function isTableEmpty(client: DynamoDBClient, tableName: string): Promise<boolean> {
  const result = await client.send(
    new ScanCommand({ TableName: tableName, Limit: 1, ProjectionExpression: tableDefinition.partitionKey }),
  );
  return (result.Items ?? []).length === 0;
}
