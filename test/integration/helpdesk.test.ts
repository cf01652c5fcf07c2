/**
 * The helpdesk (VLAIO 1700): Hilde, in the helpdesk group, reads any organisation (its local
 * administrators and legal representatives, its persons, a person's page, the access check's answer and
 * reason), each read recorded in the organisation's audit trail with her name and the ticket; without a
 * ticket nothing is read or written; she changes nothing (every write route refuses her); nobody
 * outside the group reads through the helpdesk routes.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { routes } from '#functions/routes';
import { createTestApp, DEMO, type TestApp } from '../support/app.ts';

const VLAIO = 'VLAIO Inkom Gebruiker Nieuw';
const SP = 'Dienstverlener kmo-portefeuille';
const en = DEMO.boekhouding;
let app: TestApp;
let tomId: string;

beforeAll(async () => {
  app = await createTestApp({ today: '2026-11-26' });
  const list = await app.call('list-persons', { as: DEMO.marc, params: { enterpriseNumber: en } });
  tomId = list.body.items.find((p: { firstName: string }) => p.firstName === 'Tom').personId;
});

const audit = async () =>
  (
    await app.call('list-audit', {
      as: DEMO.marc,
      params: { enterpriseNumber: en },
      query: { action: 'helpdesk' },
    })
  ).body.items;

describe('the helpdesk', () => {
  it('reads an organisation, a person and the access check, each read in the organisation’s audit trail', async () => {
    const me = await app.call('get-me', { as: DEMO.hilde });
    expect(me.body.helpdesk).toBe(true);
    expect((await app.call('get-me', { as: DEMO.marc })).body.helpdesk).toBe(false);

    const org = await app.call('helpdesk-organisation', {
      as: DEMO.hilde,
      params: { enterpriseNumber: en },
      query: { ticket: 'INC-2026-0042' },
    });
    expect(org.status).toBe(200);
    expect(org.body).toMatchObject({
      enterpriseNumber: en,
      name: 'Boekhouding Test NV',
      localAdmins: [{ name: 'Marc Peeters' }],
      persons: [{ firstName: 'Tom', nationalNumber: '77.09.15-***.**' }],
    });
    expect(org.body.legalRepresentatives.length).toBeGreaterThan(0);
    expect(JSON.stringify(org.body)).not.toContain(DEMO.tom);

    const person = await app.call('helpdesk-person', {
      as: DEMO.hilde,
      params: { enterpriseNumber: en, personId: tomId },
      query: { ticket: 'INC-2026-0042' },
    });
    expect(person.status).toBe(200);
    expect(person.body).toMatchObject({ firstName: 'Tom', grants: [{ right: VLAIO }] });
    expect(JSON.stringify(person.body)).not.toContain(DEMO.tom);

    const granted = await app.call('helpdesk-access-check', {
      as: DEMO.hilde,
      params: { enterpriseNumber: en, personId: tomId },
      query: { ticket: 'INC-2026-0042', right: VLAIO, profile: SP },
    });
    expect(granted.body).toMatchObject({ allowed: true, reason: 'granted', validUntil: '2029-12-31' });
    const missing = await app.call('helpdesk-access-check', {
      as: DEMO.hilde,
      params: { enterpriseNumber: en, personId: tomId },
      query: { ticket: 'INC-2026-0042', right: VLAIO, profile: 'Gebruiker' },
    });
    expect(missing.body).toMatchObject({ allowed: false, reason: 'profile-missing' });

    // Marc sees who from the helpdesk looked, at what, and for which ticket.
    const looks = await audit();
    expect(looks).toHaveLength(4);
    expect(looks.map((e: { after: { what: string } }) => e.after.what)).toEqual([
      'access-check',
      'access-check',
      'person',
      'organisation',
    ]);
    for (const e of looks) {
      expect(e).toMatchObject({
        action: 'helpdesk.viewed',
        actor: { name: 'Hilde Peeters (helpdesk)' },
        reason: 'Ticket INC-2026-0042',
      });
    }
  });

  it('reads nothing without a ticket, and refuses everyone outside the helpdesk group', async () => {
    const before = await app.snapshot();
    const noTicket = await app.call('helpdesk-organisation', {
      as: DEMO.hilde,
      params: { enterpriseNumber: en },
    });
    expect(noTicket.status).toBe(400);
    expect(JSON.stringify(noTicket.body)).toContain('ticket');
    for (const as of [DEMO.marc, DEMO.sofie, DEMO.emma]) {
      const refused = await app.call('helpdesk-organisation', {
        as,
        params: { enterpriseNumber: en },
        query: { ticket: 'INC-1' },
      });
      expect(refused.status).toBe(403);
    }
    expect(await app.snapshot()).toEqual(before);
  });

  it('changes nothing: every write route of an organisation refuses the helpdesk with 403', async () => {
    const before = await app.snapshot();
    const writes = routes.filter(
      (r) => r.method !== 'GET' && r.path.includes('{enterpriseNumber}') && r.auth === 'user',
    );
    expect(writes.length).toBeGreaterThan(15);
    for (const route of writes) {
      const res = await app.call(route.fn, {
        as: DEMO.hilde,
        params: {
          enterpriseNumber: en,
          personId: tomId,
          grantId: tomId,
          taskId: tomId,
          campaignId: tomId,
          jobId: tomId,
        },
        body: {},
        headers: { 'if-match': '"1"' },
      });
      expect(res.status, route.fn).toBe(403);
    }
    expect(await app.snapshot()).toEqual(before);
  });
});
