import { PersonParams, ResumeRelationshipRequest } from '#lib/contracts/api';
import { apiHandler } from '#lib/http/api-handler';
import { resume } from '#lib/services/relationships';
import { personPage } from '#lib/services/views';

export const handler = apiHandler(
  { auth: 'user', admin: true, params: PersonParams, body: ResumeRelationshipRequest },
  async ({ deps, params, body, actor }) => {
    const agg = await resume(deps, { ...params, actor, reason: body.reason });
    return { status: 200, body: personPage(agg, deps.clock().today), etag: agg.relationship?.version };
  },
);
