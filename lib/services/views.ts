/** Maps aggregates to the API's response shapes (lib/contracts/api.ts). National numbers are masked. */
import type * as z from 'zod/mini';
import type { Accounts, Grant, PersonPage, PersonSummary, Relationship } from '#lib/contracts/api';
import { LOGIN_METHODS, type LoginSummary } from '#lib/domain/logins';
import type { PersonAggregate, RightGrant, WorkRelationship } from '#lib/domain/membership';
import { maskNationalNumber } from '#lib/domain/national-number';
import { compareDates } from '#lib/domain/period';
import type { PersonListEntry } from '#lib/domain/records';

export function personSummary(m: PersonListEntry): z.infer<typeof PersonSummary> {
  return {
    personId: m.personId,
    nationalNumber: maskNationalNumber(m.nationalNumber),
    firstName: m.person.firstName,
    lastName: m.person.lastName,
    nickname: m.nickname,
    status: m.status,
  };
}

export function relationshipView(r: WorkRelationship): z.infer<typeof Relationship> {
  return {
    category: r.category,
    startDate: r.startDate,
    endDate: r.endDate,
    phone: r.phone,
    email: r.email,
    paused: r.paused,
    pauseReason: r.pauseReason,
    version: r.version,
  };
}

export function grantView(
  g: RightGrant,
  relationship: WorkRelationship | null,
  today: string,
): z.infer<typeof Grant> {
  let state: z.infer<typeof Grant>['state'] = 'active';
  if (compareDates(today, g.endDate) > 0) state = 'expired';
  else if (compareDates(today, g.startDate) < 0) state = 'future';
  else if (relationship?.paused) state = 'suspended';
  return {
    grantId: g.grantId,
    right: g.rightId,
    rightName: g.rightName ?? g.rightId,
    profiles: g.profiles,
    startDate: g.startDate,
    endDate: g.endDate,
    state,
    version: g.version,
  };
}

export function personPage(agg: PersonAggregate, today: string): z.infer<typeof PersonPage> {
  const m = agg.membership;
  return {
    ...personSummary(m),
    initials: m.initials,
    birthDate: m.person.birthDate,
    sex: m.person.sex,
    source: m.person.source,
    organisation: { enterpriseNumber: m.enterpriseNumber, name: m.organisationName },
    relationship: agg.relationship ? relationshipView(agg.relationship) : null,
    grants: agg.grants.map((g) => grantView(g, agg.relationship, today)),
    version: m.version,
  };
}

/** The Accounts tab's view: the methods only, in ACM's order (see the contract for why). */
export function accountsView(logins: LoginSummary | null): z.infer<typeof Accounts> | null {
  if (!logins) return null;
  const used = new Set(logins.methods.map((m) => m.method));
  return { methods: LOGIN_METHODS.filter((m) => used.has(m)).map((method) => ({ method })) };
}
