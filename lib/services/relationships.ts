/** Use cases on the work relationship and the rights within it; each is one transaction. */

import type { RightDefinition } from '#lib/domain/catalogue';
import { BusinessRuleError, fieldError, NotFoundError } from '#lib/domain/errors';
import {
  createRelationship,
  deleteRelationship,
  extendRelationship,
  type GrantInput,
  grantRight,
  pauseRelationship,
  type RelationshipInput,
  resumeRelationship,
  revokeGrant,
  updateGrant,
  updateRelationship,
} from '#lib/domain/membership';
import type { UnitOfWork } from '#lib/domain/ports';
import type { Actor } from '#lib/domain/records';
import { changeAggregate } from '#lib/services/aggregate';
import type { Deps } from '#lib/services/deps';
import { requireNotStopped } from '#lib/services/kbo/read';

export interface Target {
  enterpriseNumber: string;
  personId: string;
  actor: Actor;
  reason?: string | null | undefined;
}

export async function requireRight(deps: Deps, rightId: string): Promise<RightDefinition> {
  const right = await deps.catalogue.get(rightId);
  if (!right) {
    throw new BusinessRuleError('right.unknown', undefined, [fieldError('right', 'right.unknown')]);
  }
  return right;
}

/** A relationship starts or resumes only while the KBO has the enterprise active: checked, then made a condition. */
const whileActive = (en: string) => (work: UnitOfWork) => work.requireActiveOrganisation(en);

export function linkPerson(deps: Deps, t: Target, input: RelationshipInput) {
  return changeAggregate(
    deps,
    t,
    async (agg, clock) => {
      await requireNotStopped(deps, t.enterpriseNumber);
      return createRelationship(agg, input, clock);
    },
    whileActive(t.enterpriseNumber),
  );
}

export const editRelationship = (deps: Deps, t: Target, patch: Partial<RelationshipInput>, version: number) =>
  changeAggregate(deps, t, (agg, clock) => updateRelationship(agg, patch, version, clock));

export const removeRelationship = (deps: Deps, t: Target, version: number) =>
  changeAggregate(deps, t, (agg, clock) => deleteRelationship(agg, version, clock));

export async function extend(
  deps: Deps,
  t: Target,
  input: { endDate?: string | undefined; includeRights: boolean },
) {
  const rights = new Map((await deps.catalogue.list()).map((r) => [r.rightId, r]));
  return changeAggregate(deps, t, (agg, clock) =>
    extendRelationship(
      agg,
      { includeRights: input.includeRights, ...(input.endDate ? { endDate: input.endDate } : {}) },
      rights,
      clock,
    ),
  );
}

export const pause = (deps: Deps, t: Target, reason: string) =>
  changeAggregate(deps, t, (agg, clock) => pauseRelationship(agg, reason, clock));

export function resume(deps: Deps, t: Target) {
  return changeAggregate(
    deps,
    t,
    async (agg, clock) => {
      await requireNotStopped(deps, t.enterpriseNumber);
      return resumeRelationship(agg, clock);
    },
    whileActive(t.enterpriseNumber),
  );
}

export async function grant(deps: Deps, t: Target, rightId: string, input: GrantInput) {
  const right = await requireRight(deps, rightId);
  const grantId = deps.newId();
  return changeAggregate(deps, t, (agg, clock) => grantRight(agg, right, input, grantId, clock));
}

export async function editGrant(
  deps: Deps,
  t: Target,
  grantId: string,
  patch: Partial<GrantInput>,
  version: number,
) {
  return changeAggregate(deps, t, async (agg, clock) => {
    const current = agg.grants.find((g) => g.grantId === grantId);
    if (!current) throw new NotFoundError('grant.not-found');
    const right = await requireRight(deps, current.rightId);
    return updateGrant(agg, grantId, right, patch, version, clock);
  });
}

export const removeGrant = (deps: Deps, t: Target, grantId: string, version: number) =>
  changeAggregate(deps, t, (agg, clock) => revokeGrant(agg, grantId, version, clock));
