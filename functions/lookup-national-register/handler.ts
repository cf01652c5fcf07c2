import { LookupRequest, OrgParams } from '#lib/contracts/api';
import { apiHandler } from '#lib/http/api-handler';
import { lookupNationalRegister } from '#lib/services/persons';
import '#lib/runtime/registries-adapter';

/** Add-person step 1: the register's details for the number the administrator typed. */
export const handler = apiHandler(
  { auth: 'user', admin: true, params: OrgParams, body: LookupRequest },
  async ({ deps, params, body }) => ({
    status: 200,
    body: await lookupNationalRegister(deps, params.enterpriseNumber, body.nationalNumber),
  }),
);
