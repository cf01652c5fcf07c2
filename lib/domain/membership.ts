/**
 * A person within one organisation: the membership (aggregate root), its work relationship and its
 * right grants. Every operation here is pure: it takes the current aggregate and returns the next one
 * plus what the history must record. The repository turns the difference into one transaction.
 */
import type { RelationshipCategory, RightDefinition } from '#lib/domain/catalogue';
import {
  BusinessRuleError,
  ConflictError,
  type FieldError,
  fieldError as field,
  NotFoundError,
  PreconditionFailedError,
} from '#lib/domain/errors';
import {
  compareDates,
  isWithin,
  lastDayOfYears,
  RIGHT_GRANT_MAX_YEARS,
  WORK_RELATIONSHIP_MAX_YEARS,
} from '#lib/domain/period';

export type Sex = 'M' | 'F';

export interface PersonDetails {
  firstName: string;
  lastName: string;
  birthDate: string | null;
  sex: Sex | null;
  source: 'VKBP';
}

export type MembershipStatus = 'pending' | 'active';

export interface Membership {
  enterpriseNumber: string;
  /** Kept on the membership so the person page needs no second read. */
  organisationName: string;
  personId: string;
  /** HMAC pseudonym of the national number: the only form in which it appears in keys. */
  pseudonym: string;
  nationalNumber: string;
  person: PersonDetails;
  nickname: string | null;
  initials: string | null;
  status: MembershipStatus;
  version: number;
  createdAt: string;
  updatedAt: string;
}

export interface Period {
  startDate: string;
  endDate: string;
}

export interface WorkRelationship extends Period {
  category: RelationshipCategory;
  phone: string;
  email: string;
  paused: boolean;
  pauseReason: string | null;
  /** `kbo`: paused because the KBO records the enterprise as stopped (kbo.ts); resuming clears it. */
  pausedBy?: 'kbo' | null;
  /** Set by the expiry sweep the day after the end date (see expiry.ts); cleared when the end date changes. */
  expiredOn?: string | null;
  version: number;
  createdAt: string;
  updatedAt: string;
}

export interface RightGrant extends Period {
  grantId: string;
  rightId: string;
  rightName: string;
  profiles: string[];
  /** Set by the expiry sweep the day after the end date (see expiry.ts); cleared when the end date changes. */
  expiredOn?: string | null;
  version: number;
  createdAt: string;
  updatedAt: string;
}

export interface PersonAggregate {
  membership: Membership;
  relationship: WorkRelationship | null;
  grants: RightGrant[];
}

export type HistoryAction =
  | 'person.added'
  | 'person.updated'
  | 'person.removed'
  | 'relationship.created'
  | 'relationship.updated'
  | 'relationship.deleted'
  | 'relationship.extended'
  | 'relationship.paused'
  | 'relationship.resumed'
  | 'grant.created'
  | 'grant.updated'
  | 'grant.revoked'
  | 'relationship.expired'
  | 'grant.expired';

/** What an operation changed: the next state and what the history entry records. */
export interface Change {
  next: PersonAggregate;
  action: HistoryAction;
  before: unknown;
  after: unknown;
}

/** Context every operation needs: the Brussels calendar day and the instant of the change. */
export interface Clock {
  today: string;
  now: string;
}

/**
 * A new end date lifts the expiry the sweep recorded on the item (`expiredOn`, see expiry.ts); the
 * history keeps the expiry entry.
 */
function reopened<T extends Period & { expiredOn?: string | null }>(previous: Period, next: T): T {
  if (next.expiredOn == null || next.endDate === previous.endDate) return next;
  const { expiredOn: _expired, ...rest } = next;
  return rest as T;
}

export function statusOf(relationship: WorkRelationship | null): MembershipStatus {
  return relationship ? 'active' : 'pending';
}

/** The public view of a membership in history entries: never the national number. */
function membershipView(m: Membership) {
  return { person: m.person, nickname: m.nickname, initials: m.initials, status: m.status };
}

function relationshipView(r: WorkRelationship | null) {
  if (!r) return null;
  const { version: _v, createdAt: _c, updatedAt: _u, ...rest } = r;
  return rest;
}

