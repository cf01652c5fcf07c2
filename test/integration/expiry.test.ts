/**
 * The daily expiry sweep through the real ASL (infra/workflows/expiry.asl.json) run by the local Step
 * Functions runner with the real handlers, against DynamoDB Local: warnings 60/30/7/1 days before a
 * right or a work relationship ends, expiry the day after, idempotence, catching up on missed days,
 * no warning after an extension, one extension task, a failed e-mail that is not lost, and the
 * capacity of a sweep growing with the due items rather than with the table.
 */
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { DeleteTableCommand } from '@aws-sdk/client-dynamodb';
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { afterEach, describe, expect, it } from 'vitest';
import { workflowHandlerPath } from '#functions/workflows';
import { lambdaContext } from '#infra/local/events';
import { ROOT } from '#infra/local/stack';
import { ITEM_TYPES, keys } from '#lib/adapters/dynamodb/keys';
import { ENV } from '#lib/config/env-names';
import { PROFILE_SERVICE_PROVIDER, VLAIO_RIGHT } from '#lib/domain/catalogue';
import { noticeName, partitionsToQuery, sweepRange } from '#lib/domain/expiry';
import { addDays } from '#lib/domain/period';
import type { Email, Mailer } from '#lib/domain/ports';
import { getDeps, type RuntimeDeps, setDeps } from '#lib/runtime/deps';
import { historyEntry } from '#lib/services/aggregate';
import { SWEEP_ACTOR } from '#lib/services/expiry/handle-due-item';
import { extend } from '#lib/services/relationships';
import { createTestApp, DEMO, type TestApp } from '../support/app.ts';
import { batchPut, grantItem, personWithDueRight } from '../support/items.ts';

const boekhouding = DEMO.boekhouding;
const TOM_MAIL = 'tom.wouters@boekhouding-test.be';
const MARC_MAIL = 'marc.peeters@boekhouding-test.be';
const TOM_RIGHT_ENDS = '2029-12-31';
const TOM_RELATIONSHIP_ENDS = '2034-12-31';

let app: TestApp;

afterEach(() => {
  app?.workflows.stop();
});

/** A fresh table with the demo world; Marc (local administrator of Boekhouding) gets a relationship there. */
async function setup(today = '2029-10-01'): Promise<TestApp> {
  app = await createTestApp({ today });
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
      startDate: '2025-01-01',
      endDate: '2034-06-30',
      phone: '+3293456780',
      email: MARC_MAIL,
    },
  });
  expect(linked.status).toBe(201);
  return app;
}

/** Runs the expiry state machine to its end for one day, as the daily schedule would. */
const sweep = (date: string) => app.workflows.runExpiry({ date });

/** The mails sent so far, to one address. */
const mailsTo = (address: string) => app.outbox.filter((m) => m.to.includes(address));

async function tom() {
  const person = await app.deps.persons.get(app.deps.pseudonymize(DEMO.tom));
  const agg = await app.deps.memberships.load(boekhouding, person!.personId);
  return agg!;
}

const extensionTasks = async (en = boekhouding) =>
  (await app.deps.tasks.listOpen(en)).filter((t) => t.kind === 'extension');

async function lastSweep(): Promise<unknown> {
  const out = await app.deps.clients.doc.send(
    new GetCommand({
      TableName: app.deps.tableName,
      Key: keys.sweep(),
      ConsistentRead: true,
    }),
  );
  return out.Item?.through;
}

/** The local administrators' digests of Boekhouding (one per administrator and day with something due). */
const DIGEST_SUBJECT = /^Overzicht Boekhouding Test NV: /;

