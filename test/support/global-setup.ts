/**
 * Vitest globalSetup for the integration and e2e projects: one in-memory DynamoDB Local for the whole run.
 * Test files create their own uniquely named tables, so they can run in parallel against it.
 */
import type { TestProject } from 'vitest/node';
import { type LocalDynamoDb, startDynamoDbLocal } from '#infra/local/dynamodb-local';

declare module 'vitest' {
  export interface ProvidedContext {
    dynamoEndpoint: string;
  }
}

// Vitest calls this once per project that lists it (integration and e2e); both run in this main process,
// so a shared, reference-counted instance avoids starting Java twice.
interface Shared {
  instance: Promise<LocalDynamoDb>;
  users: number;
}
const key = Symbol.for('gebruikersbeheer.test.dynamodb-local');
const registry = globalThis as typeof globalThis & { [key]?: Shared };

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  registry[key] ??= { instance: startDynamoDbLocal({}), users: 0 };
  const shared = registry[key];
  shared.users += 1;
  let db: LocalDynamoDb;
  try {
    db = await shared.instance;
  } catch (error) {
    shared.users -= 1;
    if (shared.users === 0) delete registry[key];
    throw error;
  }
  project.provide('dynamoEndpoint', db.endpoint);
  return async () => {
    shared.users -= 1;
    if (shared.users > 0) return;
    delete registry[key];
    await db.stop();
  };
}
