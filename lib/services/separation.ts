/**
 * Separation of duties: a local administrator does not give themselves a right while someone else could
 * decide it. Granting oneself a right when the organisation has another local administrator becomes an
 * access request for the others (the approval workflow, as for anyone who asks); alone, the
 * administrator grants it directly, as before. Nobody decides their own request (tasks.ts).
 */
import { DEFAULT_LANGUAGE, type Language } from '#lib/domain/i18n/language';
import { problemDetail } from '#lib/domain/i18n/problems';
import type { GrantInput, PersonAggregate } from '#lib/domain/membership';
import type { Actor, AdminRecord } from '#lib/domain/records';
import { requestAccess } from '#lib/services/access-requests/request';
import { requestView } from '#lib/services/access-requests/shared';
import type { Deps } from '#lib/services/deps';
import { type QuickGrantInput, quickGrant } from '#lib/services/quick-grant';
import { editGrant, grant } from '#lib/services/relationships';

/** What a grant for oneself answers when it became a request. */
export interface AskedInstead {
  outcome: 'requested';
  message: string;
  request: ReturnType<typeof requestView>;
}

/** Who grants: the administrator, as actor and caller, and the language they read the answer in. */
export interface Who {
  admin: AdminRecord;
  actor: Actor;
  caller: { pseudonym: string; nationalNumber: string };
  language?: Language;
}

/** Whether another local administrator of the organisation could decide. */
export async function othersCanDecide(deps: Deps, admin: AdminRecord): Promise<boolean> {
  return (await deps.admins.list(admin.enterpriseNumber)).some((a) => a.personId !== admin.personId);
}

export const SELF_GRANT_REASON = 'Aangevraagd door een lokale beheerder voor zichzelf.';

/**
 * The grant as an access request by the administrator, for the others: their task in Mijn taken, the
 * same approval as any request (which gives the right for the default period).
 */
export async function askTheOthers(
  deps: Deps,
  { admin, caller, language = DEFAULT_LANGUAGE }: Omit<Who, 'actor'>,
  input: {
    right: string;
    profiles: string[];
    reason?: string | undefined;
    email?: string | null | undefined;
    endDate?: string | undefined;
    startDate?: string | undefined;
  },
): Promise<AskedInstead> {
  const org = await deps.organisations.get(admin.enterpriseNumber);
  const request = await requestAccess(
    deps,
    caller,
    {
      enterpriseNumber: admin.enterpriseNumber,
      right: input.right,
      profiles: input.profiles,
      reason: input.reason || SELF_GRANT_REASON,
      ...(input.email ? { email: input.email } : {}),
      ...(input.endDate ? { endDate: input.endDate } : {}),
      ...(input.startDate ? { startDate: input.startDate } : {}),
    },
    { organisationName: org?.name ?? admin.enterpriseNumber },
  );
  return {
    outcome: 'requested',
    message: problemDetail(language, 'self-grant.requested'),
    request: requestView(request),
  };
}

/** grant-right: the grant, or for oneself with others to decide, the request (`requested`). */
export async function grantOrAsk(
  deps: Deps,
  who: Who,
  target: { enterpriseNumber: string; personId: string; reason?: string | undefined },
  rightId: string,
  input: GrantInput,
): Promise<{ granted: PersonAggregate } | { asked: AskedInstead }> {
  if (target.personId === who.admin.personId && (await othersCanDecide(deps, who.admin))) {
    const own = await deps.memberships.load(target.enterpriseNumber, target.personId, { consistent: false });
    return {
      asked: await askTheOthers(deps, who, {
        right: rightId,
        profiles: input.profiles,
        reason: target.reason,
        email: own?.relationship?.email,
      }),
    };
  }
  const granted = await grant(
    deps,
    {
      enterpriseNumber: target.enterpriseNumber,
      personId: target.personId,
      actor: who.actor,
      reason: target.reason,
    },
    rightId,
    input,
  );
  return { granted };
}

/** quick-grant: the same rule, for the national number given. */
export async function quickGrantOrAsk(
  deps: Deps,
  who: Who,
  input: QuickGrantInput,
): Promise<Awaited<ReturnType<typeof quickGrant>> | { asked: AskedInstead }> {
  const self = deps.pseudonymize(input.nationalNumber) === who.admin.pseudonym;
  if (self && (await othersCanDecide(deps, who.admin))) {
    return {
      asked: await askTheOthers(deps, who, {
        right: input.right,
        profiles: input.profiles,
        reason: input.reason,
        email: input.relationship?.email,
      }),
    };
  }
  return quickGrant(deps, who.actor, input);
}

/**
 * update-grant: editing one's own grant so that it gives more (a later end date, an earlier start, a
 * profile more) becomes a request for the others, as a grant does; narrowing it stays one's own call.
 */
export async function editOrAsk(
  deps: Deps,
  who: Who,
  target: { enterpriseNumber: string; personId: string; reason?: string | undefined },
  grantId: string,
  patch: Partial<GrantInput>,
  version: number,
): Promise<{ edited: PersonAggregate } | { asked: AskedInstead }> {
  if (target.personId === who.admin.personId && (await othersCanDecide(deps, who.admin))) {
    const own = await deps.memberships.load(target.enterpriseNumber, target.personId, { consistent: false });
    const grant = own?.grants.find((g) => g.grantId === grantId);
    const more =
      grant &&
      ((patch.endDate !== undefined && patch.endDate > grant.endDate) ||
        (patch.startDate !== undefined && patch.startDate < grant.startDate) ||
        (patch.profiles ?? []).some((p) => !grant.profiles.includes(p)));
    if (grant && more) {
      return {
        asked: await askTheOthers(deps, who, {
          right: grant.rightId,
          profiles: [...new Set([...grant.profiles, ...(patch.profiles ?? [])])],
          reason: target.reason,
          email: own?.relationship?.email,
          ...(patch.endDate && patch.endDate > grant.endDate ? { endDate: patch.endDate } : {}),
          ...(patch.startDate && patch.startDate < grant.startDate ? { startDate: patch.startDate } : {}),
        }),
      };
    }
  }
  return { edited: await editGrant(deps, { ...target, actor: who.actor }, grantId, patch, version) };
}
