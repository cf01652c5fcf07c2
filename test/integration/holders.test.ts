/**
 * "Who held right X, with which profiles, on day D?" (GET …/rights/{rightId}/holders?on=): answered from
 * the holdings written with each change, and checked against an independent replay of the persons'
 * history for random sequences of grants, edits, pauses, relationship changes and revocations on
 * random days, through the real handlers.
 */
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { addDays, compareDates } from '#lib/domain/period';
import type { HistoryEntry } from '#lib/domain/records';
import { rightHolders } from '#lib/services/audit';
import { createTestApp, DEMO, type TestApp } from '../support/app.ts';

const en = DEMO.adviesbureau;
const VLAIO = 'VLAIO Inkom Gebruiker Nieuw';
const PROFILES = ['Dienstverlener kmo-portefeuille', 'Gebruiker'];
const START = '2027-01-04';

type Period = { startDate: string; endDate: string };
type Rel = Period & { paused: boolean };
type Grant = Period & { grantId: string; rightId: string; profiles: string[] };

/** The history replayed, entry by entry: each person's relationship and grants at the end of each day. */
function replayHolders(histories: Map<string, HistoryEntry[]>, on: string) {
  const held: { personId: string; profiles: string[] }[] = [];
  for (const [personId, entries] of histories) {
    let rel: Rel | null = null;
    let grants = new Map<string, Grant>();
    for (const e of entries) {
      if (!e.on || compareDates(e.on, on) > 0) continue;
      const after = e.after as Record<string, unknown> | null;
      const before = e.before as Record<string, unknown> | null;
      switch (e.action) {
        case 'relationship.created':
        case 'relationship.updated':
        case 'relationship.paused':
        case 'relationship.resumed':
          rel = after as unknown as Rel;
          break;
        case 'relationship.extended':
          rel = after?.relationship as Rel;
          grants = new Map(((after?.grants ?? []) as Grant[]).map((g) => [g.grantId, g]));
          break;
        case 'relationship.deleted':
          rel = null;
          grants = new Map();
          break;
        case 'grant.created':
        case 'grant.updated':
          grants.set((after as unknown as Grant).grantId, after as unknown as Grant);
          break;
        case 'grant.revoked':
          grants.delete((before as unknown as Grant).grantId);
          break;
      }
    }
    const within = (p: Period) => compareDates(p.startDate, on) <= 0 && compareDates(on, p.endDate) <= 0;
    const grant = [...grants.values()].find((g) => g.rightId === VLAIO);
    if (rel && !rel.paused && within(rel) && grant && within(grant)) {
      held.push({ personId, profiles: [...grant.profiles].sort() });
    }
  }
  return held.sort((a, b) => a.personId.localeCompare(b.personId));
}

// Weighted so that most steps find something to change: a relationship removed is soon made again.
const op = fc.oneof(
  {
    weight: 4,
    arbitrary: fc.record({
      kind: fc.constant('grant' as const),
      start: fc.integer({ min: -20, max: 30 }),
      length: fc.integer({ min: 0, max: 400 }),
      profiles: fc.subarray(PROFILES, { minLength: 1 }),
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant('profiles' as const),
      profiles: fc.subarray(PROFILES, { minLength: 1 }),
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({ kind: fc.constant('grant-end' as const), end: fc.integer({ min: -5, max: 300 }) }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('revoke' as const) }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('pause' as const) }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('resume' as const) }) },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('relationship-end' as const),
      end: fc.integer({ min: 0, max: 500 }),
    }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('unlink' as const) }) },
  {
    weight: 3,
    arbitrary: fc.record({ kind: fc.constant('link' as const), start: fc.integer({ min: -10, max: 10 }) }),
  },
);
type Op = typeof op extends fc.Arbitrary<infer T> ? T : never;
const step = fc.record({
  person: fc.integer({ min: 0, max: 2 }),
  wait: fc.integer({ min: 0, max: 4 }),
  op,
});

