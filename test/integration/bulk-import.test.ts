/**
 * The CSV import through its real handlers and the bulk workflow's real ASL on the local runner, against
 * DynamoDB Local and the MAGDA stand-in: the dry run judges every row with the single routes' rules and
 * messages (per column), *Bevestig* applies each row in a transaction of its own with its history and
 * change events, a second upload of the same file changes nothing, the result file holds no personal data,
 * and what cannot be read as a whole (1,001 rows, columns missing, not CSV) is a 400 that stores nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { changeEventsPage } from '#lib/adapters/dynamodb/events-store';
import { setDeps } from '#lib/runtime/deps';
import { restartRunningJobs } from '#lib/services/bulk/jobs';
import { createTestApp, DEMO, type TestApp } from '../support/app.ts';

const en = DEMO.adviesbureau;
const TODAY = '2026-11-26';
const HEADER =
  'rijksregisternummer;categorie;begindatum;einddatum;telefoon;e-mail;recht;profielen;begindatum recht;einddatum recht';
const VLAIO = 'VLAIO Inkom Gebruiker Nieuw';
const SP = 'Dienstverlener kmo-portefeuille';

/** Eight rows: two new, one present, five refused for a reason each (line 2 to 9 of the file). */
const FILE = [
  `\uFEFF${HEADER}`,
  `${DEMO.emma};Vaste medewerker;26/11/2026;31/12/2030;+3212345678;emma.willems@example.be;${VLAIO};${SP};26/11/2026;31/12/2029`,
  `${DEMO.lucas};Tijdelijke medewerker;2026-11-26;2027-11-25;0470 12 34 56;lucas.desmet@example.be;;;;`,
  `${DEMO.sofie};Vaste medewerker;2026-11-26;2030-12-31;+3212345678;sofie@example.be;;;;`,
  `38041106444;Vaste medewerker;2026-11-26;2030-12-31;+3212345678;rita@example.be;;;;`,
  '12345678901;Vaste medewerker;2026-11-26;2030-12-31;+3212345678;x@example.be;;;;',
  `${DEMO.jonas};Vaste medewerker;2026-11-26;2037-11-26;+3212345678;jonas@;;;;`,
  `${DEMO.tom};Externe medewerker;2026-11-26;2030-12-31;+32478000001;tom@example.be;${VLAIO};Beheerder;2026-11-26;2029-12-31`,
  `${DEMO.emma};Vaste medewerker;26/11/2026;31/12/2030;+3212345678;emma.willems@example.be;;;;`,
].join('\r\n');

let app: TestApp;
const at = { enterpriseNumber: en };

/** The table without the jobs' own items and the register's cache: what a job may not change. */
async function domainSnapshot() {
  return (await app.snapshot()).filter((i) => !String(i.type).startsWith('BulkJob'));
}

async function upload(content: string, as = DEMO.sofie) {
  const res = await app.call('create-import', {
    as,
    params: at,
    body: { fileName: 'personen.csv', content },
  });
  await app.workflows.idle();
  return res;
}

const job = async (jobId: string) =>
  (await app.call('get-job', { as: DEMO.sofie, params: { ...at, jobId }, query: { rows: 'true' } })).body;

async function events() {
  const table = { db: app.deps.clients.doc, tableName: app.deps.tableName };
  return (await changeEventsPage(table, en, { limit: 100, consistent: true })).items;
}

beforeAll(async () => {
  app = await createTestApp({ today: TODAY });
});
afterAll(() => app.workflows.stop());

