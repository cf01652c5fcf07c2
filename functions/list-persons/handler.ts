import { ListPersonsQuery, OrgParams } from '#lib/contracts/api';
import { apiHandler } from '#lib/http/api-handler';
import { listPersons } from '#lib/services/persons';

export const handler = apiHandler(
  { auth: 'user', admin: true, readAhead: true, params: OrgParams, query: ListPersonsQuery },
  async ({ deps, params, query }) => ({
    status: 200,
    body: await listPersons(deps, params.enterpriseNumber, query),
  }),
);
