/**
 * The access decision of docs/design.md (rules that always hold), over a small projection that the repository keeps on one item
 * per person and organisation (updated in the same transaction as every change that affects it), so a
 * relying portal's question costs one GetItem.
 */
import type { PersonAggregate } from '#lib/domain/membership';
import { compareDates } from '#lib/domain/period';

export interface AccessProjection {
  enterpriseNumber: string;
  personId: string;
  relationship: { startDate: string; endDate: string; paused: boolean } | null;
  grants: { rightId: string; profiles: string[]; startDate: string; endDate: string }[];
}

export const ACCESS_REASONS = [
  'granted',
  'no-relationship',
  'relationship-paused',
  'not-yet-valid',
  'expired',
  'no-grant',
  'profile-missing',
] as const;
export type AccessReason = (typeof ACCESS_REASONS)[number];

export interface AccessDecision {
  allowed: boolean;
  validUntil?: string;
  reason: AccessReason;
}

export function toAccessProjection(agg: PersonAggregate): AccessProjection {
  const r = agg.relationship;
  return {
    enterpriseNumber: agg.membership.enterpriseNumber,
    personId: agg.membership.personId,
    relationship: r ? { startDate: r.startDate, endDate: r.endDate, paused: r.paused } : null,
    grants: agg.grants.map((g) => ({
      rightId: g.rightId,
      profiles: g.profiles,
      startDate: g.startDate,
      endDate: g.endDate,
    })),
  };
}

export function decideAccess(
  projection: AccessProjection | null,
  query: { right: string; profile: string },
  today: string,
): AccessDecision {
  const r = projection?.relationship;
  if (!projection || !r) return { allowed: false, reason: 'no-relationship' };
  if (r.paused) return { allowed: false, reason: 'relationship-paused' };
  if (compareDates(today, r.startDate) < 0) return { allowed: false, reason: 'not-yet-valid' };
  if (compareDates(today, r.endDate) > 0) return { allowed: false, reason: 'expired' };
  const grant = projection.grants.find((g) => g.rightId === query.right);
  if (!grant) return { allowed: false, reason: 'no-grant' };
  if (compareDates(today, grant.startDate) < 0) return { allowed: false, reason: 'not-yet-valid' };
  if (compareDates(today, grant.endDate) > 0) return { allowed: false, reason: 'expired' };
  if (!grant.profiles.includes(query.profile)) return { allowed: false, reason: 'profile-missing' };
  const validUntil = compareDates(grant.endDate, r.endDate) <= 0 ? grant.endDate : r.endDate;
  return { allowed: true, validUntil, reason: 'granted' };
}
