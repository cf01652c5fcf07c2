/**
 * The local administrators' digests, through the real expiry ASL on the local runner with the real
 * handlers, against DynamoDB Local: one e-mail per administrator and organisation with every item that
 * became due, while the person still gets their own warning; weekly digests on Monday; every item on
 * its own for whoever chose it; never twice (retries, second runs, a failed run caught up), a refused
 * address reported, and lines whose item was extended meanwhile left out.
 */
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { GetCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { afterEach, describe, expect, it } from 'vitest';
import { workflowHandlerPath } from '#functions/workflows';
import { lambdaContext } from '#infra/local/events';
import { ROOT } from '#infra/local/stack';
import { ITEM_TYPES, keys } from '#lib/adapters/dynamodb/keys';
import { type Email, MailRefusedError } from '#lib/domain/ports';
import { setDeps } from '#lib/runtime/deps';
import { extend } from '#lib/services/relationships';
import { createTestApp, DEMO, type TestApp } from '../support/app.ts';

const en = DEMO.boekhouding;
const TOM_MAIL = 'tom.wouters@boekhouding-test.be';
const EMMA_MAIL = 'emma.willems@boekhouding-test.be';
const MARC_MAIL = 'marc.peeters@boekhouding-test.be';
/** A Thursday: Tom's right (ends 31/12/2029) and Emma's relationship (ends the same day) are 60 days away. */
const THURSDAY = '2029-11-01';
const MONDAY = '2029-11-05';

let app: TestApp;
afterEach(() => app?.workflows.stop());

const sweep = (date: string) => app.workflows.runExpiry({ date });
const mailsTo = (address: string, outbox: Email[] = app.outbox) =>
  outbox.filter((m) => m.to.includes(address));
const digests = (outbox: Email[] = app.outbox) =>
  mailsTo(MARC_MAIL, outbox).filter((m) => m.subject.startsWith('Overzicht '));

async function personId(nationalNumber: string): Promise<string> {
  return (await app.deps.persons.get(app.deps.pseudonymize(nationalNumber)))!.personId;
}

/**
 * Boekhouding on 1 October 2029: Marc (its local administrator) with an address there, Tom (his right
 * ends 31/12/2029) and Emma (her work relationship ends 31/12/2029).
 */
async function setup(): Promise<void> {
  app = await createTestApp({ today: '2029-10-01' });
  for (const [nationalNumber, email, endDate] of [
    [DEMO.marc, MARC_MAIL, '2034-06-30'],
    [DEMO.emma, EMMA_MAIL, '2029-12-31'],
  ] as const) {
    const added = await app.call('add-person', {
      as: DEMO.marc,
      params: { enterpriseNumber: en },
      body: { nationalNumber },
    });
    expect(added.status).toBe(201);
    const linked = await app.call('create-work-relationship', {
      as: DEMO.marc,
      params: { enterpriseNumber: en, personId: added.body.personId },
      body: { category: 'Vaste medewerker', startDate: '2025-01-01', endDate, phone: '+3293456780', email },
    });
    expect(linked.status).toBe(201);
  }
}

async function choose(nationalNumber: string, frequency: 'daily' | 'weekly' | 'each'): Promise<void> {
  const current = await app.call('get-preferences', { as: nationalNumber });
  const saved = await app.call('update-preferences', {
    as: nationalNumber,
    body: { notifications: { frequency } },
    headers: { 'if-match': current.headers.etag! },
  });
  expect(saved.status).toBe(200);
  expect(saved.body.notifications).toEqual({ frequency });
}

async function digestState(adminId: string): Promise<Record<string, unknown> | undefined> {
  const out = await app.deps.clients.doc.send(
    new GetCommand({
      TableName: app.deps.tableName,
      Key: keys.digestState(en, adminId),
      ConsistentRead: true,
    }),
  );
  return out.Item;
}

async function lastSweep(): Promise<unknown> {
  const out = await app.deps.clients.doc.send(
    new GetCommand({ TableName: app.deps.tableName, Key: keys.sweep(), ConsistentRead: true }),
  );
  return out.Item?.through;
}

const sampleEvent = async (name: string) =>
  JSON.parse(await readFile(resolve(ROOT, 'events/workflows', name), 'utf8'));

async function stepHandler(fn: string) {
  const path = resolve(ROOT, workflowHandlerPath({ fn }));
  const { handler } = (await import(pathToFileURL(path).href)) as {
    handler: (event: unknown, context: unknown) => Promise<unknown>;
  };
  return (event: unknown) => handler(event, lambdaContext(fn));
}

describe('the daily digest (the default)', () => {
  it('each recipient reads it in their own language: the digest, the warnings', async () => {
    await setup();
    for (const [nationalNumber, language] of [
      [DEMO.marc, 'fr'],
      [DEMO.emma, 'de'],
    ] as const) {
      const saved = await app.call('update-preferences', { as: nationalNumber, body: { language } });
      expect(saved.body.language).toBe(language);
    }
    await sweep(THURSDAY);
    // Tom chose nothing: Dutch, as before.
    expect(mailsTo(TOM_MAIL).map((m) => m.subject)).toEqual([
      'Verloopt over 60 dagen: VLAIO Inkom Gebruiker Nieuw van Tom Wouters (31/12/2029)',
    ]);
    expect(mailsTo(EMMA_MAIL).map((m) => m.subject)).toEqual([
      'Läuft in 60 Tagen ab: Arbeitsverhältnis von Emma Willems (31.12.2029)',
    ]);
    const [emma] = mailsTo(EMMA_MAIL);
    expect(emma!.html).toContain('<html lang="de-BE">');
    expect(emma!.text).toContain('Benachrichtigungen: http://localhost:3000/meldingen');
    const [digest, ...more] = mailsTo(MARC_MAIL);
    expect(more).toEqual([]);
    expect(digest!.subject).toBe('Aperçu Boekhouding Test NV : 2 expirent bientôt');
    expect(digest!.text).toMatch(/^Bonjour Marc Peeters,/);
    expect(digest!.text).toContain(
      'Chez Boekhouding Test NV, 1 droit d’utilisateur et 1 relation de travail expirent bientôt :',
    );
    expect(digest!.text).toContain('valable jusqu’au 31/12/2029 inclus (encore 60 jours)');
    expect(digest!.html).toContain('<html lang="fr-BE">');
  });

  it('an administrator of two due items gets one digest with two lines; each person still gets their own warning', async () => {
    await setup();
    await sweep(THURSDAY);

    // Each person: their own warning, as before.
    expect(mailsTo(TOM_MAIL).map((m) => m.subject)).toEqual([
      'Verloopt over 60 dagen: VLAIO Inkom Gebruiker Nieuw van Tom Wouters (31/12/2029)',
    ]);
    expect(mailsTo(EMMA_MAIL).map((m) => m.subject)).toEqual([
      'Verloopt over 60 dagen: werkrelatie van Emma Willems (31/12/2029)',
    ]);
    // Marc: one e-mail for both, no e-mail per item.
    const toMarc = mailsTo(MARC_MAIL);
    expect(toMarc.map((m) => m.subject)).toEqual(['Overzicht Boekhouding Test NV: 2 lopen binnenkort af']);
    const [digest] = toMarc;
    const [tom, emma] = [await personId(DEMO.tom), await personId(DEMO.emma)];
    expect(digest!.text).toContain(
      'Bij Boekhouding Test NV lopen 1 gebruikersrecht en 1 werkrelatie binnenkort af:',
    );
    expect(digest!.text).toContain(
      `- Werkrelatie van Emma Willems: geldig tot en met 31/12/2029 (nog 60 dagen)\n  Naar Emma Willems: http://localhost:3000/o/${en}/personen/${emma}`,
    );
    expect(digest!.text).toContain(
      `- Gebruikersrecht VLAIO Inkom Gebruiker Nieuw van Tom Wouters: geldig tot en met 31/12/2029 (nog 60 dagen)\n  Naar Tom Wouters: http://localhost:3000/o/${en}/personen/${tom}`,
    );
    expect(digest!.text).toContain(`Naar Mijn taken: http://localhost:3000/o/${en}/taken`);
    expect(digest!.html).toContain(`href="http://localhost:3000/o/${en}/personen/${tom}"`);
    expect(digest!.listUnsubscribe).toBe('http://localhost:3000/meldingen');
    // Two tasks Verlengen?, as before.
    expect((await app.deps.tasks.listOpen(en)).filter((t) => t.kind === 'extension')).toHaveLength(2);

    // The lines live under the run's day, keyed by ids only (no name, no national number in a key).
    const lines = await app.deps.clients.doc.send(
      new QueryCommand({
        TableName: app.deps.tableName,
        KeyConditionExpression: 'pk = :pk',
        ExpressionAttributeValues: { ':pk': keys.digestLinesPk(THURSDAY) },
      }),
    );
    expect(lines.Items!.map((i) => i.type)).toEqual([ITEM_TYPES.digestLine, ITEM_TYPES.digestLine]);
    for (const item of lines.Items!) {
      expect(item.sk).toMatch(
        new RegExp(`^LINE#${en}#[0-9A-Z]{26}#(GRANT|REL)#[0-9A-Z]{26}#2029-12-31#warning-60$`),
      );
      expect(JSON.stringify(item)).not.toContain(DEMO.tom);
      expect(item.expiration).toBeGreaterThan(Date.parse('2030-01-01') / 1000);
    }
    expect(await digestState(await personId(DEMO.marc))).toMatchObject({ through: THURSDAY });

    // The same day again: nothing twice.
    await sweep(THURSDAY);
    expect(mailsTo(MARC_MAIL)).toHaveLength(1);
    // Days with nothing due: no digest.
    await sweep('2029-11-02');
    expect(mailsTo(MARC_MAIL)).toHaveLength(1);
  });

  it('two administrators each get their own; one whose own item is in it does not get it about himself', async () => {
    await setup();
    // Marc (legal representative in the KBO) appoints Tom as local administrator too.
    const appointed = await app.call('appoint-local-admin', {
      as: DEMO.marc,
      params: { enterpriseNumber: en },
      body: { nationalNumber: DEMO.tom },
    });
    expect(appointed.status).toBe(201);
    await sweep(THURSDAY);
    expect(digests().map((m) => m.subject)).toEqual(['Overzicht Boekhouding Test NV: 2 lopen binnenkort af']);
    // Tom: his own warning, and a digest with Emma's line only (his own he had as the person).
    const toTom = mailsTo(TOM_MAIL).map((m) => m.subject);
    expect(toTom.sort()).toEqual([
      'Overzicht Boekhouding Test NV: 1 loopt binnenkort af',
      'Verloopt over 60 dagen: VLAIO Inkom Gebruiker Nieuw van Tom Wouters (31/12/2029)',
    ]);
    const tomsDigest = mailsTo(TOM_MAIL).find((m) => m.subject.startsWith('Overzicht'))!;
    expect(tomsDigest.text).toContain('Beste Tom Wouters,');
    expect(tomsDigest.text).toContain('Werkrelatie van Emma Willems');
    expect(tomsDigest.text).not.toContain('van Tom Wouters:');
  });

  it('an expiry is a line of the next digest too', async () => {
    await setup();
    await sweep('2029-12-30');
    expect(digests().at(-1)!.subject).toBe('Overzicht Boekhouding Test NV: 2 lopen binnenkort af');
    expect(digests().at(-1)!.text).toContain('geldig tot en met 31/12/2029 (morgen)');
    await sweep('2030-01-01');
    const expired = digests().at(-1)!;
    expect(expired.subject).toBe('Overzicht Boekhouding Test NV: 2 zijn vervallen');
    expect(expired.text).toContain(
      'Bij Boekhouding Test NV zijn 1 gebruikersrecht en 1 werkrelatie vervallen:',
    );
  });
});

describe('the weekly digest', () => {
  it('holds Thursday’s lines until Monday, counts the days left from Monday, and sends it once', async () => {
    await setup();
    await choose(DEMO.marc, 'weekly');
    const marc = await personId(DEMO.marc);

    await sweep(THURSDAY);
    expect(mailsTo(TOM_MAIL)).toHaveLength(1);
    expect(digests()).toHaveLength(0);
    expect(await digestState(marc)).toMatchObject({ owedSince: THURSDAY });

    for (const day of ['2029-11-02', '2029-11-03', '2029-11-04']) await sweep(day);
    expect(digests()).toHaveLength(0);

    await sweep(MONDAY);
    expect(digests().map((m) => m.subject)).toEqual(['Overzicht Boekhouding Test NV: 2 lopen binnenkort af']);
    expect(digests()[0]!.text).toContain('(nog 56 dagen)');
    expect(digests()[0]!.text).toContain('elke maandag');
    const state = await digestState(marc);
    expect(state).toMatchObject({ through: MONDAY });
    expect(state?.owedSince).toBeUndefined();

    await sweep(MONDAY);
    await sweep('2029-11-12');
    expect(digests()).toHaveLength(1);
  });

  it('leaves out a line whose item was extended before Monday; nothing left, no e-mail', async () => {
    await setup();
    await choose(DEMO.marc, 'weekly');
    await sweep(THURSDAY);
    // Friday: Marc extends Emma's relationship (and with it, nothing else) and Tom's right.
    const deps = await setDeps({ clock: () => ({ today: '2029-11-02', now: new Date().toISOString() }) });
    const actor = { personId: await personId(DEMO.marc), name: 'Marc Peeters' };
    for (const nationalNumber of [DEMO.emma, DEMO.tom]) {
      await extend(
        deps,
        { enterpriseNumber: en, personId: await personId(nationalNumber), actor },
        { includeRights: true },
      );
    }
    await sweep(MONDAY);
    expect(digests()).toHaveLength(0);
    expect(await digestState(actor.personId)).toMatchObject({ through: MONDAY });
  });

  it('a change from daily to weekly repeats nothing', async () => {
    await setup();
    await sweep(THURSDAY);
    expect(digests()).toHaveLength(1);
    await choose(DEMO.marc, 'weekly');
    await sweep('2029-11-02');
    await sweep(MONDAY);
    expect(digests()).toHaveLength(1);
  });

  it('a change from weekly to daily sends what was held, at the latest on the next weekly round', async () => {
    await setup();
    await choose(DEMO.marc, 'weekly');
    await sweep(THURSDAY);
    expect(digests()).toHaveLength(0);
    await choose(DEMO.marc, 'daily');
    await sweep(MONDAY);
    expect(digests().map((m) => m.subject)).toEqual(['Overzicht Boekhouding Test NV: 2 lopen binnenkort af']);
    expect(digests()[0]!.text).toContain('op elke dag dat er bij deze organisatie iets afloopt');
  });
});

describe('every item separately', () => {
  it('gets the item’s own e-mail, as before, and no digest of it', async () => {
    await setup();
    await choose(DEMO.marc, 'each');
    await sweep(THURSDAY);
    expect(
      mailsTo(MARC_MAIL)
        .map((m) => m.subject)
        .sort(),
    ).toEqual([
      'Verloopt over 60 dagen: VLAIO Inkom Gebruiker Nieuw van Tom Wouters (31/12/2029)',
      'Verloopt over 60 dagen: werkrelatie van Emma Willems (31/12/2029)',
    ]);
    expect(mailsTo(MARC_MAIL).every((m) => m.text.startsWith('Beste Marc Peeters,'))).toBe(true);
    expect(digests()).toHaveLength(0);
    // The marker says who got the item on its own: delivered to both, recorded by id.
    const marc = await personId(DEMO.marc);
    const tom = await app.deps.memberships.load(en, await personId(DEMO.tom));
    const notice = await app.deps.expiry.getNotice(
      en,
      tom!.membership.personId,
      `GRANT#${tom!.grants[0]!.grantId}#2029-12-31#warning-60`,
    );
    expect(notice).toMatchObject({ status: 'sent', individually: [marc] });
    expect(new Set(notice!.delivered)).toEqual(new Set(['person', `admin#${marc}`]));

    // Switching to the digest afterwards does not send those items again, not even on the weekly round.
    await choose(DEMO.marc, 'daily');
    await sweep('2029-11-02');
    await sweep(MONDAY);
    expect(digests()).toHaveLength(0);
  });
});

describe('never twice, never lost', () => {
  it('SendDigest run again for the same organisation and day sends nothing more', async () => {
    await setup();
    await sweep(THURSDAY);
    expect(digests()).toHaveLength(1);
    const send = await stepHandler('workflow-send-digest');
    const again = await send(await sampleEvent('send-digest.json'));
    expect(again).toEqual({ enterpriseNumber: en, digests: 0, lines: 0, held: 0, refused: 0 });
    expect(digests()).toHaveLength(1);
  });

  it('a mail server down for the digest fails the run; the next day sends one digest with both days, and each warning once', async () => {
    await setup();
    await sweep('2029-10-31');
    const sent: Email[] = [];
    let marcDown = true;
    await setDeps({
      mailer: {
        async send(email) {
          if (marcDown && email.to.includes(MARC_MAIL)) throw new Error('SMTP 451 try again later');
          sent.push(email);
        },
      },
    });
    // The items are handled (warnings sent), then the digest fails through all retries: the day stays open.
    await expect(sweep(THURSDAY)).rejects.toThrow();
    expect(await lastSweep()).toBe('2029-10-31');
    expect(mailsTo(TOM_MAIL, sent)).toHaveLength(1);

    marcDown = false;
    await sweep('2029-11-02');
    expect(await lastSweep()).toBe('2029-11-02');
    expect(digests(sent).map((m) => m.subject)).toEqual([
      'Overzicht Boekhouding Test NV: 2 lopen binnenkort af',
    ]);
    expect(mailsTo(TOM_MAIL, sent)).toHaveLength(1);
    expect(mailsTo(EMMA_MAIL, sent)).toHaveLength(1);
  });

  it('an address the mail service refuses is reported and not tried again; the day completes', async () => {
    await setup();
    const sent: Email[] = [];
    await setDeps({
      mailer: {
        async send(email) {
          if (email.to.includes(MARC_MAIL)) throw new MailRefusedError('MessageRejected');
          sent.push(email);
        },
      },
    });
    await sweep(THURSDAY);
    expect(await lastSweep()).toBe(THURSDAY);
    expect(mailsTo(TOM_MAIL, sent)).toHaveLength(1);
    const marc = await personId(DEMO.marc);
    const report = await app.deps.expiry.failures(THURSDAY);
    expect(report).toEqual([
      expect.objectContaining({
        reason: 'mail-refused',
        itemKey: `DIGEST#${en}#admin#${marc}`,
        code: 'mail.refused',
      }),
    ]);
    expect(JSON.stringify(report)).not.toContain(MARC_MAIL);
    await sweep(THURSDAY);
    expect(await app.deps.expiry.failures(THURSDAY)).toHaveLength(1);
  });

  it('an organisation whose digests fail for good is reported by RecordDigestFailure, ids and code only', async () => {
    await setup();
    const record = await stepHandler('workflow-record-sweep-failure');
    await record({
      enterpriseNumber: en,
      date: THURSDAY,
      from: THURSDAY,
      weekly: false,
      error: { Error: 'TypeError', Cause: 'x is undefined' },
    });
    expect(await app.deps.expiry.failures(THURSDAY)).toEqual([
      expect.objectContaining({ itemKey: `DIGEST#${en}`, reason: 'failed', enterpriseNumber: en }),
    ]);
  });
});

describe('the steps on their sample events (events/workflows/)', () => {
  it('PlanDigests pages through the organisations of the run’s days; a week back when it covers a Monday', async () => {
    await setup();
    await sweep(THURSDAY);
    const plan = await stepHandler('workflow-plan-digests');
    expect(await plan(await sampleEvent('plan-digests.json'))).toEqual({
      date: THURSDAY,
      from: THURSDAY,
      through: THURSDAY,
      organisations: [{ enterpriseNumber: en, date: THURSDAY, from: THURSDAY, weekly: false }],
      cursor: null,
    });
    expect(await plan({ run: { date: MONDAY, from: MONDAY, through: MONDAY } })).toEqual({
      date: MONDAY,
      from: MONDAY,
      through: MONDAY,
      organisations: [{ enterpriseNumber: en, date: MONDAY, from: '2029-10-30', weekly: true }],
      cursor: null,
    });
    await expect(
      plan({ page: { date: THURSDAY, from: THURSDAY, through: THURSDAY, cursor: 'bm9wZQ' } }),
    ).rejects.toMatchObject({ name: 'ValidationError' });
  });
});
