import { ExtendRelationshipRequest, PersonParams } from '#lib/contracts/api';
import { apiHandler } from '#lib/http/api-handler';
import { lazyIdempotency } from '#lib/http/idempotency';
import { extend } from '#lib/services/relationships';
import { personPage } from '#lib/services/views';

export const handler = apiHandler(
  {
    auth: 'user',
    admin: true,
    params: PersonParams,
    body: ExtendRelationshipRequest,
    idempotent: lazyIdempotency,
  },
  async ({ deps, params, body, actor }) => {
    const agg = await extend(deps, { ...params, actor, reason: body.reason }, body);
    return { status: 200, body: personPage(agg, deps.clock().today), etag: agg.relationship?.version };
  },
);