function grantView(g: RightGrant) {
  const { version: _v, createdAt: _c, updatedAt: _u, ...rest } = g;
  return rest;
}

function withMembership(
  agg: PersonAggregate,
  relationship: WorkRelationship | null,
  grants: RightGrant[],
  now: string,
) {
  return {
    membership: { ...agg.membership, status: statusOf(relationship), updatedAt: now },
    relationship,
    grants,
  };
}

export function newMembership(input: {
  enterpriseNumber: string;
  organisationName: string;
  personId: string;
  pseudonym: string;
  nationalNumber: string;
  person: PersonDetails;
  nickname: string | null;
  initials: string | null;
  now: string;
}): Change {
  const membership: Membership = {
    ...input,
    status: 'pending',
    version: 1,
    createdAt: input.now,
    updatedAt: input.now,
  };
  const next = { membership, relationship: null, grants: [] };
  return { next, action: 'person.added', before: null, after: membershipView(membership) };
}

/** What the organisation keeps of a person itself (the register's details are the register's). */
export interface PersonEdit {
  nickname?: string | null;
  initials?: string | null;
}

/**
 * Edits the nickname and initials, the person's only details that are ours: the name, birth date and
 * sex stay what the national register says. Guarded by the membership's version (the person page's ETag).
 */
export function updatePerson(
  agg: PersonAggregate,
  edit: PersonEdit,
  expectedVersion: number,
  clock: Clock,
): Change {
  checkVersion(agg.membership.version, expectedVersion);
  const current = agg.membership;
  const membership: Membership = {
    ...current,
    ...(edit.nickname !== undefined ? { nickname: edit.nickname || null } : {}),
    ...(edit.initials !== undefined ? { initials: edit.initials || null } : {}),
    updatedAt: clock.now,
  };
  return {
    next: { ...agg, membership },
    action: 'person.updated',
    before: { nickname: current.nickname, initials: current.initials },
    after: { nickname: membership.nickname, initials: membership.initials },
  };
}

/** What is left of a person's aggregate once they leave the organisation: no relationship, no rights. */
export function emptied(agg: PersonAggregate): PersonAggregate {
  return { membership: { ...agg.membership, status: 'pending' }, relationship: null, grants: [] };
}

/**
 * Removes the person from the organisation. With a work relationship only when asked to end it too
 * (`endRelationship`): then its deletion, which revokes its rights, comes first, as the route that
 * deletes it records it. The history keeps every entry, these included. Guarded by the membership's version.
 */
export function removeMembership(
  agg: PersonAggregate,
  expectedVersion: number,
  opts: { endRelationship: boolean },
  clock: Clock,
): Change[] {
  checkVersion(agg.membership.version, expectedVersion);
  const changes: Change[] = [];
  let current = agg;
  if (agg.relationship) {
    if (!opts.endRelationship) {
      const live = agg.grants.filter((g) => !g.expiredOn).length;
      throw new ConflictError(
        'person.has-relationship',
        live > 0
          ? { key: 'person.has-relationship/rights', params: { rights: live } }
          : 'person.has-relationship',
      );
    }
    const deleted = deleteRelationship(agg, agg.relationship.version, clock);
    changes.push(deleted);
    current = deleted.next;
  }
  changes.push({
    next: current,
    action: 'person.removed',
    before: membershipView(agg.membership),
    after: null,
  });
  return changes;
}

export function checkVersion(actual: number, expected: number | undefined): void {
  if (expected !== undefined && actual !== expected) throw new PreconditionFailedError();
}

export function requireRelationship(agg: PersonAggregate): WorkRelationship {
  if (!agg.relationship) {
    throw new NotFoundError('relationship.not-found');
  }
  return agg.relationship;
}

/** Rights must lie inside the relationship: checked on every change of either. */
function assertGrantsInside(relationship: Period, grants: RightGrant[], path = 'endDate'): void {
  const outside = grants.filter((g) => !isWithin(g, relationship));
  if (outside.length > 0) {
    throw new BusinessRuleError(
      'relationship.rights-outside',
      { key: 'relationship.rights-outside', params: { rights: outside.map((g) => g.rightId).join(', ') } },
      [field(path, 'relationship.rights-outside')],
    );
  }
}

