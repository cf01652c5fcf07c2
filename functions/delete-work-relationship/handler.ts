import { DeleteRequest, PersonParams } from '#lib/contracts/api';
import { apiHandler } from '#lib/http/api-handler';
import { removeRelationship } from '#lib/services/relationships';
import { personPage } from '#lib/services/views';

/** Removes the relationship and revokes its rights; the person becomes pending again. */
export const handler = apiHandler(
  { auth: 'user', admin: true, params: PersonParams, body: DeleteRequest, ifMatch: true },
  async ({ deps, params, body, actor, ifMatch }) => {
    const agg = await removeRelationship(deps, { ...params, actor, reason: body.reason }, ifMatch);
    return { status: 200, body: personPage(agg, deps.clock().today) };
  },
);
