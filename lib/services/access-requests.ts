/**
 * Access requests: a person without access asks for it; the approval workflow opens a task for the
 * organisation's local administrators, waits for their decision, applies it with the same rules and
 * transaction as a direct grant, and tells the requester. Every step is idempotent, so a re-driven
 * execution (after a restart, or a retry) ends in the same state as one that never stopped.
 *
 * Every path ends where a person can act: a decision that cannot be applied re-opens the task with
 * the reason (ReopenTask), and a request the workflow cannot carry at all ends as `failed` with an
 * e-mail to the requester, who may ask again (FailRequest). The decision itself lives on the task item;
 * the workflow passes ids only, so no phone, e-mail or name sits in the execution history.
 */
import { decideAccess } from '#lib/domain/access';
import {
  BusinessRuleError,
  ConflictError,
  NotFoundError,
  TooManyRequestsError,
  TransientError,
} from '#lib/domain/errors';
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
import { type Email, MailRefusedError } from '#lib/domain/ports';
import type { Actor, HistoryEntry, PersonRecord } from '#lib/domain/records';
import type { AccessRequest, Task } from '#lib/domain/tasks';
import { committed, historyEntry, withRetry } from '#lib/services/aggregate';
import type { Deps } from '#lib/services/deps';
import { uiLinks } from '#lib/services/links';
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
  const projection = await deps.memberships.accessProjection(caller.pseudonym, input.enterpriseNumber);
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
  const mine = await deps.requests.listMine(caller.pseudonym);
  const open = mine.find(
    (r) =>
      r.status === 'pending' && r.enterpriseNumber === input.enterpriseNumber && r.right === right.rightId,
  );
  if (!open) checkRequestLimits(mine, clock.now);
  if (open) {
    const error = new ConflictError(
      'access-request.exists',
      'U heeft dit recht voor deze organisatie al aangevraagd; de aanvraag wacht op een beslissing.',
    );
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
    throw new TooManyRequestsError(
      'access-request.too-many-open',
      `U heeft al ${MAX_OPEN_REQUESTS} aanvragen die op een beslissing wachten. Wacht tot daarover beslist is.`,
    );
  }
  const dayAgo = Date.parse(now) - 24 * 3600 * 1000;
  const lastDay = mine
    .map((r) => Date.parse(r.createdAt))
    .filter((t) => t > dayAgo)
    .sort((a, b) => a - b);
  if (lastDay.length >= MAX_REQUESTS_PER_DAY) {
    // Free again when the oldest of the last 24 hours is a day old.
    const retryAfter = Math.max(1, Math.ceil((lastDay[0]! + 24 * 3600 * 1000 - Date.parse(now)) / 1000));
    throw new TooManyRequestsError(
      'access-request.daily-limit',
      `U kan per dag ${MAX_REQUESTS_PER_DAY} aanvragen indienen. Probeer het later opnieuw.`,
      retryAfter,
    );
  }
}

/** E-mail addresses of the organisation's local administrators (their work relationship's). */
async function adminEmails(deps: Deps, enterpriseNumber: string): Promise<string[]> {
  const admins = await deps.admins.list(enterpriseNumber);
  const aggs = await Promise.all(
    admins.map((a) => deps.memberships.load(enterpriseNumber, a.personId, { consistent: false })),
  );
  return [...new Set(aggs.flatMap((agg) => (agg?.relationship ? [agg.relationship.email] : [])))];
}

/** How often a decision may fail to apply before the request ends as failed instead of re-opening. */
export const MAX_DECISION_FAILURES = 3;

/**
 * Sends one e-mail per address. An address the mail service refuses for good is skipped (and counted),
 * so one bad address neither blocks the others nor fails the step; anything else is worth a retry.
 */
export async function sendEach(
  deps: Deps,
  to: readonly string[],
  content: Omit<Email, 'to'>,
): Promise<{ sent: number; refused: number }> {
  let sent = 0;
  let refused = 0;
  for (const address of to) {
    try {
      await deps.mailer.send({ to: [address], ...content });
      sent += 1;
    } catch (error) {
      if (!(error instanceof MailRefusedError)) {
        throw new TransientError('An e-mail could not be sent.', { cause: error });
      }
      refused += 1;
      deps.log.warn('e-mail refused for good', { reason: error.message });
    }
  }
  return { sent, refused };
}

