/**
 * Following the KBO over several days, through the real ASL (infra/workflows/kbo.asl.json) run by the
 * local Step Functions runner with the real handlers, against DynamoDB Local and the MAGDA stand-in,
 * which answers as the demo KBO does on each day (lib/adapters/registries/fixtures/kbo.json):
 *
 * - 2031-01-01 Adviesbureau's legal representative changes (Pieter → Emma): history, and a task for
 *   Emma to confirm Sofie, whom Pieter appointed;
 * - 2031-04-01 Boekhouding stops: Tom's relationship paused (the access check says so), e-mail once;
 * - 2031-07-01 Boekhouding is active again: a task for its local administrator to resume.
 *
 * Also: a stop noticed by an administrator's read before the daily run, the last administrator removed,
 * a KBO outage for one organisation, and the decisions' authorisation.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { PROFILE_SERVICE_PROVIDER, VLAIO_RIGHT } from '#lib/domain/catalogue';
import { ConcurrentChangeError, RegistryUnavailableError } from '#lib/domain/errors';
import { resumeRelationship } from '#lib/domain/membership';
import type { Enterprise } from '#lib/domain/ports';
import { createTestApp, DEMO, type TestApp } from '../support/app.ts';
import { invokeWorkflowStep } from '../support/handlers.ts';

const { adviesbureau, boekhouding } = DEMO;
const TOM_MAIL = 'tom.wouters@boekhouding-test.be';
const MARC_MAIL = 'marc.peeters@boekhouding-test.be';

let app: TestApp;

afterEach(() => {
  app?.workflows.stop();
});

/** The day's follow, as the schedule runs it at 05:30 (the day is today for everything). */
async function follow(date: string) {
  await app.setToday(date);
  return app.workflows.runKbo({ date });
}

const personId = async (nationalNumber: string) =>
  (await app.deps.persons.get(app.deps.pseudonymize(nationalNumber)))!.personId;

async function relationshipOf(nationalNumber: string, en = boekhouding) {
  const agg = await app.deps.memberships.load(en, await personId(nationalNumber));
  return agg!.relationship!;
}

const orgHistory = async (en: string) =>
  (await app.deps.organisations.history(en, { limit: 50 })).items.map((e) => e.action);

const tasksOf = async (en: string, kind: string) =>
  (await app.deps.tasks.listOpen(en)).filter((t) => t.kind === kind);

const access = (nationalNumber: string, en = boekhouding) =>
  app.call('check-access', {
    asService: ['access/check'],
    body: { nationalNumber, enterpriseNumber: en, right: VLAIO_RIGHT, profile: PROFILE_SERVICE_PROVIDER },
  });

/** Marc gets a work relationship at Boekhouding, so the e-mail to its local administrator has an address. */
async function giveMarcAnAddress() {
  const added = await app.call('add-person', {
    as: DEMO.marc,
    params: { enterpriseNumber: boekhouding },
    body: { nationalNumber: DEMO.marc },
  });
  expect(added.status).toBe(201);
  const linked = await app.call('create-work-relationship', {
    as: DEMO.marc,
    params: { enterpriseNumber: boekhouding, personId: added.body.personId },
    body: {
      category: 'Vaste medewerker',
      startDate: '2030-01-01',
      endDate: '2034-06-30',
      phone: '+3293456780',
      email: MARC_MAIL,
    },
  });
  expect(linked.status).toBe(201);
}

