import { OrgParams } from '#lib/contracts/api';
import { apiHandler } from '#lib/http/api-handler';
import { isLegalRepresentative } from '#lib/services/kbo/read';
import { listLocalAdmins } from '#lib/services/local-admins';
import '#lib/runtime/registries-adapter';

export const handler = apiHandler(
  { auth: 'user', admin: true, representative: isLegalRepresentative, params: OrgParams },
  async ({ deps, params, language }) => ({
    status: 200,
    body: await listLocalAdmins(deps, params.enterpriseNumber, language),
  }),
);