describe.each([
  {
    what: 'a right',
    endDate: TOM_RIGHT_ENDS,
    label: 'Gebruikersrecht VLAIO Inkom Gebruiker Nieuw',
    subject: 'VLAIO Inkom Gebruiker Nieuw van Tom Wouters (31/12/2029)',
  },
  {
    what: 'a work relationship',
    endDate: TOM_RELATIONSHIP_ENDS,
    label: 'Werkrelatie',
    subject: 'werkrelatie van Tom Wouters (31/12/2034)',
  },
])('warnings before $what ends', ({ endDate, label, subject }) => {
  it('warns the person 60, 30, 7 and 1 days before, each once, the local administrator in that day’s digest, with one task', {
    timeout: 60_000,
  }, async () => {
    await setup();
    const shown = endDate.split('-').reverse().join('/');
    const title = `Verlengen? ${label} van Tom Wouters loopt af op ${shown}`;

    for (const [offset, words] of [
      [60, 'over 60 dagen'],
      [30, 'over 30 dagen'],
      [7, 'over 7 dagen'],
      [1, 'morgen'],
    ] as const) {
      const day = addDays(endDate, -offset);
      await sweep(day);
      // A second run on the same day sends nothing again.
      await sweep(day);

      const toTom = mailsTo(TOM_MAIL).filter((m) => m.subject.endsWith(subject));
      const toMarc = mailsTo(MARC_MAIL);
      const expected = [60, 30, 7, 1].indexOf(offset) + 1;
      expect(toTom).toHaveLength(expected);
      // Marc no longer gets the item's own e-mail: one digest that day, with Tom's line in it.
      expect(toMarc).toHaveLength(expected);
      expect(toMarc.every((m) => DIGEST_SUBJECT.test(m.subject))).toBe(true);
      expect(toMarc.at(-1)!.subject).toBe('Overzicht Boekhouding Test NV: 1 loopt binnenkort af');
      expect(toTom.at(-1)!.text).toContain(`Dat is ${words}.`);
      expect(toTom.at(-1)!.text).toContain('Beste Tom Wouters,');
      expect(toMarc.at(-1)!.text).toContain('Beste Marc Peeters,');
      expect(toMarc.at(-1)!.text).toContain(
        `${label} van Tom Wouters: geldig tot en met ${endDate.split('-').reverse().join('/')} (${words.replace('over ', 'nog ')})`,
      );
      // Links to pages the UI has: the organisation's tasks and Tom's page.
      const tomId = (await tom()).membership.personId;
      expect(toMarc.at(-1)!.text).toContain(`Naar Mijn taken: http://localhost:3000/o/${boekhouding}/taken`);
      expect(toMarc.at(-1)!.text).toContain(
        `Naar Tom Wouters: http://localhost:3000/o/${boekhouding}/personen/${tomId}`,
      );
      expect(toMarc.at(-1)!.listUnsubscribe).toBe('http://localhost:3000/meldingen');

      // One open task Verlengen? for this item and end date, opened at the first warning.
      const tasks = await extensionTasks();
      expect(tasks).toHaveLength(1);
      expect(tasks[0]).toMatchObject({
        kind: 'extension',
        status: 'open',
        title,
        subject: { name: 'Tom Wouters', endDate, item: label === 'Werkrelatie' ? 'relationship' : 'grant' },
      });
    }
    // Nothing personal in a mail beyond names and the e-mail itself: never a national number.
    for (const mail of app.outbox) expect(JSON.stringify(mail)).not.toContain(DEMO.tom);
    expect(await lastSweep()).toBe(addDays(endDate, -1));
  });
});

