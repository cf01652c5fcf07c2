/**
 * The expiry sweep's rules, pure: which days a run covers (catching up on missed days), which days'
 * partitions of the by-date index it reads, what is due for an item that ends on a given day (a
 * warning 60, 30, 7 or 1 days before, or expiry the day after), and the expiry itself as a change of
 * the person aggregate with its history entry. The item stays (history is never deleted); it carries
 * `expiredOn`. The access decision is date-based already, so nothing else changes.
 */
import { BusinessRuleError } from '#lib/domain/errors';
import type { Change, Clock, PersonAggregate, RightGrant, WorkRelationship } from '#lib/domain/membership';
import { addDays, compareDates } from '#lib/domain/period';

/** Days before the end date on which the person and the local administrators are warned. */
export const WARNING_OFFSETS = [60, 30, 7, 1] as const;
export type WarningOffset = (typeof WARNING_OFFSETS)[number];

/** A sweep after a long outage covers at most this many days (the most recent ones). */
export const MAX_CATCH_UP_DAYS = 60;

/** The days one run covers, both inclusive. */
export interface SweepRange {
  from: string;
  through: string;
}

export type DueKind = 'relationship' | 'grant';

/** One due item as the workflow passes it around: ids and dates only, never personal data. */
export interface DueItem {
  kind: DueKind;
  enterpriseNumber: string;
  personId: string;
  /** Grants only. */
  grantId?: string;
  /** The end date the item had when it was found; the handler skips it when it changed since. */
  endDate: string;
  action: 'warn' | 'expire';
  /** Warnings: the 60/30/7/1-day warning this is (after missed days, the most urgent one reached). */
  warning?: WarningOffset;
  /** The day the sweep ran for (the last day of its range). */
  date: string;
}

/** What the by-date index says ends on a day: keys only. */
export interface DueEntry {
  kind: DueKind;
  enterpriseNumber: string;
  personId: string;
  grantId?: string;
  endDate: string;
}

/**
 * A notice marker. Written `pending` in the transaction that does the thing (opens the task, marks
 * the item expired); the e-mails are sent after it, each recipient recorded in `delivered`, and the
 * marker becomes `sent`. A marker left `pending` (a mail server that failed) is finished by the next
 * attempt: nothing is lost, and nobody gets a warning twice.
 */
export interface Notice {
  status: 'pending' | 'sent';
  delivered: string[];
  at: string;
  taskId?: string;
  /**
   * The local administrators (person ids) who get this warning or expiry in an e-mail of its own
   * (their choice: every item separately); the others get it in their digest. Absent on older markers.
   */
  individually?: string[];
}

/**
 * A due item the sweep could not handle, or a recipient whose address the mail service refused for good:
 * ids and codes only, never an address or a national number.
 */
export interface SweepFailure {
  /** The day the run was for. */
  date: string;
  /** `{REL|GRANT}#{en}#{personId}[#{grantId}]`, plus `#{recipient}` for a refused address. */
  itemKey: string;
  enterpriseNumber: string;
  reason: 'failed' | 'mail-refused';
  code: string;
  detail: string;
  at: string;
}

/** Whole calendar days from `a` to `b` (negative when `b` lies before `a`). */
export function daysBetween(a: string, b: string): number {
  return Math.round((utc(b) - utc(a)) / 86_400_000);
}

function utc(date: string): number {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const t = new Date(0);
  // setUTCFullYear, not Date.UTC, so that years 0-99 are not shifted to 19xx.
  t.setUTCFullYear(y, m - 1, d);
  return t.getTime();
}

/**
 * The days a run for `date` covers: the days after the last completed one through `date`, at most
 * `maxDays` (the most recent). A first run, a repeated run and a run for a day before the last
 * completed one cover just `date`; notice markers keep a repeated day from warning twice.
 */
export function sweepRange(
  date: string,
  lastThrough: string | null,
  maxDays = MAX_CATCH_UP_DAYS,
): SweepRange {
  if (!lastThrough || compareDates(lastThrough, date) >= 0) return { from: date, through: date };
  const earliest = addDays(date, -(maxDays - 1));
  const next = addDays(lastThrough, 1);
  return { from: compareDates(next, earliest) > 0 ? next : earliest, through: date };
}

export function daysOf(range: SweepRange): string[] {
  const days: string[] = [];
  for (let d = range.from; compareDates(d, range.through) <= 0; d = addDays(d, 1)) days.push(d);
  return days;
}

/**
 * The end dates (partitions `DUE#{date}` of the by-date index) a run must read: for every day `d` it
 * covers, `d + 60`, `d + 30`, `d + 7`, `d + 1` (warnings) and `d - 1` (ended yesterday), each once,
 * in date order. A daily run reads five partitions.
 */