describe('CSV import: the dry run', () => {
  let jobId: string;

  it('answers 202 with the job, and the dry run ends previewed with every row judged', async () => {
    const before = await domainSnapshot();
    const res = await upload(FILE);
    expect(res.status).toBe(202);
    expect(res.body).toMatchObject({
      kind: 'import',
      status: 'validating',
      rows: 8,
      fileName: 'personen.csv',
    });
    expect(res.headers.location).toBe(`/api/organisations/${en}/jobs/${res.body.jobId}`);
    jobId = res.body.jobId;
    const view = await job(jobId);
    expect(view).toMatchObject({
      status: 'previewed',
      summary: { new: 2, present: 1, error: 5 },
      progress: { phase: 'preview', done: 8, total: 8 },
    });
    // The dry run changed nothing but its own job.
    expect(await domainSnapshot()).toEqual(before);
  });

  it('says per row what will happen, and why not, per column with the single routes’ codes', async () => {
    const { items } = await job(jobId);
    const byRow = Object.fromEntries(items.map((i: { row: number }) => [i.row, i]));
    expect(byRow[2].preview).toEqual({
      outcome: 'new',
      person: true,
      relationship: true,
      right: true,
      errors: [],
    });
    expect(byRow[2].nationalNumber).toBe('90.04.18-***.**');
    expect(byRow[3].preview).toEqual({
      outcome: 'new',
      person: true,
      relationship: true,
      right: false,
      errors: [],
    });
    expect(byRow[4].preview).toEqual({ outcome: 'present', errors: [] });
    const errors = (row: number) =>
      byRow[row].preview.errors.map((e: { path: string; code: string }) => `${e.path}:${e.code}`);
    expect(byRow[5].preview.outcome).toBe('error');
    expect(errors(5)).toEqual(['rijksregisternummer:person.deceased']);
    expect(errors(6)).toEqual(['rijksregisternummer:national-number.check-digits']);
    expect(byRow[6].nationalNumber).toBeNull();
    // As the single route: the period is judged once the fields are valid, so the address first.
    expect(errors(7)).toEqual(['e-mail:email.domain']);
    expect(errors(8)).toEqual(['profielen:grant.unknown-profile']);
    expect(errors(9)).toEqual(['rijksregisternummer:bulk.duplicate']);
    expect(byRow[9].preview.errors[0].message).toBe('Deze persoon staat al op rij 2.');
    // The same message as the single route gives for the same input.
    const single = await app.call('create-work-relationship', {
      as: DEMO.sofie,
      params: { ...at, personId: '01HZZZZZZZZZZZZZZZZZZZZZZZ' },
      body: {
        category: 'Vaste medewerker',
        startDate: '2026-11-26',
        endDate: '2037-11-26',
        phone: '+3212345678',
        email: 'jonas@',
      },
    });
    expect(single.status).toBe(400);
    const messages = (list: { message: string }[]) => list.map((e) => e.message).sort();
    expect(messages(byRow[7].preview.errors)).toEqual(messages(single.body.errors));
  });

  it('confirms: each row applied in its own transaction, with its history and change events', async () => {
    const eventsBefore = (await events()).length;
    const res = await app.call('confirm-import', { as: DEMO.sofie, params: { ...at, jobId }, body: {} });
    expect(res.status).toBe(202);
    expect(res.body.status).toBe('applying');
    await app.workflows.idle();
    const view = await job(jobId);
    expect(view).toMatchObject({ status: 'done', summary: { new: 2, present: 1, error: 5 } });
    expect(view.items.map((i: { result: { outcome: string } }) => i.result.outcome)).toEqual([
      'new',
      'new',
      'present',
      'error',
      'error',
      'error',
      'error',
      'error',
    ]);

    const list = await app.call('list-persons', { as: DEMO.sofie, params: at, query: { search: 'emma' } });
    const emmaId = list.body.items[0].personId;
    const page = await app.call('get-person', { as: DEMO.sofie, params: { ...at, personId: emmaId } });
    expect(page.body).toMatchObject({
      status: 'active',
      relationship: { category: 'Vaste medewerker', endDate: '2030-12-31', email: 'emma.willems@example.be' },
      grants: [{ right: VLAIO, profiles: [SP], startDate: '2026-11-26', endDate: '2029-12-31' }],
    });
    const history = await app.call('get-history', { as: DEMO.sofie, params: { ...at, personId: emmaId } });
    expect(history.body.items.map((e: { action: string }) => e.action).sort()).toEqual([
      'grant.created',
      'person.added',
      'relationship.created',
    ]);
    for (const e of history.body.items) {
      expect(e.reason).toBe('CSV-import, rij 2');
      expect(e.actor.name).toBe('Sofie Janssens');
    }
    const written = (await events()).slice(0, (await events()).length - eventsBefore).map((e) => e.type);
    expect(written.sort()).toEqual(['grant.created', 'relationship.created', 'relationship.created']);
    // Rita, Jonas, Tom and the bad number were not added.
    const all = await app.call('list-persons', { as: DEMO.sofie, params: at });
    expect(all.body.items.map((p: { firstName: string }) => p.firstName).sort()).toEqual([
      'Emma',
      'Lucas',
      'Sofie',
    ]);
  });

  it('confirming twice answers 409 and starts nothing', async () => {
    const res = await app.call('confirm-import', { as: DEMO.sofie, params: { ...at, jobId }, body: {} });
    expect(res.status).toBe(409);
    expect(res.body.code).toBe('bulk.not-previewed');
  });

  it('gives a result file (BOM, `;`) with row numbers and masked numbers only', async () => {
    const res = await app.call('export-job-result', { as: DEMO.sofie, params: { ...at, jobId } });
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(res.headers['content-disposition']).toBe(`attachment; filename="import-${en}-${jobId}.csv"`);
    const csv = res.body as string;
    expect(csv.startsWith('\uFEFFRij;Rijksregisternummer;Resultaat;Wat;Veld;Fout\r\n')).toBe(true);
    expect(csv).toContain('2;90.04.18-***.**;Nieuw;persoon, werkrelatie, gebruikersrecht;;\r\n');
    expect(csv).toContain('4;82.11.05-***.**;Al aanwezig;;;\r\n');
    expect(csv).toContain('7;85.49.02-***.**;Fout;;e-mail;Het domein na de @ is ongeldig');
    expect(csv).toContain('9;90.04.18-***.**;Fout;;rijksregisternummer;Deze persoon staat al op rij 2.');
    // Privacy: no national number (plain or formatted), no address, no phone number.
    for (const n of Object.values(DEMO)) {
      expect(csv).not.toContain(n);
      expect(csv).not.toContain(`${n.slice(0, 2)}.${n.slice(2, 4)}.${n.slice(4, 6)}-${n.slice(6, 9)}`);
    }
    expect(csv).not.toContain('12345678901');
    expect(csv).not.toMatch(/[\w.]+@example\.be/);
    expect(csv).not.toMatch(/\+32|0470|3212345678/);
  });

  it('the workflow’s inputs and outputs (its execution history) hold ids and counts only', () => {
    const states = app.stateData.filter((d) => d.machine === 'bulk');
    expect(states.map((d) => d.state)).toEqual(
      expect.arrayContaining(['EachChunk', 'RunChunk', 'CompleteJob']),
    );
    const text = JSON.stringify(states);
    const people = Object.values(DEMO).filter((n) => n.length === 11);
    for (const n of [...people, '38041106444']) expect(text).not.toContain(n);
    expect(text).not.toMatch(/@|\+32|Emma|Willems|Vaste medewerker/);
  });

  it('a second upload of the same file changes nothing: the rows that were applied are present', async () => {
    const before = await domainSnapshot();
    const res = await upload(FILE);
    const second = res.body.jobId;
    expect((await job(second)).summary).toEqual({ new: 0, present: 3, error: 5 });
    await app.call('confirm-import', { as: DEMO.sofie, params: { ...at, jobId: second }, body: {} });
    await app.workflows.idle();
    const view = await job(second);
    expect(view).toMatchObject({ status: 'done', summary: { new: 0, present: 3, error: 5 } });
    expect(await domainSnapshot()).toEqual(before);
  });

  it('reads a `,`-separated file without BOM, with quoted cells', async () => {
    const comma = [
      HEADER.replaceAll(';', ','),
      `${DEMO.jonas},"Vaste medewerker",2026-11-26,2030-12-31,+3212345678,jonas.bakker@example.be,${VLAIO},"${SP}, Gebruiker",2026-11-26,2029-12-31`,
    ].join('\n');
    const res = await upload(comma);
    expect(res.status).toBe(202);
    const view = await job(res.body.jobId);
    expect(view.items[0].preview).toEqual({
      outcome: 'new',
      person: true,
      relationship: true,
      right: true,
      errors: [],
    });
  });
});

