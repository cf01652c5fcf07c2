/**
 * Idempotency-Key on POSTs (Powertools idempotency, persisted in the single table): a retried request
 * replays the first response instead of acting twice; a key is bound to its body and to its caller.
 */
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { createTestApp, DEMO, type TestApp } from '../support/app.ts';

const sofieOrg = DEMO.adviesbureau;
const marcOrg = DEMO.boekhouding;

describe('Idempotency-Key', () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await createTestApp({ today: '2026-11-26' });
  });

  const addPerson = (as: string, enterpriseNumber: string, body: unknown, key?: string) =>
    app.call('add-person', {
      as,
      params: { enterpriseNumber },
      body,
      ...(key ? { headers: { 'idempotency-key': key } } : {}),
    });

  async function actions(
    enterpriseNumber: string,
    personId: string,
    as: string = DEMO.sofie,
  ): Promise<string[]> {
    const history = await app.call('get-history', { as, params: { enterpriseNumber, personId } });
    expect(history.status).toBe(200);
    return history.body.items.map((e: { action: string }) => e.action);
  }

  const idempotencyRecords = async () => (await app.snapshot()).filter((i) => i.pk === 'IDEMPOTENCY');

  it('the same key and body twice → the same 201 twice, the person added once', async () => {
    // Arrange
    const body = { nationalNumber: DEMO.emma, nickname: 'Em' };

    // Act
    const first = await addPerson(DEMO.sofie, sofieOrg, body, 'k1');
    const second = await addPerson(DEMO.sofie, sofieOrg, body, 'k1');

    // Assert
    expect(first.status).toBe(201);
    expect(second.status).toBe(201);
    expect(second.body).toEqual(first.body);
    expect(second.headers.location).toBe(first.headers.location);
    expect(second.headers.etag).toBe(first.headers.etag);
    expect(await actions(sofieOrg, first.body.personId)).toEqual(['person.added']);
    // Without the key, the same request is a new attempt and meets the uniqueness rule.
    const third = await addPerson(DEMO.sofie, sofieOrg, body);
    expect(third.status).toBe(409);
    expect(third.body.code).toBe('person.exists');
  });

  it('the same key with another body → 422 idempotency-key-reused, and the key keeps its first answer', async () => {
    // Arrange
    const first = await addPerson(DEMO.sofie, sofieOrg, { nationalNumber: DEMO.lucas }, 'k2');
    expect(first.status).toBe(201);
    const before = await app.snapshot();

    const out = vi.spyOn(process.stdout, 'write');
    const err = vi.spyOn(process.stderr, 'write');

    // Act
    const reused = await addPerson(DEMO.sofie, sofieOrg, { nationalNumber: DEMO.jonas }, 'k2');

    // Assert
    // The refusal carries the stored record (Lucas's page); it is a client error and is not logged.
    const logged = [...out.mock.calls, ...err.mock.calls].map((c) => String(c[0])).join('\n');
    out.mockRestore();
    err.mockRestore();
    expect(logged).not.toContain('Lucas');
    expect(logged).not.toContain('De Smet');
    expect(reused.status).toBe(422);
    expect(reused.headers['content-type']).toBe('application/problem+json');
    expect(reused.body).toMatchObject({
      code: 'idempotency-key-reused',
      title: 'Sleutel hergebruikt',
      status: 422,
    });
    expect(await app.snapshot()).toEqual(before);
    // The refusal must not wipe the stored answer: the original request still replays, and the other
    // body is still refused.
    const replay = await addPerson(DEMO.sofie, sofieOrg, { nationalNumber: DEMO.lucas }, 'k2');
    expect(replay.status).toBe(201);
    expect(replay.body).toEqual(first.body);
    const again = await addPerson(DEMO.sofie, sofieOrg, { nationalNumber: DEMO.jonas }, 'k2');
    expect(again.status).toBe(422);
    expect(await app.snapshot()).toEqual(before);
  });

  it('a request that failed may be retried under the same key with a corrected body', async () => {
    // Arrange: a typo in the number → 400. Powertools removes the in-progress record when the handler
    // fails, so nothing is remembered for this key.
    const before = await app.snapshot();
    const failed = await addPerson(DEMO.sofie, sofieOrg, { nationalNumber: '85490201121' }, 'k3');
    expect(failed.status).toBe(400);
    expect(await app.snapshot()).toEqual(before);

    // Act
    const corrected = await addPerson(DEMO.sofie, sofieOrg, { nationalNumber: DEMO.jonas }, 'k3');

    // Assert
    expect(corrected.status).toBe(201);
    expect(corrected.body.firstName).toBe('Jonas');
    expect(await actions(sofieOrg, corrected.body.personId)).toEqual(['person.added']);
    const replay = await addPerson(DEMO.sofie, sofieOrg, { nationalNumber: DEMO.jonas }, 'k3');
    expect(replay.body).toEqual(corrected.body);
  });

  it('a business-rule failure is not remembered either: the same key and body are tried again', async () => {
    // Arrange: Emma is already known → 409, not stored.
    const before = await app.snapshot();
    const conflict = await addPerson(DEMO.sofie, sofieOrg, { nationalNumber: DEMO.emma }, 'k4');
    expect(conflict.status).toBe(409);
    expect(await app.snapshot()).toEqual(before);

    // Act
    const again = await addPerson(DEMO.sofie, sofieOrg, { nationalNumber: DEMO.emma }, 'k4');

    // Assert
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('person.exists');
    expect(await app.snapshot()).toEqual(before);
  });

  it('parallel retries with one key: one execution; the others replay it or are told it is in progress', async () => {
    // Act
    const results = await Promise.all(
      Array.from({ length: 6 }, () => addPerson(DEMO.sofie, sofieOrg, { nationalNumber: DEMO.lotte }, 'k5')),
    );

    // Assert: never a second execution (which would answer 409 person.exists).
    const done = results.filter((r) => r.status === 201);
    const busy = results.filter((r) => r.status !== 201);
    expect(done.length).toBeGreaterThanOrEqual(1);
    for (const r of done) expect(r.body).toEqual(done[0]!.body);
    for (const r of busy) {
      expect(r.status).toBe(409);
      expect(r.body.code).toBe('idempotency-in-progress');
      expect(r.headers['retry-after']).toBe('1');
    }
    const personId = done[0]!.body.personId as string;
    expect(await actions(sofieOrg, personId)).toEqual(['person.added']);
    // Once finished, the key replays the answer.
    const later = await addPerson(DEMO.sofie, sofieOrg, { nationalNumber: DEMO.lotte }, 'k5');
    expect(later.status).toBe(201);
    expect(later.body).toEqual(done[0]!.body);
  });

  it('the same key from two callers does not replay the other’s response', async () => {
    // Act
    const sofie = await addPerson(DEMO.sofie, sofieOrg, { nationalNumber: DEMO.pieter }, 'shared');
    const marc = await addPerson(DEMO.marc, marcOrg, { nationalNumber: DEMO.pieter }, 'shared');

    // Assert: two real executions, one membership per organisation.
    expect(sofie.status).toBe(201);
    expect(marc.status).toBe(201);
    expect(sofie.body.organisation.enterpriseNumber).toBe(sofieOrg);
    expect(marc.body.organisation.enterpriseNumber).toBe(marcOrg);
    expect(await actions(marcOrg, marc.body.personId, DEMO.marc)).toEqual(['person.added']);
    expect(await actions(sofieOrg, sofie.body.personId)).toEqual(['person.added']);
  });

  it('Marc with Sofie’s key on Sofie’s organisation gets 403, not her stored response', async () => {
    const before = await app.snapshot();

    const res = await addPerson(DEMO.marc, sofieOrg, { nationalNumber: DEMO.pieter }, 'shared');

    expect(res.status).toBe(403);
    expect(res.body.code).toBe('forbidden');
    expect(JSON.stringify(res.body)).not.toContain('Pieter');
    expect(await app.snapshot()).toEqual(before);
  });

  it('keys are stored under a hash: no national number, no name in the idempotency records’ keys', async () => {
    const records = await idempotencyRecords();
    expect(records.length).toBeGreaterThan(0);
    for (const r of records) {
      for (const n of [DEMO.emma, DEMO.lucas, DEMO.jonas, DEMO.pieter]) expect(String(r.sk)).not.toContain(n);
    }
  });
});
