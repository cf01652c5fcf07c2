import { OrgParams } from '#lib/contracts/api';
import { apiHandler } from '#lib/http/api-handler';
import { listLocalAdmins } from '#lib/services/local-admins';
import '#lib/runtime/registries-adapter';

export const handler = apiHandler(
  { auth: 'user', admin: true, representative: true, params: OrgParams },
  async ({ deps, params }) => ({ status: 200, body: await listLocalAdmins(deps, params.enterpriseNumber) }),
);
