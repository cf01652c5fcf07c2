import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import {
  addDays,
  addYears,
  checkPeriod,
  compareDates,
  defaultPeriod,
  isActiveOn,
  isWithin,
  lastDayOfYears,
  parseCalendarDate,
  RIGHT_GRANT_MAX_YEARS,
  todayInBrussels,
  WORK_RELATIONSHIP_MAX_YEARS,
} from '#lib/domain/period';

const iso = (d: Date) => d.toISOString().slice(0, 10);

/** Any existing day from 1900 to 2099, with 29 February and 31 December drawn often. */
const calendarDate = fc.oneof(
  fc
    .date({
      min: new Date('1900-01-01T00:00:00Z'),
      max: new Date('2099-12-31T00:00:00Z'),
      noInvalidDate: true,
    })
    .map(iso),
  fc.integer({ min: 1900, max: 2099 }).map((y) => `${y}-12-31`),
  fc
    .integer({ min: 475, max: 524 })
    .map((q) => q * 4)
    .filter((y) => y % 100 !== 0 || y % 400 === 0)
    .map((y) => `${y}-02-29`),
);

describe('parseCalendarDate', () => {
  it.each(['2024-02-29', '2025-01-01', '2025-12-31', '0001-01-01'])('accepts %s', (input) => {
    expect(parseCalendarDate(input)).toEqual({ ok: true, value: input });
  });

  it.each([
    ['2025-02-30', 'date.nonexistent'],
    ['2023-02-29', 'date.nonexistent'],
    ['1900-02-29', 'date.nonexistent'],
    ['2025-13-01', 'date.nonexistent'],
    ['2025-00-10', 'date.nonexistent'],
    ['2025-04-31', 'date.nonexistent'],
    ['2025-01-00', 'date.nonexistent'],
    ['2025-1-01', 'date.format'],
    ['2025-01-01T00:00:00Z', 'date.format'],
    [' 2025-01-01', 'date.format'],
    ['2025/01/01', 'date.format'],
    ['２０２５-01-01', 'date.format'],
    ['', 'date.format'],
    [20250101, 'date.type'],
    [new Date('2025-01-01'), 'date.type'],
  ])('refuses %j with %s', (input, code) => {
    expect(parseCalendarDate(input)).toMatchObject({ ok: false, code });
  });
});

describe('date arithmetic', () => {
  const originalTz = process.env.TZ;
  afterEach(() => {
    if (originalTz === undefined) delete process.env.TZ;
    else process.env.TZ = originalTz;
  });

  it('adds calendar years, clamping 29 February', () => {
    expect(addYears('2024-02-29', 1)).toBe('2025-02-28');
    expect(addYears('2024-02-29', 4)).toBe('2028-02-29');
    expect(addYears('2025-01-01', 10)).toBe('2035-01-01');
    expect(addYears('2025-12-31', 5)).toBe('2030-12-31');
  });

  it('adds days across month, year and DST boundaries', () => {
    expect(addDays('2025-12-31', 1)).toBe('2026-01-01');
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2026-03-28', 1)).toBe('2026-03-29');
    expect(addDays('2026-03-29', 1)).toBe('2026-03-30');
    expect(addDays('2026-10-25', -1)).toBe('2026-10-24');
    expect(addDays('2025-03-01', -1)).toBe('2025-02-28');
  });

  it('does not depend on the process time zone', () => {
    // Zones with DST at midnight or far from UTC used to shift local-midnight arithmetic by a day.
    for (const tz of ['America/Sao_Paulo', 'Pacific/Kiritimati', 'Pacific/Pago_Pago', 'Europe/Brussels']) {
      process.env.TZ = tz;
      expect(addDays('2018-11-03', 1)).toBe('2018-11-04');
      expect(addYears('2024-02-29', 1)).toBe('2025-02-28');
      expect(todayInBrussels(new Date('2026-03-28T23:30:00Z'))).toBe('2026-03-29');
    }
  });

  it('agrees with UTC millisecond arithmetic for addDays', () => {
    fc.assert(
      fc.property(calendarDate, fc.integer({ min: -4000, max: 4000 }), (date, n) => {
        const expected = iso(new Date(Date.parse(`${date}T00:00:00Z`) + n * 86_400_000));
        expect(addDays(date, n)).toBe(expected);
      }),
    );
  });

  it('compares dates', () => {
    expect(compareDates('2025-01-01', '2025-01-02')).toBe(-1);
    expect(compareDates('2025-01-02', '2025-01-02')).toBe(0);
    expect(compareDates('2025-10-01', '2025-09-30')).toBe(1);
    fc.assert(
      fc.property(calendarDate, calendarDate, (a, b) => {
        // A sum, not a negation: -0 and 0 differ for toBe.
        expect(compareDates(a, b) + compareDates(b, a)).toBe(0);
        expect(compareDates(a, b)).toBe(Math.sign(Date.parse(a) - Date.parse(b)));
      }),
    );
  });
});

