/**
 * The shared wrapper of Step Functions task Lambdas: typed payload in, result out, Powertools logging
 * context, and errors named for the state machine's Retry/Catch: infrastructure failures become
 * `TransientError` (retried), domain errors keep their class name, anything else stays as it is.
 */
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import middy from '@middy/core';
import type { Context } from 'aws-lambda';
import {
  ConcurrentChangeError,
  DomainError,
  RegistryUnavailableError,
  TransientError,
} from '#lib/domain/errors';
import { isUnavailable } from '#lib/http/problem';
import { getDeps } from '#lib/runtime/deps';
import { logger } from '#lib/runtime/logger';
import type { Deps } from '#lib/services/deps';

// Re-exported for the tests and tools that name it from here; it is the domain's.
export { TransientError };

export function workflowHandler<I, O = unknown>(fn: (deps: Deps, input: I) => Promise<O>) {
  return middy<I, O, Error, Context>()
    .use(injectLambdaContext(logger, { resetKeys: true }))
    .handler(async (input) => {
      try {
        return await fn(await getDeps(), input);
      } catch (error) {
        // The state machine retries these; only when its retries run out is it an operator's concern.
        if (error instanceof TransientError) {
          logger.info('workflow step will be retried', { reason: error.message });
          throw error;
        }
        // MAGDA down, slow or answering a fault is for the moment too: the state machine retries it.
        // So is a concurrent change: two executions of one request (a re-drive beside a restart's) both
        // wrote; the step is idempotent, and its retry reads what the other wrote.
        if (
          isUnavailable(error) ||
          error instanceof RegistryUnavailableError ||
          error instanceof ConcurrentChangeError
        )
          throw new TransientError('A dependency did not answer.', { cause: error });
        if (error instanceof DomainError) {
          logger.warn('workflow step refused', { code: error.code });
          // What a Catch receives as the cause: the stable code and the Dutch detail (never personal data),
          // so a later step can tell a person why (ReopenTask shows it on the task).
          error.message = `${error.code}: ${error.detail ?? error.title}`;
          throw error;
        }
        logger.error('workflow step failed', { error: error as Error });
        throw error;
      }
    });
}
