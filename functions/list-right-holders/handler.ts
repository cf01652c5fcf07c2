import '#lib/runtime/audit-adapter';
import { RightHoldersParams, RightHoldersQuery } from '#lib/contracts/api';
import { apiHandler } from '#lib/http/api-handler';
import { rightHolders } from '#lib/services/audit';

/** Who held a right in the organisation on a day (default today): one Query of that right's holdings. */
export const handler = apiHandler(
  { auth: 'user', admin: true, readAhead: true, params: RightHoldersParams, query: RightHoldersQuery },
  async ({ deps, params, query }) => ({
    status: 200,
    body: await rightHolders(deps, params.enterpriseNumber, params.rightId, query.on ?? deps.clock().today),
  }),
);