describe('expiry', () => {
  it('marks a right expired the day after its end date, with its history entry, once', async () => {
    await setup();
    const before = await tom();
    await sweep('2030-01-01');
    await sweep('2030-01-01');

    const after = await tom();
    const grant = after.grants[0]!;
    expect(grant).toMatchObject({ endDate: TOM_RIGHT_ENDS, expiredOn: '2030-01-01' });
    expect(grant.version).toBe(before.grants[0]!.version + 1);
    // The item stays: history is never deleted, and the access decision is date-based already.
    expect(after.grants).toHaveLength(1);

    const history = await app.deps.memberships.history(boekhouding, after.membership.personId, { limit: 50 });
    const expired = history.items.filter((h) => h.action === 'grant.expired');
    expect(expired).toHaveLength(1);
    expect(expired[0]).toMatchObject({
      actor: SWEEP_ACTOR,
      before: { endDate: TOM_RIGHT_ENDS, rightId: VLAIO_RIGHT },
      after: { endDate: TOM_RIGHT_ENDS, expiredOn: '2030-01-01' },
    });

    const subject = 'Vervallen: VLAIO Inkom Gebruiker Nieuw van Tom Wouters bij Boekhouding Test NV';
    expect(mailsTo(TOM_MAIL).map((m) => m.subject)).toEqual([subject]);
    expect(mailsTo(MARC_MAIL).map((m) => m.subject)).toEqual([
      'Overzicht Boekhouding Test NV: 1 is vervallen',
    ]);
    expect(mailsTo(TOM_MAIL)[0]!.text).toContain('was geldig tot en met 31/12/2029 en is nu vervallen');
    expect(mailsTo(MARC_MAIL)[0]!.text).toContain(
      'Gebruikersrecht VLAIO Inkom Gebruiker Nieuw van Tom Wouters: was geldig tot en met 31/12/2029',
    );
    const marker = await app.deps.clients.doc.send(
      new GetCommand({
        TableName: app.deps.tableName,
        Key: keys.notice(
          boekhouding,
          after.membership.personId,
          noticeName(
            {
              kind: 'grant',
              personId: after.membership.personId,
              grantId: grant.grantId,
              endDate: TOM_RIGHT_ENDS,
            },
            'expired',
          ),
        ),
      }),
    );
    // Delivered to the person; Marc (digest) is nobody who gets this item on its own.
    expect(marker.Item).toMatchObject({ type: ITEM_TYPES.notice, status: 'sent', individually: [] });
    expect(marker.Item!.delivered).toEqual(new Set(['person']));
  });

  it('marks a work relationship expired (Sofie is her own administrator: her own e-mail, no digest of herself)', async () => {
    await setup();
    await sweep('2033-09-01');
    const person = await app.deps.persons.get(app.deps.pseudonymize(DEMO.sofie));
    const agg = await app.deps.memberships.load(DEMO.adviesbureau, person!.personId);
    expect(agg!.relationship).toMatchObject({ endDate: '2033-08-31', expiredOn: '2033-09-01' });
    const history = await app.deps.memberships.history(DEMO.adviesbureau, person!.personId, { limit: 50 });
    expect(history.items.map((h) => h.action)).toContain('relationship.expired');
    expect(mailsTo('sofie.janssens@adviesbureau-voorbeeld.be').map((m) => m.subject)).toEqual([
      'Vervallen: werkrelatie van Sofie Janssens bij Adviesbureau Voorbeeld BV',
    ]);
  });
});

describe('catching up', () => {
  it('covers three missed days in the next run, with the most urgent warning only', async () => {
    await setup();
    await sweep('2029-10-29');
    expect(await lastSweep()).toBe('2029-10-29');
    expect(app.outbox).toHaveLength(0);

    // 30, 31 October and 1 November were missed; the 60-day warning was due on 1 November.
    await sweep('2029-11-02');
    expect(await lastSweep()).toBe('2029-11-02');
    const toTom = mailsTo(TOM_MAIL);
    expect(toTom).toHaveLength(1);
    expect(toTom[0]!.text).toContain('Dat is over 59 dagen.');
    expect(mailsTo(MARC_MAIL)).toHaveLength(1);
    expect(await extensionTasks()).toHaveLength(1);

    // A run for an earlier day does not move the last day back.
    await sweep('2029-10-30');
    expect(await lastSweep()).toBe('2029-11-02');
    expect(app.outbox).toHaveLength(2);
  });
});

