/**
 * Every path of the approval workflow ends where a person can act (real ASL, local runner): a decision
 * that cannot be applied re-opens the task with the reason; a request the workflow cannot carry ends as
 * failed with an e-mail to the requester, who may ask again; a mail service that refuses an address for
 * good neither stalls nor fails the workflow.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { type Email, MailRefusedError, type Workflows } from '#lib/domain/ports';
import { createTestApp, DEMO, type TestApp } from '../support/app.ts';
import { workRelationship } from '../support/people.ts';
import { until } from '../support/wait.ts';

const RIGHT = 'VLAIO Inkom Gebruiker Nieuw';
const SERVICE_PROVIDER = 'Dienstverlener kmo-portefeuille';
const en = DEMO.adviesbureau;
const TODAY = '2026-11-26';
const relationship = workRelationship({ startDate: TODAY, endDate: '2036-11-25', email: 'emma@example.be' });

describe('approval: no dead ends', () => {
  let app: TestApp;
  let emmaId: string;
  /** Task tokens the decision route answered, held back so the test decides when ApplyDecision runs. */
  let held: string[];
  let real: Workflows;

  const openTasks = async () =>
    (await app.call('list-tasks', { as: DEMO.sofie, params: { enterpriseNumber: en } })).body.items as {
      taskId: string;
      requestId: string;
      lastFailure: { code: string; message: string; decidedBy: string } | null;
    }[];
  const myRequests = async () => (await app.call('list-my-requests', { as: DEMO.emma })).body.items;
  const ask = () =>
    app.call('request-access', {
      as: DEMO.emma,
      body: {
        enterpriseNumber: en,
        right: RIGHT,
        profiles: [SERVICE_PROVIDER],
        reason: 'Dossiers indienen',
        email: 'emma.prive@example.be',
      },
    });
  const decide = (taskId: string, body: Record<string, unknown>) =>
    app.call('decide-task', { as: DEMO.sofie, params: { enterpriseNumber: en, taskId }, body });
  const link = async () => {
    const res = await app.call('create-work-relationship', {
      as: DEMO.sofie,
      params: { enterpriseNumber: en, personId: emmaId },
      body: relationship,
    });
    expect(res.status).toBe(201);
  };
  const unlink = async () => {
    const page = await app.call('get-person', {
      as: DEMO.sofie,
      params: { enterpriseNumber: en, personId: emmaId },
    });
    const res = await app.call('delete-work-relationship', {
      as: DEMO.sofie,
      params: { enterpriseNumber: en, personId: emmaId },
      headers: { 'if-match': `"${page.body.relationship.version}"` },
      body: { reason: 'Vertrokken' },
    });
    expect(res.status).toBe(200);
  };
  /** The task is open after `failures` failed decisions and the workflow waits on it (OpenTask gave it a token). */
  const waiting = (taskId: string, failures: number) =>
    until(async () => {
      const task = await app.deps.tasks.get(en, taskId);
      return task?.status === 'open' && task.taskToken && (task.failures ?? []).length === failures;
    });
  /** decide → the relationship is deleted → ApplyDecision runs and cannot grant. */
  async function decideThenUnlink(taskId: string, failuresBefore = 0) {
    await waiting(taskId, failuresBefore);
    const approved = await decide(taskId, { decision: 'approve', reason: 'Akkoord' });
    expect(approved.status, JSON.stringify(approved.body)).toBe(202);
    expect(held).toHaveLength(1);
    await unlink();
    await real.sendTaskSuccess(held.shift()!, {});
  }

  beforeEach(async () => {
    app = await createTestApp({ today: TODAY });
    real = app.workflows;
    held = [];
    app.deps.workflows = { ...real, sendTaskSuccess: async (token) => void held.push(token) };
    const added = await app.call('add-person', {
      as: DEMO.sofie,
      params: { enterpriseNumber: en },
      body: { nationalNumber: DEMO.emma },
    });
    emmaId = added.body.personId;
    await link();
  });

  it('decide → relationship deleted → ApplyDecision fails → the task re-opens with the reason and can be decided again', async () => {
    expect((await ask()).status).toBe(202);
    const [task] = await until(async () => {
      const items = await openTasks();
      return items.length > 0 && items;
    });

    await decideThenUnlink(task!.taskId);

    const reopened = await until(async () => (await openTasks()).find((t) => t.lastFailure));
    expect(reopened.taskId).toBe(task!.taskId);
    expect(reopened.lastFailure).toMatchObject({
      code: 'decision.relationship-required',
      decidedBy: 'Sofie Janssens',
      message: expect.stringContaining('geen werkrelatie'),
    });
    expect(JSON.stringify(reopened)).not.toContain(DEMO.emma);
    expect((await myRequests())[0]).toMatchObject({ status: 'pending' });
    // The workflow waits again (a fresh token on the same task) and the admins are not e-mailed twice.
    expect(app.workflows.running()).toBe(1);
    expect(app.outbox.filter((m) => m.subject.startsWith('Nieuwe aanvraag'))).toHaveLength(1);

    app.deps.workflows = real;
    const again = await decide(task!.taskId, { decision: 'approve', reason: 'Opnieuw', relationship });
    expect(again.status).toBe(202);
    await app.workflows.idle();
    expect(await openTasks()).toEqual([]);
    expect((await myRequests())[0]).toMatchObject({ status: 'approved', decisionReason: 'Opnieuw' });
    const access = await app.call('check-access', {
      asService: ['access/check'],
      body: { nationalNumber: DEMO.emma, enterpriseNumber: en, right: RIGHT, profile: SERVICE_PROVIDER },
    });
    expect(access.body).toMatchObject({ allowed: true });
  });

  it('after three decisions that could not be applied the request ends as failed; the requester is told and may ask again', async () => {
    const asked = await ask();
    const taskId = asked.body.requestId as string;
    for (let failure = 1; failure <= 3; failure++) {
      // The previous decision must have failed (and the task re-opened) before the relationship returns.
      await waiting(taskId, failure - 1);
      if (failure > 1) await link();
      await decideThenUnlink(taskId, failure - 1);
    }
    await app.workflows.idle();

    expect(await openTasks()).toEqual([]);
    expect((await myRequests())[0]).toMatchObject({ status: 'failed' });
    const told = app.outbox.at(-1)!;
    expect(told.to).toEqual(['emma.prive@example.be']);
    expect(told.subject).toBe(`Uw aanvraag kon niet verwerkt worden: ${RIGHT}`);
    app.deps.workflows = real;
    expect((await ask()).status).toBe(202);
  });
});