export interface RelationshipInput extends Period {
  category: RelationshipCategory;
  phone: string;
  email: string;
}

export function createRelationship(agg: PersonAggregate, input: RelationshipInput, clock: Clock): Change {
  if (agg.relationship) {
    throw new ConflictError('relationship.exists');
  }
  const relationship: WorkRelationship = {
    ...input,
    paused: false,
    pauseReason: null,
    version: 1,
    createdAt: clock.now,
    updatedAt: clock.now,
  };
  return {
    next: withMembership(agg, relationship, agg.grants, clock.now),
    action: 'relationship.created',
    before: null,
    after: relationshipView(relationship),
  };
}

export function updateRelationship(
  agg: PersonAggregate,
  patch: Partial<RelationshipInput>,
  expectedVersion: number,
  clock: Clock,
): Change {
  const current = requireRelationship(agg);
  checkVersion(current.version, expectedVersion);
  const candidate = { ...current, ...patch };
  if (compareDates(candidate.endDate, candidate.startDate) < 0) {
    throw new BusinessRuleError('period.end-before-start', undefined, [
      field('endDate', 'period.end-before-start'),
    ]);
  }
  if (compareDates(candidate.endDate, lastDayOfYears(candidate.startDate, WORK_RELATIONSHIP_MAX_YEARS)) > 0) {
    const maxYears = WORK_RELATIONSHIP_MAX_YEARS;
    throw new BusinessRuleError('period.too-long', { key: 'period.too-long', params: { maxYears } }, [
      field('endDate', 'period.too-long', 'period.relationship-maximum', { maxYears }),
    ]);
  }
  assertGrantsInside(candidate, agg.grants);
  const relationship = reopened(current, {
    ...candidate,
    version: current.version + 1,
    updatedAt: clock.now,
  });
  return {
    next: withMembership(agg, relationship, agg.grants, clock.now),
    action: 'relationship.updated',
    before: relationshipView(current),
    after: relationshipView(relationship),
  };
}

/** Deleting a relationship revokes its rights; the history keeps both. */
export function deleteRelationship(agg: PersonAggregate, expectedVersion: number, clock: Clock): Change {
  const current = requireRelationship(agg);
  checkVersion(current.version, expectedVersion);
  return {
    next: withMembership(agg, null, [], clock.now),
    action: 'relationship.deleted',
    before: { relationship: relationshipView(current), grants: agg.grants.map(grantView) },
    after: null,
  };
}

/**
 * Extends the relationship (and optionally its rights) within the maxima. The new end defaults to
 * the longest allowed; when it would make the period longer than the maximum, the period restarts
 * today (what lies before today is kept in the history).
 */
export function extendRelationship(
  agg: PersonAggregate,
  input: { endDate?: string; includeRights: boolean },
  rights: ReadonlyMap<string, RightDefinition>,
  clock: Clock,
): Change {
  const current = requireRelationship(agg);
  const extended = extendPeriod(current, input.endDate, WORK_RELATIONSHIP_MAX_YEARS, clock.today, 'endDate');
  if (compareDates(extended.endDate, current.endDate) <= 0) {
    throw new BusinessRuleError('extension.not-longer', undefined, [
      field('endDate', 'extension.not-longer'),
    ]);
  }
  const relationship = reopened(current, {
    ...current,
    ...extended,
    version: current.version + 1,
    updatedAt: clock.now,
  });
  const grants = agg.grants.map((g) => {
    if (!input.includeRights) return g;
    const maxYears = Math.min(
      rights.get(g.rightId)?.maxYears ?? RIGHT_GRANT_MAX_YEARS,
      RIGHT_GRANT_MAX_YEARS,
    );
    const base = compareDates(g.startDate, clock.today) > 0 ? g.startDate : clock.today;
    const target = minDate(lastDayOfYears(base, maxYears), relationship.endDate);
    if (compareDates(target, g.endDate) <= 0) return g;
    const period = extendPeriod(g, target, maxYears, clock.today, 'endDate');
    return reopened(g, { ...g, ...period, version: g.version + 1, updatedAt: clock.now });
  });
  assertGrantsInside(relationship, grants);
  return {
    next: withMembership(agg, relationship, grants, clock.now),
    action: 'relationship.extended',
    before: { relationship: relationshipView(current), grants: agg.grants.map(grantView) },
    after: { relationship: relationshipView(relationship), grants: grants.map(grantView) },
  };
}

