import { GrantParams, UpdateGrantRequest } from '#lib/contracts/api';
import { apiHandler } from '#lib/http/api-handler';
import { editGrant } from '#lib/services/relationships';
import { personPage } from '#lib/services/views';

export const handler = apiHandler(
  { auth: 'user', admin: true, params: GrantParams, body: UpdateGrantRequest, ifMatch: true },
  async ({ deps, params, body, actor, ifMatch }) => {
    const { reason, ...patch } = body;
    const { grantId, ...person } = params;
    const agg = await editGrant(deps, { ...person, actor, reason }, grantId, patch, ifMatch);
    const updated = agg.grants.find((g) => g.grantId === grantId);
    return { status: 200, body: personPage(agg, deps.clock().today), etag: updated?.version };
  },
);