describe('after an extension', () => {
  it('sends no further warning for the old end date', async () => {
    await setup();
    await sweep('2029-11-01');
    expect(mailsTo(TOM_MAIL)).toHaveLength(1);

    // Marc extends the relationship with its rights on 2 November (the lead's extension use case).
    const deps = await setDeps({ clock: () => ({ today: '2029-11-02', now: new Date().toISOString() }) });
    const marc = await app.deps.persons.get(app.deps.pseudonymize(DEMO.marc));
    const before = await tom();
    await extend(
      deps,
      {
        enterpriseNumber: boekhouding,
        personId: before.membership.personId,
        actor: { personId: marc!.personId, name: 'Marc Peeters' },
      },
      { includeRights: true },
    );
    expect((await tom()).grants[0]!.endDate).not.toBe(TOM_RIGHT_ENDS);

    for (const day of ['2029-12-01', '2029-12-24', '2029-12-30', '2030-01-01']) await sweep(day);
    expect(mailsTo(TOM_MAIL)).toHaveLength(1);
    expect(mailsTo(MARC_MAIL)).toHaveLength(1);
    expect((await tom()).grants[0]!.expiredOn).toBeUndefined();
  });

  it('skips an item found before its end date changed (the index lags, HandleDueItem re-reads)', async () => {
    await setup();
    const agg = await tom();
    const event = await sampleEvent('handle-due-item-warning.json');
    const handler = await stepHandler('workflow-handle-due-item');
    const stale = {
      ...event,
      personId: agg.membership.personId,
      grantId: agg.grants[0]!.grantId,
      endDate: '2029-12-24',
      warning: 7,
      date: '2029-12-17',
    };
    expect(await handler(stale)).toEqual({
      outcome: 'skipped',
      reason: 'changed',
      emails: 0,
      taskOpened: false,
    });
    expect(app.outbox).toHaveLength(0);
    expect(await extensionTasks()).toHaveLength(0);
  });
});

async function stepHandler(fn: string) {
  const path = resolve(ROOT, workflowHandlerPath({ fn }));
  const { handler } = (await import(pathToFileURL(path).href)) as {
    handler: (event: unknown, context: unknown) => Promise<unknown>;
  };
  return (event: unknown) => handler(event, lambdaContext(fn));
}

const sampleEvent = async (name: string) =>
  JSON.parse(await readFile(resolve(ROOT, 'events/workflows', name), 'utf8'));

describe('the steps on their sample events', () => {
  it('FindDue returns { date, from, through, items, cursor }; CompleteSweep records the day', async () => {
    await setup();
    const agg = await tom();
    const findDue = await stepHandler('workflow-find-due-items');
    expect(await findDue(await sampleEvent('find-due-items.json'))).toEqual({
      date: '2029-11-01',
      from: '2029-11-01',
      through: '2029-11-01',
      items: [
        {
          kind: 'grant',
          enterpriseNumber: boekhouding,
          personId: agg.membership.personId,
          grantId: agg.grants[0]!.grantId,
          endDate: TOM_RIGHT_ENDS,
          action: 'warn',
          warning: 60,
          date: '2029-11-01',
        },
      ],
      cursor: null,
    });

    // From the schedule: no date, so the Brussels calendar day at the execution's start.
    const fixed = process.env[ENV.today];
    delete process.env[ENV.today];
    try {
      const scheduled = (await findDue(await sampleEvent('find-due-items-scheduled.json'))) as {
        date: string;
      };
      expect(scheduled.date).toBe('2029-11-01');
    } finally {
      if (fixed) process.env[ENV.today] = fixed;
    }

    // A date that does not exist is refused by name (the ASL retries only TransientError).
    await expect(findDue({ input: { date: '2029-02-30' } })).rejects.toMatchObject({
      name: 'ValidationError',
    });

    const complete = await stepHandler('workflow-complete-sweep');
    expect(await complete(await sampleEvent('complete-sweep.json'))).toEqual({
      through: '2029-11-01',
      advanced: true,
    });
    expect(await lastSweep()).toBe('2029-11-01');
    // Never backwards.
    expect(await complete({ through: '2029-10-01' })).toEqual({ through: '2029-11-01', advanced: false });
  });
});

