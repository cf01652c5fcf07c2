/**
 * Change events: what a relying portal needs to know when someone's access changes, without asking the
 * access check again. They are derived here, purely, from the state before and after a change, so every
 * path that changes a person (a route, an approval, the expiry sweep, the KBO follow, an access review)
 * emits them alike; the storage adapter writes them in the change's own transaction (an outbox item), so
 * there is never a change without its events nor an event without its change.
 *
 * An event names the person by pseudonym (the keyed HMAC of the national number that the access check
 * also returns), never by national number.
 */
import type { PersonAggregate, RightGrant, WorkRelationship } from '#lib/domain/membership';
import type { OrganisationRecord } from '#lib/domain/records';

/** The catalogue: every type, and when it is emitted (docs/events.md is written from the same words). */
export const CHANGE_EVENT_TYPES = {
  'grant.created': 'A right was granted (directly, by a quick grant, an approved request or an import).',
  'grant.updated': "A grant's period or profiles were edited.",
  'grant.extended': "A grant's end date moved with an extension of its work relationship.",
  'grant.revoked': 'A grant was revoked: by hand, by an access review, or with its work relationship.',
  'grant.expired': 'A grant ended: the expiry sweep marked it expired the day after its end date.',
  'relationship.created': 'A person was linked to the organisation with a work relationship.',
  'relationship.updated': "A work relationship's period was edited.",
  'relationship.extended': 'A work relationship was extended.',
  'relationship.paused':
    'A work relationship was paused (by hand or because the KBO stopped the enterprise): its rights hold no access until it resumes.',
  'relationship.resumed': 'A paused work relationship was resumed: its rights hold again.',
  'relationship.deleted': 'A work relationship was deleted; a grant.revoked follows for each of its grants.',
  'relationship.expired':
    'A work relationship ended: the expiry sweep marked it expired the day after its end date.',
  'enterprise.stopped':
    'The KBO records the enterprise as stopped; relationship.paused follows for each relationship.',
} as const;

export type ChangeEventType = keyof typeof CHANGE_EVENT_TYPES;

export const CHANGE_EVENT_TYPE_NAMES = Object.keys(CHANGE_EVENT_TYPES) as ChangeEventType[];

/** The event's schema version: a change that is not backwards compatible gets a new one. */
export const CHANGE_EVENT_SCHEMA_VERSION = 1;

/** The event source on the bus, and the bus's name. */
export const EVENT_SOURCE = 'gebruikersbeheer';

export interface ChangeEvent {
  schemaVersion: typeof CHANGE_EVENT_SCHEMA_VERSION;
  type: ChangeEventType;
  /** A ULID: unique, sortable, the `webhook-id` of every delivery of this event. */
  id: string;
  /** When the change was made (ISO 8601, UTC). */
  time: string;
  enterpriseNumber: string;
  /** The person's pseudonym; null for an event about the enterprise. */
  person: string | null;
  /** The person's id in this organisation (as in the API's paths); null for an enterprise event. */
  personId: string | null;
  /** The right's id (the catalogue's), for grant events; null otherwise. */
  right: string | null;
  grantId: string | null;
  /** The granted profiles after the change (before it, for a revocation); empty for other events. */
  profiles: string[];
  /** The first day the item grants access; null when it no longer exists or has ended. */
  validFrom: string | null;
  /** The last day (inclusive, Brussels) the item grants access; null when it no longer does. */
  validUntil: string | null;
}

/** An event before the outbox gives it its id and time. */
export type ChangeEventDraft = Omit<ChangeEvent, 'id' | 'time' | 'schemaVersion'>;

const ended = (item: { expiredOn?: string | null }) => item.expiredOn != null;

function relationshipEvent(
  type: ChangeEventType,
  agg: PersonAggregate,
  rel: WorkRelationship | null,
): ChangeEventDraft {
  const live =
    rel !== null && !ended(rel) && type !== 'relationship.deleted' && type !== 'relationship.expired'
      ? rel
      : null;
  const m = agg.membership;
  return {
    type,
    enterpriseNumber: m.enterpriseNumber,
    person: m.pseudonym,
    personId: m.personId,
    right: null,
    grantId: null,
    profiles: [],
    validFrom: live?.startDate ?? null,
    validUntil: live?.endDate ?? null,
  };
}

