import { GrantRightRequest, PersonParams } from '#lib/contracts/api';
import { apiHandler } from '#lib/http/api-handler';
import { lazyIdempotency } from '#lib/http/idempotency';
import { grant } from '#lib/services/relationships';
import { personPage } from '#lib/services/views';

export const handler = apiHandler(
  { auth: 'user', admin: true, params: PersonParams, body: GrantRightRequest, idempotent: lazyIdempotency },
  async ({ deps, params, body, actor }) => {
    const { reason, right, ...input } = body;
    const agg = await grant(deps, { ...params, actor, reason }, right, input);
    const created = agg.grants.find((g) => g.rightId === right);
    return { status: 201, body: personPage(agg, deps.clock().today), etag: created?.version };
  },
);
