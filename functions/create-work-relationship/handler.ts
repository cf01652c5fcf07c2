import { CreateRelationshipRequest, PersonParams } from '#lib/contracts/api';
import { apiHandler } from '#lib/http/api-handler';
import { lazyIdempotency } from '#lib/http/idempotency';
import { linkPerson } from '#lib/services/relationships';
import { personPage } from '#lib/services/views';

/** Koppel gebruiker aan organisatie: the person becomes active. */
export const handler = apiHandler(
  {
    auth: 'user',
    admin: true,
    params: PersonParams,
    body: CreateRelationshipRequest,
    idempotent: lazyIdempotency,
  },
  async ({ deps, params, body, actor }) => {
    const { reason, ...input } = body;
    const agg = await linkPerson(deps, { ...params, actor, reason }, input);
    return { status: 201, body: personPage(agg, deps.clock().today), etag: agg.relationship?.version };
  },
);