function minDate(a: string, b: string): string {
  return compareDates(a, b) <= 0 ? a : b;
}

function extendPeriod(
  current: Period,
  endDate: string | undefined,
  maxYears: number,
  today: string,
  path: string,
) {
  const base = compareDates(current.startDate, today) > 0 ? current.startDate : today;
  const end = endDate ?? lastDayOfYears(base, maxYears);
  if (compareDates(end, lastDayOfYears(current.startDate, maxYears)) <= 0)
    return { startDate: current.startDate, endDate: end };
  if (compareDates(end, lastDayOfYears(base, maxYears)) > 0) {
    throw new BusinessRuleError('period.too-long', { key: 'period.too-long', params: { maxYears } }, [
      field(path, 'period.too-long', 'period.maximum-from-today', { maxYears }),
    ]);
  }
  return { startDate: base, endDate: end };
}

export function pauseRelationship(agg: PersonAggregate, reason: string, clock: Clock): Change {
  return setPaused(agg, { paused: true, reason, by: null }, clock);
}

export function resumeRelationship(agg: PersonAggregate, clock: Clock): Change {
  return setPaused(agg, { paused: false, reason: null, by: null }, clock);
}

/** Why a relationship is paused when the KBO records its enterprise as stopped. */
export const KBO_STOPPED_REASON = 'onderneming stopgezet in de KBO';

/**
 * The enterprise is stopped in the KBO: pause the relationship, marked as the KBO's doing. Nothing to do
 * (null) without a relationship or when it is paused already, by anyone.
 */
export function pauseForStoppedEnterprise(agg: PersonAggregate, clock: Clock): Change | null {
  if (!agg.relationship || agg.relationship.paused) return null;
  return setPaused(agg, { paused: true, reason: KBO_STOPPED_REASON, by: 'kbo' }, clock);
}

/** Active again in the KBO: resume what the KBO paused, and only that (null otherwise). */
export function resumeAfterKbo(agg: PersonAggregate, clock: Clock): Change | null {
  if (!agg.relationship?.paused || agg.relationship.pausedBy !== 'kbo') return null;
  return setPaused(agg, { paused: false, reason: null, by: null }, clock);
}

/** Pause and resume are one change of state; doing either twice is a conflict, not a no-op. */
function setPaused(
  agg: PersonAggregate,
  to: { paused: boolean; reason: string | null; by: 'kbo' | null },
  clock: Clock,
): Change {
  const current = requireRelationship(agg);
  if (current.paused === to.paused) {
    throw to.paused
      ? new ConflictError('relationship.already-paused')
      : new ConflictError('relationship.not-paused');
  }
  const relationship = {
    ...current,
    paused: to.paused,
    pauseReason: to.reason,
    pausedBy: to.by,
    version: current.version + 1,
    updatedAt: clock.now,
  };
  return {
    next: withMembership(agg, relationship, agg.grants, clock.now),
    action: to.paused ? 'relationship.paused' : 'relationship.resumed',
    before: relationshipView(current),
    after: relationshipView(relationship),
  };
}

export interface GrantInput extends Period {
  profiles: string[];
}

function checkGrant(right: RightDefinition, input: GrantInput, relationship: Period): void {
  const errors: FieldError[] = [];
  const unknown = input.profiles.filter((p) => !right.profiles.includes(p));
  if (unknown.length > 0) {
    errors.push(
      field('profiles', 'grant.unknown-profile', 'grant.unknown-profile', { profiles: unknown.join(', ') }),
    );
  }
  if (compareDates(input.endDate, input.startDate) < 0) {
    errors.push(field('endDate', 'period.end-before-start'));
  } else if (compareDates(input.endDate, lastDayOfYears(input.startDate, right.maxYears)) > 0) {
    errors.push(field('endDate', 'period.too-long', 'period.maximum', { maxYears: right.maxYears }));
  }
  if (!isWithin(input, relationship)) {
    errors.push(field('endDate', 'grant.outside-relationship'));
  }
  const [first] = errors;
  if (first) throw new BusinessRuleError(first.code, { fields: errors }, errors);
}

