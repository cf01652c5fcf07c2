import { ExtendRelationshipRequest, PersonParams } from '#lib/contracts/api';
import { ForbiddenError } from '#lib/domain/errors';
import { apiHandler } from '#lib/http/api-handler';
import { lazyIdempotency } from '#lib/http/idempotency';
import { extend } from '#lib/services/relationships';
import { othersCanDecide } from '#lib/services/separation';
import { personPage } from '#lib/services/views';

export const handler = apiHandler(
  {
    auth: 'user',
    admin: true,
    params: PersonParams,
    body: ExtendRelationshipRequest,
    idempotent: lazyIdempotency,
  },
  async ({ deps, params, body, actor, admin }) => {
    // Separation of duties: one's own rights are extended by another local administrator, when there is one.
    if (body.includeRights && params.personId === admin.personId && (await othersCanDecide(deps, admin))) {
      throw new ForbiddenError('extension.own-rights');
    }
    const agg = await extend(deps, { ...params, actor, reason: body.reason }, body);
    return { status: 200, body: personPage(agg, deps.clock().today), etag: agg.relationship?.version };
  },
);
