/**
 * Access requests: a person without access asks for it; the approval workflow opens a task for the
 * organisation's local administrators, waits for their decision, applies it with the same rules and
 * transaction as a direct grant, and tells the requester. Every step is idempotent, so a re-driven
 * execution (after a restart, or a retry) ends in the same state as one that never stopped.
 */
import type { Actor, HistoryEntry, TransactItem } from '#lib/adapters/dynamodb/store';
import { decideAccess } from '#lib/domain/access';
import { BusinessRuleError, ConflictError, NotFoundError } from '#lib/domain/errors';
import {
  assertRelationshipNotEnded,
  type Change,
  type Clock,
  createRelationship,
  defaultGrantPeriod,
  grantRight,
  newMembership,
  type PersonAggregate,
  type RelationshipInput,
  updateGrant,
} from '#lib/domain/membership';
import type { AccessRequest, Task } from '#lib/domain/tasks';
import type { Deps } from '#lib/http/deps';
import { committed, historyEntry, withRetry } from '#lib/services/aggregate';
import { requireEnterprise } from '#lib/services/local-admins';
import * as messages from '#lib/services/messages';
import { registerLookup } from '#lib/services/persons';
import { requireRight } from '#lib/services/relationships';

/** How long a request waits for a decision; the ASL says the same (TimeoutSeconds). */
export const REQUEST_MAX_AGE_SECONDS = 30 * 24 * 3600;

export class RequestExpiredError extends Error {
  override name = 'RequestExpired';
}

export function requestView(r: AccessRequest) {
  return {
    requestId: r.requestId,
    enterpriseNumber: r.enterpriseNumber,
    organisationName: r.organisationName,
    right: r.right,
    profiles: r.profiles,
    reason: r.reason,
    status: r.status,
    createdAt: r.createdAt,
    decidedAt: r.decidedAt,
    decisionReason: r.decisionReason,
  };
}

export async function requestAccess(
  deps: Deps,
  caller: { pseudonym: string; nationalNumber: string },
  input: {
    enterpriseNumber: string;
    right: string;
    profiles: string[];
    reason: string;
    email?: string | undefined;
  },
) {
  const enterprise = await requireEnterprise(deps, input.enterpriseNumber);
  const right = await requireRight(deps, input.right);
  const unknown = input.profiles.filter((p) => !right.profiles.includes(p));
  if (unknown.length > 0) {
    throw new BusinessRuleError(
      'grant.unknown-profile',
      `Onbekend profiel voor dit recht: ${unknown.join(', ')}.`,
      [
        {
          path: 'profiles',
          code: 'grant.unknown-profile',
          message: 'Kies profielen van dit gebruikersrecht.',
        },
      ],
    );
  }
  const clock = deps.clock();
  const projection = await deps.store.getAccessProjection(caller.pseudonym, input.enterpriseNumber);
  if (
    input.profiles.every(
      (profile) => decideAccess(projection, { right: right.rightId, profile }, clock.today).allowed,
    )
  ) {
    throw new ConflictError(
      'access-request.already-granted',
      'U heeft deze toegang voor deze organisatie al.',
    );
  }
  const open = (await deps.tasks.listRequests(caller.pseudonym)).find(
    (r) =>
      r.status === 'pending' && r.enterpriseNumber === input.enterpriseNumber && r.right === right.rightId,
  );
  if (open) {
    const error = new ConflictError(
      'access-request.exists',
      'U heeft dit recht voor deze organisatie al aangevraagd; de aanvraag wacht op een beslissing.',
    );
    throw Object.assign(error, { extra: { existing: requestView(open) } });
  }
  const person = await deps.store.getPerson(caller.pseudonym);
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
    reason: input.reason,
    status: 'pending',
    taskId: requestId,
    createdAt: clock.now,
    decidedAt: null,
    decidedBy: null,
    decisionReason: null,
    version: 1,
  };
  await deps.store.transact(deps.tasks.putNewRequest(request));
  try {
    await deps.workflows.startApproval({ requestId, enterpriseNumber: input.enterpriseNumber });
  } catch (error) {
    // Without a workflow nobody would ever decide: take the request back, so asking again works.
    const withdrawn = { ...request, status: 'expired' as const, decisionReason: 'Kon niet gestart worden.' };
    await deps.store.transact(deps.tasks.finishRequest(request, withdrawn)).catch(() => undefined);
    throw error;
  }
  return request;
}

/** E-mail addresses of the organisation's local administrators (their work relationship's). */
async function adminEmails(deps: Deps, enterpriseNumber: string): Promise<string[]> {
  const admins = await deps.store.listAdmins(enterpriseNumber);
  const aggs = await Promise.all(
    admins.map((a) => deps.store.loadAggregate(enterpriseNumber, a.personId, false)),
  );
  return [...new Set(aggs.flatMap((agg) => (agg?.relationship ? [agg.relationship.email] : [])))];
}

