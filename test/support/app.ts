/**
 * Integration harness: a fresh table on the shared DynamoDB Local, seeded with the demo world, and a
 * `call` that runs a route's real handler file on an API Gateway v2 event, as the Lambda would.
 */
import { type AttributeValue, ScanCommand } from '@aws-sdk/client-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import { inject } from 'vitest';
import { ROOT } from '#infra/local/stack';
import { createLocalWorkflows, type LocalWorkflows } from '#infra/local/workflows';
import { ITEM_TYPES } from '#lib/adapters/dynamodb/keys';
import { ENV } from '#lib/config/env-names';
import type { Email } from '#lib/domain/ports';
// Tests call use cases directly too: every optional store is plugged in, as the handlers would.
import '#lib/runtime/expiry-adapter';
import '#lib/runtime/logins-adapter';
import '#lib/runtime/kbo-adapter';
import '#lib/runtime/audit-adapter';
import '#lib/runtime/registries-adapter';
import { type RuntimeDeps, resetDeps, setDeps } from '#lib/runtime/deps';
import { DEMO, seedDemoWorld } from '#lib/services/demo-seed';
import { createTestTable, type TestTable } from './dynamo.ts';
import { type CallOptions, type CallResult, call, configureHandlers } from './handlers.ts';

export type { CallOptions, CallResult };
export { DEMO };

export interface TestApp {
  table: TestTable;
  deps: RuntimeDeps;
  /** The local Step Functions runner the handlers use, over the real ASL. */
  workflows: LocalWorkflows;
  /** Every e-mail the handlers sent, in order. */
  outbox: Email[];
  /** Every state input and output of the workflows run so far: what an execution history keeps. */
  stateData: { machine: string; state: string; input?: unknown; output?: unknown }[];
  call(fn: string, options?: CallOptions): Promise<CallResult>;
  /**
   * Another day for everything from now on (the handlers, the workflows, MAGDA's answers): the table,
   * the pseudonym secret and the outbox stay; `deps` is rebuilt for that day.
   */
  setToday(today: string): Promise<void>;
  /** Every item of the table but the register's kept answers (a cache), sorted: a rejected request changed nothing. */
  snapshot(): Promise<Record<string, unknown>[]>;
}

export async function createTestApp(
  options: { today?: string; seed?: boolean; approvalTimeoutMs?: number } = {},
): Promise<TestApp> {
  const table = await createTestTable();
  configureHandlers(table, options.today, inject('magda'));
  process.env.POWERTOOLS_LOG_LEVEL = 'WARN';
  resetDeps();
  const outbox: Email[] = [];
  const stateData: TestApp['stateData'] = [];
  const workflows = createLocalWorkflows({
    root: ROOT,
    retryIntervalMs: 0,
    onStateData: (d) => stateData.push(d),
    ...(options.approvalTimeoutMs !== undefined ? { approvalTimeoutMs: options.approvalTimeoutMs } : {}),
  });
  const mailer = {
    async send(email: Email) {
      outbox.push(email);
    },
  };
  const deps = await setDeps({ workflows, mailer });
  if (options.seed !== false) await seedDemoWorld(deps);

  const app: TestApp = {
    table,
    deps,
    workflows,
    outbox,
    stateData,
    call,
    async snapshot() {
      const items: Record<string, unknown>[] = [];
      let start: Record<string, AttributeValue> | undefined;
      do {
        // A Scan is fine here: tests compare the whole (small) table before and after a request.
        const out = await table.client.send(
          new ScanCommand({ TableName: table.tableName, ConsistentRead: true, ExclusiveStartKey: start }),
        );
        for (const item of out.Items ?? []) {
          const value = unmarshall(item);
          // The register's kept answers are a cache of what MAGDA said, not a change: a refused request may
          // have asked the register before it was refused.
          if (value.type !== ITEM_TYPES.registerRead) items.push(value);
        }
        start = out.LastEvaluatedKey;
      } while (start);
      return items.sort((a, b) => `${a.pk}|${a.sk}`.localeCompare(`${b.pk}|${b.sk}`));
    },
    async setToday(today) {
      process.env[ENV.today] = today;
      resetDeps();
      app.deps = await setDeps({ workflows, mailer });
    },
  };
  return app;
}
