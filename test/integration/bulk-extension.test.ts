/**
 * The bulk extension (*Verlengen* on *Toon alle personen*) through its real handler and the bulk
 * workflow's ASL on the local runner: the persons chosen, or everyone whose relationship or a right ends
 * before a day, each extended in a transaction of their own with the single extension's rules, events
 * and history; a person the rules refuse is an error row that changes nothing; the same job, progress
 * and result file as the import.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { changeEventsPage } from '#lib/adapters/dynamodb/events-store';
import { createTestApp, DEMO, type TestApp } from '../support/app.ts';

const en = DEMO.adviesbureau;
const at = { enterpriseNumber: en };
const VLAIO = 'VLAIO Inkom Gebruiker Nieuw';
const SP = 'Dienstverlener kmo-portefeuille';

let app: TestApp;
const ids = {} as { emma: string; lucas: string; jonas: string };

async function ok(fn: string, options: Parameters<TestApp['call']>[1]) {
  const res = await app.call(fn, options);
  if (res.status >= 300) throw new Error(`${fn}: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

async function link(nationalNumber: string, endDate: string) {
  const { personId } = await ok('add-person', { as: DEMO.sofie, params: at, body: { nationalNumber } });
  await ok('create-work-relationship', {
    as: DEMO.sofie,
    params: { ...at, personId },
    body: {
      category: 'Vaste medewerker',
      startDate: '2026-11-26',
      endDate,
      phone: '+3212345678',
      email: `${nationalNumber.slice(-4)}@example.be`,
    },
  });
  return personId as string;
}

async function extend(body: Record<string, unknown>) {
  const res = await app.call('create-extension', { as: DEMO.sofie, params: at, body });
  await app.workflows.idle();
  return res;
}

const job = async (jobId: string) =>
  ok('get-job', { as: DEMO.sofie, params: { ...at, jobId }, query: { rows: 'true' } });

const page = (personId: string) => ok('get-person', { as: DEMO.sofie, params: { ...at, personId } });

async function eventTypes() {
  const table = { db: app.deps.clients.doc, tableName: app.deps.tableName };
  return (await changeEventsPage(table, en, { limit: 100, consistent: true })).items.map((e) => e.type);
}

beforeAll(async () => {
  app = await createTestApp({ today: '2026-11-26' });
  ids.emma = await link(DEMO.emma, '2030-12-31');
  await ok('grant-right', {
    as: DEMO.sofie,
    params: { ...at, personId: ids.emma },
    body: { right: VLAIO, profiles: [SP], startDate: '2026-11-26', endDate: '2029-12-31' },
  });
  ids.lucas = await link(DEMO.lucas, '2027-11-25');
});
afterAll(() => app.workflows.stop());

describe('bulk extension', () => {
  it('extends the persons chosen, each in its own transaction with its events and history', async () => {
    const before = (await eventTypes()).length;
    const res = await extend({
      personIds: [ids.emma, ids.lucas],
      endDate: '2031-12-31',
      includeRights: true,
      reason: 'Contracten verlengd',
    });
    expect(res.status).toBe(202);
    expect(res.body).toMatchObject({ kind: 'extension', status: 'applying', rows: 2 });
    const view = await job(res.body.jobId);
    expect(view).toMatchObject({
      status: 'done',
      summary: { new: 2, present: 0, error: 0 },
      progress: { phase: 'apply', done: 2, total: 2 },
    });
    expect(view.items.map((i: { name: string; result: unknown }) => [i.name, i.result])).toEqual([
      [
        'Emma Willems',
        { outcome: 'new', relationship: true, right: true, endDate: '2031-12-31', errors: [] },
      ],
      [
        'Lucas De Smet',
        { outcome: 'new', relationship: true, right: false, endDate: '2031-12-31', errors: [] },
      ],
    ]);
    const emma = await page(ids.emma);
    expect(emma.relationship.endDate).toBe('2031-12-31');
    // A right lasts at most 5 years: from its start, within the relationship.
    expect(emma.grants[0].endDate).toBe('2031-11-25');
    expect((await page(ids.lucas)).relationship.endDate).toBe('2031-12-31');
    const events = await eventTypes();
    expect(events.slice(0, events.length - before).sort()).toEqual([
      'grant.extended',
      'relationship.extended',
      'relationship.extended',
    ]);
    const history = await ok('get-history', { as: DEMO.sofie, params: { ...at, personId: ids.lucas } });
    expect(history.items[0]).toMatchObject({
      action: 'relationship.extended',
      reason: 'Contracten verlengd',
    });
  });

  it('a person the rules refuse is an error row (per field), and nothing of theirs changes', async () => {
    const before = await page(ids.emma);
    const res = await extend({ personIds: [ids.emma], endDate: '2040-01-01', includeRights: true });
    const view = await job(res.body.jobId);
    expect(view.summary).toEqual({ new: 0, present: 0, error: 1 });
    expect(view.items[0].result.errors).toEqual([
      expect.objectContaining({ path: 'einddatum', code: 'period.too-long' }),
    ]);
    expect(await page(ids.emma)).toEqual(before);
  });

  it('"ending before a day" finds whom it concerns; nobody: 422', async () => {
    const nobody = await extend({ endingBefore: '2030-01-01', includeRights: true });
    expect(nobody.status).toBe(422);
    expect(nobody.body.code).toBe('bulk.nothing-selected');
    ids.jonas = await link(DEMO.jonas, '2027-06-30');
    const res = await extend({ endingBefore: '2028-01-01', includeRights: true });
    expect(res.status).toBe(202);
    const view = await job(res.body.jobId);
    expect(view.items.map((i: { name: string }) => i.name)).toEqual(['Jonas Bakker']);
    // No end date given: the longest allowed, ten years from today.
    expect((await page(ids.jonas)).relationship.endDate).toBe('2036-11-25');
  });

  it('one’s own rights are another administrator’s to extend, when there is one', async () => {
    await ok('appoint-local-admin', { as: DEMO.pieter, params: at, body: { nationalNumber: DEMO.lucas } });
    const list = await ok('list-persons', { as: DEMO.sofie, params: at, query: { search: 'sofie' } });
    const res = await extend({ personIds: [list.items[0].personId], includeRights: true });
    const view = await job(res.body.jobId);
    expect(view.items[0].result.errors[0].code).toBe('extension.own-rights');
  });

  it('gives the result file with masked numbers and the new end dates', async () => {
    const res = await extend({ personIds: [ids.lucas], endDate: '2032-06-30', includeRights: false });
    const file = await app.call('export-job-result', {
      as: DEMO.sofie,
      params: { ...at, jobId: res.body.jobId },
    });
    expect(file.status).toBe(200);
    expect(file.body).toBe(
      '\uFEFFRij;Rijksregisternummer;Resultaat;Wat;Veld;Fout\r\n1;01.07.30-***.**;Nieuw;werkrelatie tot 30/06/2032;;\r\n',
    );
  });

  it('refuses a selection that is both, or over 1,000 persons: 400, nothing made', async () => {
    const before = await app.snapshot();
    const both = await app.call('create-extension', {
      as: DEMO.sofie,
      params: at,
      body: { personIds: [ids.emma], endingBefore: '2030-01-01', includeRights: true },
    });
    expect(both.status).toBe(400);
    const many = await app.call('create-extension', {
      as: DEMO.sofie,
      params: at,
      body: {
        personIds: Array.from({ length: 1001 }, (_, i) => `01JD${String(i).padStart(22, '0')}`),
        includeRights: true,
      },
    });
    expect(many.status).toBe(400);
    expect(many.body.errors[0]).toMatchObject({
      path: 'personIds',
      message: 'Maximaal 1.000 personen per keer.',
    });
    expect(await app.snapshot()).toEqual(before);
  });
});
