/**
 * The access request itself (POST /api/me/access-requests): stores the request and starts the approval
 * workflow (infra/workflows/approval.asl.json), within the limits of what one person may ask.
 */
import { decideAccess } from '#lib/domain/access';
import { BusinessRuleError, ConflictError, fieldError, TooManyRequestsError } from '#lib/domain/errors';
import type { AccessRequest } from '#lib/domain/tasks';
import { requestView } from '#lib/services/access-requests/shared';
import type { Deps } from '#lib/services/deps';
import { requireEnterprise } from '#lib/services/local-admins';
import { registerLookup } from '#lib/services/persons';
import { requireRight } from '#lib/services/relationships';

export async function requestAccess(
  deps: Deps,
  caller: { pseudonym: string; nationalNumber: string },
  input: {
    enterpriseNumber: string;
    right: string;
    profiles: string[];
    reason: string;
    email?: string | undefined;
    /** An extension of the caller's grant to this end date (a local administrator's own, see separation.ts). */
    endDate?: string | undefined;
    startDate?: string | undefined;
  },
  /** The organisation's name when the caller knows it (a local administrator asking for themselves). */
  known?: { organisationName: string },
) {
  const enterprise = known
    ? { name: known.organisationName }
    : await requireEnterprise(deps, input.enterpriseNumber);
  const right = await requireRight(deps, input.right);
  const unknown = input.profiles.filter((p) => !right.profiles.includes(p));
  if (unknown.length > 0) {
    throw new BusinessRuleError(
      'grant.unknown-profile',
      { key: 'grant.unknown-profile', params: { profiles: unknown.join(', ') } },
      [fieldError('profiles', 'grant.unknown-profile', 'grant.profiles-of-right')],
    );
  }
  const clock = deps.clock();
  const projection = await deps.memberships.accessProjection(caller.pseudonym, input.enterpriseNumber);
  const held = projection?.grants.find((g) => g.rightId === right.rightId);
  const extends_ =
    (input.endDate !== undefined && (!held || held.endDate < input.endDate)) ||
    (input.startDate !== undefined && (!held || held.startDate > input.startDate));
  if (
    !extends_ &&
    input.profiles.every(
      (profile) => decideAccess(projection, { right: right.rightId, profile }, clock.today).allowed,
    )
  ) {
    throw new ConflictError('access-request.already-granted');
  }
  const mine = await deps.requests.listMine(caller.pseudonym);
  const open = mine.find(
    (r) =>
      r.status === 'pending' && r.enterpriseNumber === input.enterpriseNumber && r.right === right.rightId,
  );
  if (!open) checkRequestLimits(mine, clock.now);
  if (open) {
    const error = new ConflictError('access-request.exists');
    throw Object.assign(error, { extra: { existing: requestView(open) } });
  }
  const person = await deps.persons.get(caller.pseudonym);
  const details = person?.person ?? (await registerLookup(deps, caller.nationalNumber));
  const requestId = deps.newId();
  const request: AccessRequest = {
    requestId,
    enterpriseNumber: input.enterpriseNumber,
    organisationName: enterprise.name,
    pseudonym: caller.pseudonym,
    nationalNumber: caller.nationalNumber,
    requesterName: `${details.firstName} ${details.lastName}`,
    email: input.email ?? null,
    right: right.rightId,
    profiles: input.profiles,
    ...(input.endDate ? { endDate: input.endDate } : {}),
    ...(input.startDate ? { startDate: input.startDate } : {}),
    reason: input.reason,
    status: 'pending',
    taskId: requestId,
    createdAt: clock.now,
    decidedAt: null,
    decidedBy: null,
    decisionReason: null,
    version: 1,
  };
  await deps.unitOfWork().addRequest(request).commit();
  try {
    await deps.workflows.startApproval({ requestId, enterpriseNumber: input.enterpriseNumber });
  } catch (error) {
    // Without a workflow nobody would ever decide: take the request back, so asking again works.
    const withdrawn = { ...request, status: 'expired' as const, decisionReason: 'Kon niet gestart worden.' };
    await deps
      .unitOfWork()
      .finishRequest(request, withdrawn)
      .commit()
      .catch(() => undefined);
    throw error;
  }
  return request;
}

/** Open requests one person may have at once, over all organisations. */
export const MAX_OPEN_REQUESTS = 5;
/** Requests one person may make in 24 hours. */
export const MAX_REQUESTS_PER_DAY = 10;

/**
 * Asking costs the administrators of any organisation time: a person has at most MAX_OPEN_REQUESTS open
 * and makes at most MAX_REQUESTS_PER_DAY in 24 hours (429, with when to try again).
 */
function checkRequestLimits(mine: readonly AccessRequest[], now: string): void {
  if (mine.filter((r) => r.status === 'pending').length >= MAX_OPEN_REQUESTS) {
    throw new TooManyRequestsError('access-request.too-many-open', {
      key: 'access-request.too-many-open',
      params: { max: MAX_OPEN_REQUESTS },
    });
  }
  const dayAgo = Date.parse(now) - 24 * 3600 * 1000;
  const lastDay = mine
    .map((r) => Date.parse(r.createdAt))
    .filter((t) => t > dayAgo)
    .sort((a, b) => a - b);
  if (lastDay.length >= MAX_REQUESTS_PER_DAY) {
    // Free again when the oldest of the last 24 hours is a day old.
    const oldest = lastDay[0] ?? Date.parse(now);
    const retryAfter = Math.max(1, Math.ceil((oldest + 24 * 3600 * 1000 - Date.parse(now)) / 1000));
    throw new TooManyRequestsError(
      'access-request.daily-limit',
      { key: 'access-request.daily-limit', params: { max: MAX_REQUESTS_PER_DAY } },
      retryAfter,
    );
  }
}
