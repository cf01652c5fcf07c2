import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type DigestLine,
  digestDue,
  digestFrom,
  digestStart,
  isWeeklyRound,
  lineItem,
  linesFor,
  weekday,
} from '#lib/domain/notifications';
import { addDays, compareDates } from '#lib/domain/period';

const line = (o: Partial<DigestLine> = {}): DigestLine => ({
  day: '2029-11-01',
  enterpriseNumber: '0812345603',
  organisationName: 'Boekhouding Test NV',
  personId: 'TOM',
  personName: 'Tom Wouters',
  kind: 'grant',
  grantId: 'G1',
  right: 'VLAIO Inkom Gebruiker Nieuw',
  endDate: '2029-12-31',
  notice: 'warning',
  warning: 60,
  marker: 'GRANT#G1#2029-12-31#warning-60',
  individually: [],
  ...o,
});

describe('the weekly round', () => {
  it('knows the weekday of a calendar day', () => {
    expect(weekday('2029-11-01')).toBe(4);
    expect(weekday('2029-11-05')).toBe(1);
    expect(weekday('2000-02-29')).toBe(2);
  });

  it('is the run that covers a Monday, also after missed days', () => {
    expect(isWeeklyRound({ from: '2029-11-05', through: '2029-11-05' })).toBe(true);
    expect(isWeeklyRound({ from: '2029-11-06', through: '2029-11-06' })).toBe(false);
    // Monday was missed: Tuesday's run covers it.
    expect(isWeeklyRound({ from: '2029-11-05', through: '2029-11-06' })).toBe(true);
    expect(isWeeklyRound({ from: '2029-11-06', through: '2029-11-11' })).toBe(false);
  });

  it('looks a week back on the weekly round, and at the run’s own days otherwise', () => {
    expect(digestFrom({ from: '2029-11-05', through: '2029-11-05' }, true)).toBe('2029-10-30');
    expect(digestFrom({ from: '2029-11-05', through: '2029-11-05' }, false)).toBe('2029-11-05');
    // A catch-up longer than a week keeps its own first day.
    expect(digestFrom({ from: '2029-10-20', through: '2029-11-05' }, true)).toBe('2029-10-20');
  });

  it('sends the weekly ones only then; daily and every-item ones always', () => {
    expect(digestDue('weekly', false)).toBe(false);
    expect(digestDue('weekly', true)).toBe(true);
    expect(digestDue('daily', false)).toBe(true);
    expect(digestDue('each', false)).toBe(true);
  });
});

describe('where one administrator’s digest starts', () => {
  const D = '2029-11-05';
  it('at the run’s first day for someone without a digest yet', () => {
    expect(digestStart(null, '2029-10-30', D)).toBe('2029-10-30');
  });

  it('never at a day a digest to them covered', () => {
    expect(digestStart({ personId: 'M', through: '2029-11-02', owedSince: null }, '2029-10-30', D)).toBe(
      '2029-11-03',
    );
  });

  it('at the first day owed, before the run’s first day', () => {
    expect(digestStart({ personId: 'M', through: null, owedSince: '2029-10-25' }, D, D)).toBe('2029-10-25');
    expect(digestStart({ personId: 'M', through: '2029-10-22', owedSince: '2029-10-25' }, D, D)).toBe(
      '2029-10-25',
    );
  });

  it('never more than 60 days back', () => {
    expect(digestStart({ personId: 'M', through: null, owedSince: '2029-01-01' }, D, D)).toBe(
      addDays(D, -59),
    );
  });
});

describe('the lines of one administrator’s digest', () => {
  it('leave out what they got on its own, what is about themselves, and days outside the digest', () => {
    const lines = [
      line({ personId: 'TOM' }),
      line({ personId: 'EMMA', kind: 'relationship', grantId: undefined, individually: ['MARC'] }),
      line({ personId: 'MARC', grantId: 'G2' }),
      line({ personId: 'LUCAS', grantId: 'G3', day: '2029-10-31' }),
      line({ personId: 'JONAS', grantId: 'G4', day: '2029-11-02' }),
    ];
    expect(linesFor('MARC', lines, '2029-11-01', '2029-11-01').map((l) => l.personId)).toEqual(['TOM']);
    expect(
      linesFor('SOFIE', lines, '2029-10-31', '2029-11-02')
        .map((l) => l.personId)
        .sort(),
    ).toEqual(['EMMA', 'JONAS', 'LUCAS', 'MARC', 'TOM']);
  });

  it('hold one line per item, the latest: the 1-day warning over the 7-day one, the expiry over both', () => {
    const week = [
      line({ day: '2029-12-24', warning: 7 }),
      line({ day: '2029-12-30', warning: 1 }),
      line({
        day: '2029-12-25',
        personId: 'EMMA',
        kind: 'relationship',
        grantId: undefined,
        endDate: '2029-12-26',
        warning: 1,
      }),
      line({
        day: '2029-12-27',
        personId: 'EMMA',
        kind: 'relationship',
        grantId: undefined,
        endDate: '2029-12-26',
        notice: 'expired',
        warning: undefined,
      }),
    ];
    const mine = linesFor('MARC', week, '2029-12-24', '2029-12-30');
    expect(mine.map((l) => [l.personId, l.notice, l.warning])).toEqual([
      ['EMMA', 'expired', undefined],
      ['TOM', 'warning', 1],
    ]);
  });

  it('for any lines: within the days, none of theirs nor about them, one per item, in end-date order', () => {
    const day = fc.integer({ min: 0, max: 13 }).map((n) => addDays('2029-11-01', n));
    const anyLine = fc.record({
      day,
      personId: fc.constantFrom('TOM', 'EMMA', 'MARC'),
      grantId: fc.constantFrom('G1', 'G2', undefined),
      endDate: fc.constantFrom('2029-12-31', '2030-01-15'),
      warning: fc.constantFrom(60 as const, 30 as const, 7 as const, 1 as const),
      notice: fc.constantFrom('warning' as const, 'expired' as const),
      individually: fc.subarray(['MARC', 'SOFIE']),
    });
    fc.assert(
      fc.property(fc.array(anyLine, { maxLength: 30 }), day, day, (raw, a, b) => {
        const [start, through] = compareDates(a, b) <= 0 ? [a, b] : [b, a];
        const lines = raw.map((r) => line({ ...r, kind: r.grantId ? 'grant' : 'relationship' }));
        const mine = linesFor('MARC', lines, start, through);
        for (const l of mine) {
          expect(compareDates(l.day, start) >= 0 && compareDates(l.day, through) <= 0).toBe(true);
          expect(l.individually).not.toContain('MARC');
          expect(l.personId).not.toBe('MARC');
        }
        expect(new Set(mine.map(lineItem)).size).toBe(mine.length);
        const wanted = lines.filter(
          (l) =>
            compareDates(l.day, start) >= 0 &&
            compareDates(l.day, through) <= 0 &&
            !l.individually.includes('MARC') &&
            l.personId !== 'MARC',
        );
        expect(new Set(mine.map(lineItem))).toEqual(new Set(wanted.map(lineItem)));
        for (let i = 1; i < mine.length; i++)
          expect(compareDates(mine[i - 1]!.endDate, mine[i]!.endDate)).toBeLessThanOrEqual(0);
      }),
    );
  });
});
