import { DeleteRequest, GrantParams } from '#lib/contracts/api';
import { apiHandler } from '#lib/http/api-handler';
import { removeGrant } from '#lib/services/relationships';
import { personPage } from '#lib/services/views';

export const handler = apiHandler(
  { auth: 'user', admin: true, params: GrantParams, body: DeleteRequest, ifMatch: true },
  async ({ deps, params, body, actor, ifMatch }) => {
    const { grantId, ...person } = params;
    const agg = await removeGrant(deps, { ...person, actor, reason: body.reason }, grantId, ifMatch);
    return { status: 200, body: personPage(agg, deps.clock().today) };
  },
);
