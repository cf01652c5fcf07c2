/**
 * Separation of duties: nobody decides their own access request (403 decision.own-request, in the API);
 * a local administrator who grants themselves a right does so directly only when the organisation has
 * no other local administrator, and otherwise asks the others (202, an access request through the same
 * approval workflow); a legal representative appointing themselves is recorded as such.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { PROFILE_SERVICE_PROVIDER, VLAIO_RIGHT } from '#lib/domain/catalogue';
import { createTestApp, DEMO, type TestApp } from '../support/app.ts';

const en = DEMO.adviesbureau;
let app: TestApp;

afterEach(() => {
  app?.workflows.stop();
});

const sofieId = async () => (await app.deps.persons.get(app.deps.pseudonymize(DEMO.sofie)))!.personId;

const grantSofie = async (as: string = DEMO.sofie) =>
  app.call('grant-right', {
    as,
    params: { enterpriseNumber: en, personId: await sofieId() },
    body: {
      right: VLAIO_RIGHT,
      profiles: [PROFILE_SERVICE_PROVIDER],
      startDate: '2026-11-26',
      endDate: '2029-12-31',
      reason: 'Ik dien zelf aanvragen in.',
    },
  });

/** Pieter, legal representative, appoints Lucas next to Sofie. */
async function secondAdministrator() {
  const appointed = await app.call('appoint-local-admin', {
    as: DEMO.pieter,
    params: { enterpriseNumber: en },
    body: { nationalNumber: DEMO.lucas },
  });
  expect(appointed.status).toBe(201);
}

describe('a local administrator and their own rights', () => {
  it('grants themselves a right directly when nobody else could decide', async () => {
    app = await createTestApp({ today: '2026-11-26' });
    const granted = await grantSofie();
    expect(granted.status).toBe(201);
    expect(granted.body.grants).toHaveLength(1);
  });

  it('asks the others instead when there is another local administrator, and cannot decide it', async () => {
    app = await createTestApp({ today: '2026-11-26' });
    await secondAdministrator();
    const before = (await app.deps.memberships.load(en, await sofieId()))!.grants.length;
    const asked = await grantSofie();
    expect(asked.status).toBe(202);
    expect(asked.body).toMatchObject({
      outcome: 'requested',
      request: { status: 'pending', right: VLAIO_RIGHT },
    });
    expect(asked.body.message).toContain('andere lokale beheerder');
    expect((await app.deps.memberships.load(en, await sofieId()))!.grants.length).toBe(before);

    // The task waits in Mijn taken; Sofie may not decide it, Lucas may.
    let task: { taskId: string } | undefined;
    for (let i = 0; i < 100 && !task; i++) {
      task = (await app.call('list-tasks', { as: DEMO.lucas, params: { enterpriseNumber: en } })).body
        .items[0];
      if (!task) await new Promise((r) => setTimeout(r, 20));
    }
    expect(task).toBeDefined();
    // OpenTask has finished (its e-mail and marker written) before the table is compared.
    for (
      let i = 0;
      i < 200 && !app.stateData.some((d) => d.state === 'OpenTask' && d.output !== undefined);
      i++
    )
      await new Promise((r) => setTimeout(r, 20));
    const decide = (as: string) =>
      app.call('decide-task', {
        as,
        params: { enterpriseNumber: en, taskId: task!.taskId },
        body: { decision: 'approve', reason: 'Akkoord' },
      });
    const snapshot = await app.snapshot();
    const own = await decide(DEMO.sofie);
    expect(own.status).toBe(403);
    expect(own.body.code).toBe('decision.own-request');
    expect(await app.snapshot()).toEqual(snapshot);
    expect((await decide(DEMO.lucas)).status).toBe(202);
    await app.workflows.idle();
    const grants = (await app.deps.memberships.load(en, await sofieId()))!.grants;
    expect(grants.map((g) => g.rightId)).toContain(VLAIO_RIGHT);
  });

  it('asks the others for a quick grant to themselves too', async () => {
    app = await createTestApp({ today: '2026-11-26' });
    await secondAdministrator();
    const asked = await app.call('quick-grant', {
      as: DEMO.sofie,
      params: { enterpriseNumber: en },
      body: { nationalNumber: DEMO.sofie, right: VLAIO_RIGHT, profiles: [PROFILE_SERVICE_PROVIDER] },
    });
    expect(asked.status).toBe(202);
    expect(asked.body.outcome).toBe('requested');
    // Lucas granting Sofie is a grant like any other.
    const byLucas = await grantSofie(DEMO.lucas);
    expect(byLucas.status).toBe(201);
  });

  it('asks the others to extend their own grant; narrowing it stays their own call', async () => {
    app = await createTestApp({ today: '2026-11-26' });
    expect((await grantSofie()).status).toBe(201);
    await secondAdministrator();
    const own = (await app.deps.memberships.load(en, await sofieId()))!.grants[0]!;
    const params = { enterpriseNumber: en, personId: await sofieId(), grantId: own.grantId };
    const extend = await app.call('update-grant', {
      as: DEMO.sofie,
      params,
      body: { endDate: '2031-06-30', reason: 'Verlenging' },
      headers: { 'if-match': `"${own.version}"` },
    });
    expect(extend.status).toBe(202);
    expect(extend.body).toMatchObject({ outcome: 'requested', request: { endDate: '2031-06-30' } });
    expect((await app.deps.memberships.load(en, await sofieId()))!.grants[0]!.endDate).toBe('2029-12-31');

    let task: { taskId: string } | undefined;
    for (let i = 0; i < 100 && !task; i++) {
      task = (await app.call('list-tasks', { as: DEMO.lucas, params: { enterpriseNumber: en } })).body
        .items[0];
      if (!task) await new Promise((r) => setTimeout(r, 20));
    }
    for (
      let i = 0;
      i < 200 && !app.stateData.some((d) => d.state === 'OpenTask' && d.output !== undefined);
      i++
    )
      await new Promise((r) => setTimeout(r, 20));
    const approved = await app.call('decide-task', {
      as: DEMO.lucas,
      params: { enterpriseNumber: en, taskId: task!.taskId },
      body: { decision: 'approve', reason: 'Akkoord' },
    });
    expect(approved.status).toBe(202);
    await app.workflows.idle();
    const after = (await app.deps.memberships.load(en, await sofieId()))!.grants[0]!;
    expect(after.endDate).toBe('2031-06-30');

    // A shorter period is no more access: Sofie's own edit, at once.
    const shorten = await app.call('update-grant', {
      as: DEMO.sofie,
      params,
      body: { endDate: '2030-12-31' },
      headers: { 'if-match': `"${after.version}"` },
    });
    expect(shorten.status).toBe(200);

    // Extending her relationship with her rights: the rights are for Lucas; the relationship alone is hers.
    const before = await app.snapshot();
    const withRights = await app.call('extend-work-relationship', {
      as: DEMO.sofie,
      params: { enterpriseNumber: en, personId: await sofieId() },
      body: { includeRights: true },
    });
    expect(withRights.status).toBe(403);
    expect(withRights.body.code).toBe('extension.own-rights');
    expect(await app.snapshot()).toEqual(before);
  });
});

