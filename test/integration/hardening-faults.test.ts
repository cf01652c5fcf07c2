/**
 * Faults. DynamoDB stopped in the middle of a session: a dedicated DynamoDB Local with a data directory
 * is stopped, every route answers 503 with Retry-After and writes nothing, and once it is started again
 * on the same port and data directory the same handlers carry on. And a workflow step whose transaction
 * fails twice (once before writing, once after writing with the answer lost) grants exactly once.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type LocalDynamoDb, localDynamoClientConfig, startDynamoDbLocal } from '#infra/local/dynamodb-local';
import { ensureTable } from '#infra/local/table';
import { ENV } from '#lib/config/env-names';
import type { UnitOfWork } from '#lib/domain/ports';
import { resetDeps, setDeps } from '#lib/runtime/deps';
import { seedDemoWorld } from '#lib/services/demo-seed';
import { expectProblem, fingerprint } from '../hardening/support.ts';
import { createTestApp, DEMO, type TestApp } from '../support/app.ts';
import { workRelationship } from '../support/people.ts';
import { freePort, until } from '../support/wait.ts';
import { SP, TODAY, VLAIO } from '../support/world.ts';

const en = DEMO.adviesbureau;

const relationship = workRelationship({
  startDate: TODAY,
  endDate: '2034-12-31',
  email: 'emma.willems@example.be',
});

describe('DynamoDB stops in the middle of a session', () => {
  let app: TestApp;
  let db: LocalDynamoDb;
  let dataDir: string;
  let port: number;
  let client: DynamoDBClient;
  const tableName = 'faults';

  beforeAll(async () => {
    // The harness (handlers, workflows, mailer) on the shared DynamoDB Local first; then the handlers are
    // pointed at a DynamoDB Local of this test's own, with its data on disk.
    app = await createTestApp({ today: TODAY });
    dataDir = await mkdtemp(join(tmpdir(), 'gb-faults-'));
    port = await freePort();
    db = await startDynamoDbLocal({ port, dataDir });
    client = new DynamoDBClient({ ...localDynamoClientConfig(db.endpoint), maxAttempts: 1 });
    await ensureTable(client, tableName);
    process.env[ENV.tableName] = tableName;
    process.env[ENV.dynamoEndpoint] = db.endpoint;
    resetDeps();
    const deps = await setDeps({ workflows: app.workflows, mailer: { send: async () => undefined } });
    await seedDemoWorld(deps);
  });

  afterAll(async () => {
    client?.destroy();
    await db?.stop();
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  });

  const org = { enterpriseNumber: en };

  it('answers 503 with Retry-After while it is down, writes nothing, and carries on when it is back', async () => {
    // Arrange: the stack works, and Emma is added with a relationship.
    const added = await app.call('add-person', {
      as: DEMO.sofie,
      params: org,
      body: { nationalNumber: DEMO.emma },
    });
    expect(added.status).toBe(201);
    const person = { enterpriseNumber: en, personId: added.body.personId as string };
    expect(
      (await app.call('create-work-relationship', { as: DEMO.sofie, params: person, body: relationship }))
        .status,
    ).toBe(201);
    const before = await fingerprint(client, tableName);

    // Act: DynamoDB goes away.
    await db.stop();
    const calls = {
      'list persons': () => app.call('list-persons', { as: DEMO.sofie, params: org }),
      'person page': () => app.call('get-person', { as: DEMO.sofie, params: person }),
      'add a person': () =>
        app.call('add-person', { as: DEMO.sofie, params: org, body: { nationalNumber: DEMO.lucas } }),
      'add a person with Idempotency-Key': () =>
        app.call('add-person', {
          as: DEMO.sofie,
          params: org,
          body: { nationalNumber: DEMO.jonas },
          headers: { 'idempotency-key': 'during-outage' },
        }),
      'grant a right': () =>
        app.call('grant-right', {
          as: DEMO.sofie,
          params: person,
          body: { right: VLAIO, profiles: [SP], startDate: TODAY, endDate: '2031-11-25' },
        }),
      'edit the relationship': () =>
        app.call('update-work-relationship', {
          as: DEMO.sofie,
          params: person,
          body: { phone: '+3293456789' },
          headers: { 'if-match': '"1"' },
        }),
      'access check': () =>
        app.call('check-access', {
          asService: ['access/check'],
          body: { nationalNumber: DEMO.tom, enterpriseNumber: DEMO.boekhouding, right: VLAIO, profile: SP },
        }),
      'request access': () =>
        app.call('request-access', {
          as: DEMO.lucas,
          body: { enterpriseNumber: en, right: VLAIO, profiles: [SP], reason: 'Ik dien aanvragen in.' },
        }),
    };
    for (const [name, call] of Object.entries(calls)) {
      const res = await call();

      // Assert: a problem with Retry-After, and no personal data in it.
      expectProblem(res, name, 503);
      expect(res.body.code, name).toBe('unavailable');
      expect(Number(res.headers['retry-after']), name).toBeGreaterThan(0);
      // Compare with the numbers sent, not with any run of 11 digits: the correlation id is a
      // random UUID, which can hold one.
      const text = JSON.stringify(res.body);
      for (const nrn of [DEMO.lucas, DEMO.jonas, DEMO.tom, DEMO.sofie]) expect(text, name).not.toContain(nrn);
      expect(text, name).not.toMatch(/emma|willems|lucas|jonas/i);
    }

    // Act: DynamoDB is back, on the same port with the same data.
    db = await startDynamoDbLocal({ port, dataDir });

    // Assert: nothing was half-written, and the same handlers (same clients) work again.
    expect(await fingerprint(client, tableName)).toEqual(before);
    expect((await calls['list persons']()).status).toBe(200);
    expect((await calls['grant a right']()).status).toBe(201);
    expect((await calls['edit the relationship']()).status).toBe(200);
    const retried = await calls['add a person with Idempotency-Key']();
    expect(retried.status).toBe(201);
    expect(retried.body.firstName).toBe('Jonas');
    const access = await calls['access check']();
    expect(access.status).toBe(200);
    expect(access.body.allowed).toBe(true);
  });
});

describe('a workflow step that fails twice, then succeeds', () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await createTestApp({ today: TODAY });
  });

  it('ApplyDecision: a failure before writing, then one after writing with the answer lost → one grant', async () => {
    // Arrange: Emma asks for access; Sofie will approve. The grant's transaction fails twice.
    const original = app.deps.unitOfWork;
    const attempts: string[] = [];
    const unavailable = () =>
      Object.assign(new Error('DynamoDB is not answering'), { name: 'ServiceUnavailable' });
    // Every unit of work as usual, but the one that writes a grant fails as planned.
    const flaky = (): UnitOfWork => {
      const real = original();
      let grants = false;
      const work: UnitOfWork = new Proxy(real, {
        get(target, name, receiver) {
          if (name === 'commit') {
            return async () => {
              if (!grants) return target.commit();
              if (attempts.length === 0) {
                attempts.push('failed before writing');
                throw unavailable();
              }
              if (attempts.length === 1) {
                await target.commit();
                attempts.push('wrote, answer lost');
                throw unavailable();
              }
              attempts.push('succeeded');
              return target.commit();
            };
          }
          const value = Reflect.get(target, name, receiver) as unknown;
          if (typeof value !== 'function') return value;
          return (...args: unknown[]) => {
            if (name === 'saveMembership') {
              const [loaded, next] = args as Parameters<UnitOfWork['saveMembership']>;
              grants ||= next.grants.length > (loaded?.grants.length ?? 0);
            }
            (value as (...a: unknown[]) => unknown).apply(target, args);
            return work;
          };
        },
      });
      return work;
    };
    await setDeps({ unitOfWork: flaky });
    const asked = await app.call('request-access', {
      as: DEMO.emma,
      body: { enterpriseNumber: en, right: VLAIO, profiles: [SP], reason: 'Ik dien steunaanvragen in.' },
    });
    expect(asked.status).toBe(202);
    const [task] = await until(async () => {
      const items = (await app.call('list-tasks', { as: DEMO.sofie, params: { enterpriseNumber: en } })).body
        .items;
      return items.length > 0 && items;
    }, 15_000);

    // Act
    const decided = await app.call('decide-task', {
      as: DEMO.sofie,
      params: { enterpriseNumber: en, taskId: task.taskId },
      body: { decision: 'approve', reason: 'Nieuwe consultant', relationship },
    });
    expect(decided.status).toBe(202);
    await app.workflows.idle();

    // Assert: the state machine retried; the second failure had written, so the third attempt found the
    // request approved and did nothing more.
    expect(attempts.slice(0, 2)).toEqual(['failed before writing', 'wrote, answer lost']);
    const mine = await app.call('list-my-requests', { as: DEMO.emma });
    expect(mine.body.items[0]).toMatchObject({ status: 'approved' });
    const items = await app.snapshot();
    const emma = items.find(
      (i) =>
        i.type === 'Membership' &&
        i.enterpriseNumber === en &&
        (i as { person?: { firstName?: string } }).person?.firstName === 'Emma',
    ) as { personId: string };
    const grants = items.filter((i) => i.type === 'RightGrant' && i.personId === emma.personId);
    expect(grants).toHaveLength(1);
    const history = await app.call('get-history', {
      as: DEMO.sofie,
      params: { enterpriseNumber: en, personId: emma.personId },
    });
    expect(history.body.items.filter((e: { action: string }) => e.action === 'grant.created')).toHaveLength(
      1,
    );
    const access = await app.call('check-access', {
      asService: ['access/check'],
      body: { nationalNumber: DEMO.emma, enterpriseNumber: en, right: VLAIO, profile: SP },
    });
    expect(access.body.allowed).toBe(true);
    // The requester heard once.
    expect(app.outbox.filter((m) => m.to.includes('emma.willems@example.be'))).toHaveLength(1);
  });
});