describe('CSV import: files refused as a whole, nothing stored', () => {
  const refused = async (content: string) => {
    const before = await app.snapshot();
    const res = await app.call('create-import', { as: DEMO.sofie, params: at, body: { content } });
    expect(await app.snapshot()).toEqual(before);
    expect(res.headers['content-type']).toBe('application/problem+json');
    return res;
  };

  it('1,001 rows: 400 bulk.too-many-rows', async () => {
    const row = `${DEMO.emma};Vaste medewerker;2026-11-26;2030-12-31;+3212345678;e@example.be;;;;`;
    const res = await refused([HEADER, ...Array.from({ length: 1001 }, () => row)].join('\r\n'));
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ code: 'bulk.too-many-rows', status: 400 });
    expect(res.body.detail).toContain('1.000');
    expect(res.body.detail).toContain('1.001');
  });

  it('a column missing, a quote left open, no rows: 400 with what is wrong', async () => {
    const missing = await refused(
      'rijksregisternummer;categorie;begindatum\r\n90041812490;Stagiair;2026-11-26',
    );
    expect(missing.status).toBe(400);
    expect(missing.body.code).toBe('bulk.columns-missing');
    expect(missing.body.errors.map((e: { path: string }) => e.path)).toEqual([
      'einddatum',
      'telefoon',
      'e-mail',
    ]);
    const open = await refused(`${HEADER}\r\n"${DEMO.emma};Vaste medewerker`);
    expect(open.status).toBe(400);
    expect(open.body.code).toBe('bulk.csv-invalid');
    expect(JSON.stringify(open.body)).not.toContain(DEMO.emma);
    const empty = await refused(`${HEADER}\r\n\r\n`);
    expect(empty.body.code).toBe('bulk.no-rows');
  });

  it('another organisation’s job is not found, and the helpdesk may not import', async () => {
    const mine = await upload(
      `${HEADER}\r\n${DEMO.lucas};Stagiair;2026-11-26;2027-01-31;+3212345678;l@example.be;;;;`,
    );
    const other = await app.call('get-job', {
      as: DEMO.marc,
      params: { enterpriseNumber: DEMO.boekhouding, jobId: mine.body.jobId },
    });
    expect(other.status).toBe(404);
    const helpdesk = await app.call('create-import', {
      as: DEMO.hilde,
      params: at,
      body: { content: HEADER },
    });
    expect(helpdesk.status).toBe(403);
  });
});

