import { PauseRelationshipRequest, PersonParams } from '#lib/contracts/api';
import { apiHandler } from '#lib/http/api-handler';
import { pause } from '#lib/services/relationships';
import { personPage } from '#lib/services/views';

/** Pausing suspends every right of the relationship at once. */
export const handler = apiHandler(
  { auth: 'user', admin: true, params: PersonParams, body: PauseRelationshipRequest },
  async ({ deps, params, body, actor }) => {
    const agg = await pause(deps, { ...params, actor, reason: body.reason }, body.reason);
    return { status: 200, body: personPage(agg, deps.clock().today), etag: agg.relationship?.version };
  },
);
