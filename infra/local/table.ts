/**
 * Creates the single table locally from the same definition the CDK stack uses, so DynamoDB Local
 * always has the deployed key schema. Also brings an older local table (e.g. from `.data/`) up to date
 * when the definition gained an index.
 */
import {
  CreateTableCommand,
  type CreateTableCommandInput,
  DescribeTableCommand,
  type DynamoDBClient,
  ResourceInUseException,
  ResourceNotFoundException,
  ScanCommand,
  type TableDescription,
  UpdateTableCommand,
  UpdateTimeToLiveCommand,
} from '@aws-sdk/client-dynamodb';
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

export async function ensureTable(client: DynamoDBClient, tableName: string): Promise<'created' | 'exists'> {
  const input = createTableInput(tableName);
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
  await addMissingIndexes(client, input);
  return 'exists';
}

/** Adds the indexes of the definition that the table lacks, one per UpdateTable as DynamoDB requires. */
async function addMissingIndexes(client: DynamoDBClient, input: CreateTableCommandInput): Promise<void> {
  const tableName = input.TableName!;
  for (const index of input.GlobalSecondaryIndexes ?? []) {
    const table = await describe(client, tableName);
    if ((table?.GlobalSecondaryIndexes ?? []).some((i) => i.IndexName === index.IndexName)) continue;
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