describe('a local administrator and the extension of their own right', () => {
  it('leaves the task Verlengen? about their own right to another local administrator', async () => {
    app = await createTestApp({ today: '2026-11-26' });
    expect((await grantSofie()).status).toBe(201);
    await secondAdministrator();
    await app.setToday('2029-11-01');
    await app.workflows.runExpiry({ date: '2029-11-01' });
    const tasks = (await app.call('list-tasks', { as: DEMO.sofie, params: { enterpriseNumber: en } })).body
      .items;
    const own = tasks.find(
      (t: { kind: string; subject: { personId: string; item: string } }) =>
        t.kind === 'extension' && t.subject.item === 'grant',
    );
    expect(own?.subject.personId).toBe(await sofieId());
    const decide = (as: string) =>
      app.call('decide-task', {
        as,
        params: { enterpriseNumber: en, taskId: own.taskId },
        body: { decision: 'extend', reason: 'Nog nodig' },
      });
    const mine = await decide(DEMO.sofie);
    expect(mine.status).toBe(403);
    expect(mine.body.code).toBe('decision.own-extension');
    expect((await decide(DEMO.lucas)).status).toBe(200);
  });
});

describe('a legal representative appointing themselves', () => {
  it('is allowed and recorded as such in the history', async () => {
    app = await createTestApp({ today: '2026-11-26' });
    const appointed = await app.call('appoint-local-admin', {
      as: DEMO.lotte,
      params: { enterpriseNumber: DEMO.consultancy },
      body: { nationalNumber: DEMO.lotte },
    });
    expect(appointed.status).toBe(201);
    const history = await app.deps.memberships.history(DEMO.consultancy, appointed.body.personId, {
      limit: 5,
    });
    expect(history.items.find((e) => e.action === 'local-admin.appointed')?.after).toMatchObject({
      selfAppointed: true,
    });
  });
});
