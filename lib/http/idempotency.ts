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
import { getDeps } from '#lib/runtime/deps';

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
  // Powertools' onError deletes the record of the key. When its own `before` refused the request (the
  // key is in progress, or was used with another body), that record belongs to the earlier request:
  // deleting it would wipe the stored answer and let the next retry run the use case again.
  const refusedBefore = new WeakSet<object>();
  return {
    before: async (request) => {
      try {
        return await (await get()).before?.(request);
      } catch (error) {
        refusedBefore.add(request);
        throw error;
      }
    },
    after: async (request) => (await get()).after?.(request),
    onError: async (request) => {
      if (refusedBefore.has(request)) return;
      return (await get()).onError?.(request);
    },
  };
}
