import fc from 'fast-check';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { nextRunAt, startDailySchedule } from '#infra/local/scheduler';
import { parseDueEntry } from '#lib/adapters/dynamodb/expiry-store';
import {
  daysBetween,
  daysOf,
  expireGrant,
  expireRelationship,
  MAX_CATCH_UP_DAYS,
  noticeName,
  partitionsToQuery,
  planFor,
  sweepRange,
  WARNING_OFFSETS,
} from '#lib/domain/expiry';
import { extendRelationship, type PersonAggregate } from '#lib/domain/membership';
import { addDays } from '#lib/domain/period';

describe('sweepRange', () => {
  it('covers just the day on a first run, a repeated run and a run for an earlier day', () => {
    expect(sweepRange('2027-01-31', null)).toEqual({ from: '2027-01-31', through: '2027-01-31' });
    expect(sweepRange('2027-01-31', '2027-01-31')).toEqual({ from: '2027-01-31', through: '2027-01-31' });
    expect(sweepRange('2027-01-31', '2027-02-05')).toEqual({ from: '2027-01-31', through: '2027-01-31' });
  });

  it('covers the days after the last completed one', () => {
    expect(sweepRange('2027-01-31', '2027-01-30')).toEqual({ from: '2027-01-31', through: '2027-01-31' });
    expect(sweepRange('2027-01-31', '2027-01-27')).toEqual({ from: '2027-01-28', through: '2027-01-31' });
    expect(sweepRange('2028-03-01', '2028-02-27')).toEqual({ from: '2028-02-28', through: '2028-03-01' });
  });

  it(`catches up at most ${MAX_CATCH_UP_DAYS} days, the most recent ones`, () => {
    const range = sweepRange('2027-06-30', '2026-01-01');
    expect(daysOf(range)).toHaveLength(MAX_CATCH_UP_DAYS);
    expect(range).toEqual({ from: '2027-05-02', through: '2027-06-30' });
    expect(daysOf(sweepRange('2027-06-30', '2027-05-01'))).toHaveLength(MAX_CATCH_UP_DAYS);
    expect(daysOf(sweepRange('2027-06-30', '2027-05-02'))).toHaveLength(MAX_CATCH_UP_DAYS - 1);
  });
});

describe('partitionsToQuery', () => {
  it('reads five partitions for one day: 1, 7, 30 and 60 days ahead and yesterday', () => {
    expect(partitionsToQuery({ from: '2027-01-31', through: '2027-01-31' })).toEqual([
      { endDate: '2027-01-30', action: 'expire' },
      { endDate: '2027-02-01', action: 'warn' },
      { endDate: '2027-02-07', action: 'warn' },
      { endDate: '2027-03-02', action: 'warn' },
      { endDate: '2027-04-01', action: 'warn' },
    ]);
  });

  it('reads every partition once for a catch-up range, expiring what ended before the last day', () => {
    const range = { from: '2027-01-29', through: '2027-01-31' };
    const partitions = partitionsToQuery(range);
    expect(partitions.filter((p) => p.action === 'expire').map((p) => p.endDate)).toEqual([
      '2027-01-28',
      '2027-01-29',
      '2027-01-30',
    ]);
    // d+1 of the first days are yesterday and today-as-end-date: 2027-01-30 expires, 2027-01-31 warns.
    expect(partitions.find((p) => p.endDate === '2027-01-31')).toEqual({
      endDate: '2027-01-31',
      action: 'warn',
    });
    expect(new Set(partitions.map((p) => p.endDate)).size).toBe(partitions.length);
    expect(partitions.length).toBeLessThanOrEqual(3 * 5);
  });

  it('never reads more than five partitions per day covered', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 3000 }),
        fc.integer({ min: 1, max: MAX_CATCH_UP_DAYS }),
        (start, n) => {
          const from = addDays('2026-01-01', start);
          const range = { from, through: addDays(from, n - 1) };
          const partitions = partitionsToQuery(range);
          expect(partitions.length).toBeLessThanOrEqual(5 * n);
          // Everything a plan acts on is in a partition that is read, and the other way round.
          for (const p of partitions) expect(planFor(p.endDate, range)?.action).toBe(p.action);
        },
      ),
      { numRuns: 30 },
    );
  });
});

