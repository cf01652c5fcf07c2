import { beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, DEMO, type TestApp } from '../support/app.ts';
import { workRelationship } from '../support/people.ts';
import { until } from '../support/wait.ts';

const RIGHT = 'VLAIO Inkom Gebruiker Nieuw';
const SERVICE_PROVIDER = 'Dienstverlener kmo-portefeuille';
const en = DEMO.adviesbureau;
const relationship = workRelationship({
  startDate: '2026-11-26',
  endDate: '2036-11-25',
  phone: '+32478000001',
  email: 'emma.willems@example.be',
});

describe('access requests through the approval workflow (real ASL, local runner)', () => {
  let app: TestApp;
  const openTasks = async () =>
    (await app.call('list-tasks', { as: DEMO.sofie, params: { enterpriseNumber: en } })).body.items;
  const check = (nationalNumber: string) =>
    app.call('check-access', {
      asService: ['access/check'],
      body: { nationalNumber, enterpriseNumber: en, right: RIGHT, profile: SERVICE_PROVIDER },
    });

  beforeAll(async () => {
    app = await createTestApp({ today: '2026-11-26' });
  });

  it('Emma asks, Sofie sees the task and approves it with the relationship, Emma gets access and an e-mail', async () => {
    const asked = await app.call('request-access', {
      as: DEMO.emma,
      body: {
        enterpriseNumber: '0795.012.394',
        right: RIGHT,
        profiles: [SERVICE_PROVIDER],
        reason: 'Ik dien steunaanvragen in.',
      },
    });
    expect(asked.status).toBe(202);
    expect(asked.body).toMatchObject({ status: 'pending', organisationName: 'Adviesbureau Voorbeeld BV' });

    const [task] = await until(async () => {
      const items = await openTasks();
      return items.length > 0 && items;
    });
    expect(task).toMatchObject({
      kind: 'approval',
      status: 'open',
      subject: { name: 'Emma Willems', right: RIGHT },
    });
    expect(JSON.stringify(task)).not.toContain(DEMO.emma);
    await until(async () => app.outbox.length > 0);
    expect(app.outbox[0]!.to).toEqual(['sofie.janssens@adviesbureau-voorbeeld.be']);

    const again = await app.call('request-access', {
      as: DEMO.emma,
      body: { enterpriseNumber: en, right: RIGHT, profiles: [SERVICE_PROVIDER], reason: 'Nog eens' },
    });
    expect(again.status).toBe(409);
    expect(again.body).toMatchObject({
      code: 'access-request.exists',
      existing: { requestId: asked.body.requestId },
    });

    const before = await app.snapshot();
    const missing = await app.call('decide-task', {
      as: DEMO.sofie,
      params: { enterpriseNumber: en, taskId: task.taskId },
      body: { decision: 'approve', reason: 'Nieuwe consultant' },
    });
    expect(missing.status).toBe(422);
    expect(missing.body.code).toBe('decision.relationship-required');
    expect(await app.snapshot()).toEqual(before);

    const approved = await app.call('decide-task', {
      as: DEMO.sofie,
      params: { enterpriseNumber: en, taskId: task.taskId },
      body: { decision: 'approve', reason: 'Nieuwe consultant', relationship },
    });
    expect(approved.status).toBe(202);
    await app.workflows.idle();

    expect((await check(DEMO.emma)).body).toMatchObject({ allowed: true, reason: 'granted' });
    expect(await openTasks()).toEqual([]);
    const mine = await app.call('list-my-requests', { as: DEMO.emma });
    expect(mine.body.items[0]).toMatchObject({ status: 'approved', decisionReason: 'Nieuwe consultant' });
    // The execution history holds ids only: not the relationship's phone or e-mail, nor who decided.
    const history = JSON.stringify(app.stateData.filter((d) => d.machine === 'approval'));
    expect(history).toContain(asked.body.requestId);
    for (const secret of ['+32478000001', 'emma.willems@example.be', 'Sofie Janssens', 'Emma', DEMO.emma])
      expect(history, secret).not.toContain(secret);
    const mail = app.outbox.at(-1)!;
    expect(mail.to).toEqual(['emma.willems@example.be']);
    expect(`${mail.subject}\n${mail.text}\n${mail.html}`).not.toMatch(/\d{11}/);

    const twice = await app.call('decide-task', {
      as: DEMO.sofie,
      params: { enterpriseNumber: en, taskId: task.taskId },
      body: { decision: 'reject', reason: 'Toch niet' },
    });
    expect(twice.status).toBe(409);
    const repeat = await app.call('request-access', {
      as: DEMO.emma,
      body: { enterpriseNumber: en, right: RIGHT, profiles: [SERVICE_PROVIDER], reason: 'Nog eens' },
    });
    expect(repeat.status).toBe(409);
    expect(repeat.body.code).toBe('access-request.already-granted');
  });

  it('a rejection closes the task and tells the requester; another organisation’s task answers 404', async () => {
    // Each reads their e-mail in their own language: Lucas English, Sofie French.
    await app.call('update-preferences', { as: DEMO.lucas, body: { language: 'en' } });
    await app.call('update-preferences', { as: DEMO.sofie, body: { language: 'fr' } });
    const sent = app.outbox.length;
    const asked = await app.call('request-access', {
      as: DEMO.lucas,
      body: {
        enterpriseNumber: en,
        right: RIGHT,
        profiles: ['Gebruiker'],
        reason: 'Stage',
        email: 'lucas@example.be',
      },
    });
    expect(asked.status).toBe(202);
    const task = await until(async () =>
      (await openTasks()).find((t: { requestId: string }) => t.requestId === asked.body.requestId),
    );

    const marcOwnPath = await app.call('decide-task', {
      as: DEMO.marc,
      params: { enterpriseNumber: DEMO.boekhouding, taskId: task.taskId },
      body: { decision: 'approve', reason: 'x' },
    });
    expect(marcOwnPath.status).toBe(404);
    const marcOther = await app.call('decide-task', {
      as: DEMO.marc,
      params: { enterpriseNumber: en, taskId: task.taskId },
      body: { decision: 'approve', reason: 'x' },
    });
    expect(marcOther.status).toBe(403);

    const rejected = await app.call('decide-task', {
      as: DEMO.sofie,
      params: { enterpriseNumber: en, taskId: task.taskId },
      body: { decision: 'reject', reason: 'Geen stagiairs dit jaar' },
    });
    expect(rejected.status).toBe(202);
    await app.workflows.idle();
    const mine = await app.call('list-my-requests', { as: DEMO.lucas });
    expect(mine.body.items[0]).toMatchObject({
      status: 'rejected',
      decisionReason: 'Geen stagiairs dit jaar',
    });
    expect(app.outbox.at(-1)!.to).toEqual(['lucas@example.be']);
    expect(app.outbox.at(-1)!.subject).toBe(`Your request has been rejected: ${RIGHT}`);
    expect(app.outbox.at(-1)!.text).toContain('Reason: Geen stagiairs dit jaar');
    const toSofie = app.outbox
      .slice(sent)
      .find((m) => m.to.includes('sofie.janssens@adviesbureau-voorbeeld.be'));
    expect(toSofie?.subject).toBe(`Nouvelle demande pour ${RIGHT} chez Adviesbureau Voorbeeld BV`);
    expect((await check(DEMO.lucas)).body.allowed).toBe(false);
    // The refusal is in the organisation's audit trail, with who decided and why.
    const trail = await app.call('list-audit', {
      as: DEMO.sofie,
      params: { enterpriseNumber: en },
      query: { action: 'task' },
    });
    expect(trail.body.items).toEqual([
      expect.objectContaining({
        action: 'task.rejected',
        actor: expect.objectContaining({ name: 'Sofie Janssens' }),
        reason: 'Geen stagiairs dit jaar',
        after: expect.objectContaining({ requester: 'Lucas De Smet', right: RIGHT }),
      }),
    ]);
  });
});