describe('e-mail failures', () => {
  it('retries a failed e-mail without sending the others twice', async () => {
    await setup();
    let failures = 2;
    const sent: Email[] = [];
    const flaky: Mailer = {
      async send(email) {
        if (email.to.includes(MARC_MAIL) && failures-- > 0) throw new Error('SMTP 451 try again later');
        sent.push(email);
      },
    };
    await setDeps({ mailer: flaky });
    await sweep('2029-11-01');
    expect(sent.filter((m) => m.to.includes(TOM_MAIL))).toHaveLength(1);
    expect(sent.filter((m) => m.to.includes(MARC_MAIL))).toHaveLength(1);
  });

  it('keeps a warning whose e-mail could not be sent, and sends it with the next run', async () => {
    await setup();
    await sweep('2029-10-31');
    const sent: Email[] = [];
    await setDeps({
      mailer: {
        async send() {
          throw new Error('mail server down');
        },
      },
    });
    // Five attempts (the ASL's Retry), then the run fails: the day is not recorded as swept.
    await expect(sweep('2029-11-01')).rejects.toThrow();
    expect(await lastSweep()).toBe('2029-10-31');
    expect(await extensionTasks()).toHaveLength(1);

    await setDeps({
      mailer: {
        async send(email) {
          sent.push(email);
        },
      },
    });
    await sweep('2029-11-02');
    expect(sent.filter((m) => m.to.includes(TOM_MAIL))).toHaveLength(1);
    expect(sent.filter((m) => m.to.includes(MARC_MAIL))).toHaveLength(1);
    expect(await extensionTasks()).toHaveLength(1);
    expect(await lastSweep()).toBe('2029-11-02');
  });
});