describe('planFor', () => {
  const day = (through: string) => ({ from: through, through });

  it.each(WARNING_OFFSETS.map((offset) => [offset]))('warns %i days before the end date', (offset) => {
    expect(planFor('2029-12-31', day(addDays('2029-12-31', -offset)))).toEqual({
      action: 'warn',
      warning: offset,
    });
  });

  it('does nothing on other days, and expires the day after', () => {
    expect(planFor('2029-12-31', day('2029-11-02'))).toBeNull();
    expect(planFor('2029-12-31', day('2029-12-31'))).toBeNull();
    expect(planFor('2029-12-31', day('2030-01-01'))).toEqual({ action: 'expire' });
    expect(planFor('2029-12-31', day('2030-01-02'))).toBeNull();
  });

  it('after missed days, sends only the most urgent warning reached, or expires', () => {
    expect(planFor('2029-12-31', { from: '2029-10-30', through: '2029-11-02' })).toEqual({
      action: 'warn',
      warning: 60,
    });
    expect(planFor('2029-12-31', { from: '2029-10-30', through: '2029-12-26' })).toEqual({
      action: 'warn',
      warning: 7,
    });
    expect(planFor('2029-12-31', { from: '2029-12-20', through: '2030-01-05' })).toEqual({
      action: 'expire',
    });
  });

  it('over any run days without gaps longer than the cap: each warning at most once, in order, one expiry', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 1, max: MAX_CATCH_UP_DAYS }), { minLength: 1, maxLength: 40 }),
        fc.integer({ min: 1, max: 120 }),
        (gaps, lead) => {
          const endDate = '2030-06-30';
          let last: string | null = addDays(endDate, -(lead + 61));
          const plans = [];
          for (const gap of gaps) {
            const date = addDays(last!, gap);
            const range = sweepRange(date, last);
            const plan = planFor(endDate, range);
            if (plan) plans.push(plan);
            last = date;
          }
          const warnings = plans.flatMap((p) => (p.action === 'warn' ? [p.warning] : []));
          expect(new Set(warnings).size).toBe(warnings.length);
          expect([...warnings].sort((a, b) => b - a)).toEqual(warnings);
          const expiries = plans.filter((p) => p.action === 'expire').length;
          expect(expiries).toBe(last! > endDate ? 1 : 0);
        },
      ),
    );
  });

  it('with a run every day, sends the 60, 30, 7 and 1-day warnings and expires once', () => {
    const endDate = '2029-12-31';
    const plans = [];
    for (let d = '2029-10-01'; d <= '2030-01-10'; d = addDays(d, 1)) {
      const plan = planFor(endDate, sweepRange(d, addDays(d, -1)));
      if (plan) plans.push({ d, ...plan });
    }
    expect(plans).toEqual([
      { d: '2029-11-01', action: 'warn', warning: 60 },
      { d: '2029-12-01', action: 'warn', warning: 30 },
      { d: '2029-12-24', action: 'warn', warning: 7 },
      { d: '2029-12-30', action: 'warn', warning: 1 },
      { d: '2030-01-01', action: 'expire' },
    ]);
  });
});

describe('daysBetween', () => {
  it('counts calendar days, across summer time and leap days', () => {
    expect(daysBetween('2029-03-24', '2029-03-26')).toBe(2);
    expect(daysBetween('2028-02-28', '2028-03-01')).toBe(2);
    expect(daysBetween('2029-12-31', '2029-11-01')).toBe(-60);
  });
});

