import { PersonParams, UpdateRelationshipRequest } from '#lib/contracts/api';
import { apiHandler } from '#lib/http/api-handler';
import { editRelationship } from '#lib/services/relationships';
import { personPage } from '#lib/services/views';

export const handler = apiHandler(
  { auth: 'user', admin: true, params: PersonParams, body: UpdateRelationshipRequest, ifMatch: true },
  async ({ deps, params, body, actor, ifMatch }) => {
    const { reason, ...patch } = body;
    const agg = await editRelationship(deps, { ...params, actor, reason }, patch, ifMatch);
    return { status: 200, body: personPage(agg, deps.clock().today), etag: agg.relationship?.version };
  },
);
