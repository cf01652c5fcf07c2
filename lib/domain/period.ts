/**
 * Calendar dates (`YYYY-MM-DD`) and periods. Dates are calendar days, not instants: every period is
 * inclusive at both ends, and "today" is the calendar day in Brussels, whatever the server's zone.
 */
import { TZDate } from '@date-fns/tz';
// The mini build: the full UTCDate creates Intl formatters when its module loads, which a cold start pays.
import { UTCDateMini } from '@date-fns/utc/date/mini';
import { addDays as addDaysFns, addYears as addYearsFns } from 'date-fns';
import { type Check, failed } from '#lib/domain/errors';

export const WORK_RELATIONSHIP_MAX_YEARS = 10;
export const RIGHT_GRANT_MAX_YEARS = 5;

export const BRUSSELS = 'Europe/Brussels';

export interface Period {
  startDate: string;
  endDate: string;
}

const DATE_PATTERN = /^([0-9]{4})-([0-9]{2})-([0-9]{2})$/;

/** Gregorian rules, computed by hand: `Date` maps years 0-99 to 19xx and would lie about them. */
export function isExistingDate(year: number, month: number, day: number): boolean {
  if (!Number.isInteger(year) || !Number.isInteger(month) || !Number.isInteger(day)) return false;
  if (month < 1 || month > 12 || day < 1) return false;
  return day <= daysInMonth(year, month);
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function parseCalendarDate(input: unknown): Check<string> {
  if (typeof input !== 'string') {
    return failed('date.type');
  }
  const match = DATE_PATTERN.exec(input);
  if (!match) {
    return failed('date.format');
  }
  const [, y, m, d] = match;
  if (!isExistingDate(Number(y), Number(m), Number(d))) {
    return failed('date.nonexistent');
  }
  return { ok: true, value: input };
}

/**
 * Calendar arithmetic runs on a UTCDateMini: UTC has no DST, so adding days never lands on a skipped or
 * repeated hour, whatever the process time zone is. UTCDateMini, not a TZDate in 'UTC': it needs no Intl
 * time-zone data, whose first load costs a function about 10 ms of its cold start.
 */
function toUtcDate(date: string): Date {
  const match = DATE_PATTERN.exec(date);
  if (!match) throw new RangeError('Expected a YYYY-MM-DD calendar date');
  const [, y, m, d] = match;
  const result = new UTCDateMini(Date.UTC(2000, 0, 1));
  // setFullYear, not the constructor, so that years 0-99 are not shifted to 19xx.
  result.setFullYear(Number(y), Number(m) - 1, Number(d));
  return result;
}

/**
 * `yyyy-MM-dd` as date-fns's `format` writes it (year ≤ 0 as its BC year), in the date's own time zone
 * (TZDate's getters), without bundling `format` with all its tokens and locale.
 */
function fromDate(date: Date): string {
  const signedYear = date.getFullYear();
  const year = signedYear > 0 ? signedYear : 1 - signedYear;
  const two = (n: number) => String(n).padStart(2, '0');
  return `${String(year).padStart(4, '0')}-${two(date.getMonth() + 1)}-${two(date.getDate())}`;
}

/** Calendar years; 29 February plus one year is 28 February (date-fns clamps to the month's end). */
export function addYears(date: string, years: number): string {
  return fromDate(addYearsFns(toUtcDate(date), years));
}

/**
 * The last day of a period of `years` years that starts on `startDate`: the day before its `years`-th
 * anniversary, since both ends are inclusive (the seed's five-year right runs 2025-01-01 → 2029-12-31).
 * A period that starts on 29 February has its anniversary on 1 March in a common year, so it ends on
 * 28 February.
 */
export function lastDayOfYears(startDate: string, years: number): string {
  const sameDay = addYears(startDate, years);
  const clamped = startDate.endsWith('-02-29') && !sameDay.endsWith('-02-29');
  return clamped ? sameDay : addDays(sameDay, -1);
}

export function addDays(date: string, days: number): string {
  return fromDate(addDaysFns(toUtcDate(date), days));
}

/** `YYYY-MM-DD` strings sort as text; no parsing needed. */
export function compareDates(a: string, b: string): -1 | 0 | 1 {
  if (a < b) return -1;
  if (a > b) return 1;
  return 0;
}

/** Summer time in the EU since 1996: from the last Sunday of March to the last Sunday of October, 01:00 UTC. */
const EU_RULE_SINCE = Date.UTC(1996, 0, 1);

function lastSundayAtOneUtc(year: number, month: number): number {
  const last = new Date(Date.UTC(year, month + 1, 0));
  return Date.UTC(year, month, last.getUTCDate() - last.getUTCDay(), 1);
}

/**
 * The calendar day in Brussels at `now`. Since 1996 Brussels is UTC+1, and UTC+2 in EU summer time, so
 * the day follows from the instant without Intl's time-zone data, whose first load costs a function
 * about 10 ms of its cold start (every request asks for today). Earlier instants, and a check that the
 * rule and the time-zone database agree (test/unit/domain/period.test.ts), go through TZDate.
 */
export function todayInBrussels(now: Date = new Date()): string {
  return brusselsWallClock(now).date;
}

/** The date and the time of day (HH:MM:SS.sss) on a Brussels clock at `now`, by the same rule. */
export function brusselsWallClock(now: Date = new Date()): { date: string; time: string } {
  const t = now.getTime();
  if (!(t >= EU_RULE_SINCE)) {
    const local = new TZDate(t, BRUSSELS);
    return {
      date: fromDate(local),
      time: `${local.toTimeString().slice(0, 8)}.${String(local.getMilliseconds()).padStart(3, '0')}`,
    };
  }
  const year = now.getUTCFullYear();
  const summer = t >= lastSundayAtOneUtc(year, 2) && t < lastSundayAtOneUtc(year, 9);
  const shifted = new UTCDateMini(t + (summer ? 2 : 1) * 3_600_000);
  return { date: fromDate(shifted), time: shifted.toISOString().slice(11, 23) };
}

/** The first instant (ms) of a Brussels calendar day: 00:00 there, 22:00 or 23:00 UTC the day before. */
export function brusselsDayStart(date: string): number {
  const midnightUtc = Date.parse(`${date}T00:00:00Z`);
  for (const hours of [2, 1]) {
    const t = midnightUtc - hours * 3_600_000;
    if (brusselsWallClock(new Date(t)).date === date && brusselsWallClock(new Date(t - 1)).date !== date)
      return t;
  }
  return midnightUtc - 3_600_000;
}

export function checkPeriod(period: Period, maxYears: number): Check<Period> {
  const start = parseCalendarDate(period.startDate);
  if (!start.ok) {
    return failed('period.start-date', { reason: { field: start.code } });
  }
  const end = parseCalendarDate(period.endDate);
  if (!end.ok) {
    return failed('period.end-date', { reason: { field: end.code } });
  }
  if (compareDates(end.value, start.value) < 0) {
    return failed('period.end-before-start');
  }
  if (compareDates(end.value, lastDayOfYears(start.value, maxYears)) > 0) {
    return failed('period.too-long', { maxYears });
  }
  return { ok: true, value: { startDate: start.value, endDate: end.value } };
}

export function isWithin(inner: Period, outer: Period): boolean {
  return (
    compareDates(outer.startDate, inner.startDate) <= 0 && compareDates(inner.endDate, outer.endDate) <= 0
  );
}

export function isActiveOn(period: Period, day: string): boolean {
  return compareDates(period.startDate, day) <= 0 && compareDates(day, period.endDate) <= 0;
}

/** The longest period of `years` years from `startDate`. */
export function defaultPeriod(startDate: string, years: number): Period {
  return { startDate, endDate: lastDayOfYears(startDate, years) };
}