/** A right is granted or widened only on a relationship that has not ended: extend that first. */
export function assertRelationshipNotEnded(relationship: WorkRelationship, today: string): void {
  if (compareDates(relationship.endDate, today) >= 0) return;
  throw new BusinessRuleError(
    'grant.relationship-ended',
    { key: 'grant.relationship-ended', params: { endDate: { date: relationship.endDate } } },
    [field('endDate', 'grant.relationship-ended')],
  );
}

/**
 * The period of a new grant where the caller gives none (quick grant, an approved request): from the
 * relationship's start or today, whichever is later, for the right's maximum, within the relationship.
 * A relationship that has already ended leaves no such period: the grant is refused, not inverted
 * (also with dates given: a quick grant is for access from now on).
 */
export function defaultGrantPeriod(
  relationship: WorkRelationship,
  right: RightDefinition,
  today: string,
  given: Partial<Period> = {},
): Period {
  assertRelationshipNotEnded(relationship, today);
  const startDate =
    given.startDate ?? (compareDates(relationship.startDate, today) > 0 ? relationship.startDate : today);
  const endDate = given.endDate ?? minDate(lastDayOfYears(startDate, right.maxYears), relationship.endDate);
  return { startDate, endDate };
}

export function grantRight(
  agg: PersonAggregate,
  right: RightDefinition,
  input: GrantInput,
  grantId: string,
  clock: Clock,
): Change {
  if (!agg.relationship) {
    throw new BusinessRuleError('grant.no-relationship');
  }
  if (agg.grants.some((g) => g.rightId === right.rightId)) {
    throw new ConflictError('grant.exists');
  }
  checkGrant(right, input, agg.relationship);
  const grant: RightGrant = {
    grantId,
    rightId: right.rightId,
    rightName: right.name,
    profiles: [...input.profiles],
    startDate: input.startDate,
    endDate: input.endDate,
    version: 1,
    createdAt: clock.now,
    updatedAt: clock.now,
  };
  return {
    next: withMembership(agg, agg.relationship, [...agg.grants, grant], clock.now),
    action: 'grant.created',
    before: null,
    after: grantView(grant),
  };
}

function requireGrant(agg: PersonAggregate, grantId: string): RightGrant {
  const grant = agg.grants.find((g) => g.grantId === grantId);
  if (!grant) throw new NotFoundError('grant.not-found');
  return grant;
}

export function updateGrant(
  agg: PersonAggregate,
  grantId: string,
  right: RightDefinition,
  patch: Partial<GrantInput>,
  expectedVersion: number,
  clock: Clock,
): Change {
  const current = requireGrant(agg, grantId);
  checkVersion(current.version, expectedVersion);
  const relationship = requireRelationship(agg);
  const candidate = { ...current, ...patch };
  checkGrant(right, candidate, relationship);
  const grant = reopened(current, { ...candidate, version: current.version + 1, updatedAt: clock.now });
  return {
    next: withMembership(
      agg,
      relationship,
      agg.grants.map((g) => (g.grantId === grantId ? grant : g)),
      clock.now,
    ),
    action: 'grant.updated',
    before: grantView(current),
    after: grantView(grant),
  };
}

export function revokeGrant(
  agg: PersonAggregate,
  grantId: string,
  expectedVersion: number,
  clock: Clock,
): Change {
  const current = requireGrant(agg, grantId);
  checkVersion(current.version, expectedVersion);
  return {
    next: withMembership(
      agg,
      agg.relationship,
      agg.grants.filter((g) => g.grantId !== grantId),
      clock.now,
    ),
    action: 'grant.revoked',
    before: grantView(current),
    after: null,
  };
}
