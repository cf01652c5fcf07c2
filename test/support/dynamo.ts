/** A fresh, uniquely named table on the DynamoDB Local started by global-setup.ts, one per test file or test. */
import { randomUUID } from 'node:crypto';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { inject } from 'vitest';
import { localDynamoClientConfig } from '#infra/local/dynamodb-local';
import { ensureTable } from '#infra/local/table';

export interface TestTable {
  tableName: string;
  client: DynamoDBClient;
  endpoint: string;
}

export async function createTestTable(): Promise<TestTable> {
  const endpoint = inject('dynamoEndpoint');
  const client = new DynamoDBClient(localDynamoClientConfig(endpoint));
  const tableName = `t-${randomUUID()}`;
  // The handlers run without the change events' pipe here: the outbox items are read from the table.
  await ensureTable(client, tableName, { stream: false });
  return { tableName, client, endpoint };
}
