import { MyAccessQuery } from '#lib/contracts/api';
import { apiHandler } from '#lib/http/api-handler';
import { myAccess } from '#lib/services/identity';
import '#lib/runtime/registries-adapter';

/** The portal's decision for the logged-in person, with whom to ask when the answer is no. */
export const handler = apiHandler(
  { auth: 'user', query: MyAccessQuery },
  async ({ deps, caller, query }) => ({
    status: 200,
    body: await myAccess(deps, caller, query),
  }),
);
