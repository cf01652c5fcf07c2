import { PersonParams } from '#lib/contracts/api';
import { apiHandler } from '#lib/http/api-handler';
import { getPersonAggregate } from '#lib/services/persons';
import { personPage } from '#lib/services/views';

export const handler = apiHandler(
  { auth: 'user', admin: true, readAhead: true, params: PersonParams },
  async ({ deps, params }) => {
    const agg = await getPersonAggregate(deps, params.enterpriseNumber, params.personId);
    return { status: 200, body: personPage(agg, deps.clock().today), etag: agg.membership.version };
  },
);