describe('expiry of an item', () => {
  const clock = { today: '2030-01-01', now: '2030-01-01T05:00:00.000Z' };
  const agg: PersonAggregate = {
    membership: {
      enterpriseNumber: '0812345603',
      organisationName: 'Boekhouding Test NV',
      personId: 'P1',
      pseudonym: 'x',
      nationalNumber: '77091503135',
      person: { firstName: 'Tom', lastName: 'Wouters', birthDate: null, sex: null, source: 'VKBP' },
      nickname: null,
      initials: null,
      status: 'active',
      version: 3,
      createdAt: '2025-01-01T00:00:00.000Z',
      updatedAt: '2025-01-01T00:00:00.000Z',
    },
    relationship: {
      category: 'Vaste medewerker',
      startDate: '2025-01-01',
      endDate: '2029-12-31',
      phone: '+3293456789',
      email: 'tom@example.be',
      paused: false,
      pauseReason: null,
      version: 1,
      createdAt: '2025-01-01T00:00:00.000Z',
      updatedAt: '2025-01-01T00:00:00.000Z',
    },
    grants: [
      {
        grantId: 'G1',
        rightId: 'VLAIO Inkom Gebruiker Nieuw',
        rightName: 'VLAIO Inkom Gebruiker Nieuw',
        profiles: ['Dienstverlener kmo-portefeuille'],
        startDate: '2025-01-01',
        endDate: '2029-12-31',
        version: 2,
        createdAt: '2025-01-01T00:00:00.000Z',
        updatedAt: '2025-01-01T00:00:00.000Z',
      },
    ],
  };

  it('keeps the grant and marks it expired the day after its end, for the history', () => {
    const change = expireGrant(agg, 'G1', '2029-12-31', clock);
    expect(change.action).toBe('grant.expired');
    expect(change.next.grants).toHaveLength(1);
    expect(change.next.grants[0]).toMatchObject({
      endDate: '2029-12-31',
      expiredOn: '2030-01-01',
      version: 3,
    });
    expect(change.before).not.toHaveProperty('expiredOn');
    expect(change.after).toMatchObject({ grantId: 'G1', expiredOn: '2030-01-01' });
    expect(change.next.relationship).toBe(agg.relationship);
  });

  it('marks the relationship expired', () => {
    const change = expireRelationship(agg, '2029-12-31', clock);
    expect(change.action).toBe('relationship.expired');
    expect(change.next.relationship).toMatchObject({ expiredOn: '2030-01-01', version: 2 });
    expect(change.next.membership.status).toBe('active');
  });

  it('lifts the expiry when the end date changes afterwards (the history keeps it)', () => {
    const expired = expireRelationship(
      expireGrant(agg, 'G1', '2029-12-31', clock).next,
      '2029-12-31',
      clock,
    ).next;
    const extended = extendRelationship(expired, { includeRights: true }, new Map(), clock).next;
    expect(extended.relationship).not.toHaveProperty('expiredOn');
    expect(extended.grants[0]).not.toHaveProperty('expiredOn');
    expect(extended.grants[0]!.endDate > '2029-12-31').toBe(true);
  });

  it('refuses what is not due: another end date, not ended yet, already expired', () => {
    expect(() => expireGrant(agg, 'G1', '2029-12-30', clock)).toThrow('expiry.not-due');
    expect(() => expireGrant(agg, 'G1', '2029-12-31', { ...clock, today: '2029-12-31' })).toThrow(
      'expiry.not-due',
    );
    const once = expireGrant(agg, 'G1', '2029-12-31', clock).next;
    expect(() => expireGrant(once, 'G1', '2029-12-31', clock)).toThrow('expiry.not-due');
    expect(() => expireGrant(agg, 'nope', '2029-12-31', clock)).toThrow('expiry.not-due');
  });
});