export function partitionsToQuery(range: SweepRange): { endDate: string; action: 'warn' | 'expire' }[] {
  const out = new Map<string, 'warn' | 'expire'>();
  for (const day of daysOf(range)) {
    for (const endDate of [addDays(day, -1), ...WARNING_OFFSETS.map((offset) => addDays(day, offset))]) {
      // What ended before the run's day is expired, whatever day of the range found it (see planFor).
      out.set(endDate, compareDates(endDate, range.through) < 0 ? 'expire' : 'warn');
    }
  }
  return [...out.entries()]
    .sort(([a], [b]) => compareDates(a, b))
    .map(([endDate, action]) => ({ endDate, action }));
}

/**
 * What a run covering `range` does for an item ending on `endDate`: expire it when it ended within
 * the range (its last day lies before the run's day), or send the most urgent warning whose day falls
 * in the range (after missed days one e-mail, not several), or nothing.
 */
export function planFor(
  endDate: string,
  range: SweepRange,
): { action: 'expire' } | { action: 'warn'; warning: WarningOffset } | null {
  if (compareDates(endDate, range.through) < 0) {
    return compareDates(endDate, addDays(range.from, -1)) >= 0 ? { action: 'expire' } : null;
  }
  const reached = WARNING_OFFSETS.filter((offset) => {
    const day = addDays(endDate, -offset);
    return compareDates(range.from, day) <= 0 && compareDates(day, range.through) <= 0;
  });
  const warning = reached.at(-1);
  return warning === undefined ? null : { action: 'warn', warning };
}

/** The item a due entry is about, as it is now; `null` when it no longer exists. */
export function findDueTarget(
  agg: PersonAggregate | null,
  item: Pick<DueItem, 'kind' | 'grantId'>,
): WorkRelationship | RightGrant | null {
  if (!agg) return null;
  if (item.kind === 'relationship') return agg.relationship;
  return agg.grants.find((g) => g.grantId === item.grantId) ?? null;
}

/**
 * Why a due item needs nothing (any more): it is gone, its end date changed since it was found
 * (extended or edited: it now lives in another partition), or it was already marked expired.
 */
export function staleReason(
  target: WorkRelationship | RightGrant | null,
  item: Pick<DueItem, 'endDate' | 'action'>,
): 'gone' | 'changed' | 'already-expired' | null {
  if (!target) return 'gone';
  if (target.endDate !== item.endDate) return 'changed';
  if (item.action === 'expire' && target.expiredOn) return 'already-expired';
  return null;
}

function view<T extends { version: number; createdAt: string; updatedAt: string }>(item: T) {
  const { version: _v, createdAt: _c, updatedAt: _u, ...rest } = item;
  return rest;
}

function notExpirable(): BusinessRuleError {
  return new BusinessRuleError('expiry.not-due');
}

/** Marks the work relationship expired: the day after its end date, once. */
export function expireRelationship(agg: PersonAggregate, endDate: string, clock: Clock): Change {
  const current = agg.relationship;
  if (!current || current.endDate !== endDate || current.expiredOn) throw notExpirable();
  if (compareDates(clock.today, endDate) <= 0) throw notExpirable();
  const relationship: WorkRelationship = {
    ...current,
    expiredOn: addDays(endDate, 1),
    version: current.version + 1,
    updatedAt: clock.now,
  };
  return {
    next: { ...agg, membership: { ...agg.membership, updatedAt: clock.now }, relationship },
    action: 'relationship.expired',
    before: view(current),
    after: view(relationship),
  };
}

/** Marks a right grant expired: the day after its end date, once. */
export function expireGrant(agg: PersonAggregate, grantId: string, endDate: string, clock: Clock): Change {
  const current = agg.grants.find((g) => g.grantId === grantId);
  if (!current || current.endDate !== endDate || current.expiredOn) throw notExpirable();
  if (compareDates(clock.today, endDate) <= 0) throw notExpirable();
  const grant: RightGrant = {
    ...current,
    expiredOn: addDays(endDate, 1),
    version: current.version + 1,
    updatedAt: clock.now,
  };
  return {
    next: {
      ...agg,
      membership: { ...agg.membership, updatedAt: clock.now },
      grants: agg.grants.map((g) => (g.grantId === grantId ? grant : g)),
    },
    action: 'grant.expired',
    before: view(current),
    after: view(grant),
  };
}

/** The notice marker names (access pattern 18) of a due item: `{REL|GRANT}#{id}#{endDate}#{what}`. */
export function noticeName(
  item: Pick<DueItem, 'kind' | 'personId' | 'grantId' | 'endDate'>,
  what: `warning-${WarningOffset}` | 'task' | 'expired',
): string {
  const id = item.kind === 'grant' ? `GRANT#${item.grantId}` : `REL#${item.personId}`;
  return `${id}#${item.endDate}#${what}`;
}