/** Workflow step OpenTask: opens the task (or refreshes its token after a restart) and tells the admins once. */
export async function openApprovalTask(
  deps: Deps,
  input: { requestId: string; enterpriseNumber: string; taskToken: string },
) {
  const request = await deps.tasks.getRequest(input.requestId);
  if (!request) throw new NotFoundError('access-request.not-found', 'Onbekende aanvraag.');
  const clock = deps.clock();
  const existing = await deps.tasks.getTask(request.enterpriseNumber, request.taskId);
  if (existing && existing.status !== 'open') {
    // Decided while no execution was waiting (restart, or a failed apply): carry on with that decision.
    if (existing.status === 'decided' && existing.decision) {
      await deps.workflows.sendTaskSuccess(input.taskToken, existing.decision);
      return;
    }
    if (existing.status === 'expired' || request.status === 'expired')
      throw new RequestExpiredError('Expired.');
    await deps.workflows.sendTaskSuccess(input.taskToken, { decision: 'noop' });
    return;
  }
  const maxAge = Number(process.env.APPROVAL_TIMEOUT_SECONDS ?? REQUEST_MAX_AGE_SECONDS);
  if (Date.parse(clock.now) - Date.parse(request.createdAt) >= maxAge * 1000)
    throw new RequestExpiredError('Expired.');
  if (existing) {
    await deps.store.transact([
      deps.tasks.updateOpenTask(existing, { ...existing, taskToken: input.taskToken }),
    ]);
    return;
  }
  const task: Task = {
    taskId: request.taskId,
    enterpriseNumber: request.enterpriseNumber,
    kind: 'approval',
    status: 'open',
    title: `Aanvraag ${request.right} door ${request.requesterName}`,
    subject: {
      personId: (await deps.store.getPerson(request.pseudonym))?.personId ?? null,
      name: request.requesterName,
      right: request.right,
      profiles: request.profiles,
      endDate: null,
      item: null,
    },
    requestId: request.requestId,
    taskToken: input.taskToken,
    reason: request.reason,
    createdAt: clock.now,
    decidedAt: null,
    decidedBy: null,
    decision: null,
    version: 1,
  };
  await deps.store.transact([deps.tasks.putNewTask(task)]);
  const to = await adminEmails(deps, request.enterpriseNumber);
  if (to.length > 0) {
    await deps.mailer.send({
      to,
      ...messages.requestReceived({
        organisationName: request.organisationName,
        requesterName: request.requesterName,
        right: request.right,
        profiles: request.profiles,
        reason: request.reason,
        tasksUrl: `${deps.appUrl}/taken`,
      }),
    });
  }
}

export interface ApprovalDecision {
  decision: 'approve' | 'reject' | 'noop';
  reason?: string | null;
  relationship?: RelationshipInput | null;
  actor?: Actor;
}

/** Builds the grant of an approved request on the aggregate, as a direct grant (or quick grant) would. */
async function approvedChanges(
  deps: Deps,
  request: AccessRequest,
  decision: ApprovalDecision,
  clock: Clock,
  actor: Actor,
): Promise<{
  loaded: PersonAggregate | null;
  next: PersonAggregate;
  history: HistoryEntry[];
  creates: TransactItem[];
}> {
  const right = await requireRight(deps, request.right);
  const person = await deps.store.getPerson(request.pseudonym);
  const loaded = person ? await deps.store.loadAggregate(request.enterpriseNumber, person.personId) : null;
  const history: HistoryEntry[] = [];
  const record = (change: Change) => {
    history.push(historyEntry(deps, clock, actor, change, decision.reason ?? `Aanvraag: ${request.reason}`));
    return change.next;
  };
  const creates: TransactItem[] = [];
  let agg = loaded;
  if (!agg) {
    const details = person?.person ?? (await registerLookup(deps, request.nationalNumber));
    const personId = person?.personId ?? deps.newId();
    if (!person) {
      creates.push(
        deps.store.personItem(
          request.pseudonym,
          { personId, nationalNumber: request.nationalNumber, person: details },
          false,
        ),
      );
    }
    agg = record(
      newMembership({
        enterpriseNumber: request.enterpriseNumber,
        organisationName: request.organisationName,
        personId,
        pseudonym: request.pseudonym,
        nationalNumber: request.nationalNumber,
        person: details,
        nickname: null,
        initials: null,
        now: clock.now,
      }),
    );
  }
  if (!agg.relationship) {
    if (!decision.relationship) {
      throw new BusinessRuleError(
        'decision.relationship-required',
        'Deze persoon heeft nog geen werkrelatie met de organisatie: geef de gegevens van de werkrelatie mee bij de goedkeuring.',
        [{ path: 'relationship', code: 'decision.relationship-required', message: 'Vul de werkrelatie in.' }],
      );
    }
    agg = record(createRelationship(agg, decision.relationship, clock));
  }
  assertRelationshipNotEnded(agg.relationship!, clock.today);
  const existing = agg.grants.find((g) => g.rightId === right.rightId);
  if (existing) {
    const profiles = [...new Set([...existing.profiles, ...request.profiles])];
    agg = record(updateGrant(agg, existing.grantId, right, { profiles }, existing.version, clock));
  } else {
    const period = defaultGrantPeriod(agg.relationship!, right, clock.today);
    agg = record(grantRight(agg, right, { profiles: request.profiles, ...period }, deps.newId(), clock));
  }
  return { loaded, next: agg, history, creates };
}

