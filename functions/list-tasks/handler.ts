import { OrgParams } from '#lib/contracts/api';
import { apiHandler } from '#lib/http/api-handler';
import { listTasks } from '#lib/services/tasks';

/** Mijn taken: what waits for this organisation's local administrators. */
export const handler = apiHandler(
  { auth: 'user', admin: true, readAhead: true, params: OrgParams },
  async ({ deps, params, language }) => ({
    status: 200,
    body: await listTasks(deps, params.enterpriseNumber, 'local-admins', language),
  }),
);
