import { HistoryQuery, PersonParams } from '#lib/contracts/api';
import { apiHandler } from '#lib/http/api-handler';
import { getHistory } from '#lib/services/persons';

export const handler = apiHandler(
  { auth: 'user', admin: true, readAhead: true, params: PersonParams, query: HistoryQuery },
  async ({ deps, params, query }) => ({
    status: 200,
    body: await getHistory(deps, params.enterpriseNumber, params.personId, query),
  }),
);