/** The decision API's check before it resumes the workflow: the grant must be possible now. */
export async function checkApproval(
  deps: Deps,
  request: AccessRequest,
  decision: ApprovalDecision,
  actor: Actor,
) {
  await approvedChanges(deps, request, decision, deps.clock(), actor);
}

/** Workflow step ApplyDecision. */
export async function applyApprovalDecision(
  deps: Deps,
  input: { requestId: string; enterpriseNumber: string; decision: ApprovalDecision },
) {
  return withRetry(async () => {
    const request = await deps.tasks.getRequest(input.requestId);
    if (!request) throw new NotFoundError('access-request.not-found', 'Onbekende aanvraag.');
    if (request.status !== 'pending' || input.decision.decision === 'noop') return { status: request.status };
    const task = await deps.tasks.getTask(request.enterpriseNumber, request.taskId);
    if (!task || (task.status !== 'open' && task.status !== 'decided')) return { status: request.status };
    const clock = deps.clock();
    const actor = input.decision.actor ?? { personId: 'SYSTEM', name: 'Gebruikersbeheer' };
    const decidedReason = input.decision.reason ?? null;
    if (input.decision.decision === 'reject') {
      const next: AccessRequest = {
        ...request,
        status: 'rejected',
        decidedAt: clock.now,
        decidedBy: actor.name,
        decisionReason: decidedReason,
      };
      await deps.store.transact([
        ...deps.tasks.finishRequest(request, next),
        ...deps.tasks.closeTask(task, {
          ...task,
          status: 'rejected',
          taskToken: null,
          decidedAt: clock.now,
          decidedBy: actor.name,
        }),
      ]);
      return { status: 'rejected' as const };
    }
    const { loaded, next, history, creates } = await approvedChanges(
      deps,
      request,
      input.decision,
      clock,
      actor,
    );
    const finished: AccessRequest = {
      ...request,
      status: 'approved',
      decidedAt: clock.now,
      decidedBy: actor.name,
      decisionReason: decidedReason,
    };
    await deps.store.transact([
      ...creates,
      ...deps.store.changeItems(loaded, next, history),
      ...deps.tasks.finishRequest(request, finished),
      ...deps.tasks.closeTask(task, {
        ...task,
        status: 'approved',
        taskToken: null,
        decidedAt: clock.now,
        decidedBy: actor.name,
      }),
    ]);
    const committedAgg = committed(loaded, next);
    return { status: 'approved' as const, personId: committedAgg.membership.personId };
  });
}

/** Workflow step ExpireRequest: no decision in time. */
export async function expireApprovalRequest(deps: Deps, input: { requestId: string }) {
  return withRetry(async () => {
    const request = await deps.tasks.getRequest(input.requestId);
    if (request?.status !== 'pending') return { status: request?.status ?? 'unknown' };
    const clock = deps.clock();
    const task = await deps.tasks.getTask(request.enterpriseNumber, request.taskId);
    const next: AccessRequest = {
      ...request,
      status: 'expired',
      decidedAt: clock.now,
      decisionReason: 'Geen beslissing binnen 30 dagen.',
    };
    await deps.store.transact([
      ...deps.tasks.finishRequest(request, next),
      ...(task && task.status === 'open'
        ? deps.tasks.closeTask(task, { ...task, status: 'expired', taskToken: null })
        : []),
    ]);
    return { status: 'expired' as const };
  });
}

/** Workflow step NotifyRequester: once per request (a marker guards it; a failed send is retried). */
export async function notifyRequester(deps: Deps, input: { requestId: string }) {
  const request = await deps.tasks.getRequest(input.requestId);
  if (!request || request.status === 'pending') return { sent: false };
  const person = await deps.store.getPerson(request.pseudonym);
  const agg = person
    ? await deps.store.loadAggregate(request.enterpriseNumber, person.personId, false)
    : null;
  const to = [...new Set([request.email, agg?.relationship?.email].filter((e): e is string => !!e))];
  const marker = `REQUEST#${request.requestId}#${request.status}`;
  const who = person?.personId ?? 'unknown';
  if (to.length === 0 || (await deps.tasks.hasNotice(request.enterpriseNumber, who, marker)))
    return { sent: false };
  const grant = agg?.grants.find((g) => g.rightId === request.right);
  const content =
    request.status === 'approved'
      ? messages.requestApproved({
          organisationName: request.organisationName,
          right: request.right,
          profiles: grant?.profiles ?? request.profiles,
          validUntil: grant?.endDate ?? null,
          portalUrl: `${deps.appUrl}/portaal`,
        })
      : request.status === 'rejected'
        ? messages.requestRejected({
            organisationName: request.organisationName,
            right: request.right,
            reason: request.decisionReason,
          })
        : messages.requestExpired({ organisationName: request.organisationName, right: request.right });
  await deps.mailer.send({ to, ...content });
  // Written after sending: a crash in between may send twice, never zero times.
  await deps.store
    .transact([deps.tasks.noticeItem(request.enterpriseNumber, who, marker, deps.clock().now)])
    .catch(() => undefined);
  return { sent: true };
}