describe('an approval nobody decides', () => {
  it('expires after the configured wait (same ASL), closes the task, and a late decision gets 410', async () => {
    const app = await createTestApp({ today: '2026-11-26', approvalTimeoutMs: 400 });
    const asked = await app.call('request-access', {
      as: DEMO.jonas,
      body: {
        enterpriseNumber: en,
        right: RIGHT,
        profiles: [SERVICE_PROVIDER],
        reason: 'Graag',
        email: 'jonas@example.be',
      },
    });
    expect(asked.status).toBe(202);
    await until(
      async () =>
        (await app.call('list-my-requests', { as: DEMO.jonas })).body.items[0]?.status === 'expired',
    );
    await app.workflows.idle();
    const tasks = await app.call('list-tasks', { as: DEMO.sofie, params: { enterpriseNumber: en } });
    expect(tasks.body.items).toEqual([]);
    const late = await app.call('decide-task', {
      as: DEMO.sofie,
      params: { enterpriseNumber: en, taskId: asked.body.requestId },
      body: { decision: 'approve', reason: 'Te laat' },
    });
    expect(late.status).toBe(410);
    expect(app.outbox.at(-1)!.to).toEqual(['jonas@example.be']);
  });
});

describe('limits on asking', () => {
  /** Requests of Jonas written straight into the table, as earlier days would have left them. */
  async function earlier(app: TestApp, n: number, status: 'pending' | 'rejected', hoursAgo: number) {
    const pseudonym = app.deps.pseudonymize(DEMO.jonas);
    for (let i = 0; i < n; i++) {
      const requestId = app.deps.newId();
      await app.deps
        .unitOfWork()
        .addRequest({
          requestId,
          enterpriseNumber: `0${String(200000000 + i).padStart(9, '0')}`,
          organisationName: `Organisatie ${i}`,
          pseudonym,
          nationalNumber: DEMO.jonas,
          requesterName: 'Jonas Bakker',
          email: null,
          right: RIGHT,
          profiles: [SERVICE_PROVIDER],
          reason: 'Eerder',
          status,
          taskId: requestId,
          createdAt: new Date(Date.now() - hoursAgo * 3600_000 - i * 1000).toISOString(),
          decidedAt: null,
          decidedBy: null,
          decisionReason: null,
          version: 1,
        })
        .commit();
    }
  }
  const ask = (app: TestApp) =>
    app.call('request-access', {
      as: DEMO.jonas,
      body: { enterpriseNumber: en, right: RIGHT, profiles: [SERVICE_PROVIDER], reason: 'Graag' },
    });

  it('five open requests in all: a sixth → 429 access-request.too-many-open, nothing written, no e-mail', async () => {
    const app = await createTestApp({ today: '2026-11-26' });
    await earlier(app, 5, 'pending', 48);
    const before = await app.snapshot();
    const res = await ask(app);
    expect(res.status).toBe(429);
    expect(res.headers['content-type']).toBe('application/problem+json');
    expect(res.body).toMatchObject({ code: 'access-request.too-many-open', title: 'Te veel verzoeken' });
    expect(await app.snapshot()).toEqual(before);
    expect(app.outbox).toEqual([]);
    expect(app.workflows.running()).toBe(0);
  });

  it('ten requests in 24 hours: the eleventh → 429 access-request.daily-limit with Retry-After; a day later it is fine', async () => {
    const app = await createTestApp({ today: '2026-11-26' });
    await earlier(app, 10, 'rejected', 2);
    const refused = await ask(app);
    expect(refused.status).toBe(429);
    expect(refused.body.code).toBe('access-request.daily-limit');
    const retryAfter = Number(refused.headers['retry-after']);
    // The oldest of the ten was made 2 hours (and 9 seconds) ago: free again in about 22 hours.
    expect(retryAfter).toBeGreaterThan(21.9 * 3600);
    expect(retryAfter).toBeLessThanOrEqual(22 * 3600);

    const later = await createTestApp({ today: '2026-11-26' });
    await earlier(later, 10, 'rejected', 25);
    expect((await ask(later)).status).toBe(202);
    // The approval now waits for a decision; nobody will decide in this test.
    later.workflows.stop();
  });
});