describe('CSV import: a job interrupted by a stop of the local stack', () => {
  it('is started again from the list of running jobs, and finishes once', async () => {
    // A runner that starts nothing: the stack stopped right after the upload.
    await setDeps({ workflows: { ...app.workflows, startBulkJob: async () => undefined } });
    const res = await app.call('create-import', {
      as: DEMO.sofie,
      params: at,
      body: {
        content: `${HEADER}\r\n${DEMO.tom};Stagiair;2026-11-26;2027-01-31;+3212345678;t@example.be;;;;`,
      },
    });
    expect(res.status).toBe(202);
    const jobId = res.body.jobId;
    expect((await job(jobId)).status).toBe('validating');
    expect(await app.deps.jobs.running()).toContainEqual({ enterpriseNumber: en, jobId });

    // The stack starts again with its runner.
    app.deps = await setDeps({ workflows: app.workflows });
    expect(await restartRunningJobs(app.deps)).toBeGreaterThanOrEqual(1);
    await app.workflows.idle();
    expect((await job(jobId)).status).toBe('previewed');
    expect(await app.deps.jobs.running()).not.toContainEqual({ enterpriseNumber: en, jobId });
    await app.call('confirm-import', { as: DEMO.sofie, params: { ...at, jobId }, body: {} });
    await app.workflows.idle();
    expect(await app.deps.jobs.running()).toEqual([]);
    expect((await job(jobId)).summary).toEqual({ new: 1, present: 0, error: 0 });
  });
});
