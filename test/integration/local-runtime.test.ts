import { randomUUID } from 'node:crypto';
import {
  CreateTableCommand,
  DescribeTableCommand,
  DescribeTimeToLiveCommand,
  DynamoDBClient,
  PutItemCommand,
} from '@aws-sdk/client-dynamodb';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { localDynamoClientConfig, startDynamoDbLocal } from '#infra/local/dynamodb-local';
import { ensureTable, isTableEmpty } from '#infra/local/table';
import { createTableInput } from '#lib/adapters/dynamodb/table-definition';
import { createTestTable } from '../support/dynamo.ts';

const client = new DynamoDBClient(localDynamoClientConfig(inject('dynamoEndpoint')));
afterAll(() => client.destroy());

const describeTable = async (tableName: string) =>
  (await client.send(new DescribeTableCommand({ TableName: tableName }))).Table!;
const indexNames = async (tableName: string) =>
  ((await describeTable(tableName)).GlobalSecondaryIndexes ?? []).map((i) => i.IndexName).sort();

describe('ensureTable', () => {
  it('creates the table from the shared definition, with both GSIs and TTL', async () => {
    const tableName = `t-${randomUUID()}`;

    const outcome = await ensureTable(client, tableName);

    expect(outcome).toBe('created');
    const table = await describeTable(tableName);
    expect(table.TableStatus).toBe('ACTIVE');
    expect(table.KeySchema).toEqual(createTableInput(tableName).KeySchema);
    expect(await indexNames(tableName)).toEqual(['gsi1', 'gsi2']);
    const ttl = await client.send(new DescribeTimeToLiveCommand({ TableName: tableName }));
    expect(ttl.TimeToLiveDescription).toMatchObject({
      AttributeName: 'expiration',
      TimeToLiveStatus: 'ENABLED',
    });
  });

  it('is idempotent', async () => {
    const tableName = `t-${randomUUID()}`;
    await ensureTable(client, tableName);

    const again = await ensureTable(client, tableName);

    expect(again).toBe('exists');
    expect(await indexNames(tableName)).toEqual(['gsi1', 'gsi2']);
  });

  it('adds an index of the definition that an older table lacks', async () => {
    // DynamoDB Local backfills a new index in one background thread shared by every table; with the
    // whole suite writing to the shared instance that once took over a minute. This test gets its own.
    const db = await startDynamoDbLocal({});
    const own = new DynamoDBClient(localDynamoClientConfig(db.endpoint));
    try {
      const tableName = `t-${randomUUID()}`;
      const input = createTableInput(tableName);
      await own.send(
        new CreateTableCommand({
          ...input,
          AttributeDefinitions: input.AttributeDefinitions?.filter(
            (a) => !a.AttributeName?.startsWith('gsi2'),
          ),
          GlobalSecondaryIndexes: input.GlobalSecondaryIndexes?.filter((i) => i.IndexName === 'gsi1'),
        }),
      );

      const outcome = await ensureTable(own, tableName);

      expect(outcome).toBe('exists');
      const table = (await own.send(new DescribeTableCommand({ TableName: tableName }))).Table!;
      expect((table.GlobalSecondaryIndexes ?? []).map((i) => i.IndexName).sort()).toEqual(['gsi1', 'gsi2']);
      const gsi2 = table.GlobalSecondaryIndexes?.find((i) => i.IndexName === 'gsi2');
      expect(gsi2).toMatchObject({ IndexStatus: 'ACTIVE', Projection: { ProjectionType: 'ALL' } });
    } finally {
      own.destroy();
      await db.stop();
    }
  }, 120_000);

  it('lets two callers ensure the same table at once', async () => {
    const tableName = `t-${randomUUID()}`;

    const outcomes = await Promise.all([ensureTable(client, tableName), ensureTable(client, tableName)]);

    expect(outcomes.sort()).toEqual(['created', 'exists']);
  });
});

describe('isTableEmpty', () => {
  it('is true for a new table and false once it holds an item', async () => {
    const { tableName, client: tableClient } = await createTestTable();

    expect(await isTableEmpty(tableClient, tableName)).toBe(true);
    await tableClient.send(
      new PutItemCommand({ TableName: tableName, Item: { pk: { S: 'X' }, sk: { S: 'Y' } } }),
    );
    expect(await isTableEmpty(tableClient, tableName)).toBe(false);
    tableClient.destroy();
  });
});
