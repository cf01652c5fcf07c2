import { GrantParams } from '#lib/contracts/api';
import { apiHandler } from '#lib/http/api-handler';
import { getGrant } from '#lib/services/persons';
import { grantView } from '#lib/services/views';

/** One granted right on its own, with the ETag its PATCH and DELETE take (If-Match). */
export const handler = apiHandler(
  { auth: 'user', admin: true, readAhead: true, params: GrantParams },
  async ({ deps, params }) => {
    const { agg, grant } = await getGrant(deps, params.enterpriseNumber, params.personId, params.grantId);
    return { status: 200, body: grantView(grant, agg.relationship, deps.clock().today), etag: grant.version };
  },
);
