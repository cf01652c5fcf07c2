// The logins' store, plugged in only where logins are read or recorded.
import '#lib/runtime/logins-adapter';
import { PersonParams } from '#lib/contracts/api';
import { apiHandler } from '#lib/http/api-handler';
import { getPersonAccounts } from '#lib/services/accounts';

export const handler = apiHandler(
  { auth: 'user', admin: true, readAhead: true, params: PersonParams },
  async ({ deps, params }) => ({
    status: 200,
    body: await getPersonAccounts(deps, params.enterpriseNumber, params.personId),
  }),
);
