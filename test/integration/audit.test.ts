/**
 * The organisation's audit trail (GET …/audit and …/audit/export): every change in the organisation,
 * newest first, paged, filtered by period and kind of action, national numbers masked, written by the
 * change's own transaction (a refused change leaves no entry), and the CSV for Excel.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { PROFILE_SERVICE_PROVIDER, VLAIO_RIGHT } from '#lib/domain/catalogue';
import { createTestApp, DEMO, type TestApp } from '../support/app.ts';

const en = DEMO.adviesbureau;
const TODAY = '2026-11-26';
/** The period filter is on when a change happened: the real day, not the handlers' fixed one. */
const REAL_TODAY = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Brussels' }).format(new Date());
let app: TestApp;
let emmaId: string;

const audit = (query: Record<string, string> = {}, as: string = DEMO.sofie) =>
  app.call('list-audit', { as, params: { enterpriseNumber: en }, query });

beforeAll(async () => {
  app = await createTestApp({ today: TODAY });
  const added = await app.call('add-person', {
    as: DEMO.sofie,
    params: { enterpriseNumber: en },
    body: { nationalNumber: DEMO.emma, reason: 'Nieuwe medewerker' },
  });
  emmaId = added.body.personId;
  const person = { enterpriseNumber: en, personId: emmaId };
  await app.call('create-work-relationship', {
    as: DEMO.sofie,
    params: person,
    body: {
      category: 'Vaste medewerker',
      startDate: TODAY,
      endDate: '2030-12-31',
      phone: '+32478000001',
      email: 'emma@adviesbureau-voorbeeld.be',
    },
  });
  await app.call('grant-right', {
    as: DEMO.sofie,
    params: person,
    body: {
      right: VLAIO_RIGHT,
      profiles: [PROFILE_SERVICE_PROVIDER],
      startDate: TODAY,
      endDate: '2029-12-31',
    },
  });
  await app.call('appoint-local-admin', {
    as: DEMO.pieter,
    params: { enterpriseNumber: en },
    body: { nationalNumber: DEMO.lucas },
  });
});

describe('the audit trail of an organisation', () => {
  it('lists every change, newest first, with whom it is about (masked) and who did it', async () => {
    const page = await audit();
    expect(page.status).toBe(200);
    const actions = page.body.items.map((e: { action: string }) => e.action);
    expect(actions.slice(0, 4)).toEqual([
      'local-admin.appointed',
      'grant.created',
      'relationship.created',
      'person.added',
    ]);
    const grant = page.body.items.find((e: { action: string }) => e.action === 'grant.created');
    expect(grant).toMatchObject({
      personId: emmaId,
      actor: { name: 'Sofie Janssens' },
      subject: {
        name: 'Emma Willems',
        nationalNumber: '90.04.18-***.**',
      },
    });
    const ids = page.body.items.map((e: { entryId: string }) => e.entryId);
    expect([...ids].sort().reverse()).toEqual(ids);
    const text = JSON.stringify(page.body);
    for (const n of [DEMO.emma, DEMO.lucas, DEMO.sofie, DEMO.pieter]) expect(text).not.toContain(n);
  });

  it('pages with a cursor, without gaps or doubles', async () => {
    const all = (await audit()).body.items.map((e: { entryId: string }) => e.entryId);
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await audit({ limit: '2', ...(cursor ? { cursor } : {}) });
      expect(page.body.items.length).toBeLessThanOrEqual(2);
      seen.push(...page.body.items.map((e: { entryId: string }) => e.entryId));
      cursor = page.body.cursor ?? undefined;
    } while (cursor);
    expect(seen).toEqual(all);
  });

  it('filters by kind of action and by period (Brussels days)', async () => {
    const grants = await audit({ action: 'grant' });
    expect(grants.body.items.map((e: { action: string }) => e.action)).toEqual(['grant.created']);
    expect((await audit({ from: REAL_TODAY, to: REAL_TODAY })).body.items.length).toBeGreaterThan(3);
    expect((await audit({ from: REAL_TODAY })).body.items.length).toBeGreaterThan(3);
    expect((await audit({ to: '2020-01-01' })).body.items).toEqual([]);
    const backwards = await audit({ from: '2026-12-31', to: '2026-01-01' });
    expect(backwards.status).toBe(400);
    const badAction = await audit({ action: 'DROP TABLE' });
    expect(badAction.status).toBe(400);
  });

  it('leaves no entry for a refused change, and is for the organisation’s own administrators only', async () => {
    const before = (await audit()).body.items.length;
    const refused = await app.call('grant-right', {
      as: DEMO.sofie,
      params: { enterpriseNumber: en, personId: emmaId },
      body: {
        right: VLAIO_RIGHT,
        profiles: [PROFILE_SERVICE_PROVIDER],
        startDate: TODAY,
        endDate: '2035-12-31',
      },
    });
    expect(refused.status).toBe(400);
    expect((await audit()).body.items.length).toBe(before);
    expect((await audit({}, DEMO.marc)).status).toBe(403);
    expect((await audit({}, DEMO.emma)).status).toBe(403);
  });

  it('exports a period as CSV for Excel: BOM, semicolons, masked numbers, one line per change', async () => {
    const res = await app.call('export-audit', {
      as: DEMO.sofie,
      params: { enterpriseNumber: en },
      query: { from: REAL_TODAY, to: REAL_TODAY },
    });
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(res.headers['content-disposition']).toBe(
      `attachment; filename="historiek-${en}-${REAL_TODAY}_tot_${REAL_TODAY}.csv"`,
    );
    const csv = res.body as string;
    expect(
      csv.startsWith('\uFEFFDatum;Tijd;Door;Actie;Code;Persoon;Rijksregisternummer;Reden;Voor;Na\r\n'),
    ).toBe(true);
    const lines = csv.slice(1).trimEnd().split('\r\n');
    const count = (await audit({ from: REAL_TODAY, to: REAL_TODAY, limit: '100' })).body.items.length;
    expect(lines.length).toBe(count + 1);
    expect(csv).toContain(';Gebruikersrecht toegekend;grant.created;Emma Willems;');
    for (const n of [DEMO.emma, DEMO.lucas]) expect(csv).not.toContain(n);
    // A cell with a semicolon or a quote is quoted: the JSON of before/after is.
    expect(lines.find((l) => l.includes('grant.created'))).toMatch(/;"\{""/);
  });
});