describe('capacity', () => {
  const DAY = '2028-06-15';
  const FILLERS = 10_000;
  const DUE = 10;

  /** One person with a relationship and a right ending on `endDate`, written as the API would. */
  async function duePerson(deps: RuntimeDeps, i: number, endDate: string) {
    const { aggregate, changes } = personWithDueRight({
      personId: deps.newId(),
      grantId: deps.newId(),
      enterpriseNumber: boekhouding,
      index: i,
      endDate,
      startDate: addDays(endDate, -1000),
      pseudonymize: deps.pseudonymize,
    });
    const clock = { today: '2025-01-01', now: new Date().toISOString() };
    const history = changes.map((c) => historyEntry(deps, clock, SWEEP_ACTOR, c));
    await deps.unitOfWork().saveMembership(null, aggregate, history, clock.today).commit();
  }

  afterEach(async () => {
    // 10,000 items would otherwise stay in the DynamoDB Local every test file shares, slowing others.
    await app.table.client.send(new DeleteTableCommand({ TableName: app.table.tableName }));
  });

  it('reads only the due items of 10,000 active grants', { timeout: 180_000 }, async () => {
    await setup();
    const deps = await getDeps();
    const range = sweepRange(DAY, null);
    const partitions = partitionsToQuery(range).map((p) => p.endDate);
    expect(partitions).toEqual(['2028-06-14', '2028-06-16', '2028-06-22', '2028-07-15', '2028-08-14']);

    // 10,000 grants ending on other days over five years, written straight into the table.
    const busy = new Set(partitions);
    const fillers: Record<string, unknown>[] = [];
    for (let i = 0; fillers.length < FILLERS; i++) {
      const endDate = addDays('2027-01-01', i % 1826);
      if (busy.has(endDate)) continue;
      fillers.push(
        grantItem(
          {
            enterpriseNumber: `0${String(100000000 + (i % 97)).padStart(9, '0')}`,
            personId: `P${String(i).padStart(25, '0')}`,
            grantId: `G${String(i).padStart(25, '0')}`,
            endDate,
          },
          {
            rightId: VLAIO_RIGHT,
            rightName: VLAIO_RIGHT,
            profiles: [PROFILE_SERVICE_PROVIDER],
            startDate: addDays(endDate, -1500),
            version: 1,
            createdAt: '2024-01-01T00:00:00.000Z',
            updatedAt: '2024-01-01T00:00:00.000Z',
          },
        ),
      );
    }
    await batchPut(deps.clients.client, deps.tableName, fillers, 4);

    // Ten due: two in each partition of the day (four warning days and yesterday).
    for (let i = 0; i < DUE; i++) await duePerson(deps, i, partitions[i % partitions.length]!);

    // Count what the sweep reads, at the SDK client every handler uses.
    const reads: { command: string; index?: string; items: number; scanned: number }[] = [];
    const client = app.deps.clients.client;
    client.middlewareStack.add(
      (next, context) => async (args) => {
        const result = await next(args);
        const input = args.input as { IndexName?: string };
        const output = result.output as {
          Count?: number;
          ScannedCount?: number;
          Item?: unknown;
          Responses?: unknown;
        };
        reads.push({
          command: context.commandName ?? '?',
          ...(input.IndexName ? { index: input.IndexName } : {}),
          items: output.Count ?? (output.Item ? 1 : 0),
          scanned: output.ScannedCount ?? output.Count ?? (output.Item ? 1 : 0),
        });
        return result;
      },
      { step: 'initialize', name: 'countReads' },
    );
    try {
      await sweep(DAY);
    } finally {
      client.middlewareStack.remove('countReads');
    }

    const isRead = (r: { command: string }) => /^(Get|Query|Scan|BatchGet)/.test(r.command);
    const dueQueries = reads.filter((r) => r.command === 'QueryCommand' && r.index === 'gsi2');
    const allReads = reads.filter(isRead);
    const sum = (rs: typeof reads, k: 'items' | 'scanned') => rs.reduce((n, r) => n + r[k], 0);
    console.info(
      `capacity: ${FILLERS} grants, ${DUE} due; FindDue ${dueQueries.length} Queries on gsi2, ` +
        `${sum(dueQueries, 'items')} items returned, ${sum(dueQueries, 'scanned')} evaluated; ` +
        `whole sweep ${allReads.length} read requests, ${sum(allReads, 'scanned')} items read, ` +
        `${reads.length - allReads.length} writes; ${app.outbox.length} e-mails`,
    );

    expect(reads.some((r) => r.command.startsWith('Scan'))).toBe(false);
    expect(dueQueries).toHaveLength(partitions.length);
    expect(sum(dueQueries, 'scanned')).toBeLessThanOrEqual(DUE);
    expect(sum(dueQueries, 'items')).toBe(DUE);
    // Per due item: its aggregate, its markers and its organisation's administrators; nothing that
    // grows with the 10,000 other grants.
    expect(sum(allReads, 'scanned')).toBeLessThanOrEqual(DUE * 12 + 5);
    expect(app.outbox.filter((m) => /^persoon\d@/.test(m.to[0]!))).toHaveLength(DUE);
    // The administrator: one digest for the ten, not ten e-mails.
    expect(mailsTo(MARC_MAIL).map((m) => m.subject)).toEqual([
      'Overzicht Boekhouding Test NV: 8 lopen binnenkort af, 2 zijn vervallen',
    ]);
    const aggregates = await Promise.all(
      (await deps.memberships.list(boekhouding, { limit: 50 })).items.map((m) =>
        deps.memberships.load(boekhouding, m.personId),
      ),
    );
    const expired = aggregates.flatMap((a) => a?.grants ?? []).filter((g) => g.expiredOn);
    expect(expired).toHaveLength(2);
  });
});