describe('todayInBrussels', () => {
  const brussels = new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Europe/Brussels',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  });

  it.each([
    ['2026-03-28T22:59:59Z', '2026-03-28'],
    ['2026-03-28T23:00:00Z', '2026-03-29'],
    // Summer time starts 29 March 2026 at 01:00 UTC; 23:30 UTC the day before is 00:30 CET.
    ['2026-03-28T23:30:00Z', '2026-03-29'],
    ['2026-03-29T21:59:59Z', '2026-03-29'],
    ['2026-03-29T22:00:00Z', '2026-03-30'],
    ['2026-10-24T21:59:59Z', '2026-10-24'],
    ['2026-10-24T22:00:00Z', '2026-10-25'],
    ['2026-10-25T22:59:59Z', '2026-10-25'],
    ['2026-10-25T23:00:00Z', '2026-10-26'],
    ['2026-12-31T23:30:00Z', '2027-01-01'],
    ['2026-12-31T22:59:59Z', '2026-12-31'],
  ])('%s is %s in Brussels', (instant, day) => {
    expect(todayInBrussels(new Date(instant))).toBe(day);
    expect(brussels.format(new Date(instant))).toBe(day);
  });

  /** Instants within three hours of Brussels midnight or of a DST switch (last Sunday of March/October, 01:00 UTC). */
  const nearBoundary = fc
    .record({
      year: fc.integer({ min: 1997, max: 2037 }),
      month: fc.constantFrom(0, 2, 5, 9, 11),
      day: fc.integer({ min: 1, max: 31 }),
      dst: fc.boolean(),
      offsetMs: fc.integer({ min: -3 * 3_600_000, max: 3 * 3_600_000 }),
    })
    .map(({ year, month, day, dst, offsetMs }) => {
      if (dst) {
        const m = month < 6 ? 2 : 9;
        const lastDay = new Date(Date.UTC(year, m + 1, 0));
        const lastSunday = lastDay.getUTCDate() - lastDay.getUTCDay();
        return new Date(Date.UTC(year, m, lastSunday, 1) + offsetMs);
      }
      return new Date(Date.UTC(year, month, day, 23) + offsetMs);
    });

  it('agrees with Intl around midnight and DST boundaries', () => {
    fc.assert(
      fc.property(
        fc.oneof(nearBoundary, fc.date({ noInvalidDate: true, min: new Date(0), max: new Date(4e12) })),
        (now) => {
          expect(todayInBrussels(now)).toBe(brussels.format(now));
        },
      ),
      { numRuns: 1000 },
    );
  });
});

