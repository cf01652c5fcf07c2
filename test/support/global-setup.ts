/**
 * Vitest globalSetup for the integration and e2e projects: one in-memory DynamoDB Local for the whole run,
 * and one MAGDA stand-in (the registries, over mutual TLS, in MAGDA's message format). Test files create
 * their own uniquely named tables, so they can run in parallel against both.
 */
import type { TestProject } from 'vitest/node';
import { type LocalDynamoDb, startDynamoDbLocal } from '#infra/local/dynamodb-local';
import { type MagdaConnection, startLocalMagda } from '#infra/local/stack';

declare module 'vitest' {
  export interface ProvidedContext {
    dynamoEndpoint: string;
    magda: MagdaConnection;
  }
}

// Vitest calls this once per project that lists it (integration and e2e); both run in this main process,
// so a shared, reference-counted instance avoids starting Java twice.
interface Shared {
  instance: Promise<LocalDynamoDb>;
  magda: Promise<MagdaConnection & { stop(): Promise<void> }>;
  users: number;
}
const key = Symbol.for('gebruikersbeheer.test.dynamodb-local');
const registry = globalThis as typeof globalThis & { [key]?: Shared };

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  registry[key] ??= { instance: startDynamoDbLocal({}), magda: startLocalMagda(undefined), users: 0 };
  const shared = registry[key];
  shared.users += 1;
  let db: LocalDynamoDb;
  let magda: MagdaConnection & { stop(): Promise<void> };
  try {
    [db, magda] = await Promise.all([shared.instance, shared.magda]);
  } catch (error) {
    shared.users -= 1;
    if (shared.users === 0) delete registry[key];
    throw error;
  }
  project.provide('dynamoEndpoint', db.endpoint);
  project.provide('magda', { endpoint: magda.endpoint, certificateFile: magda.certificateFile });
  return async () => {
    shared.users -= 1;
    if (shared.users > 0) return;
    delete registry[key];
    await Promise.all([db.stop(), magda.stop()]);
  };
}
