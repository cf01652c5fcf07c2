/**
 * The floor behind the gateway: the same route shape as the access check (service token, JSON body),
 * served by the same local gateway with the same token verification, but the handler does one GetItem
 * with the same DynamoDB client and nothing else. `bench/http-server.ts` serves it from this folder.
 */
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { handler as bare } from '../../../bare-get-item.ts';

export const handler = async (event: APIGatewayProxyEventV2) => {
  const key = JSON.parse(event.body ?? '{}') as { pk?: string; sk?: string };
  const result = await bare(key);
  return { ...result, headers: { 'content-type': 'application/json' } };
};