describe('the daily KBO follow over several days', () => {
  it('records the first reading, then the representatives changing, the stop and the restart, each once', async () => {
    app = await createTestApp({ today: '2030-12-30' });
    await giveMarcAnAddress();

    // The first reading: what the KBO says is kept, nothing changes, nobody is asked anything.
    await follow('2030-12-30');
    const first = await app.deps.organisations.get(adviesbureau);
    expect(first?.kbo).toMatchObject({ status: 'active', readOn: '2030-12-30' });
    expect(first?.kbo?.representatives.map((r) => r.name)).toEqual(['Pieter Claes']);
    expect(JSON.stringify(first?.kbo)).not.toContain(DEMO.pieter);
    expect(await orgHistory(adviesbureau)).toEqual([]);
    expect((await app.deps.tasks.listOpen(adviesbureau)).length).toBe(0);

    // 2031-01-01: Pieter is no longer zaakvoerder, Emma is.
    await follow('2031-01-01');
    expect(await orgHistory(adviesbureau)).toEqual(['kbo.representatives-changed']);
    const [changed] = (await app.deps.organisations.history(adviesbureau, { limit: 1 })).items;
    expect(changed?.after).toMatchObject({
      left: [{ name: 'Pieter Claes', function: 'Zaakvoerder' }],
      arrived: [{ name: 'Emma Willems', function: 'Zaakvoerder' }],
    });
    const [confirm] = await tasksOf(adviesbureau, 'confirm-admin');
    expect(confirm?.title).toContain('Bevestig lokale beheerder: Sofie Janssens');
    expect(confirm?.subject.name).toBe('Sofie Janssens');

    // It waits for the legal representatives: not in Sofie's Mijn taken, on Emma's page of local administrators.
    const sofieTasks = await app.call('list-tasks', {
      as: DEMO.sofie,
      params: { enterpriseNumber: adviesbureau },
    });
    expect(sofieTasks.body.items.map((t: { kind: string }) => t.kind)).not.toContain('confirm-admin');
    const page = await app.call('list-local-admins', {
      as: DEMO.emma,
      params: { enterpriseNumber: adviesbureau },
    });
    expect(page.status).toBe(200);
    expect(page.body.representativeTasks.map((t: { taskId: string }) => t.taskId)).toEqual([confirm!.taskId]);
    expect(page.body.kboHistory[0].action).toBe('kbo.representatives-changed');
    const me = await app.call('get-me', { as: DEMO.emma });
    expect(
      me.body.organisations.find((o: { enterpriseNumber: string }) => o.enterpriseNumber === adviesbureau),
    ).toMatchObject({ roles: ['legal-representative'], openTasks: 1 });

    // The same day again, and the next: nothing new.
    await app.workflows.runKbo({ date: '2031-01-01' });
    await follow('2031-01-02');
    expect(await orgHistory(adviesbureau)).toEqual(['kbo.representatives-changed']);
    expect((await tasksOf(adviesbureau, 'confirm-admin')).length).toBe(1);

    // Only a current legal representative decides: not Pieter any more, not Sofie herself.
    const decide = (as: string, decision: string) =>
      app.call('decide-task', {
        as,
        params: { enterpriseNumber: adviesbureau, taskId: confirm!.taskId },
        body: { decision, reason: 'Blijft lokale beheerder' },
      });
    expect((await decide(DEMO.pieter, 'keep')).status).toBe(403);
    const bySofie = await decide(DEMO.sofie, 'keep');
    expect(bySofie.status).toBe(403);
    expect(bySofie.body.code).toBe('not-legal-representative');
    const wrong = await decide(DEMO.emma, 'approve');
    expect(wrong.status).toBe(422);
    expect(wrong.body.code).toBe('decision.invalid');
    const kept = await decide(DEMO.emma, 'keep');
    expect(kept.status).toBe(200);
    expect(kept.body.status).toBe('confirmed');
    const sofie = (await app.deps.admins.list(adviesbureau))[0]!;
    expect(sofie).toMatchObject({ appointedBy: 'Emma Willems', confirmationTaskId: null });
    const sofieHistory = await app.deps.memberships.history(adviesbureau, sofie.personId, { limit: 10 });
    expect(sofieHistory.items.map((e) => e.action)).toContain('local-admin.confirmed');
    expect((await decide(DEMO.emma, 'keep')).status).toBe(409);
    // Confirmed by a current representative: the next days ask nothing.
    await follow('2031-01-03');
    expect((await tasksOf(adviesbureau, 'confirm-admin')).length).toBe(0);

    // 2031-03-31: Tom still has access through Boekhouding's relationship.
    expect((await access(DEMO.tom)).body.reason).not.toBe('relationship-paused');

    // 2031-04-01: Boekhouding stops.
    await follow('2031-04-01');
    expect(await orgHistory(boekhouding)).toEqual(['kbo.stopped']);
    const tom = await relationshipOf(DEMO.tom);
    expect(tom).toMatchObject({
      paused: true,
      pausedBy: 'kbo',
      pauseReason: 'onderneming stopgezet in de KBO',
    });
    expect((await access(DEMO.tom)).body).toMatchObject({ allowed: false, reason: 'relationship-paused' });
    const tomHistory = await app.deps.memberships.history(boekhouding, await personId(DEMO.tom), {
      limit: 5,
    });
    expect(tomHistory.items[0]).toMatchObject({
      actor: { personId: 'KBO' },
      reason: 'onderneming stopgezet in de KBO',
    });
    const stoppedMails = () => app.outbox.filter((m) => m.subject.includes('stopgezet'));
    expect(
      stoppedMails()
        .map((m) => m.to)
        .sort(),
    ).toEqual([[MARC_MAIL], [TOM_MAIL]]);
    for (const mail of stoppedMails()) expect(mail.text).not.toContain(DEMO.tom);

    // While stopped: nobody links or resumes anyone there.
    const resume = await app.call('resume-work-relationship', {
      as: DEMO.marc,
      params: { enterpriseNumber: boekhouding, personId: await personId(DEMO.tom) },
      headers: { 'if-match': `"${tom.version}"` },
      body: { reason: 'Terug aan het werk' },
    });
    expect(resume.status).toBe(422);
    expect(resume.body.code).toBe('organisation.stopped');
    const lucas = await app.call('add-person', {
      as: DEMO.marc,
      params: { enterpriseNumber: boekhouding },
      body: { nationalNumber: DEMO.lucas },
    });
    const before = await app.snapshot();
    const link = await app.call('create-work-relationship', {
      as: DEMO.marc,
      params: { enterpriseNumber: boekhouding, personId: lucas.body.personId },
      body: {
        category: 'Vaste medewerker',
        startDate: '2031-04-02',
        endDate: '2032-04-01',
        phone: '+3293456781',
        email: 'lucas@boekhouding-test.be',
      },
    });
    expect(link.status).toBe(422);
    expect(link.body.code).toBe('organisation.stopped');
    expect(await app.snapshot()).toEqual(before);
    const adminsPage = await app.call('list-local-admins', {
      as: DEMO.marc,
      params: { enterpriseNumber: boekhouding },
    });
    expect(adminsPage.body).toMatchObject({ status: 'stopped', stoppedOn: '2031-04-01' });

    // The next days: no second e-mail, no second history entry.
    await follow('2031-04-02');
    await follow('2031-05-01');
    expect(stoppedMails().length).toBe(2);
    expect(await orgHistory(boekhouding)).toEqual(['kbo.stopped']);

    // 2031-07-01: active again; the local administrator is asked to resume (and e-mailed).
    await follow('2031-07-01');
    expect(await orgHistory(boekhouding)).toEqual(['kbo.active-again', 'kbo.stopped']);
    const [resumeTask] = await tasksOf(boekhouding, 'resume');
    // Tom's and Marc's own relationship.
    expect(resumeTask?.subject.count).toBe(2);
    expect(app.outbox.filter((m) => m.subject.includes('opnieuw actief')).map((m) => m.to)).toEqual([
      [MARC_MAIL],
    ]);
    const marcTasks = await app.call('list-tasks', {
      as: DEMO.marc,
      params: { enterpriseNumber: boekhouding },
    });
    expect(marcTasks.body.items.map((t: { kind: string }) => t.kind)).toContain('resume');
    // Still paused until someone decides.
    expect((await relationshipOf(DEMO.tom)).paused).toBe(true);
    const resumed = await app.call('decide-task', {
      as: DEMO.marc,
      params: { enterpriseNumber: boekhouding, taskId: resumeTask!.taskId },
      body: { decision: 'resume', reason: 'Opnieuw actief' },
    });
    expect(resumed.status).toBe(200);
    expect(resumed.body).toMatchObject({ status: 'resumed', subject: { count: 2 } });
    expect(await relationshipOf(DEMO.tom)).toMatchObject({ paused: false, pausedBy: null });
    expect((await access(DEMO.tom)).body.reason).not.toBe('relationship-paused');
  });

  it('removes the local administrator when the new legal representative says so, in one step with the task', async () => {
    app = await createTestApp({ today: '2030-12-31' });
    await follow('2030-12-31');
    await follow('2031-01-01');
    const [confirm] = await tasksOf(adviesbureau, 'confirm-admin');
    const removed = await app.call('decide-task', {
      as: DEMO.emma,
      params: { enterpriseNumber: adviesbureau, taskId: confirm!.taskId },
      body: { decision: 'remove', reason: 'Niet meer bij ons' },
    });
    expect(removed.status).toBe(200);
    expect(removed.body.status).toBe('removed');
    expect(await app.deps.admins.list(adviesbureau)).toEqual([]);
    // Nobody is left: Emma is asked to appoint someone.
    const page = await app.call('list-local-admins', {
      as: DEMO.emma,
      params: { enterpriseNumber: adviesbureau },
    });
    expect(page.body.localAdmins).toEqual([]);
    expect(page.body.representativeTasks.map((t: { kind: string }) => t.kind)).toEqual(['appoint-admin']);
    const appoint = await app.call('decide-task', {
      as: DEMO.emma,
      params: { enterpriseNumber: adviesbureau, taskId: page.body.representativeTasks[0].taskId },
      body: { decision: 'keep', reason: 'x' },
    });
    expect(appoint.status).toBe(422);
    expect(appoint.body.code).toBe('decision.invalid');
  });

  it('asks the legal representatives to appoint someone when the last local administrator goes, and e-mails them once', async () => {
    app = await createTestApp({ today: '2030-06-01' });
    await giveMarcAnAddress();
    const marc = (await app.deps.admins.list(boekhouding))[0]!;
    const removed = await app.call('remove-local-admin', {
      as: DEMO.marc,
      params: { enterpriseNumber: boekhouding, personId: marc.personId },
      headers: { 'if-match': `"${marc.version}"` },
      body: { reason: 'Vertrekt' },
    });
    expect(removed.status).toBe(200);
    expect(removed.body.warning.code).toBe('local-admin.none-left');
    const [appoint] = await tasksOf(boekhouding, 'appoint-admin');
    expect(appoint?.title).toContain('Duid een lokale beheerder aan');
    // The daily follow sends the e-mail it owes, once.
    await follow('2030-06-02');
    await follow('2030-06-03');
    const asked = app.outbox.filter((m) => m.subject.includes('geen lokale beheerder'));
    expect(asked.map((m) => m.to)).toEqual([[MARC_MAIL]]);
    // Appointing someone is the task's answer.
    const appointed = await app.call('appoint-local-admin', {
      as: DEMO.marc,
      params: { enterpriseNumber: boekhouding },
      body: { nationalNumber: DEMO.marc },
    });
    expect(appointed.status).toBe(201);
    expect(await tasksOf(boekhouding, 'appoint-admin')).toEqual([]);
    expect((await app.deps.organisations.get(boekhouding))?.appointTaskId).toBeNull();
  });
});