function grantEvent(type: ChangeEventType, agg: PersonAggregate, grant: RightGrant): ChangeEventDraft {
  const live = !ended(grant) && type !== 'grant.revoked' && type !== 'grant.expired';
  const m = agg.membership;
  return {
    type,
    enterpriseNumber: m.enterpriseNumber,
    person: m.pseudonym,
    personId: m.personId,
    right: grant.rightId,
    grantId: grant.grantId,
    profiles: [...grant.profiles],
    validFrom: live ? grant.startDate : null,
    validUntil: live ? grant.endDate : null,
  };
}

const samePeriod = (a: { startDate: string; endDate: string }, b: { startDate: string; endDate: string }) =>
  a.startDate === b.startDate && a.endDate === b.endDate;

const sameProfiles = (a: RightGrant, b: RightGrant) =>
  a.profiles.length === b.profiles.length && a.profiles.every((p, i) => p === b.profiles[i]);

/**
 * The events of one change of a person, from the aggregate before (`null`: new) and after it. `actions`
 * are the history actions the change records: an extension of the relationship makes its grants'
 * new periods `grant.extended` rather than `grant.updated`. Changes that alter nobody's access (a phone
 * number, a nickname, a person added without a relationship) emit nothing.
 */
export function accessEvents(
  loaded: PersonAggregate | null,
  next: PersonAggregate,
  actions: readonly string[],
): ChangeEventDraft[] {
  const events: ChangeEventDraft[] = [];
  const extension = actions.includes('relationship.extended');
  const before = loaded?.relationship ?? null;
  const after = next.relationship;

  if (!before && after) events.push(relationshipEvent('relationship.created', next, after));
  else if (before && !after) events.push(relationshipEvent('relationship.deleted', next, before));
  else if (before && after) {
    if (!ended(before) && ended(after)) events.push(relationshipEvent('relationship.expired', next, after));
    else if (!samePeriod(before, after))
      events.push(
        relationshipEvent(extension ? 'relationship.extended' : 'relationship.updated', next, after),
      );
    if (!before.paused && after.paused) events.push(relationshipEvent('relationship.paused', next, after));
    if (before.paused && !after.paused) events.push(relationshipEvent('relationship.resumed', next, after));
  }

  const previous = new Map((loaded?.grants ?? []).map((g) => [g.grantId, g]));
  const kept = new Set(next.grants.map((g) => g.grantId));
  for (const grant of next.grants) {
    const prev = previous.get(grant.grantId);
    if (!prev) events.push(grantEvent('grant.created', next, grant));
    else if (prev === grant) continue;
    else if (!ended(prev) && ended(grant)) events.push(grantEvent('grant.expired', next, grant));
    else if (!samePeriod(prev, grant) || !sameProfiles(prev, grant))
      events.push(grantEvent(extension ? 'grant.extended' : 'grant.updated', next, grant));
  }
  for (const prev of previous.values()) {
    // An expired grant that goes (with its relationship, say) held no access any more: nothing to revoke.
    if (!kept.has(prev.grantId) && !ended(prev)) events.push(grantEvent('grant.revoked', next, prev));
  }
  return events;
}

/** The events of a change of the organisation's record: the KBO stopping the enterprise. */
export function enterpriseEvents(
  previous: OrganisationRecord | null,
  next: OrganisationRecord,
): ChangeEventDraft[] {
  if (previous?.kbo?.status === 'stopped' || next.kbo?.status !== 'stopped') return [];
  return [
    {
      type: 'enterprise.stopped',
      enterpriseNumber: next.enterpriseNumber,
      person: null,
      personId: null,
      right: null,
      grantId: null,
      profiles: [],
      validFrom: null,
      validUntil: null,
    },
  ];
}

/** The draft as the event it becomes in the outbox. */
export function toChangeEvent(draft: ChangeEventDraft, id: string, time: string): ChangeEvent {
  const { type, ...rest } = draft;
  return { schemaVersion: CHANGE_EVENT_SCHEMA_VERSION, type, id, time, ...rest };
}