/** Workflow step OpenTask: opens the task (or refreshes its token after a restart) and tells the admins once. */
export async function openApprovalTask(
  deps: Deps,
  input: { requestId: string; enterpriseNumber: string; taskToken: string },
) {
  const request = await deps.requests.get(input.requestId);
  if (!request) throw new NotFoundError('access-request.not-found', 'Onbekende aanvraag.');
  const clock = deps.clock();
  const existing = await deps.tasks.get(request.enterpriseNumber, request.taskId);
  if (existing && existing.status !== 'open') {
    if (existing.status === 'expired' || request.status === 'expired')
      throw new RequestExpiredError('Expired.');
    // Decided while no execution was waiting (a restart): ApplyDecision reads the decision from the task.
    // A task already closed: ApplyDecision finds the request no longer pending and changes nothing.
    await deps.workflows.sendTaskSuccess(input.taskToken, {});
    return;
  }
  const maxAge = Number(process.env.APPROVAL_TIMEOUT_SECONDS ?? REQUEST_MAX_AGE_SECONDS);
  if (Date.parse(clock.now) - Date.parse(request.createdAt) >= maxAge * 1000)
    throw new RequestExpiredError('Expired.');
  if (existing) {
    await deps
      .unitOfWork()
      .updateTask(existing, { ...existing, taskToken: input.taskToken })
      .commit();
  } else {
    const task: Task = {
      taskId: request.taskId,
      enterpriseNumber: request.enterpriseNumber,
      kind: 'approval',
      status: 'open',
      title: `Aanvraag ${request.right} door ${request.requesterName}`,
      subject: {
        personId: (await deps.persons.get(request.pseudonym))?.personId ?? null,
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
    await deps.unitOfWork().addTask(task).commit();
  }
  await tellAdmins(deps, request);
}

/**
 * The administrators' e-mail about a new request, once: a marker written after sending, so a retry of
 * OpenTask (a mail server that did not answer) sends what the first attempt did not. The e-mail names
 * who asked for what and links to the task; the requester's free text stays in the task.
 */
async function tellAdmins(deps: Deps, request: AccessRequest): Promise<void> {
  const marker = `REQUEST#${request.requestId}#admins`;
  if (await deps.notices.has(request.enterpriseNumber, REQUEST_NOTICES, marker)) return;
  const to = await adminEmails(deps, request.enterpriseNumber);
  await sendEach(deps, to, {
    ...messages.requestReceived({
      organisationName: request.organisationName,
      requesterName: request.requesterName,
      right: request.right,
      profiles: request.profiles,
      tasksUrl: uiLinks(deps.appUrl).tasks(request.enterpriseNumber),
    }),
  });
  await deps.notices.put(request.enterpriseNumber, REQUEST_NOTICES, marker, deps.clock().now);
}

/** Notices about requests live beside the person notices of the organisation, under this name. */
const REQUEST_NOTICES = 'REQUESTS';

export interface ApprovalDecision {
  decision: 'approve' | 'reject';
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
  /** A person the register knows but this system not yet: created with the grant. */
  newPerson: PersonRecord | null;
}> {
  const right = await requireRight(deps, request.right);
  const person = await deps.persons.get(request.pseudonym);
  const loaded = person ? await deps.memberships.load(request.enterpriseNumber, person.personId) : null;
  const history: HistoryEntry[] = [];
  const record = (change: Change) => {
    history.push(historyEntry(deps, clock, actor, change, decision.reason ?? `Aanvraag: ${request.reason}`));
    return change.next;
  };
  let newPerson: PersonRecord | null = null;
  let agg = loaded;
  if (!agg) {
    const details = person?.person ?? (await registerLookup(deps, request.nationalNumber));
    const personId = person?.personId ?? deps.newId();
    if (!person) newPerson = { personId, nationalNumber: request.nationalNumber, person: details };
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
  return { loaded, next: agg, history, newPerson };
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

/** ApplyDecision was called while the task holds no decision (a stray callback): the task waits again. */
export class NoDecisionError extends Error {
  override name = 'NoDecision';
}

/** Workflow step ApplyDecision: applies the decision recorded on the task. */
export async function applyApprovalDecision(
  deps: Deps,
  input: { requestId: string; enterpriseNumber: string },
) {
  return withRetry(async () => {
    const request = await deps.requests.get(input.requestId);
    if (!request) throw new NotFoundError('access-request.not-found', 'Onbekende aanvraag.');
    if (request.status !== 'pending') return { status: request.status };
    const task = await deps.tasks.get(request.enterpriseNumber, request.taskId);
    if (task?.status !== 'decided' || !task.decision) throw new NoDecisionError('No decision recorded.');
    const decision = task.decision as ApprovalDecision;
    const clock = deps.clock();
    const actor = decision.actor ?? { personId: 'SYSTEM', name: 'Gebruikersbeheer' };
    const decidedReason = decision.reason ?? null;
    const closed = (status: 'approved' | 'rejected'): Task => ({
      ...task,
      status,
      taskToken: null,
      decidedAt: clock.now,
      decidedBy: actor.name,
    });
    if (decision.decision === 'reject') {
      const next: AccessRequest = {
        ...request,
        status: 'rejected',
        decidedAt: clock.now,
        decidedBy: actor.name,
        decisionReason: decidedReason,
      };
      await deps.unitOfWork().finishRequest(request, next).closeTask(task, closed('rejected')).commit();
      return { status: 'rejected' as const };
    }
    const { loaded, next, history, newPerson } = await approvedChanges(deps, request, decision, clock, actor);
    const finished: AccessRequest = {
      ...request,
      status: 'approved',
      decidedAt: clock.now,
      decidedBy: actor.name,
      decisionReason: decidedReason,
    };
    const work = deps.unitOfWork();
    if (newPerson) work.putPerson(request.pseudonym, newPerson, { exists: false });
    await work
      .saveMembership(loaded, next, history)
      .finishRequest(request, finished)
      .closeTask(task, closed('approved'))
      .commit();
    const committedAgg = committed(loaded, next);
    return { status: 'approved' as const, personId: committedAgg.membership.personId };
  });
}

/** What a Catch hands on (`$.error`): the error's name and its cause, JSON from Lambda in AWS. */
export interface CaughtError {
  Error?: string;
  Cause?: string;
}

const DOMAIN_ERRORS = new Set([
  'BusinessRuleError',
  'ConflictError',
  'NotFoundError',
  'ValidationError',
  'PreconditionFailedError',
]);

/** A person's words for why a step failed (a domain error's Dutch detail, else `fallback`); never a stack trace. */
export function failureMessage(
  error: CaughtError | undefined,
  fallback = 'De beslissing kon door een technische fout niet uitgevoerd worden.',
): { code: string; message: string } {
  let type = error?.Error ?? 'Error';
  let message = error?.Cause ?? '';
  try {
    const cause = JSON.parse(message) as { errorType?: string; errorMessage?: string };
    type = cause.errorType ?? type;
    message = cause.errorMessage ?? '';
  } catch {
    // Locally the cause is the message itself.
  }
  // Domain errors reach a Catch as "code: Dutch detail" (lib/http/workflow-handler.ts).
  const domain = DOMAIN_ERRORS.has(type) ? /^([a-z0-9.-]+): (.+)$/s.exec(message) : null;
  if (domain) return { code: domain[1]!, message: domain[2]! };
  return { code: type, message: fallback };
}

/**
 * Workflow step ReopenTask, after ApplyDecision failed for good (the relationship was deleted meanwhile,
 * a timeout, a conflict after the retries): the task is open again for a new decision, with the reason,
 * and the workflow waits again. After MAX_DECISION_FAILURES the request ends as failed instead. When the
 * decision was applied after all (a timeout after the commit), there is nothing to re-open.
 */
export async function reopenApprovalTask(
  deps: Deps,
  input: { requestId: string; error?: CaughtError },
): Promise<{ reopened: boolean }> {
  return withRetry(async () => {
    const request = await deps.requests.get(input.requestId);
    if (request?.status !== 'pending') return { reopened: false };
    const task = await deps.tasks.get(request.enterpriseNumber, request.taskId);
    if (!task) return { reopened: false };
    if (task.status === 'open') return { reopened: true };
    if (task.status !== 'decided') return { reopened: false };
    const clock = deps.clock();
    const failure = { ...failureMessage(input.error), at: clock.now, decidedBy: task.decidedBy };
    const failures = [...(task.failures ?? []), failure];
    if (failures.length >= MAX_DECISION_FAILURES) {
      await closeAsFailed(deps, request, { ...task, failures }, failure.message);
      return { reopened: false };
    }
    deps.log.warn('approval decision not applied; task re-opened', { code: failure.code });
    await deps
      .unitOfWork()
      .updateTask(task, {
        ...task,
        status: 'open',
        decision: null,
        decidedAt: null,
        decidedBy: null,
        taskToken: null,
        failures,
      })
      .commit();
    return { reopened: true };
  });
}

/** Ends a pending request as failed, with its task: one transaction. */
async function closeAsFailed(deps: Deps, request: AccessRequest, task: Task | null, reason: string) {
  const clock = deps.clock();
  const next: AccessRequest = {
    ...request,
    status: 'failed',
    decidedAt: clock.now,
    decisionReason: reason,
  };
  const work = deps.unitOfWork().finishRequest(request, next);
  if (task && (task.status === 'open' || task.status === 'decided')) {
    work.closeTask(task, { ...task, status: 'failed', taskToken: null, decidedAt: clock.now });
  }
  await work.commit();
}

/**
 * Workflow step FailRequest, when the workflow cannot carry the request any further (OpenTask or
 * ReopenTask failed for good): the request ends as failed, its task closes, the requester is told
 * and may ask again.
 */
export async function failApprovalRequest(deps: Deps, input: { requestId: string; error?: CaughtError }) {
  return withRetry(async () => {
    const request = await deps.requests.get(input.requestId);
    if (request?.status !== 'pending') return { status: request?.status ?? 'unknown' };
    const task = await deps.tasks.get(request.enterpriseNumber, request.taskId);
    deps.log.error('approval request failed', { code: failureMessage(input.error).code });
    await closeAsFailed(deps, request, task, 'De aanvraag kon niet verwerkt worden.');
    return { status: 'failed' as const };
  });
}

/** Workflow step ExpireRequest: no decision in time. */
export async function expireApprovalRequest(deps: Deps, input: { requestId: string }) {
  return withRetry(async () => {
    const request = await deps.requests.get(input.requestId);
    if (request?.status !== 'pending') return { status: request?.status ?? 'unknown' };
    const clock = deps.clock();
    const task = await deps.tasks.get(request.enterpriseNumber, request.taskId);
    const next: AccessRequest = {
      ...request,
      status: 'expired',
      decidedAt: clock.now,
      decisionReason: 'Geen beslissing binnen 30 dagen.',
    };
    const work = deps.unitOfWork().finishRequest(request, next);
    if (task && task.status === 'open') work.closeTask(task, { ...task, status: 'expired', taskToken: null });
    await work.commit();
    return { status: 'expired' as const };
  });
}

/** Workflow step NotifyRequester: once per request (a marker guards it; a failed send is retried). */
export async function notifyRequester(deps: Deps, input: { requestId: string }) {
  const request = await deps.requests.get(input.requestId);
  if (!request || request.status === 'pending') return { sent: false };
  const person = await deps.persons.get(request.pseudonym);
  const agg = person
    ? await deps.memberships.load(request.enterpriseNumber, person.personId, { consistent: false })
    : null;
  const to = [...new Set([request.email, agg?.relationship?.email].filter((e): e is string => !!e))];
  const marker = `REQUEST#${request.requestId}#${request.status}`;
  const who = person?.personId ?? 'unknown';
  if (to.length === 0 || (await deps.notices.has(request.enterpriseNumber, who, marker)))
    return { sent: false };
  const grant = agg?.grants.find((g) => g.rightId === request.right);
  const content =
    request.status === 'approved'
      ? messages.requestApproved({
          organisationName: request.organisationName,
          right: request.right,
          profiles: grant?.profiles ?? request.profiles,
          validUntil: grant?.endDate ?? null,
          portalUrl: uiLinks(deps.appUrl).portal(),
        })
      : request.status === 'rejected'
        ? messages.requestRejected({
            organisationName: request.organisationName,
            right: request.right,
            reason: request.decisionReason,
          })
        : request.status === 'failed'
          ? messages.requestFailed({
              organisationName: request.organisationName,
              right: request.right,
              portalUrl: uiLinks(deps.appUrl).portal(),
            })
          : messages.requestExpired({ organisationName: request.organisationName, right: request.right });
  await sendEach(deps, to, content);
  // Written after sending: a crash in between may send twice, never zero times.
  await deps.notices.put(request.enterpriseNumber, who, marker, deps.clock().now);
  return { sent: true };
}
