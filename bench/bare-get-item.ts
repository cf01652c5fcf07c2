/**
 * The floor the bench compares with: a function that creates the same DynamoDB client as the handlers
 * (`createDynamoClients`) and does one GetItem, nothing else: no middy, no validation, no logging.
 */
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { createDynamoClients } from '#lib/adapters/dynamodb/client';

const { doc } = createDynamoClients(process.env.DYNAMODB_ENDPOINT);

export const handler = async (event: { pk?: string; sk?: string } = {}) => {
  const out = await doc.send(
    new GetCommand({
      TableName: process.env.TABLE_NAME,
      Key: { pk: event.pk ?? 'BENCH', sk: event.sk ?? 'BARE' },
    }),
  );
  return { statusCode: 200, body: JSON.stringify({ found: out.Item !== undefined }) };
};
