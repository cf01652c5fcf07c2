/** What a reading of the KBO changes (lib/domain/kbo.ts): pure rules, no table. */
import { describe, expect, it } from 'vitest';
import { adminsToConfirm, compareKbo, snapshotOf } from '#lib/domain/kbo';
import type { Enterprise } from '#lib/domain/ports';
import type { AdminRecord, KboSnapshot } from '#lib/domain/records';

const rep = (pseudonym: string, name = pseudonym) => ({ pseudonym, name, function: 'Zaakvoerder' });
const reading = (o: Partial<KboSnapshot> = {}): KboSnapshot => ({
  status: 'active',
  stoppedOn: null,
  representatives: [rep('p1')],
  readOn: '2031-01-01',
  ...o,
});
const admin = (o: Partial<AdminRecord>): AdminRecord => ({
  enterpriseNumber: '0795012394',
  personId: 'a1',
  pseudonym: 'x1',
  name: 'Sofie Janssens',
  appointedAt: '2026-01-01T00:00:00Z',
  appointedBy: 'Pieter Claes',
  appointedByPseudonym: 'p1',
  version: 1,
  ...o,
});

describe('compareKbo', () => {
  it('a first reading changes nothing: it is the starting point', () => {
    expect(compareKbo(null, reading())).toEqual({
      stopped: false,
      activeAgain: false,
      representatives: null,
    });
  });
  it('a first reading of a stopped enterprise is a stop', () => {
    expect(compareKbo(undefined, reading({ status: 'stopped' })).stopped).toBe(true);
  });
  it('sees a stop once and a restart once', () => {
    const stopped = reading({ status: 'stopped', stoppedOn: '2031-04-01' });
    expect(compareKbo(reading(), stopped)).toMatchObject({ stopped: true, activeAgain: false });
    expect(compareKbo(stopped, stopped)).toMatchObject({ stopped: false, activeAgain: false });
    expect(compareKbo(stopped, reading())).toMatchObject({ stopped: false, activeAgain: true });
  });
  it('names who left and who arrived, not who stayed', () => {
    const changes = compareKbo(
      reading({ representatives: [rep('p1'), rep('p2')] }),
      reading({ representatives: [rep('p2'), rep('p3')] }),
    );
    expect(changes.representatives).toEqual({ left: [rep('p1')], arrived: [rep('p3')] });
    expect(compareKbo(reading(), reading()).representatives).toBeNull();
  });
});

describe('adminsToConfirm', () => {
  it('asks about an administrator whose appointer is no longer a representative, once', () => {
    const now = reading({ representatives: [rep('p2')] });
    expect(adminsToConfirm([admin({})], now).map((a) => a.personId)).toEqual(['a1']);
    expect(adminsToConfirm([admin({ confirmationTaskId: 't1' })], now)).toEqual([]);
    expect(adminsToConfirm([admin({ appointedByPseudonym: 'p2' })], now)).toEqual([]);
  });
  it('asks nothing of records without an appointer, or when the KBO names nobody to answer', () => {
    expect(
      adminsToConfirm([admin({ appointedByPseudonym: null })], reading({ representatives: [rep('p2')] })),
    ).toEqual([]);
    expect(adminsToConfirm([admin({})], reading({ representatives: [] }))).toEqual([]);
  });
});

describe('snapshotOf', () => {
  it('keeps pseudonyms, not national numbers, and one entry per person', () => {
    const enterprise: Enterprise = {
      enterpriseNumber: '0795012394',
      name: 'Adviesbureau Voorbeeld BV',
      status: 'active',
      stoppedOn: null,
      legalForm: null,
      legalRepresentatives: [
        { nationalNumber: '75031201557', firstName: 'Pieter', lastName: 'Claes', function: 'Zaakvoerder' },
        { nationalNumber: '75031201557', firstName: 'Pieter', lastName: 'Claes', function: 'Bestuurder' },
      ],
    } as Enterprise;
    const snap = snapshotOf(enterprise, (n) => `ps-${n.length}`, '2031-01-01');
    expect(snap.representatives).toEqual([
      { pseudonym: 'ps-11', name: 'Pieter Claes', function: 'Zaakvoerder' },
    ]);
    expect(JSON.stringify(snap)).not.toContain('75031201557');
  });
});
