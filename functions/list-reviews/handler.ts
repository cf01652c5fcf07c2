import '#lib/runtime/reviews-adapter';
import { OrgParams } from '#lib/contracts/api';
import { apiHandler } from '#lib/http/api-handler';
import { reviewOverview } from '#lib/services/reviews/campaigns';

/** *Toegangsreview*: the settings, the next campaign's day, the running campaign and the last ones. */
export const handler = apiHandler(
  { auth: 'user', admin: true, readAhead: true, params: OrgParams },
  async ({ deps, params }) => ({ status: 200, body: await reviewOverview(deps, params.enterpriseNumber) }),
);