describe('approval: mail that cannot go out', () => {
  it('an administrator address refused for good: the task opens anyway, the decision is applied, the workflow ends', async () => {
    const app = await createTestApp({ today: TODAY });
    const delivered: Email[] = [];
    app.deps.mailer = {
      async send(email) {
        if (email.to.some((a) => a.includes('adviesbureau-voorbeeld')))
          throw new MailRefusedError('MessageRejected');
        delivered.push(email);
      },
    };
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
      (await app.call('list-tasks', { as: DEMO.sofie, params: { enterpriseNumber: en } })).body.items.find(
        (t: { requestId: string }) => t.requestId === asked.body.requestId,
      ),
    );
    expect(app.workflows.running()).toBe(1);

    const rejected = await app.call('decide-task', {
      as: DEMO.sofie,
      params: { enterpriseNumber: en, taskId: task.taskId },
      body: { decision: 'reject', reason: 'Geen stage' },
    });
    expect(rejected.status).toBe(202);
    await app.workflows.idle();
    expect((await app.call('list-my-requests', { as: DEMO.lucas })).body.items[0]).toMatchObject({
      status: 'rejected',
    });
    expect(delivered.map((m) => m.to)).toEqual([['lucas@example.be']]);
  });

  it('a mail service that keeps failing: OpenTask gives up after its retries, the request fails, the requester may ask again', async () => {
    const app = await createTestApp({ today: TODAY });
    const delivered: Email[] = [];
    let adminAttempts = 0;
    app.deps.mailer = {
      async send(email) {
        if (email.to.some((a) => a.includes('adviesbureau-voorbeeld'))) {
          adminAttempts += 1;
          throw new Error('connection reset by the mail relay');
        }
        delivered.push(email);
      },
    };
    const body = {
      enterpriseNumber: en,
      right: RIGHT,
      profiles: ['Gebruiker'],
      reason: 'Stage',
      email: 'lucas@example.be',
    };
    expect((await app.call('request-access', { as: DEMO.lucas, body })).status).toBe(202);
    await app.workflows.idle();

    // The first attempt and the ASL's five retries.
    expect(adminAttempts).toBe(6);
    expect((await app.call('list-my-requests', { as: DEMO.lucas })).body.items[0]).toMatchObject({
      status: 'failed',
    });
    expect(
      (await app.call('list-tasks', { as: DEMO.sofie, params: { enterpriseNumber: en } })).body.items,
    ).toEqual([]);
    expect(delivered.map((m) => m.subject)).toEqual([`Uw aanvraag kon niet verwerkt worden: ${RIGHT}`]);

    app.deps.mailer = { send: async () => undefined };
    expect((await app.call('request-access', { as: DEMO.lucas, body })).status).toBe(202);
  });

  it('a mail service that fails once: the retry of OpenTask still e-mails the administrators, once', async () => {
    const app = await createTestApp({ today: TODAY });
    let failures = 1;
    const delivered: Email[] = [];
    app.deps.mailer = {
      async send(email) {
        if (failures-- > 0) throw new Error('connection reset by the mail relay');
        delivered.push(email);
      },
    };
    const asked = await app.call('request-access', {
      as: DEMO.lucas,
      body: { enterpriseNumber: en, right: RIGHT, profiles: ['Gebruiker'], reason: 'Stage' },
    });
    expect(asked.status).toBe(202);
    await until(async () => delivered.length > 0);
    await new Promise((r) => setTimeout(r, 100));
    expect(delivered.map((m) => m.to)).toEqual([['sofie.janssens@adviesbureau-voorbeeld.be']]);
    expect(delivered[0]!.text).toContain(`/o/${en}/taken`);
    expect(delivered[0]!.text).not.toContain('Stage');
    app.workflows.stop();
  });
});
