// Editing one's own grant to give more becomes an access request while others can decide: it starts the approval.
import '#lib/runtime/workflows-adapter';
import { GrantParams, UpdateGrantRequest } from '#lib/contracts/api';
import { apiHandler } from '#lib/http/api-handler';
import { editOrAsk } from '#lib/services/separation';
import { personPage } from '#lib/services/views';

/** 200 with the person page; 202 with the request when an administrator widens their own grant. */
export const handler = apiHandler(
  { auth: 'user', admin: true, params: GrantParams, body: UpdateGrantRequest, ifMatch: true },
  async ({ deps, params, body, actor, admin, caller, ifMatch, language }) => {
    const { reason, ...patch } = body;
    const { grantId, ...person } = params;
    const result = await editOrAsk(
      deps,
      { admin, actor, caller, language },
      { ...person, reason },
      grantId,
      patch,
      ifMatch,
    );
    if ('asked' in result) return { status: 202, body: result.asked };
    const updated = result.edited.grants.find((g) => g.grantId === grantId);
    return { status: 200, body: personPage(result.edited, deps.clock().today), etag: updated?.version };
  },
);