describe('checkPeriod', () => {
  it('exposes the maxima', () => {
    expect(WORK_RELATIONSHIP_MAX_YEARS).toBe(10);
    expect(RIGHT_GRANT_MAX_YEARS).toBe(5);
  });

  it('allows exactly the maximum and not a day more: the end date is inclusive', () => {
    // The seed's demo right: 2025-01-01 → 2029-12-31 is five years to the day.
    expect(checkPeriod({ startDate: '2025-01-01', endDate: '2034-12-31' }, 10)).toEqual({
      ok: true,
      value: { startDate: '2025-01-01', endDate: '2034-12-31' },
    });
    expect(checkPeriod({ startDate: '2025-01-01', endDate: '2035-01-01' }, 10)).toMatchObject({
      ok: false,
      code: 'period.too-long',
      message: expect.stringContaining('Maximumperiode = 10 jaar'),
    });
    expect(checkPeriod({ startDate: '2025-01-01', endDate: '2029-12-31' }, RIGHT_GRANT_MAX_YEARS).ok).toBe(
      true,
    );
    expect(
      checkPeriod({ startDate: '2025-01-01', endDate: '2030-01-01' }, RIGHT_GRANT_MAX_YEARS),
    ).toMatchObject({
      ok: false,
      code: 'period.too-long',
      message: expect.stringContaining('Maximumperiode = 5 jaar'),
    });
  });

  it('the last day of N years is the day before the N-th anniversary (1 March for 29 February)', () => {
    expect(lastDayOfYears('2025-01-01', 5)).toBe('2029-12-31');
    expect(lastDayOfYears('2025-03-01', 3)).toBe('2028-02-29');
    expect(lastDayOfYears('2024-02-29', 4)).toBe('2028-02-28');
    expect(lastDayOfYears('2024-02-29', 5)).toBe('2029-02-28');
    expect(lastDayOfYears('2024-02-29', 1)).toBe('2025-02-28');
    expect(defaultPeriod('2025-01-01', 10)).toEqual({ startDate: '2025-01-01', endDate: '2034-12-31' });
  });

  it('accepts a single day and refuses an end before the start', () => {
    expect(checkPeriod({ startDate: '2025-01-01', endDate: '2025-01-01' }, 5).ok).toBe(true);
    expect(checkPeriod({ startDate: '2025-01-02', endDate: '2025-01-01' }, 5)).toMatchObject({
      ok: false,
      code: 'period.end-before-start',
    });
  });

  it('refuses dates that do not exist', () => {
    expect(checkPeriod({ startDate: '2025-02-30', endDate: '2025-03-01' }, 5)).toMatchObject({
      ok: false,
      code: 'period.start-date',
    });
    expect(checkPeriod({ startDate: '2025-02-01', endDate: '2025-13-01' }, 5)).toMatchObject({
      ok: false,
      code: 'period.end-date',
    });
  });

  /** The N-th anniversary: same day and month, 29 February falling on 1 March in a common year. */
  const anniversary = (start: string, n: number) => {
    const [y, m, d] = start.split('-').map(Number) as [number, number, number];
    const year = y + n;
    const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
    return m === 2 && d === 29 && !leap ? `${year}-03-01` : `${year}-${start.slice(5)}`;
  };
  const daysInclusive = (a: string, b: string) => (Date.parse(b) - Date.parse(a)) / 86_400_000 + 1;

  it('for any start (leap days included) the longest accepted period has exactly N years of days', () => {
    fc.assert(
      fc.property(calendarDate, fc.integer({ min: 1, max: 10 }), (startDate, n) => {
        const longest = lastDayOfYears(startDate, n);
        // Exactly N years of days: every day from the start up to, not including, the N-th anniversary.
        expect(addDays(longest, 1)).toBe(anniversary(startDate, n));
        expect(daysInclusive(startDate, longest)).toBe(
          daysInclusive(startDate, anniversary(startDate, n)) - 1,
        );
        expect(checkPeriod({ startDate, endDate: longest }, n).ok).toBe(true);
        expect(checkPeriod({ startDate, endDate: addDays(longest, 1) }, n)).toMatchObject({
          ok: false,
          code: 'period.too-long',
        });
        expect(defaultPeriod(startDate, n)).toEqual({ startDate, endDate: longest });
      }),
      { numRuns: 1000 },
    );
  });
});

describe('isWithin and isActiveOn', () => {
  const outer = { startDate: '2025-01-01', endDate: '2025-12-31' };

  it('is inclusive at both ends', () => {
    expect(isWithin(outer, outer)).toBe(true);
    expect(isWithin({ startDate: '2025-03-01', endDate: '2025-04-01' }, outer)).toBe(true);
    expect(isWithin({ startDate: '2024-12-31', endDate: '2025-04-01' }, outer)).toBe(false);
    expect(isWithin({ startDate: '2025-03-01', endDate: '2026-01-01' }, outer)).toBe(false);
    expect(isActiveOn(outer, '2025-01-01')).toBe(true);
    expect(isActiveOn(outer, '2025-12-31')).toBe(true);
    expect(isActiveOn(outer, '2024-12-31')).toBe(false);
    expect(isActiveOn(outer, '2026-01-01')).toBe(false);
  });

  it('a day inside an inner period is inside the outer period', () => {
    fc.assert(
      fc.property(calendarDate, fc.nat(400), fc.nat(400), fc.nat(400), fc.nat(400), (s, a, b, c, d) => {
        const outerP = { startDate: s, endDate: addDays(s, a + b + c) };
        const innerP = { startDate: addDays(s, a), endDate: addDays(s, a + b) };
        expect(isWithin(innerP, outerP)).toBe(true);
        const day = addDays(innerP.startDate, Math.min(d, b));
        expect(isActiveOn(innerP, day)).toBe(true);
        expect(isActiveOn(outerP, day)).toBe(true);
      }),
    );
  });
});
