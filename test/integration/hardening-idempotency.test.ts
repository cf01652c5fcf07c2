/**
 * Idempotency-Key on every POST that honours it (idempotency.test.ts covers add-person in depth): the
 * same key and body replayed gives the same response and one write; the same key with another body
 * gives 422 and writes nothing; parallel replays of one key execute once.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, DEMO, type TestApp } from '../support/app.ts';
import { workRelationship } from '../support/people.ts';
import { SP, TODAY, VLAIO } from '../support/world.ts';

const en = DEMO.adviesbureau;

const relationship = workRelationship({
  startDate: TODAY,
  endDate: '2034-12-31',
  email: 'emma.willems@example.be',
});

describe('Idempotency-Key on every idempotent route', () => {
  let app: TestApp;
  let emmaId: string;

  beforeAll(async () => {
    app = await createTestApp({ today: TODAY });
  });

  /** Items other than idempotency records: what the use cases wrote. */
  const written = async () => (await app.snapshot()).filter((i) => i.pk !== 'IDEMPOTENCY');

  interface Case {
    name: string;
    fn: string;
    as: string;
    params: () => Record<string, string>;
    body: () => unknown;
    other: () => unknown;
    status: number;
    /** Items one execution adds (apart from idempotency records). */
    adds: number;
  }

  const cases: Case[] = [
    {
      name: 'add a person',
      fn: 'add-person',
      as: DEMO.sofie,
      params: () => ({ enterpriseNumber: en }),
      body: () => ({ nationalNumber: DEMO.emma }),
      other: () => ({ nationalNumber: DEMO.lucas }),
      status: 201,
      // person, membership, history
      adds: 3,
    },
    {
      name: 'create the work relationship',
      fn: 'create-work-relationship',
      as: DEMO.sofie,
      params: () => ({ enterpriseNumber: en, personId: emmaId }),
      body: () => relationship,
      other: () => ({ ...relationship, phone: '+3293456789' }),
      status: 201,
      // relationship, history, access projection, its change event (relationship.created)
      adds: 4,
    },
    {
      name: 'grant a right',
      fn: 'grant-right',
      as: DEMO.sofie,
      params: () => ({ enterpriseNumber: en, personId: emmaId }),
      body: () => ({ right: VLAIO, profiles: [SP], startDate: TODAY, endDate: '2031-11-25' }),
      other: () => ({ right: VLAIO, profiles: ['Gebruiker'], startDate: TODAY, endDate: '2031-11-25' }),
      status: 201,
      // grant, history, what Emma holds of the right from today (keys.ts 28), its change event
      adds: 4,
    },
    {
      name: 'extend relationship and rights',
      fn: 'extend-work-relationship',
      as: DEMO.sofie,
      params: () => ({ enterpriseNumber: en, personId: emmaId }),
      body: () => ({ includeRights: true, reason: 'Verlenging' }),
      other: () => ({ includeRights: false, reason: 'Verlenging' }),
      status: 200,
      // history entries only (the relationship and grant are updated in place)
      adds: -1,
    },
    {
      name: 'quick grant',
      fn: 'quick-grant',
      as: DEMO.sofie,
      params: () => ({ enterpriseNumber: en }),
      body: () => ({ nationalNumber: DEMO.jonas, right: VLAIO, profiles: [SP], relationship }),
      other: () => ({ nationalNumber: DEMO.jonas, right: VLAIO, profiles: ['Gebruiker'], relationship }),
      status: 201,
      adds: -1,
    },
    {
      name: 'appoint a local administrator',
      fn: 'appoint-local-admin',
      as: DEMO.lotte,
      params: () => ({ enterpriseNumber: DEMO.consultancy }),
      body: () => ({ nationalNumber: DEMO.lotte, reason: 'Zaakvoerder' }),
      other: () => ({ nationalNumber: DEMO.lotte, reason: 'Andere reden' }),
      status: 201,
      adds: -1,
    },
    {
      name: 'request access',
      fn: 'request-access',
      as: DEMO.lucas,
      params: () => ({}),
      body: () => ({ enterpriseNumber: en, right: VLAIO, profiles: [SP], reason: 'Ik dien aanvragen in.' }),
      other: () => ({ enterpriseNumber: en, right: VLAIO, profiles: ['Gebruiker'], reason: 'Andere' }),
      status: 202,
      adds: -1,
    },
  ];

  /**
   * Waits for what the request started: the approval workflow opens its task, e-mails the
   * administrators, records that it did, and then waits for a decision. The task shows before the
   * record is written, so the table is read until it stops changing.
   */
  async function settled(c: Case) {
    if (c.fn !== 'request-access') return app.workflows.idle();
    let opened = false;
    for (let i = 0; i < 100 && !opened; i++) {
      const tasks = await app.call('list-tasks', { as: DEMO.sofie, params: { enterpriseNumber: en } });
      opened = tasks.body.items.length > 0;
      if (!opened) await new Promise((resolve) => setTimeout(resolve, 50));
    }
    if (!opened) throw new Error('the approval task did not open');
    let last = JSON.stringify(await written());
    for (let stable = 0; stable < 3; ) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      const now = JSON.stringify(await written());
      stable = now === last ? stable + 1 : 0;
      last = now;
    }
  }

  for (const c of cases) {
    it(`${c.name}: replay → the same response and one write; another body → 422, nothing written`, async () => {
      // Arrange
      const key = `hardening-${c.fn}`;
      const call = (body: unknown) =>
        app.call(c.fn, { as: c.as, params: c.params(), body, headers: { 'idempotency-key': key } });
      const before = await written();

      // Act
      const first = await call(c.body());
      await settled(c);
      const afterFirst = await written();
      const replay = await call(c.body());
      const other = await call(c.other());
      await settled(c);

      // Assert
      expect(first.status).toBe(c.status);
      if (c.fn === 'add-person') emmaId = first.body.personId;
      expect(replay.status).toBe(first.status);
      expect(replay.body).toEqual(first.body);
      for (const h of ['etag', 'location']) expect(replay.headers[h]).toBe(first.headers[h]);
      expect(afterFirst.length).toBeGreaterThan(before.length);
      if (c.adds > 0) expect(afterFirst.length - before.length).toBe(c.adds);
      expect(other.status).toBe(422);
      expect(other.headers['content-type']).toBe('application/problem+json');
      expect(other.body.code).toBe('idempotency-key-reused');
      // Neither the replay nor the refused body wrote anything.
      expect(await written()).toEqual(afterFirst);
    });
  }

  it('20 parallel replays of one key on grant-right: executed once', async () => {
    // Arrange: a fresh person with a relationship.
    const added = await app.call('add-person', {
      as: DEMO.sofie,
      params: { enterpriseNumber: en },
      body: { nationalNumber: DEMO.pieter },
    });
    const params = { enterpriseNumber: en, personId: added.body.personId as string };
    expect(
      (await app.call('create-work-relationship', { as: DEMO.sofie, params, body: relationship })).status,
    ).toBe(201);
    const body = { right: VLAIO, profiles: [SP], startDate: TODAY, endDate: '2031-11-25' };

    // Act
    const results = await Promise.all(
      Array.from({ length: 20 }, () =>
        app.call('grant-right', { as: DEMO.sofie, params, body, headers: { 'idempotency-key': 'parallel' } }),
      ),
    );

    // Assert: the execution and its replays answer alike; the rest are told it is in progress.
    const done = results.filter((r) => r.status === 201);
    expect(done.length).toBeGreaterThanOrEqual(1);
    for (const r of done) expect(r.body).toEqual(done[0]!.body);
    for (const r of results.filter((x) => x.status !== 201)) {
      expect(r.status).toBe(409);
      expect(r.body.code).toBe('idempotency-in-progress');
    }
    const history = await app.call('get-history', { as: DEMO.sofie, params });
    const grants = history.body.items.filter((e: { action: string }) => e.action === 'grant.created');
    expect(grants).toHaveLength(1);
  });
});
