/**
 * Quick grant (Snel recht toekennen): from a national number to a granted right in one step. Whatever
 * is missing (the person in this organisation, the work relationship) is created in the same
 * transaction as the grant, each with its own history entry, so it all happens or nothing does.
 */
import { BusinessRuleError, fieldError } from '#lib/domain/errors';
import {
  type Change,
  createRelationship,
  defaultGrantPeriod,
  grantRight,
  newMembership,
  type PersonAggregate,
  type RelationshipInput,
  requireRelationship,
} from '#lib/domain/membership';
import type { Actor, HistoryEntry } from '#lib/domain/records';
import { committed, historyEntry, withRetry } from '#lib/services/aggregate';
import type { Deps } from '#lib/services/deps';
import { requireNotStopped } from '#lib/services/kbo/read';
import { organisationName, registerLookup } from '#lib/services/persons';
import { requireRight } from '#lib/services/relationships';

export interface QuickGrantInput {
  enterpriseNumber: string;
  nationalNumber: string;
  right: string;
  profiles: string[];
  startDate?: string | undefined;
  endDate?: string | undefined;
  relationship?: RelationshipInput | undefined;
  reason?: string | undefined;
}

export async function quickGrant(
  deps: Deps,
  actor: Actor,
  input: QuickGrantInput,
): Promise<{ aggregate: PersonAggregate; created: { person: boolean; relationship: boolean } }> {
  const right = await requireRight(deps, input.right);
  const pseudonym = deps.pseudonymize(input.nationalNumber);
  return withRetry(async () => {
    const clock = deps.clock();
    const history: HistoryEntry[] = [];
    const record = (change: Change) => {
      history.push(historyEntry(deps, clock, actor, change, input.reason));
      return change.next;
    };
    const person = await deps.persons.get(pseudonym);
    const loaded = person ? await deps.memberships.load(input.enterpriseNumber, person.personId) : null;
    let agg = loaded;
    let details = person?.person;
    if (!agg) {
      details ??= await registerLookup(deps, input.nationalNumber);
      agg = record(
        newMembership({
          enterpriseNumber: input.enterpriseNumber,
          organisationName: await organisationName(deps, input.enterpriseNumber),
          personId: person?.personId ?? deps.newId(),
          pseudonym,
          nationalNumber: input.nationalNumber,
          person: details,
          nickname: null,
          initials: null,
          now: clock.now,
        }),
      );
    }
    const createdRelationship = !agg.relationship;
    if (!agg.relationship) {
      if (!input.relationship) {
        throw new BusinessRuleError('quick-grant.relationship-required', undefined, [
          fieldError('relationship', 'quick-grant.relationship-required', 'relationship.required'),
        ]);
      }
      await requireNotStopped(deps, input.enterpriseNumber);
      agg = record(createRelationship(agg, input.relationship, clock));
    }
    const period = defaultGrantPeriod(requireRelationship(agg), right, clock.today, {
      ...(input.startDate ? { startDate: input.startDate } : {}),
      ...(input.endDate ? { endDate: input.endDate } : {}),
    });
    agg = record(grantRight(agg, right, { profiles: input.profiles, ...period }, deps.newId(), clock));

    const work = deps.unitOfWork();
    if (!person && details) {
      work.putPerson(
        pseudonym,
        { personId: agg.membership.personId, nationalNumber: input.nationalNumber, person: details },
        { exists: false },
      );
    }
    if (createdRelationship) work.requireActiveOrganisation(input.enterpriseNumber);
    await work.saveMembership(loaded, agg, history, clock.today).commit();
    return {
      aggregate: committed(loaded, agg),
      created: { person: !loaded, relationship: createdRelationship },
    };
  });
}
