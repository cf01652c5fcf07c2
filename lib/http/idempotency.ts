/**
 * Idempotency-Key support through Powertools' idempotency utility, persisted in the single table
 * (pk = IDEMPOTENCY, sk = hash). The key is scoped to the caller and the path, so one person's key can
 * never replay another's response; the body is validated, so the same key with another body → 422.
 * The persistence layer is built on first use because it needs the dependencies read at cold start.
 */
import { IdempotencyConfig } from '@aws-lambda-powertools/idempotency';
import { DynamoDBPersistenceLayer } from '@aws-lambda-powertools/idempotency/dynamodb';
import { makeHandlerIdempotent } from '@aws-lambda-powertools/idempotency/middleware';
import type { MiddlewareObj } from '@middy/core';
import { getDeps } from '#lib/http/deps';

type Mw = MiddlewareObj;

export function lazyIdempotency(): Mw {
  let inner: Mw | undefined;
  const get = async (): Promise<Mw> => {
    if (inner) return inner;
    const deps = await getDeps();
    inner = makeHandlerIdempotent({
      persistenceStore: new DynamoDBPersistenceLayer({
        tableName: deps.tableName,
        awsSdkV3Client: deps.clients.client,
        keyAttr: 'pk',
        sortKeyAttr: 'sk',
        staticPkValue: 'IDEMPOTENCY',
      }),
      config: new IdempotencyConfig({
        eventKeyJmesPath:
          'headers."idempotency-key" && [requestContext.authorizer.jwt.claims.sub, rawPath, headers."idempotency-key"]',
        payloadValidationJmesPath: 'body',
        expiresAfterSeconds: 24 * 60 * 60,
      }),
    }) as Mw;
    return inner;
  };
  return {
    before: async (request) => (await get()).before?.(request),
    after: async (request) => (await get()).after?.(request),
    onError: async (request) => (await get()).onError?.(request),
  };
}