describe('a stop seen by an action, before the daily run', () => {
  it('pauses at once when an administrator’s read of the KBO finds the enterprise stopped', async () => {
    app = await createTestApp({ today: '2031-04-02' });
    expect((await relationshipOf(DEMO.tom)).paused).toBe(false);
    const page = await app.call('list-local-admins', {
      as: DEMO.marc,
      params: { enterpriseNumber: boekhouding },
    });
    expect(page.body.status).toBe('stopped');
    expect(await relationshipOf(DEMO.tom)).toMatchObject({ paused: true, pausedBy: 'kbo' });
    expect((await access(DEMO.tom)).body.reason).toBe('relationship-paused');
    // The e-mail follows with the daily run, once.
    expect(app.outbox.length).toBe(0);
    await follow('2031-04-02');
    expect(app.outbox.map((m) => m.to)).toEqual([[TOM_MAIL]]);
    expect(await orgHistory(boekhouding)).toEqual(['kbo.stopped']);
  });
});

describe('the KBO unavailable for one organisation', () => {
  it('reports that organisation and follows the others; the next run covers it', async () => {
    app = await createTestApp({ today: '2031-01-01' });
    await app.setToday('2031-01-01');
    const real = app.deps.enterpriseRegistry;
    let asked = 0;
    const failing = {
      ...real,
      async getEnterprise(en: string): Promise<Enterprise | null> {
        if (en === adviesbureau) {
          asked += 1;
          throw new RegistryUnavailableError('kbo', 'timeout');
        }
        return real.getEnterprise(en);
      },
    };
    app.deps.enterpriseRegistry = failing;
    await app.workflows.runKbo({ date: '2031-01-01' });
    // Retried as an outage (the first try and four retries), then reported; the run completed.
    expect(asked).toBe(5);
    expect(await app.deps.kbo.failures('2031-01-01')).toEqual([
      { enterpriseNumber: adviesbureau, code: 'TransientError' },
    ]);
    expect((await app.deps.kbo.position('2031-01-01'))?.done).toBe(true);
    expect((await app.deps.organisations.get(boekhouding))?.kbo?.readOn).toBe('2031-01-01');
    expect((await app.deps.organisations.get(adviesbureau))?.kbo).toBeFalsy();
    const failures = JSON.stringify(await app.deps.kbo.failures('2031-01-01'));
    expect(failures).not.toMatch(/\d{11}/);
    // The next day, MAGDA answers again.
    await follow('2031-01-02');
    expect((await app.deps.organisations.get(adviesbureau))?.kbo?.readOn).toBe('2031-01-02');
    expect((await tasksOf(adviesbureau, 'confirm-admin')).length).toBe(1);
  });
});

