import { ComparisonQuery, OrgParams } from '#lib/contracts/api';
import { apiHandler } from '#lib/http/api-handler';
import { comparePersons } from '#lib/services/persons';

export const handler = apiHandler(
  { auth: 'user', admin: true, readAhead: true, params: OrgParams, query: ComparisonQuery },
  async ({ deps, params, query }) => ({
    status: 200,
    body: await comparePersons(deps, params.enterpriseNumber, query.personIds),
  }),
);
