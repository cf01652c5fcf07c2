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
 *
 * This file holds what the request and the workflow's steps share; each step has a file of its own,
 * named after its state in infra/workflows/approval.asl.json:
 *
 * - the request itself (POST /api/me/access-requests): request.ts
 * - OpenTask: open-task.ts
 * - ApplyDecision: apply-decision.ts
 * - ReopenTask: reopen-task.ts
 * - FailRequest: fail-request.ts
 * - ExpireRequest: expire.ts
 * - NotifyRequester: notify.ts
 */
import { BusinessRuleError, fieldError, TransientError } from '#lib/domain/errors';
import { DEFAULT_LANGUAGE, type Language } from '#lib/domain/i18n/language';
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
  requireRelationship,
  updateGrant,
} from '#lib/domain/membership';
import { type Email, MailRefusedError } from '#lib/domain/ports';
import type { Actor, HistoryEntry, PersonRecord } from '#lib/domain/records';
import type { AccessRequest, Task } from '#lib/domain/tasks';
import { historyEntry } from '#lib/services/aggregate';
import type { Deps } from '#lib/services/deps';
import { requireNotStopped } from '#lib/services/kbo/read';
import { registerLookup } from '#lib/services/persons';
import type { Addressee } from '#lib/services/recipients';
import { requireRight } from '#lib/services/relationships';

/** How long a request waits for a decision; the ASL says the same (TimeoutSeconds). */
export const REQUEST_MAX_AGE_SECONDS = 30 * 24 * 3600;

/** How often a decision may fail to apply before the request ends as failed instead of re-opening. */
export const MAX_DECISION_FAILURES = 3;

export function requestView(r: AccessRequest) {
  return {
    requestId: r.requestId,
    enterpriseNumber: r.enterpriseNumber,
    organisationName: r.organisationName,
    right: r.right,
    profiles: r.profiles,
    endDate: r.endDate ?? null,
    reason: r.reason,
    status: r.status,
    createdAt: r.createdAt,
    decidedAt: r.decidedAt,
    decisionReason: r.decisionReason,
  };
}

/**
 * Sends one e-mail per address, each in its addressee's language when the content is written per
 * language. An address the mail service refuses for good is skipped (and counted), so one bad address
 * neither blocks the others nor fails the step; anything else is worth a retry.
 */
export async function sendEach(
  deps: Deps,
  to: readonly (string | Addressee)[],
  content: Omit<Email, 'to'> | ((language: Language) => Omit<Email, 'to'>),
): Promise<{ sent: number; refused: number }> {
  let sent = 0;
  let refused = 0;
  for (const addressee of to) {
    const { email: address, language } =
      typeof addressee === 'string' ? { email: addressee, language: DEFAULT_LANGUAGE } : addressee;
    try {
      await deps.mailer.send({
        to: [address],
        ...(typeof content === 'function' ? content(language) : content),
      });
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

export interface ApprovalDecision {
  decision: 'approve' | 'reject';
  reason?: string | null;
  relationship?: RelationshipInput | null;
  actor?: Actor;
}

/** Builds the grant of an approved request on the aggregate, as a direct grant (or quick grant) would. */
export async function approvedChanges(
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
      throw new BusinessRuleError('decision.relationship-required', undefined, [
        fieldError('relationship', 'decision.relationship-required', 'relationship.required'),
      ]);
    }
    await requireNotStopped(deps, request.enterpriseNumber);
    agg = record(createRelationship(agg, decision.relationship, clock));
  }
  const relationship = requireRelationship(agg);
  assertRelationshipNotEnded(relationship, clock.today);
  const existing = agg.grants.find((g) => g.rightId === right.rightId);
  if (existing) {
    const profiles = [...new Set([...existing.profiles, ...request.profiles])];
    // An extension asked for (an administrator's own grant): the later end date, within the rules.
    const endDate = request.endDate && request.endDate > existing.endDate ? { endDate: request.endDate } : {};
    const startDate =
      request.startDate && request.startDate < existing.startDate ? { startDate: request.startDate } : {};
    agg = record(
      updateGrant(
        agg,
        existing.grantId,
        right,
        { profiles, ...startDate, ...endDate },
        existing.version,
        clock,
      ),
    );
  } else {
    const period = defaultGrantPeriod(relationship, right, clock.today);
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
  const [, code, detail] = domain ?? [];
  if (code && detail) return { code, message: detail };
  return { code: type, message: fallback };
}

/** Ends a pending request as failed, with its task: one transaction. */
export async function closeAsFailed(deps: Deps, request: AccessRequest, task: Task | null, reason: string) {
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