describe('who held a right on a day', () => {
  let app: TestApp;
  let today = START;
  const people: string[] = [];

  const call = (fn: string, personId: string, extra: Record<string, unknown> = {}) =>
    app.call(fn, {
      as: DEMO.sofie,
      ...extra,
      params: { enterpriseNumber: en, personId, ...(extra.params ?? {}) },
    });

  async function link(personId: string, startDate: string) {
    return call('create-work-relationship', personId, {
      body: {
        category: 'Vaste medewerker',
        startDate,
        endDate: addDays(startDate, 3000),
        phone: '+3212345678',
        email: 'p@example.be',
      },
    });
  }

  /** The step made to fit the person's state (a grant edited rather than granted twice, a pause toggled). */
  function fitted(o: Op, hasRelationship: boolean, paused: boolean, hasGrant: boolean): Op {
    if (o.kind === 'grant' && hasGrant) return { kind: 'profiles', profiles: o.profiles };
    if ((o.kind === 'profiles' || o.kind === 'grant-end' || o.kind === 'revoke') && !hasGrant) {
      return { kind: 'grant', start: 0, length: 200, profiles: [PROFILES[0]!] };
    }
    if (o.kind === 'pause' && paused) return { kind: 'resume' };
    if (o.kind === 'resume' && hasRelationship && !paused) return { kind: 'pause' };
    if (o.kind === 'link' && hasRelationship) return { kind: 'relationship-end', end: 600 + o.start };
    if (o.kind !== 'link' && o.kind !== 'grant' && !hasRelationship) return { kind: 'link', start: 0 };
    return o;
  }

  async function apply(personId: string, step: Op) {
    const agg = (await app.deps.memberships.load(en, personId))!;
    const rel = agg.relationship;
    const grant = agg.grants.find((g) => g.rightId === VLAIO);
    const o = fitted(step, rel !== null, rel?.paused ?? false, grant !== undefined);
    const ifRel = { headers: { 'if-match': `"${rel?.version ?? 0}"` } };
    const ifGrant = { headers: { 'if-match': `"${grant?.version ?? 0}"` } };
    const grantParams = { params: { grantId: grant?.grantId ?? '01HZZZZZZZZZZZZZZZZZZZZZZZ' } };
    switch (o.kind) {
      case 'grant': {
        const startDate = addDays(today, o.start);
        return {
          kind: o.kind,
          res: await call('grant-right', personId, {
            body: { right: VLAIO, profiles: o.profiles, startDate, endDate: addDays(startDate, o.length) },
          }),
        };
      }
      case 'profiles':
        return {
          kind: o.kind,
          res: await call('update-grant', personId, {
            ...grantParams,
            ...ifGrant,
            body: { profiles: o.profiles },
          }),
        };
      case 'grant-end':
        return {
          kind: o.kind,
          res: await call('update-grant', personId, {
            ...grantParams,
            ...ifGrant,
            body: { endDate: addDays(today, o.end) },
          }),
        };
      case 'revoke':
        return {
          kind: o.kind,
          res: await call('revoke-grant', personId, { ...grantParams, ...ifGrant, body: {} }),
        };
      case 'pause':
        return {
          kind: o.kind,
          res: await call('pause-work-relationship', personId, { body: { reason: 'Ouderschapsverlof' } }),
        };
      case 'resume':
        return { kind: o.kind, res: await call('resume-work-relationship', personId, { body: {} }) };
      case 'relationship-end':
        return {
          kind: o.kind,
          res: await call('update-work-relationship', personId, {
            ...ifRel,
            body: { endDate: addDays(rel?.startDate ?? today, o.end) },
          }),
        };
      case 'unlink':
        return {
          kind: o.kind,
          res: await call('delete-work-relationship', personId, { ...ifRel, body: { reason: 'Uit dienst' } }),
        };
      case 'link':
        return { kind: o.kind, res: await link(personId, addDays(today, o.start)) };
    }
  }

  async function histories() {
    const all = new Map<string, HistoryEntry[]>();
    for (const personId of people) {
      const entries: HistoryEntry[] = [];
      let cursor: string | undefined;
      do {
        const page = await app.deps.memberships.history(en, personId, {
          limit: 100,
          ...(cursor ? { cursor } : {}),
        });
        entries.push(...page.items);
        cursor = page.cursor ?? undefined;
      } while (cursor);
      all.set(
        personId,
        entries.sort((a, b) => (a.on ?? '').localeCompare(b.on ?? '') || a.entryId.localeCompare(b.entryId)),
      );
    }
    return all;
  }

  beforeAll(async () => {
    app = await createTestApp({ today: START });
    for (const nationalNumber of [DEMO.emma, DEMO.jonas, DEMO.lucas]) {
      const added = await app.call('add-person', {
        as: DEMO.sofie,
        params: { enterpriseNumber: en },
        body: { nationalNumber },
      });
      expect(added.status).toBe(201);
      people.push(added.body.personId);
      expect((await link(added.body.personId, START)).status).toBe(201);
    }
  });

  it('answers through the route: Tom holds the seed’s right in Boekhouding, masked, with its period', async () => {
    const res = await app.call('list-right-holders', {
      as: DEMO.marc,
      params: { enterpriseNumber: DEMO.boekhouding, rightId: VLAIO },
      query: { on: '2026-06-01' },
    });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      right: { rightId: VLAIO, name: VLAIO },
      on: '2026-06-01',
      holders: [
        {
          personId: expect.any(String),
          name: 'Tom Wouters',
          nationalNumber: '77.09.15-***.**',
          profiles: ['Dienstverlener kmo-portefeuille'],
          from: '2025-01-01',
          to: '2029-12-31',
        },
      ],
    });
    expect(JSON.stringify(res.body)).not.toContain(DEMO.tom);
    // Before the grant was made (the seed's day) and after it ends: nobody.
    for (const on of ['2024-12-31', '2030-01-01']) {
      const other = await app.call('list-right-holders', {
        as: DEMO.marc,
        params: { enterpriseNumber: DEMO.boekhouding, rightId: VLAIO },
        query: { on },
      });
      expect(other.body.holders).toEqual([]);
    }
    // Another organisation's holders are not in the answer, and it is refused to Marc.
    const sofie = await app.call('list-right-holders', {
      as: DEMO.sofie,
      params: { enterpriseNumber: en, rightId: VLAIO },
      query: { on: '2026-06-01' },
    });
    expect(sofie.body.holders).toEqual([]);
    const refused = await app.call('list-right-holders', {
      as: DEMO.marc,
      params: { enterpriseNumber: en, rightId: VLAIO },
    });
    expect(refused.status).toBe(403);
  });

  it('refuses a right that is not in the catalogue and a day that does not exist', async () => {
    const unknown = await app.call('list-right-holders', {
      as: DEMO.marc,
      params: { enterpriseNumber: DEMO.boekhouding, rightId: 'Bestaat niet' },
    });
    expect(unknown.status).toBe(404);
    expect(unknown.body.code).toBe('right.not-found');
    const badDay = await app.call('list-right-holders', {
      as: DEMO.marc,
      params: { enterpriseNumber: DEMO.boekhouding, rightId: VLAIO },
      query: { on: '2027-02-30' },
    });
    expect(badDay.status).toBe(400);
  });

  // Sixteen random runs of up to fourteen steps, each checked day by day: minutes on a busy 2-core machine.
  it('equals a replay of the history, for random grants, edits, pauses and revocations', {
    timeout: 240_000,
  }, async () => {
    let firstDay = today;
    const done = new Set<string>();
    let tried = 0;
    let changed = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 4, maxLength: 14 }), async (steps) => {
        firstDay = today;
        for (const s of steps) {
          if (s.wait > 0) {
            today = addDays(today, s.wait);
            await app.setToday(today);
          }
          const { kind, res } = await apply(people[s.person]!, s.op);
          // A refused step (a rule, a missing grant) changes nothing; the replay sees no entry for it.
          expect(res.status, JSON.stringify(res.body)).toBeLessThan(500);
          if (res.status < 300) done.add(kind);
          tried += 1;
          if (res.status < 300) changed += 1;
        }
        const all = await histories();
        // Every day of the run, the day before it, and a stretch after it (future ends and starts).
        for (let on = addDays(firstDay, -1); compareDates(on, addDays(today, 40)) <= 0; on = addDays(on, 1)) {
          const answer = await rightHolders(app.deps, en, VLAIO, on);
          const got = answer.holders.map((h) => ({ personId: h.personId, profiles: h.profiles }));
          expect(
            got.sort((a, b) => a.personId.localeCompare(b.personId)),
            on,
          ).toEqual(replayHolders(all, on));
        }
        today = addDays(today, 1);
        await app.setToday(today);
      }),
      { numRuns: 16, endOnFailure: true },
    );
    // The sequences changed something most of the time, and every kind of step happened.
    expect(changed / tried).toBeGreaterThan(0.7);
    expect([...done].sort()).toEqual(
      [
        'grant',
        'grant-end',
        'link',
        'pause',
        'profiles',
        'relationship-end',
        'resume',
        'revoke',
        'unlink',
      ].sort(),
    );
  });
});