describe('keys of the sweep', () => {
  it('names notice markers per item, end date and what was done', () => {
    const grant = { kind: 'grant' as const, personId: 'P1', grantId: 'G1', endDate: '2029-12-31' };
    expect(noticeName(grant, 'warning-60')).toBe('GRANT#G1#2029-12-31#warning-60');
    expect(noticeName(grant, 'task')).toBe('GRANT#G1#2029-12-31#task');
    expect(noticeName({ kind: 'relationship', personId: 'P1', endDate: '2034-12-31' }, 'expired')).toBe(
      'REL#P1#2034-12-31#expired',
    );
  });

  it('reads due entries from the index keys', () => {
    expect(parseDueEntry('DUE#2029-12-31', 'GRANT#0812345603#P1#G1')).toEqual({
      kind: 'grant',
      enterpriseNumber: '0812345603',
      personId: 'P1',
      grantId: 'G1',
      endDate: '2029-12-31',
    });
    expect(parseDueEntry('DUE#2034-12-31', 'REL#0812345603#P1')).toEqual({
      kind: 'relationship',
      enterpriseNumber: '0812345603',
      personId: 'P1',
      endDate: '2034-12-31',
    });
    expect(parseDueEntry('DUE#2034-12-31', 'GRANT#0812345603#P1')).toBeNull();
    expect(parseDueEntry('ORG#x', 'REL#0812345603#P1')).toBeNull();
  });
});

describe('daily schedule at 06:00 in Brussels', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('follows winter and summer time', () => {
    // Winter (UTC+1): 06:00 is 05:00Z.
    expect(nextRunAt(new Date('2029-01-15T04:59:59Z')).toISOString()).toBe('2029-01-15T05:00:00.000Z');
    expect(nextRunAt(new Date('2029-01-15T05:00:00Z')).toISOString()).toBe('2029-01-16T05:00:00.000Z');
    // Summer time starts on Sunday 25 March 2029: 06:00 is 04:00Z from then on.
    expect(nextRunAt(new Date('2029-03-24T05:00:00Z')).toISOString()).toBe('2029-03-25T04:00:00.000Z');
    // And ends on Sunday 28 October 2029.
    expect(nextRunAt(new Date('2029-10-27T04:00:00Z')).toISOString()).toBe('2029-10-28T05:00:00.000Z');
    // Late in the Brussels evening, UTC is still on the same day.
    expect(nextRunAt(new Date('2029-07-01T22:30:00Z')).toISOString()).toBe('2029-07-02T04:00:00.000Z');
  });

  it('runs every day, never twice at once, and stops', async () => {
    vi.useFakeTimers({ now: new Date('2029-03-24T04:00:00Z') });
    const runs: string[] = [];
    const schedule = startDailySchedule(async () => {
      runs.push(new Date().toISOString());
    });
    expect(schedule.next()?.toISOString()).toBe('2029-03-24T05:00:00.000Z');
    // Until 27 March, 05:00 Brussels (03:00Z).
    await vi.advanceTimersByTimeAsync(71 * 3600 * 1000);
    expect(runs).toEqual([
      '2029-03-24T05:00:00.000Z',
      '2029-03-25T04:00:00.000Z',
      '2029-03-26T04:00:00.000Z',
    ]);
    schedule.stop();
    expect(schedule.next()).toBeNull();
    await vi.advanceTimersByTimeAsync(2 * 24 * 3600 * 1000);
    expect(runs).toHaveLength(3);
  });

  it('does not start a run while the previous one is still busy', async () => {
    vi.useFakeTimers({ now: new Date('2029-01-15T04:00:00Z') });
    let calls = 0;
    let finish = () => {};
    const schedule = startDailySchedule(() => {
      calls += 1;
      return new Promise<void>((resolve) => {
        finish = resolve;
      });
    });
    await vi.advanceTimersByTimeAsync(2 * 24 * 3600 * 1000);
    expect(calls).toBe(1);
    finish();
    await vi.advanceTimersByTimeAsync(24 * 3600 * 1000);
    expect(calls).toBe(2);
    schedule.stop();
  });

  it('runs once at start when asked, and reports a failed run without stopping', async () => {
    vi.useFakeTimers({ now: new Date('2029-01-15T12:00:00Z') });
    const errors: unknown[] = [];
    let calls = 0;
    const schedule = startDailySchedule(
      async () => {
        calls += 1;
        throw new Error('boom');
      },
      { runOnStart: true, onError: (e) => errors.push(e) },
    );
    await vi.advanceTimersByTimeAsync(0);
    expect(calls).toBe(1);
    await vi.advanceTimersByTimeAsync(24 * 3600 * 1000);
    expect(calls).toBe(2);
    expect(errors).toHaveLength(2);
    schedule.stop();
  });
});
