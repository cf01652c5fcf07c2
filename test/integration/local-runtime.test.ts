import { randomUUID } from 'node:crypto';
import {
  CreateTableCommand,
  DescribeTableCommand,
  DescribeTimeToLiveCommand,
  DynamoDBClient,
  GetItemCommand,
  PutItemCommand,
  UpdateTableCommand,
} from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { marshall } from '@aws-sdk/util-dynamodb';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { localDynamoClientConfig, startDynamoDbLocal } from '#infra/local/dynamodb-local';
import { ensureTable, isTableEmpty } from '#infra/local/table';
import { ITEM_TYPES, keys } from '#lib/adapters/dynamodb/keys';
import { MembershipsStore } from '#lib/adapters/dynamodb/memberships-store';
import { createTableInput } from '#lib/adapters/dynamodb/table-definition';
import { createTestTable } from '../support/dynamo.ts';

const client = new DynamoDBClient(localDynamoClientConfig(inject('dynamoEndpoint')));
afterAll(() => client.destroy());

const describeTable = async (tableName: string) =>
  (await client.send(new DescribeTableCommand({ TableName: tableName }))).Table!;
const indexNames = async (tableName: string) =>
  ((await describeTable(tableName)).GlobalSecondaryIndexes ?? []).map((i) => i.IndexName).sort();

describe('ensureTable', () => {
  it('creates the table from the shared definition, with its GSIs and TTL', async () => {
    const tableName = `t-${randomUUID()}`;

    const outcome = await ensureTable(client, tableName);

    expect(outcome).toBe('created');
    const table = await describeTable(tableName);
    expect(table.TableStatus).toBe('ACTIVE');
    expect(table.KeySchema).toEqual(createTableInput(tableName).KeySchema);
    expect(await indexNames(tableName)).toEqual(['gsi1', 'gsi2', 'gsi3']);
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
    expect(await indexNames(tableName)).toEqual(['gsi1', 'gsi2', 'gsi3']);
  });

  it('brings an older table up to date: adds missing indexes, rebuilds changed ones, moves the person list', async () => {
    // DynamoDB Local backfills a new index in one background thread shared by every table; with the
    // whole suite writing to the shared instance that once took over a minute. This test gets its own.
    const db = await startDynamoDbLocal({});
    const own = new DynamoDBClient(localDynamoClientConfig(db.endpoint));
    try {
      const tableName = `t-${randomUUID()}`;
      const describeOwn = async () =>
        (await own.send(new DescribeTableCommand({ TableName: tableName }))).Table!;
      const input = createTableInput(tableName);
      // The table as it was before gsi3: only gsi1, and the person list on gsi1 (all attributes).
      await own.send(
        new CreateTableCommand({
          ...input,
          AttributeDefinitions: input.AttributeDefinitions?.filter((a) => !/^gsi[23]/.test(a.AttributeName!)),
          GlobalSecondaryIndexes: input.GlobalSecondaryIndexes?.filter((i) => i.IndexName === 'gsi1'),
        }),
      );
      const en = '0403019261';
      const personId = '01JBACKFILL0000000000000001';
      const person = { firstName: 'Emma', lastName: 'Willems', birthDate: null, sex: null, source: 'VKBP' };
      await own.send(
        new PutItemCommand({
          TableName: tableName,
          Item: marshall({
            ...keys.membership(en, personId),
            gsi1pk: keys.personListPk(en),
            gsi1sk: personId,
            type: ITEM_TYPES.membership,
            searchText: 'emma willems emma',
            enterpriseNumber: en,
            organisationName: 'Boekhouding',
            personId,
            pseudonym: 'p',
            nationalNumber: '90041812345',
            person,
            nickname: null,
            initials: null,
            status: 'pending',
            version: 1,
          }),
        }),
      );

      const outcome = await ensureTable(own, tableName);

      expect(outcome).toBe('exists');
      const table = (await own.send(new DescribeTableCommand({ TableName: tableName }))).Table!;
      expect((table.GlobalSecondaryIndexes ?? []).map((i) => i.IndexName).sort()).toEqual([
        'gsi1',
        'gsi2',
        'gsi3',
      ]);
      const gsi2 = table.GlobalSecondaryIndexes?.find((i) => i.IndexName === 'gsi2');
      expect(gsi2).toMatchObject({ IndexStatus: 'ACTIVE', Projection: { ProjectionType: 'ALL' } });
      const gsi3 = table.GlobalSecondaryIndexes?.find((i) => i.IndexName === 'gsi3');
      expect(gsi3).toMatchObject({ IndexStatus: 'ACTIVE', Projection: { ProjectionType: 'INCLUDE' } });
      // The existing membership moved to the new list index and left gsi1.
      const store = new MembershipsStore({ db: DynamoDBDocumentClient.from(own), tableName });
      expect((await store.list(en, { limit: 10 })).items).toEqual([
        { personId, nationalNumber: '90041812345', person, nickname: null, status: 'pending' },
      ]);
      const key = marshall(keys.membership(en, personId));
      const item = (await own.send(new GetItemCommand({ TableName: tableName, Key: key }))).Item!;
      expect(item.gsi1pk).toBeUndefined();

      // An index whose projection differs from the definition (here gsi3 with ALL) is dropped and built
      // again from the definition.
      await own.send(
        new UpdateTableCommand({
          TableName: tableName,
          GlobalSecondaryIndexUpdates: [{ Delete: { IndexName: 'gsi3' } }],
        }),
      );
      while (((await describeOwn()).GlobalSecondaryIndexes ?? []).some((i) => i.IndexName === 'gsi3')) {
        await new Promise((resolve) => setTimeout(resolve, 200));
      }
      const gsi3Input = input.GlobalSecondaryIndexes!.find((i) => i.IndexName === 'gsi3')!;
      await own.send(
        new UpdateTableCommand({
          TableName: tableName,
          AttributeDefinitions: input.AttributeDefinitions?.filter((a) =>
            a.AttributeName!.startsWith('gsi3'),
          ),
          GlobalSecondaryIndexUpdates: [{ Create: { ...gsi3Input, Projection: { ProjectionType: 'ALL' } } }],
        }),
      );

      expect(await ensureTable(own, tableName)).toBe('exists');

      const after = (await own.send(new DescribeTableCommand({ TableName: tableName }))).Table!;
      expect(after.GlobalSecondaryIndexes?.find((i) => i.IndexName === 'gsi3')).toMatchObject({
        IndexStatus: 'ACTIVE',
        Projection: gsi3Input.Projection,
      });
      expect((await store.list(en, { limit: 10 })).items.map((p) => p.personId)).toEqual([personId]);
    } finally {
      own.destroy();
      await db.stop();
    }
  }, 180_000);

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