describe('a stop recorded before the pauses', () => {
  it('lets nothing resume past the recorded stop, and a run stopped halfway is finished by the next', async () => {
    app = await createTestApp({ today: '2031-04-01' });
    await follow('2031-04-01');
    const tomId = await personId(DEMO.tom);
    const paused = (await app.deps.memberships.load(boekhouding, tomId))!;
    expect(paused.relationship?.paused).toBe(true);

    // A resume written as if it had passed the check just before the stop was recorded: refused by the condition.
    const clock = app.deps.clock();
    const resumed = resumeRelationship(paused, clock);
    await expect(
      app.deps
        .unitOfWork()
        .saveMembership(paused, resumed.next, [], clock.today)
        .requireActiveOrganisation(boekhouding)
        .commit(),
    ).rejects.toBeInstanceOf(ConcurrentChangeError);
    expect((await app.deps.memberships.load(boekhouding, tomId))?.relationship?.paused).toBe(true);

    // A run that recorded the stop but did not get to Tom (the flag still set, Tom not paused).
    await app.deps.unitOfWork().saveMembership(paused, resumed.next, [], clock.today).commit();
    const org = (await app.deps.organisations.get(boekhouding))!;
    await app.deps
      .unitOfWork()
      .saveOrganisation(org, { ...org, kboPausing: true })
      .commit();
    await follow('2031-04-02');
    expect((await app.deps.memberships.load(boekhouding, tomId))?.relationship).toMatchObject({
      paused: true,
      pausedBy: 'kbo',
    });
    expect((await app.deps.organisations.get(boekhouding))?.kboPausing).toBe(false);
    // Still one history entry and one e-mail for the stop.
    expect(await orgHistory(boekhouding)).toEqual(['kbo.stopped']);
    expect(app.outbox.filter((m) => m.subject.includes('stopgezet')).length).toBe(1);
  });
});

describe('a day on which the KBO changed nothing', () => {
  it('reads and compares, and writes nothing', async () => {
    app = await createTestApp({ today: '2030-06-01' });
    const input = { date: '2030-06-01', enterpriseNumber: boekhouding };
    await invokeWorkflowStep('workflow-follow-organisation', input);
    const before = await app.snapshot();
    const again = await invokeWorkflowStep('workflow-follow-organisation', input);
    expect(again).toMatchObject({ outcome: 'unchanged', owed: false });
    await app.setToday('2030-06-02');
    await invokeWorkflowStep('workflow-follow-organisation', { ...input, date: '2030-06-02' });
    expect(await app.snapshot()).toEqual(before);
  });
});
