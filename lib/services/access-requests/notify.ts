import { sendEach } from '#lib/services/access-requests/shared';
import type { Deps } from '#lib/services/deps';
import { uiLinks } from '#lib/services/links';
import * as messages from '#lib/services/messages';
import { languageOf } from '#lib/services/recipients';

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
  const preferencesUrl = uiLinks(deps.appUrl).preferences();
  // The requester's language, whichever of their addresses it goes to.
  const language = await languageOf(deps, request.pseudonym);
  const content =
    request.status === 'approved'
      ? messages.requestApproved({
          organisationName: request.organisationName,
          right: request.right,
          profiles: grant?.profiles ?? request.profiles,
          validUntil: grant?.endDate ?? null,
          portalUrl: uiLinks(deps.appUrl).portal(),
          preferencesUrl,
          language,
        })
      : request.status === 'rejected'
        ? messages.requestRejected({
            organisationName: request.organisationName,
            right: request.right,
            reason: request.decisionReason,
            preferencesUrl,
            language,
          })
        : request.status === 'failed'
          ? messages.requestFailed({
              organisationName: request.organisationName,
              right: request.right,
              portalUrl: uiLinks(deps.appUrl).portal(),
              preferencesUrl,
              language,
            })
          : messages.requestExpired({
              organisationName: request.organisationName,
              right: request.right,
              preferencesUrl,
              language,
            });
  await sendEach(deps, to, content);
  // Written after sending: a crash in between may send twice, never zero times.
  await deps.notices.put(request.enterpriseNumber, who, marker, deps.clock().now);
  return { sent: true };
}
