import { NotFoundError } from '#lib/domain/errors';
import type { AccessRequest, Task } from '#lib/domain/tasks';
import { REQUEST_MAX_AGE_SECONDS, sendEach } from '#lib/services/access-requests/shared';
import type { Deps } from '#lib/services/deps';
import { uiLinks } from '#lib/services/links';
import * as messages from '#lib/services/messages';
import { adminAddressees } from '#lib/services/recipients';

export class RequestExpiredError extends Error {
  override name = 'RequestExpired';
}

/** Workflow step OpenTask: opens the task (or refreshes its token after a restart) and tells the admins once. */
export async function openApprovalTask(
  deps: Deps,
  input: { requestId: string; enterpriseNumber: string; taskToken: string },
) {
  const request = await deps.requests.get(input.requestId);
  if (!request) throw new NotFoundError('access-request.not-found');
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
  const to = await adminAddressees(deps, request.enterpriseNumber);
  await sendEach(deps, to, (language) =>
    messages.requestReceived({
      organisationName: request.organisationName,
      requesterName: request.requesterName,
      right: request.right,
      profiles: request.profiles,
      tasksUrl: uiLinks(deps.appUrl).tasks(request.enterpriseNumber),
      preferencesUrl: uiLinks(deps.appUrl).preferences(),
      language,
    }),
  );
  await deps.notices.put(request.enterpriseNumber, REQUEST_NOTICES, marker, deps.clock().now);
}

/** Notices about requests live beside the person notices of the organisation, under this name. */
const REQUEST_NOTICES = 'REQUESTS';
