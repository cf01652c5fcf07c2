import { apiHandler } from '#lib/http/api-handler';
import { whoAmI } from '#lib/services/identity';
import '#lib/runtime/registries-adapter';

/** The logged-in person and the organisations they may act for. */
export const handler = apiHandler({ auth: 'user' }, async ({ deps, caller }) => ({
  status: 200,
  body: await whoAmI(deps, caller),
}));
